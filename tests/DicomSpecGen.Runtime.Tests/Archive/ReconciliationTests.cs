using System.Diagnostics;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>A writer stopped between placing a file (the rename) and writing its index row: the placement record it
/// left is found by its node's next start, which indexes the whole file, sets aside one that cannot be read, and
/// leaves other nodes' and live processes' records alone. docs/scale-out.md "The shared folder".</summary>
public abstract class ReconciliationTests
{
    protected abstract IndexBackend Backend { get; }

    /// <summary>An index that fails every write, as a process killed before its index row would (the file is placed).</summary>
    private sealed class IndexDiesOnWrite(IInstanceIndex inner) : IInstanceIndex
    {
        public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => throw new IOException("killed before the index row");

        public Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken) => throw new IOException("killed before the index row");

        public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.QueryAsync(level, conditions, cancellationToken);

        public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.InstancesAsync(conditions, cancellationToken);
    }

    /// <summary>Stores each file through an archive whose index write fails: each ends placed, unindexed, with its
    /// placement record; returns the placement logs holding the records, renamed as if written by process <paramref name="pid"/>
    /// of <paramref name="node"/>.</summary>
    private async Task<List<string>> PlaceWithoutIndexAsync(string folder, IEnumerable<string> files, DuplicatePolicy policy, string node, int pid)
    {
        using var real = DicomArchive.OpenIndex(folder, Backend.IndexFor(folder));
        var archive = new DicomArchive(new FileSystemInstanceStore(folder, flushToDisk: false), new IndexDiesOnWrite(real), "SCP") { Duplicates = policy };
        foreach (var file in files) await Assert.ThrowsAsync<IOException>(() => ArchiveTests.StoreFileAsync(archive, file));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming"), "*.part"));
        var placements = Path.Combine(folder, ".placements");
        var records = new List<string>();
        foreach (var log in Directory.GetFiles(placements, $"{FileSystemInstanceStore.NodeName}-{Environment.ProcessId}-*.log"))
        {
            var rest = Path.GetFileName(log)[$"{FileSystemInstanceStore.NodeName}-{Environment.ProcessId}-".Length..];
            var renamed = Path.Combine(placements, $"{node}-{pid}-{rest}");
            File.Move(log, renamed);
            records.Add(renamed);
        }
        return records;
    }

    private static async Task<int> DeadPidAsync()
    {
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await ended.WaitForExitAsync();
        return ended.Id;
    }

    [Theory]
    [InlineData(DuplicatePolicy.Replace)]
    [InlineData(DuplicatePolicy.KeepFirst)]
    public async Task A_file_placed_by_a_killed_writer_is_indexed_by_the_next_start_once(DuplicatePolicy policy)
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 3);
        var dead = await DeadPidAsync();
        var records = await PlaceWithoutIndexAsync(folder, sent.Select(s => s.Path), policy, FileSystemInstanceStore.NodeName, dead);
        Assert.Equal(3, records.Sum(r => PlacementLog.ReadOpen(r).Count));

        // The state the scale-out test saw: whole files no query finds.
        using (var before = Backend.Open(folder, "SCP", duplicates: policy))
            Assert.Empty(await before.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        Assert.Equal(3, Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Length);

        // The node's next start.
        using var restarted = Backend.Open(folder, "SCP", duplicates: policy);
        Assert.Equal((3, 0), await restarted.ReconcileAsync(CancellationToken.None));
        var rows = await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None);
        Assert.Equal(sent.Select(s => s.SopInstanceUid).Order(StringComparer.Ordinal), rows.Select(r => r["sop_uid"]!).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        // Again (or by a second node): nothing left to do, nothing doubled.
        Assert.Equal((0, 0), await restarted.ReconcileAsync(CancellationToken.None));
        Assert.Equal(3, (await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
        // The resend the sender makes (it never got Success) is stored as any duplicate is.
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(restarted, sent[0].Path));
        Assert.Equal(3, (await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
        Assert.Equal(3, Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Records_of_other_nodes_and_of_live_processes_are_left_alone()
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 2);
        var dead = await DeadPidAsync();
        using var alive = Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        try
        {
            var otherNode = await PlaceWithoutIndexAsync(folder, [sent[0].Path], DuplicatePolicy.Replace, "other-node", dead);
            var live = await PlaceWithoutIndexAsync(folder, [sent[1].Path], DuplicatePolicy.Replace, FileSystemInstanceStore.NodeName, alive.Id);
            using var restarted = Backend.Open(folder, "SCP");
            Assert.Equal((0, 0), await restarted.ReconcileAsync(CancellationToken.None));
            Assert.Empty(await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
            Assert.All(otherNode.Concat(live), r => Assert.True(File.Exists(r), r));
        }
        finally
        {
            alive.Kill();
        }
    }

    [Fact]
    public async Task A_placed_file_that_cannot_be_read_to_its_end_is_set_aside_and_a_placement_that_never_happened_is_dropped()
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 2, pixelBytes: 4096);
        var dead = await DeadPidAsync();
        var records = await PlaceWithoutIndexAsync(folder, sent.Select(s => s.Path), DuplicatePolicy.Replace, FileSystemInstanceStore.NodeName, dead);
        // One file cut short (no fsync and a power loss), the other never renamed into place.
        var cut = Path.Combine(folder, FileSystemInstanceStore.SafeRelativePath(sent[0].SopInstanceUid));
        var whole = await File.ReadAllBytesAsync(cut);
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length - 1000)]);
        File.Delete(Path.Combine(folder, FileSystemInstanceStore.SafeRelativePath(sent[1].SopInstanceUid)));

        using var restarted = Backend.Open(folder, "SCP");
        Assert.Equal((0, 1), await restarted.ReconcileAsync(CancellationToken.None));
        Assert.Empty(await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        Assert.DoesNotContain(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories), f => !f.Contains(".damaged", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(Path.Combine(folder, ".damaged")));
        Assert.All(records, r => Assert.False(File.Exists(r), r));
    }

    [Fact]
    public async Task An_index_failure_leaves_the_record_for_the_same_process_to_reconcile()
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 1);
        using var real = DicomArchive.OpenIndex(folder, Backend.IndexFor(folder));
        var store = new FileSystemInstanceStore(folder, flushToDisk: false);
        var failing = new DicomArchive(store, new IndexDiesOnWrite(real), "SCP");
        await Assert.ThrowsAsync<IOException>(() => ArchiveTests.StoreFileAsync(failing, sent[0].Path));
        // The same store (process) with the index back: the abandoned record is not in flight, so it is reconciled.
        var healed = new DicomArchive(store, real, "SCP");
        Assert.Equal((1, 0), await healed.ReconcileAsync(CancellationToken.None));
        Assert.Single(await real.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
    }
}

public sealed class SqliteReconciliationTests : ReconciliationTests
{
    protected override IndexBackend Backend => IndexBackend.Sqlite;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresReconciliationTests(PostgresCluster cluster) : ReconciliationTests
{
    protected override IndexBackend Backend { get; } = new PostgresBackend(cluster);
}
