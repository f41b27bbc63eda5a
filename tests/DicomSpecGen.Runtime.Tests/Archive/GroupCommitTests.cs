using System.Collections.Concurrent;
using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The durable file store's group commit: a C-STORE's Success is returned only after its own staged file and
/// its placement record were fsynced in one pass (recorded by a disk-sync wrapper that also really fsyncs), the file
/// then in place; its settle line is written only after the folder holding the new name was fsynced and its index
/// row's batch committed durably (both off the C-STORE's path); a failed fsync or a cancelled transfer leaves nothing
/// visible. The live multi-association path with SHA-256 checks is
/// <see cref="Reliability.LoadTests"/>, which stores into the same durable store.</summary>
public class GroupCommitTests
{
    /// <summary>An fsync (file length and its record lines, or the names in the folder, at that moment), or an index
    /// batch's commit; Log: the placement logs' text at that moment.</summary>
    private sealed record SyncEvent(string Kind, string Path, long Length, string[] Names, string? Thread, string Log = "");

    private static string LogText(string root)
        => string.Concat(Directory.GetFiles(Path.Combine(root, ".placements"), "*.log").Select(f =>
        {
            using var s = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(s).ReadToEnd();
        }));

    /// <summary>Records each fsync, optionally slowly.</summary>
    private sealed class RecordingDisk(int delayMs = 0, bool failFiles = false) : IDiskSync
    {
        public ConcurrentQueue<SyncEvent> Events { get; } = new();

        public string? Root { get; set; }

        public void File(Microsoft.Win32.SafeHandles.SafeFileHandle file, string path)
        {
            if (failFiles) throw new IOException("injected fsync failure");
            Thread.Sleep(delayMs);
            OsDiskSync.Instance.File(file, path);
            Events.Enqueue(new SyncEvent("file", path, RandomAccess.GetLength(file), [], Thread.CurrentThread.Name,
                path.Contains(".placements", StringComparison.Ordinal) ? ReadShared(path) : ""));
        }

        public void Folder(string path)
        {
            OsDiskSync.Instance.Folder(path);
            Events.Enqueue(new SyncEvent("folder", path, 0, Directory.GetFileSystemEntries(path).Select(Path.GetFileName).ToArray()!, Thread.CurrentThread.Name,
                Root != null && Directory.Exists(Path.Combine(Root, ".placements")) ? LogText(Root) : ""));
        }

        private static string ReadShared(string path)
        {
            using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(s).ReadToEnd();
        }
    }

    /// <summary>The SQLite index (durable: synchronous=FULL), recording when each write-behind batch has committed.</summary>
    private sealed class RecordingIndex(SqliteInstanceIndex inner, RecordingDisk disk, string root) : IInstanceIndex
    {
        public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

        public Task<bool> AddAsync(InstanceRecord record, Archive.Index.DuplicatePolicy policy, CancellationToken cancellationToken) => inner.AddAsync(record, policy, cancellationToken);

        public async Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, Archive.Index.DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
        {
            var written = await inner.AddBatchAsync(records, cancellationToken);
            disk.Events.Enqueue(new SyncEvent("index", string.Join(' ', records.Select(r => r.Record.SopInstanceUid)), records.Count, [], Thread.CurrentThread.Name, LogText(root)));
            return written;
        }

        public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.QueryAsync(level, conditions, cancellationToken);

        public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.InstancesAsync(conditions, cancellationToken);
    }

    private static (DicomArchive Archive, string Root) Open(RecordingDisk disk)
    {
        var root = Path.GetFullPath(TestFiles.TempDir());
        disk.Root = root;
        // No journal: these check the path where each file is fsynced before Success (large files; JournalTests the other).
        var store = new FileSystemInstanceStore(root, disk, journalSize: 0);
        var index = new SqliteInstanceIndex(Path.Combine(store.Root, "index.sqlite"), durable: true);
        return (new DicomArchive(store, new RecordingIndex(index, disk, store.Root), "SCP"), store.Root);
    }

    /// <summary>The "+id target source" line of the instance in the logs' text; its id.</summary>
    private static string RecordId(string log, string relative)
        => log.Split('\n').Where(l => l.StartsWith('+') && l.Split(' ')[1] == relative).Select(l => l.Split(' ')[0][1..]).Distinct().Single();

    private static bool Settled(string log, string id) => log.Split('\n').Contains("-" + id);

    private static void AssertDurableAtSuccess(SyncEvent[] seen, string root, TestFiles.Instance instance)
    {
        var relative = FileSystemInstanceStore.SafeRelativePath(instance.SopInstanceUid);
        var target = Path.Combine(root, relative);
        // In place when Success is answered (the rename follows the pass at once)...
        Assert.True(System.IO.File.Exists(target), target);
        var length = new FileInfo(target).Length;
        // ...its own file, complete, fsynced under its staging name (the same inode as the final name)...
        Assert.Contains(seen, e => e.Kind == "file" && e.Length == length && e.Path.Contains(".incoming", StringComparison.Ordinal));
        // ...with its placement record "+id target source" (a line of the store's log) fsynced in that pass, naming
        // the staging file that was fsynced.
        var record = seen.Where(e => e.Kind == "file" && e.Path.Contains(".placements", StringComparison.Ordinal))
            .SelectMany(e => e.Log.Split('\n')).FirstOrDefault(l => l.StartsWith('+') && l.Split(' ')[1] == relative);
        Assert.NotNull(record);
        var source = Path.Combine(root, record.Split(' ')[2]);
        Assert.Contains(seen, e => e.Kind == "file" && e.Path == source && e.Length == length);
        // The staging file's name was durable before (its pool folder fsynced after the file was made, or, for a file
        // the store made itself, ".incoming" in the same pass).
        Assert.Contains(seen, e => e.Kind == "folder" && e.Path == Path.GetDirectoryName(source) && e.Names.Contains(Path.GetFileName(source)));
    }

