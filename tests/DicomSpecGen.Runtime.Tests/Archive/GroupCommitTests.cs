using System.Collections.Concurrent;
using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The durable file store's group commit: a C-STORE's Success is returned only after its own file and the
/// folder holding its new name were fsynced (recorded by a disk-sync wrapper that also really fsyncs); a failed fsync
/// or a cancelled transfer leaves nothing visible. The live multi-association path with SHA-256 checks is
/// <see cref="Reliability.LoadTests"/>, which stores into the same durable store.</summary>
public class GroupCommitTests
{
    private sealed record SyncEvent(string Kind, string Path, long Length, string[] Names, string? Thread);

    /// <summary>Records each fsync (file length, or the names in the folder, at that moment), optionally slowly.</summary>
    private sealed class RecordingDisk(int delayMs = 0, bool failFiles = false) : IDiskSync
    {
        public ConcurrentQueue<SyncEvent> Events { get; } = new();

        public void File(FileStream file)
        {
            if (failFiles) throw new IOException("injected fsync failure");
            Thread.Sleep(delayMs);
            OsDiskSync.Instance.File(file);
            Events.Enqueue(new SyncEvent("file", file.Name, new FileInfo(file.Name).Length, [], Thread.CurrentThread.Name));
        }

        public void Folder(string path)
        {
            OsDiskSync.Instance.Folder(path);
            Events.Enqueue(new SyncEvent("folder", path, 0, Directory.GetFileSystemEntries(path).Select(Path.GetFileName).ToArray()!, Thread.CurrentThread.Name));
        }
    }

    private static (DicomArchive Archive, string Root) Open(RecordingDisk disk)
    {
        var store = new FileSystemInstanceStore(TestFiles.TempDir(), disk);
        return (new DicomArchive(store, new SqliteInstanceIndex(Path.Combine(store.Root, "index.sqlite")), "SCP"), store.Root);
    }

    private static void AssertDurableAtSuccess(SyncEvent[] seen, string root, TestFiles.Instance instance)
    {
        var relative = FileSystemInstanceStore.SafeRelativePath(instance.SopInstanceUid);
        var target = Path.Combine(root, relative);
        var length = new FileInfo(target).Length;
        // Its own file, complete, fsynced under its staging name (the same inode as the final name)...
        Assert.Contains(seen, e => e.Kind == "file" && e.Length == length && e.Path.Contains(".incoming", StringComparison.Ordinal));
        // ...its placement record (a line of the store's log) fsynced with it, before the rename...
        Assert.Contains(seen, e => e.Kind == "file" && e.Path.Contains(".placements", StringComparison.Ordinal) && e.Length > 0);
        // ...its folder fsynced after the rename put the name there...
        var folder = Path.GetDirectoryName(target)!;
        Assert.Contains(seen, e => e.Kind == "folder" && e.Path == folder && e.Names.Contains(Path.GetFileName(target)));
        // ...and the root after the folder existed.
        Assert.Contains(seen, e => e.Kind == "folder" && e.Path == root && e.Names.Contains(Path.GetFileName(folder)));
    }

    [Fact]
    public async Task Success_comes_after_the_file_and_its_folder_were_fsynced()
    {
        var disk = new RecordingDisk();
        var (archive, root) = Open(disk);
        using var _ = archive;
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1))[0];
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, file.Path));
        var seen = disk.Events.ToArray();   // what had happened when Success was returned
        AssertDurableAtSuccess(seen, root, file);
        Assert.All(seen, e => Assert.Equal("dsg group fsync", e.Thread));
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
        Assert.Empty(disk.Events);
    }
}
