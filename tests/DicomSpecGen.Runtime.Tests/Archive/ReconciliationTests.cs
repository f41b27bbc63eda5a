using System.Diagnostics;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>A writer stopped between placing a file (the rename) and writing its index row: the placement record it
/// left is found by its node's next start, which indexes the whole file, sets aside one that cannot be read, and
/// leaves other nodes' and live processes' records alone. docs/scale-out.md "The shared folder".</summary>
public abstract class ReconciliationTests
{
    protected abstract IndexBackend Backend { get; }

    /// <summary>Stores each file through an archive whose index write fails: each is answered Success (the row is
    /// written behind) and ends placed, unindexed, with its placement record open; returns the placement logs holding
    /// the records, renamed as if written by process <paramref name="pid"/> of <paramref name="node"/>.</summary>
    private async Task<List<string>> PlaceWithoutIndexAsync(string folder, IEnumerable<string> files, DuplicatePolicy policy, string node, int pid)
    {
        using var real = DicomArchive.OpenIndex(folder, Backend.IndexFor(folder));
        using (var archive = new DicomArchive(new FileSystemInstanceStore(folder, flushToDisk: false), new IndexDiesOnWrite(real), "SCP") { Duplicates = policy })
            foreach (var file in files) Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, file));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming"), "*.part"));
        return RenameLogs(folder, node, pid);
    }

    /// <summary>This process's placement logs in the folder, renamed as if written by process <paramref name="pid"/> of <paramref name="node"/>.</summary>
    private static List<string> RenameLogs(string folder, string node, int pid)
    {
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
        // Success: the row is written behind; the writer retries, then gives the record up (left open).
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(failing, sent[0].Path));
        await failing.IndexedAsync(CancellationToken.None);
        Assert.Single(store.Unsettled());
        Assert.Empty(await failing.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        // The same store (process) with the index back: the abandoned record is not in flight, so it is reconciled.
        var healed = new DicomArchive(store, real, "SCP");
        Assert.Equal((1, 0), await healed.ReconcileAsync(CancellationToken.None));
        Assert.Single(await real.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        Assert.Empty(store.Unsettled());
    }

    /// <summary>An index that fails the first <paramref name="failures"/> writes (a database restarting), then works.</summary>
    private sealed class IndexFailsAtFirst(IInstanceIndex inner, int failures) : IInstanceIndex
    {
        private int _left = failures;

        public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => AddAsync(record, DuplicatePolicy.Replace, cancellationToken);

        public Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken)
            => Interlocked.Decrement(ref _left) >= 0 ? throw new IOException("index briefly down") : inner.AddAsync(record, policy, cancellationToken);

        public Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
            => Interlocked.Decrement(ref _left) >= 0 ? throw new IOException("index briefly down") : inner.AddBatchAsync(records, cancellationToken);

        public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.QueryAsync(level, conditions, cancellationToken);

        public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.InstancesAsync(conditions, cancellationToken);
    }

    [Fact]
    public async Task An_index_that_fails_for_a_moment_gets_every_row_by_the_writers_retries_and_a_query_waits_for_them()
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 4);
        using var real = DicomArchive.OpenIndex(folder, Backend.IndexFor(folder));
        var store = new FileSystemInstanceStore(folder, flushToDisk: false);
        var archive = new DicomArchive(store, new IndexFailsAtFirst(real, failures: 3), "SCP");
        foreach (var f in sent) Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
        // Read-your-writes: the query waits for the retried batch.
        Assert.Equal(4, (await archive.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
        Assert.Empty(store.Unsettled());
        Assert.Equal((0, 0), await archive.ReconcileAsync(CancellationToken.None));
    }

    /// <summary>Stages each file (data and record written, as at the durability point) without placing it, as a writer
    /// killed between the pass that made its record durable and the rename; the logs renamed to a dead process.</summary>
    private async Task<List<string>> StageOnlyAsync(string folder, IEnumerable<string> files, int pid)
    {
        var store = new FileSystemInstanceStore(folder, flushToDisk: false);
        foreach (var path in files)
        {
            await using var reader = await DicomFileReader.OpenAsync(File.OpenRead(path));
            var offset = 132 + 12 + BitConverter.ToUInt32(File.ReadAllBytes(path), 140);
            var bytes = File.ReadAllBytes(path)[(int)offset..];
            var meta = new DicomFileMeta(reader.Meta.MediaStorageSopClassUid, reader.Meta.MediaStorageSopInstanceUid, reader.Meta.TransferSyntaxUid);
            await store.StageAsync(meta, System.IO.Pipelines.PipeReader.Create(new System.Buffers.ReadOnlySequence<byte>(bytes)), CancellationToken.None);
        }
        return RenameLogs(folder, FileSystemInstanceStore.NodeName, pid);
    }

    /// <summary>Staging files holding data (the pool's empty ready files left out).</summary>
    private static string[] Staged(string folder)
        => [.. Directory.GetFiles(Path.Combine(folder, ".incoming"), "*.part", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 0)];

    [Theory]
    [InlineData(DuplicatePolicy.Replace)]
    [InlineData(DuplicatePolicy.KeepFirst)]
    public async Task A_durable_record_whose_file_is_still_staged_is_placed_from_the_staging_file_and_indexed(DuplicatePolicy policy)
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 2);
        var dead = await DeadPidAsync();
        var records = await StageOnlyAsync(folder, sent.Select(s => s.Path), dead);
        Assert.Equal(2, records.Sum(r => PlacementLog.ReadOpenRecords(r).Values.Count(v => v.Source != null)));
        Assert.Empty(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        var staged = Staged(folder);
        Assert.Equal(2, staged.Length);

        // The next start keeps the staging files its records name (a dead writer's other staging files go).
        using var restarted = Backend.Open(folder, "SCP", duplicates: policy);
        Assert.All(staged, s => Assert.True(File.Exists(s), s));
        Assert.Equal((2, 0), await restarted.ReconcileAsync(CancellationToken.None));
        var rows = await restarted.Index.InstancesAsync([], CancellationToken.None);
        Assert.Equal(sent.Select(s => s.SopInstanceUid).Order(StringComparer.Ordinal), rows.Select(r => r.SopInstanceUid).Order(StringComparer.Ordinal));
        foreach (var s in sent)
            Assert.Equal(await ReadDataSetAsync(s.Path), await ReadDataSetAsync(Path.Combine(folder, FileSystemInstanceStore.SafeRelativePath(s.SopInstanceUid))));
        Assert.All(staged, s => Assert.False(File.Exists(s), s));
        Assert.All(records, r => Assert.False(File.Exists(r), r));
        Assert.Equal((0, 0), await restarted.ReconcileAsync(CancellationToken.None));
    }

    /// <summary>The data set bytes of a Part 10 file (after its meta).</summary>
    private static async Task<byte[]> ReadDataSetAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        return bytes[(int)(132 + 12 + BitConverter.ToUInt32(bytes, 140))..];
    }

    [Fact]
    public async Task A_whole_staged_copy_replaces_the_older_copy_in_place_and_a_cut_staged_copy_leaves_it()
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 2, pixelBytes: 4096);
        // Older copies in place and indexed.
        using (var first = Backend.Open(folder, "SCP"))
            foreach (var s in sent) Assert.Equal(0, await ArchiveTests.StoreFileAsync(first, s.Path));
        var placed = sent.Select(s => Path.Combine(folder, FileSystemInstanceStore.SafeRelativePath(s.SopInstanceUid))).ToArray();
        foreach (var p in placed) File.SetLastWriteTimeUtc(p, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var dead = await DeadPidAsync();
        await StageOnlyAsync(folder, sent.Select(s => s.Path), dead);
        // The second staged copy cut short (no fsync, then a power loss: Success was never answered for it).
        var cut = Staged(folder).Single(f => new FileInfo(f).Length > 0 && File.ReadAllBytes(f).AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(sent[1].SopInstanceUid)) >= 0);
        var whole = await File.ReadAllBytesAsync(cut);
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length - 1000)]);

        using var restarted = Backend.Open(folder, "SCP");
        Assert.Equal((1, 0), await restarted.ReconcileAsync(CancellationToken.None));
        // The whole staged copy is the one in place now; the cut one went, the older copy of its instance stays.
        Assert.NotEqual(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(placed[0]));
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(placed[1]));
        Assert.Empty(Staged(folder));
        Assert.Equal(2, (await restarted.Index.InstancesAsync([], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_record_with_neither_its_staging_file_nor_its_file_in_place_is_dropped()
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), 1);
        var dead = await DeadPidAsync();
        var records = await StageOnlyAsync(folder, sent.Select(s => s.Path), dead);
        foreach (var f in Staged(folder)) File.Delete(f);
        using var restarted = Backend.Open(folder, "SCP");
        Assert.Equal((0, 0), await restarted.ReconcileAsync(CancellationToken.None));
        Assert.Empty(await restarted.Index.InstancesAsync([], CancellationToken.None));
        Assert.Empty(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        Assert.All(records, r => Assert.False(File.Exists(r), r));
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