    /// <summary>After the write-behind: the folder holding the new name and the root were fsynced, the index batch with
    /// the row committed, and only after both the record's settle line written.</summary>
    private static void AssertSettledAfterNameAndRowDurable(SyncEvent[] events, string root, TestFiles.Instance instance)
    {
        var relative = FileSystemInstanceStore.SafeRelativePath(instance.SopInstanceUid);
        var target = Path.Combine(root, relative);
        var folder = Path.GetDirectoryName(target)!;
        var id = RecordId(LogText(root) + string.Concat(events.Select(e => e.Log)), relative);
        Assert.True(Settled(LogText(root), id), $"record {id} of {relative} is settled");
        var folderSync = events.FirstOrDefault(e => e.Kind == "folder" && e.Path == folder && e.Names.Contains(Path.GetFileName(target)));
        Assert.NotNull(folderSync);
        Assert.False(Settled(folderSync.Log, id), "settled before its folder was fsynced");
        Assert.Contains(events, e => e.Kind == "folder" && e.Path == root && e.Names.Contains(Path.GetFileName(folder)));
        var commit = events.FirstOrDefault(e => e.Kind == "index" && e.Path.Split(' ').Contains(instance.SopInstanceUid));
        Assert.NotNull(commit);
        Assert.False(Settled(commit.Log, id), "settled before its index batch committed");
    }

    [Fact]
    public async Task Success_comes_after_one_pass_that_synced_the_file_and_its_record_and_the_settle_line_after_the_folder_and_the_row()
    {
        var disk = new RecordingDisk();
        var (archive, root) = Open(disk);
        using var _ = archive;
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1))[0];
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, file.Path));
        var seen = disk.Events.ToArray();   // what had happened when Success was returned
        AssertDurableAtSuccess(seen, root, file);
        Assert.All(seen.Where(e => e.Kind == "file"), e => Assert.Equal("dsg group fsync", e.Thread));
        await archive.IndexedAsync(CancellationToken.None);
        AssertSettledAfterNameAndRowDurable(disk.Events.ToArray(), root, file);
    }

    [Fact]
    public async Task Concurrent_stores_each_succeed_only_after_their_own_syncs()
    {
        var disk = new RecordingDisk(delayMs: 15);   // slow fsyncs: the others queue behind a running pass
        var (archive, root) = Open(disk);
        using var _ = archive;
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 16, pixelBytes: 4096);
        var checks = await Task.WhenAll(files.Select(f => Task.Run(async () =>
        {
            var status = await ArchiveTests.StoreFileAsync(archive, f.Path);
            return (f, status, seen: disk.Events.ToArray());
        })));
        foreach (var (f, status, seen) in checks)
        {
            Assert.Equal(0, status);
            AssertDurableAtSuccess(seen, root, f);
        }
        Assert.Equal(16, disk.Events.Count(e => e.Kind == "file" && e.Path.Contains(".incoming", StringComparison.Ordinal)));
        // One placement log, fsynced once per pass for all the records appended before it, not once per file.
        Assert.InRange(disk.Events.Count(e => e.Kind == "file" && e.Path.Contains(".placements", StringComparison.Ordinal)), 1, 16);
        Assert.Empty(Directory.GetFiles(Path.Combine(root, ".incoming")));
        await archive.IndexedAsync(CancellationToken.None);
        var events = disk.Events.ToArray();
        foreach (var f in files) AssertSettledAfterNameAndRowDurable(events, root, f);
        // The rows were written in batches (fewer commits than stores when they overlapped; never more).
        Assert.InRange(events.Count(e => e.Kind == "index"), 1, 16);
    }

    [Fact]
    public async Task A_failed_fsync_fails_the_store_and_leaves_nothing_visible()
    {
        var disk = new RecordingDisk(failFiles: true);
        var (archive, root) = Open(disk);
        using var _ = archive;
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1))[0];
        await Assert.ThrowsAsync<IOException>(() => ArchiveTests.StoreFileAsync(archive, file.Path));
        Assert.Empty(Directory.GetFiles(root, "*.dcm", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, ".incoming")));
        Assert.Empty(await archive.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
    }

    [Fact]
    public async Task A_transfer_cut_off_mid_data_set_leaves_nothing_visible_and_syncs_nothing()
    {
        var disk = new RecordingDisk();
        var (archive, root) = Open(disk);
        using var _ = archive;
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 8192))[0];
        await using var reader = await DicomFileReader.OpenAsync(File.OpenRead(file.Path));
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[100]);   // part of a data set, then the association is aborted
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => archive.StoreAsync(
            new StoreContext(reader.Meta.MediaStorageSopClassUid, reader.Meta.MediaStorageSopInstanceUid, "SCU", "SCP"),
            pipe.Reader, reader.TransferSyntax, abort.Token));
        Assert.Empty(Directory.GetFiles(root, "*.dcm", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(root, ".incoming")));
        // Only the folders' own syncs of the store's start and its pool: no file, no record.
        Assert.DoesNotContain(disk.Events, e => e.Kind != "folder");
        Assert.Empty(LogText(root).Trim());
    }
}
