using System.Collections.Concurrent;
using System.Diagnostics;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Association;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The durable store's journal of small instances (docs/architecture.md "The journal"): Success waits for the
/// fdatasync of a journal record holding the file's whole bytes; the file is fsynced behind, before its record is
/// settled; a record torn at any byte is never read back; a whole open record is placed and indexed exactly once by
/// the node's next start, even when the placed file and its staging file were lost; an old record is never placed
/// over a newer settled copy; the journal's space is used again only after its records are settled.</summary>
public class JournalTests
{
    /// <summary>Real syncs, each recorded: kind ("file", "data", "fileat", "folder") and path, in order.</summary>
    private sealed class RecordingDisk : IDiskSync
    {
        public ConcurrentQueue<(string Kind, string Path)> Events { get; } = new();

        public void File(Microsoft.Win32.SafeHandles.SafeFileHandle file, string path)
        {
            OsDiskSync.Instance.File(file, path);
            Events.Enqueue(("file", path));
        }

        public void Data(Microsoft.Win32.SafeHandles.SafeFileHandle file, string path)
        {
            OsDiskSync.Instance.Data(file, path);
            Events.Enqueue(("data", path));
            DataThreads.Enqueue(Thread.CurrentThread.Name);
        }

        /// <summary>The name of the thread each fdatasync ran on.</summary>
        public ConcurrentQueue<string?> DataThreads { get; } = new();

        public void FileAt(string path)
        {
            OsDiskSync.Instance.FileAt(path);
            Events.Enqueue(("fileat", path));
        }

        public void Folder(string path)
        {
            OsDiskSync.Instance.Folder(path);
            Events.Enqueue(("folder", path));
        }

        /// <summary>Whether this disk offers syncfs (off: the per-file fsyncs are what is tested).</summary>
        public bool FileSystemSync { get; init; }

        public bool CanSyncFileSystem => FileSystemSync;

        public void FileSystem(string path)
        {
            OsDiskSync.Instance.FileSystem(path);
            Events.Enqueue(("syncfs", path));
        }
    }

    private static async Task<FileSystemInstanceStore> DurableStoreAsync(string folder, IDiskSync disk, long journalSize = 1 << 20)
    {
        var store = new FileSystemInstanceStore(folder, disk, journalSize);
        await store.JournalReadyAsync();
        return store;
    }

    private static string JournalOf(string root) => Directory.GetFiles(Path.Combine(root, ".placements"), "*.journal").Single();

    private static byte[] JournalBytes(string journal, PlacementJournal.Entry entry)
    {
        var all = File.ReadAllBytes(journal);
        return all.AsSpan((int)entry.DataOffset, entry.DataLength).ToArray();
    }

    [Fact]
    public async Task Success_of_a_small_store_follows_the_journal_sync_of_its_whole_bytes_and_the_file_is_fsynced_before_settling()
    {
        var disk = new RecordingDisk();
        var folder = TestFiles.TempDir();
        var store = await DurableStoreAsync(folder, disk);
        using var archive = new DicomArchive(store, DicomArchive.OpenIndex(store.Root, null), "SCP");
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 4096))[0];
        var before = disk.Events.Count;
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, file.Path));
        var seen = disk.Events.Skip(before).ToArray();
        var relative = FileSystemInstanceStore.SafeRelativePath(file.SopInstanceUid);
        var target = Path.Combine(store.Root, relative);
        var journal = JournalOf(store.Root);
        // At Success: the journal was fdatasynced, it holds the placed file's exact bytes under its name, and the
        // staging file itself was not fsynced (that is the point: one data-only sync instead of file + log).
        Assert.Contains(("data", journal), seen);
        Assert.DoesNotContain(seen, e => e.Kind == "file" && e.Path.Contains(".incoming", StringComparison.Ordinal));
        var entry = Assert.Single(PlacementJournal.Read(journal).Values, e => e.Target == relative);
        Assert.Equal(File.ReadAllBytes(target), JournalBytes(journal, entry));
        // Behind: the placed file is fsynced (and its folder), and only then is the record settled.
        await archive.IndexedAsync(CancellationToken.None);
        var all = disk.Events.ToArray();
        Assert.Contains(("fileat", target), all);
        Assert.Contains(("folder", Path.GetDirectoryName(target)!), all);
        var log = Directory.GetFiles(Path.Combine(store.Root, ".placements"), "*.log").Single();
        Assert.Empty(PlacementLog.ReadOpenRecords(log));
    }

    /// <summary>A sender that waits for each response (storescu, dsg store without a window): the association's reading
    /// thread has nothing more to read while the store waits for its journal's fdatasync, so it runs that sync itself
    /// instead of handing it to the group sync thread and being handed the completion back (two wake-ups per store).
    /// Syncs asked for from any other thread (the direct store of the other tests) still go to the sync thread.</summary>
    [Fact]
    public async Task A_waiting_senders_journal_sync_runs_on_its_association_reading_thread()
    {
        var disk = new RecordingDisk();
        var folder = TestFiles.TempDir();
        var store = await DurableStoreAsync(folder, disk);
        var archive = new DicomArchive(store, DicomArchive.OpenIndex(store.Root, null), "DSGSCP");
        await using var server = ArchiveServer.Start(archive, folder);
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 8, pixelBytes: 2048);
        await using (var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port,
            new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian]))))
        {
            // The first store's pass may be the sync thread's: the placement log is made then, and its folders'
            // fsyncs are queued on the same group sync.
            Assert.Equal(0, (await client.StoreFileAsync(files[0].Path)).Status);
            var first = disk.DataThreads.Count;
            foreach (var f in files.Skip(1)) Assert.Equal(0, (await client.StoreFileAsync(f.Path)).Status);
            await client.ReleaseAsync();
            Assert.Equal(1, first);
        }
        Assert.Equal(files.Count, disk.DataThreads.Count);
        Assert.All(disk.DataThreads.Skip(1), name => Assert.Equal("DICOM association reader", name));

        // The same store from a test thread (no association): the group sync thread does it.
        var direct = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 2048))[0];
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, direct.Path));
        Assert.Equal("dsg group fsync", disk.DataThreads.Last());
    }

    /// <summary>Stages and places <paramref name="count"/> small files through the journal, as the archive does
    /// before Success; returns them for <see cref="FileSystemInstanceStore.SyncPlacedAsync"/>.</summary>
    private static async Task<List<StagedFile>> PlaceSmallAsync(FileSystemInstanceStore store, int count)
    {
        var placed = new List<StagedFile>();
        foreach (var f in await TestFiles.CreateAsync(TestFiles.TempDir(), count, pixelBytes: 2048))
        {
            var bytes = File.ReadAllBytes(f.Path);
            var offset = 132 + 12 + (int)BitConverter.ToUInt32(bytes, 140);
            var meta = new DicomFileMeta(DicomUids.CTImageStorage, f.SopInstanceUid, DicomUids.ExplicitVRLittleEndian);
            var staged = await store.StageAsync(meta, System.IO.Pipelines.PipeReader.Create(new System.Buffers.ReadOnlySequence<byte>(bytes[offset..])), CancellationToken.None);
            Assert.True(staged.Journaled);
            await store.CommitAsync(staged, CancellationToken.None);
            placed.Add(staged);
        }
        return placed;
    }

    [Fact]
    public async Task A_batch_of_enough_journaled_files_is_made_durable_by_one_syncfs_instead_of_their_fsyncs()
    {
        Assert.True(OsDiskSync.Instance.CanSyncFileSystem, "syncfs with error reporting needs Linux 5.8 or later");
        var disk = new RecordingDisk { FileSystemSync = true };
        var store = await DurableStoreAsync(TestFiles.TempDir(), disk);
        var placed = await PlaceSmallAsync(store, FileSystemInstanceStore.FileSystemSyncMinimum);
        var before = disk.Events.Count;
        await store.SyncPlacedAsync(placed, CancellationToken.None);
        // The staging pool refills in the background and syncs its own folders under .incoming meanwhile: not ours.
        var seen = disk.Events.Skip(before).Where(e => !e.Path.Contains(".incoming", StringComparison.Ordinal)).ToArray();
        Assert.Equal([("syncfs", store.Root)], seen);
        // A smaller batch: its file and its folder (the folder's own name was made durable at start).
        var again = await PlaceSmallAsync(store, 1);
        var folder = Path.GetDirectoryName(Path.Combine(store.Root, again[0].RelativePath))!;
        before = disk.Events.Count;
        await store.SyncPlacedAsync(again, CancellationToken.None);
        seen = disk.Events.Skip(before).ToArray();
        Assert.DoesNotContain(seen, e => e.Kind == "syncfs");
        Assert.Contains(("fileat", Path.Combine(store.Root, again[0].RelativePath)), seen);
        Assert.Contains(("folder", folder), seen);
        Assert.DoesNotContain(("folder", store.Root), seen);
    }

    /// <summary>The store makes every hash folder ("00"-"ff") when it starts, before the one fsync of the root that makes
    /// the names durable, so no store makes a folder on its path or fsyncs the root behind its first file there; a
    /// folder removed by hand is made again by the next store into it.</summary>
    [Fact]
    public async Task The_hash_folders_are_made_and_their_names_synced_at_start()
    {
        var disk = new RecordingDisk();
        var root = TestFiles.TempDir();
        var store = await DurableStoreAsync(root, disk);
        var folders = Directory.GetDirectories(store.Root).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(0, 256).Select(i => i.ToString("x2")), folders);
        Assert.Contains(("folder", store.Root), disk.Events);
        var placed = await PlaceSmallAsync(store, 3);
        Assert.All(placed, p => Assert.True(File.Exists(Path.Combine(store.Root, p.RelativePath))));
        var before = disk.Events.Count;
        await store.SyncPlacedAsync(placed, CancellationToken.None);
        Assert.DoesNotContain(("folder", store.Root), disk.Events.Skip(before));

        // Removed by hand while running: the next store into it makes it again.
        var extra = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 2048))[0];
        var gone = Path.Combine(store.Root, Path.GetDirectoryName(FileSystemInstanceStore.SafeRelativePath(extra.SopInstanceUid))!);
        Directory.Delete(gone, recursive: true);
        using var archive = new DicomArchive(store, DicomArchive.OpenIndex(store.Root, null), "SCP");
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, extra.Path));
        Assert.True(File.Exists(Path.Combine(store.Root, FileSystemInstanceStore.SafeRelativePath(extra.SopInstanceUid))));
    }

    [Fact]
    public async Task A_small_batch_keeps_the_fsync_of_each_file_and_folder()
    {
        var disk = new RecordingDisk { FileSystemSync = true };
        var store = await DurableStoreAsync(TestFiles.TempDir(), disk);
        var placed = await PlaceSmallAsync(store, FileSystemInstanceStore.FileSystemSyncMinimum - 1);
        var before = disk.Events.Count;
        await store.SyncPlacedAsync(placed, CancellationToken.None);
        var seen = disk.Events.Skip(before).ToArray();
        Assert.DoesNotContain(seen, e => e.Kind == "syncfs");
        foreach (var p in placed)
        {
            var target = Path.Combine(store.Root, p.RelativePath);
            Assert.Contains(("fileat", target), seen);
            Assert.Contains(("folder", Path.GetDirectoryName(target)!), seen);
        }
    }

    [Fact]
    public async Task Many_stores_at_once_all_settle_each_file_covered_by_its_fsync_or_a_syncfs_after_its_rename()
    {
        var disk = new RecordingDisk { FileSystemSync = true };
        var store = await DurableStoreAsync(TestFiles.TempDir(), disk);
        using var archive = new DicomArchive(store, DicomArchive.OpenIndex(store.Root, null), "SCP");
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 40, pixelBytes: 2048);
        var codes = await Task.WhenAll(files.Select(f => ArchiveTests.StoreFileAsync(archive, f.Path)));
        Assert.All(codes, c => Assert.Equal(0, c));
        await archive.IndexedAsync(CancellationToken.None);
        var all = disk.Events.ToArray();
        foreach (var f in files)
        {
            var target = Path.Combine(store.Root, FileSystemInstanceStore.SafeRelativePath(f.SopInstanceUid));
            Assert.True(all.Contains(("fileat", target)) || all.Contains(("syncfs", store.Root)), $"{target} was never made durable");
        }
        var log = Directory.GetFiles(Path.Combine(store.Root, ".placements"), "*.log").Single();
        Assert.Empty(PlacementLog.ReadOpenRecords(log));
        Assert.Equal(files.Count, (await archive.Index.InstancesAsync([], CancellationToken.None)).Count);
    }

    [Fact]
    public void Syncfs_of_a_missing_folder_fails_naming_it()
    {
        var missing = Path.Combine(TestFiles.TempDir(), "gone");
        var e = Assert.ThrowsAny<IOException>(() => OsDiskSync.Instance.FileSystem(missing));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_large_store_takes_the_fsync_path()
    {
        var disk = new RecordingDisk();
        var store = await DurableStoreAsync(TestFiles.TempDir(), disk);
        using var archive = new DicomArchive(store, DicomArchive.OpenIndex(store.Root, null), "SCP");
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: FileSystemInstanceStore.JournalLimit + 1024))[0];
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, file.Path));
        Assert.Contains(disk.Events, e => e.Kind == "file" && e.Path.Contains(".incoming", StringComparison.Ordinal));
        Assert.Empty(PlacementJournal.Read(JournalOf(store.Root)));
    }

    /// <summary>Journal records of three stores; the placed files and the staging files are then lost (a power loss
    /// before the behind fsync), the log and journal renamed as a dead process's.</summary>
    private static async Task<(string Folder, List<TestFiles.Instance> Sent, string Log, string Journal)> CrashAfterSuccessAsync(
        int count = 3, DuplicatePolicy policy = DuplicatePolicy.Replace, bool truncatePlaced = false)
    {
        var folder = TestFiles.TempDir();
        var sent = await TestFiles.CreateAsync(TestFiles.TempDir(), count, pixelBytes: 2048);
        var store = await DurableStoreAsync(folder, OsDiskSync.Instance, journalSize: 64 * 1024);
        using (var real = DicomArchive.OpenIndex(store.Root, null))
        using (var archive = new DicomArchive(store, new IndexDiesOnWrite(real), "SCP") { Duplicates = policy })
            foreach (var f in sent) Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
        foreach (var f in sent)
        {
            // Lost entirely, or cut short (its name durable, its data not).
            var placed = Path.Combine(store.Root, FileSystemInstanceStore.SafeRelativePath(f.SopInstanceUid));
            if (!truncatePlaced) File.Delete(placed);
            else using (var cut = new FileStream(placed, FileMode.Open, FileAccess.Write)) cut.SetLength(cut.Length / 2);
        }
        foreach (var part in Directory.GetFiles(Path.Combine(store.Root, ".incoming"), "*.part", SearchOption.AllDirectories)) File.Delete(part);
        using var ended = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await ended.WaitForExitAsync();
        var placements = Path.Combine(store.Root, ".placements");
        var prefix = $"{FileSystemInstanceStore.NodeName}-{Environment.ProcessId}-";
        string? log = null, journal = null;
        foreach (var path in Directory.GetFiles(placements, prefix + "*"))
        {
            var renamed = Path.Combine(placements, $"{FileSystemInstanceStore.NodeName}-{ended.Id}-{Path.GetFileName(path)[prefix.Length..]}");
            File.Move(path, renamed);
            if (renamed.EndsWith(".log", StringComparison.Ordinal)) log = renamed;
            else journal = renamed;
        }
        return (store.Root, sent, log!, journal!);
    }

    [Fact]
    public async Task Records_of_a_writer_that_died_after_Success_are_placed_from_the_journal_and_indexed_exactly_once()
    {
        var (folder, sent, log, journal) = await CrashAfterSuccessAsync();
        Assert.Equal(3, PlacementJournal.Read(journal).Count);
        Assert.Empty(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        using (var restarted = DicomArchive.Open(folder, "SCP"))
        {
            Assert.Equal((3, 0), await restarted.ReconcileAsync(CancellationToken.None));
            var rows = await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None);
            Assert.Equal(sent.Select(s => s.SopInstanceUid).Order(StringComparer.Ordinal), rows.Select(r => r["sop_uid"]!).Order(StringComparer.Ordinal));
            // Again: nothing to do, nothing doubled; the dead writer's log and journal are gone.
            Assert.Equal((0, 0), await restarted.ReconcileAsync(CancellationToken.None));
            Assert.Equal(3, (await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
        }
        Assert.False(File.Exists(log), log);
        Assert.False(File.Exists(journal), journal);
        Assert.Equal(3, Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Length);
        // Each placed file is a whole Part 10 file of its instance (read back to its end).
        foreach (var f in sent)
        {
            var placed = Path.Combine(folder, FileSystemInstanceStore.SafeRelativePath(f.SopInstanceUid));
            await using var stream = File.OpenRead(placed);
            var record = await InstanceRecordReader.ReadAsync(stream, f.SopInstanceUid, stream.Length, CancellationToken.None);
            Assert.Equal(f.SopInstanceUid, record.SopInstanceUid);
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming"), "*.part", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData(DuplicatePolicy.Replace)]
    [InlineData(DuplicatePolicy.KeepFirst)]
    public async Task A_placed_file_cut_short_by_the_crash_is_replaced_by_its_journaled_bytes(DuplicatePolicy policy)
    {
        var (folder, sent, _, _) = await CrashAfterSuccessAsync(count: 2, policy, truncatePlaced: true);
        using var restarted = DicomArchive.Open(folder, "SCP", duplicates: policy);
        var (indexed, _) = await restarted.ReconcileAsync(CancellationToken.None);
        Assert.Equal(2, indexed);
        Assert.Equal(2, (await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
        foreach (var f in sent)
        {
            var placed = Path.Combine(folder, FileSystemInstanceStore.SafeRelativePath(f.SopInstanceUid));
            await using var stream = File.OpenRead(placed);
            var record = await InstanceRecordReader.ReadAsync(stream, f.SopInstanceUid, stream.Length, CancellationToken.None);
            Assert.Equal(f.SopInstanceUid, record.SopInstanceUid);
            await using var whole = await DicomSpecGen.Data.Part10.DicomFileReader.OpenAsync(File.OpenRead(placed));
            while (await whole.Dataset.ReadAsync(CancellationToken.None))
            {
            }
        }
    }

    [Fact]
    public async Task A_record_torn_at_any_byte_is_ignored_and_the_whole_ones_before_it_are_kept()
    {
        var (_, _, _, journal) = await CrashAfterSuccessAsync(count: 2);
        var entries = PlacementJournal.Read(journal);
        Assert.Equal(2, entries.Count);
        var last = entries.Values.Last();
        var start = (int)(last.DataOffset - PlacementJournal.Reserve(last.Target, last.Source));
        var end = (int)last.DataOffset + last.DataLength;
        var whole = File.ReadAllBytes(journal);
        for (var at = start; at < end; at++)
        {
            // Written up to this byte only (the rest still the zeros the journal was made with)...
            var bytes = (byte[])whole.Clone();
            Array.Clear(bytes, at, end - at);
            var read = PlacementJournal.Read(bytes);
            Assert.True(read.Count == 1 && read.ContainsKey(entries.Keys.First()), $"cut at byte {at - start} of {end - start}: {read.Count} records");
            // ...or whole but for one damaged byte.
            bytes = (byte[])whole.Clone();
            bytes[at] ^= 0x5A;
            read = PlacementJournal.Read(bytes);
            Assert.True(read.Count == 1 && read.ContainsKey(entries.Keys.First()), $"byte {at - start} of {end - start} damaged: {read.Count} records");
        }
    }

    [Fact]
    public async Task A_torn_last_record_is_not_placed_and_the_whole_ones_are()
    {
        var (folder, sent, log, journal) = await CrashAfterSuccessAsync();
        var entries = PlacementJournal.Read(journal);
        var last = entries.Values.Last();
        using (var file = new FileStream(journal, FileMode.Open, FileAccess.Write))
        {
            file.Position = last.DataOffset + last.DataLength / 2;
            file.Write(new byte[last.DataLength - last.DataLength / 2]);
        }
        using var restarted = DicomArchive.Open(folder, "SCP");
        Assert.Equal((2, 0), await restarted.ReconcileAsync(CancellationToken.None));
        var rows = await restarted.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None);
        var placed = sent.Where(s => s.SopInstanceUid != Path.GetFileNameWithoutExtension(last.Target)).Select(s => s.SopInstanceUid).Order(StringComparer.Ordinal);
        Assert.Equal(placed, rows.Select(r => r["sop_uid"]!).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(folder, last.Target)));
        Assert.False(File.Exists(log), log);
    }

    [Fact]
    public void An_open_record_is_dropped_when_a_later_record_of_the_same_name_was_settled()
    {
        var folder = TestFiles.TempDir();
        var log = PlacementLog.Create(folder, "node");
        log.Journal = PlacementJournal.Create(PlacementLog.JournalPath(log.Path), 64 * 1024, null);
        var buffer = new byte[PlacementJournal.Reserve("ab/1.2.3.dcm", ".incoming/node-1-aa.part") + 100];
        Assert.True(log.TryBeginJournaled("ab/1.2.3.dcm", ".incoming/node-1-aa.part", buffer, 100, out var older));
        var newer = log.Begin("ab/1.2.3.dcm", ".incoming/node-1-bb.part");
        Assert.True(log.TryBeginJournaled("cd/1.2.4.dcm", ".incoming/node-1-cc.part", new byte[buffer.Length], 100, out var other));
        // Both open: both read back, in id order (the newer placed after the older).
        Assert.Equal([older, newer, other], PlacementLog.ReadOpenRecords(log.Path).Keys);
        log.End(newer);
        // The newer copy settled (durable in place): the older must not be placed over it.
        Assert.Equal([other], PlacementLog.ReadOpenRecords(log.Path).Keys);
        log.Dispose();
    }

    [Fact]
    public void Space_is_used_again_only_after_its_records_are_settled_and_old_records_are_never_read_back()
    {
        var folder = TestFiles.TempDir();
        var log = PlacementLog.Create(folder, "node");
        // Room for 4 records of 2 slots each.
        log.Journal = PlacementJournal.Create(PlacementLog.JournalPath(log.Path), PlacementJournal.HeaderSize + 8 * PlacementJournal.Align, null);
        long Append(int n)
        {
            var target = $"ab/1.2.{n}.dcm";
            var source = $".incoming/node-1-{n:x4}.part";
            var buffer = new byte[PlacementJournal.Reserve(target, source) + 700];
            buffer.AsSpan(PlacementJournal.Reserve(target, source)).Fill((byte)n);
            return log.TryBeginJournaled(target, source, buffer, 700, out var id) ? id : -1;
        }
        var ids = Enumerable.Range(1, 4).Select(Append).ToArray();
        Assert.DoesNotContain(-1L, ids);
        // Full: nothing settled yet, so the next store takes the fsync path.
        Assert.Equal(-1, Append(5));
        log.End(ids[0]);
        log.End(ids[1]);
        var fifth = Append(6);
        Assert.NotEqual(-1, fifth);
        // Record 1's space holds record 6; record 2 is still whole on disk but below the checkpoint: not read back.
        Assert.Equal([ids[2], ids[3], fifth], PlacementJournal.Read(log.Journal!.Path).Keys);
        Assert.Equal([ids[2], ids[3], fifth], PlacementLog.ReadOpenRecords(log.Path).Keys);
        log.Dispose();
    }

    [Fact]
    public void Random_appends_and_settles_never_overwrite_an_open_record()
    {
        // A small ring, records of 1 to 4 blocks, each open record settled at a random later step: the appends wrap many
        // times, with settled and open records of the lap before (and stale ones) ahead of the head.
        var path = Path.Combine(TestFiles.TempDir(), "journal");
        using var journal = PlacementJournal.Create(path, PlacementJournal.HeaderSize + 40 * PlacementJournal.Align, null);
        var rng = new Random(7);
        var open = new Dictionary<long, (string Target, byte Fill, int Length)>();
        long id = 0;
        int appended = 0, refused = 0, wraps = 0;
        long lastOffset = 0;
        for (var step = 0; step < 3000; step++)
        {
            foreach (var k in open.Keys.Where(_ => rng.Next(3) == 0).ToList())
            {
                journal.Settle(k);
                open.Remove(k);
            }
            id++;
            var (target, source, length) = ($"ab/1.2.{id}.dcm", $".incoming/node-1-{id:x6}.part", rng.Next(1, 4 * PlacementJournal.Align - 200));
            var reserve = PlacementJournal.Reserve(target, source);
            var buffer = new byte[reserve + length];
            var fill = (byte)(id % 251 + 1);
            buffer.AsSpan(reserve).Fill(fill);
            if (!journal.TryAppend(id, target, source, buffer, length))
            {
                refused++;
                continue;
            }
            appended++;
            open[id] = (target, fill, length);
            var bytes = File.ReadAllBytes(path);
            var read = PlacementJournal.Read(bytes);
            var offset = read[id].DataOffset;
            if (offset < lastOffset) wraps++;
            lastOffset = offset;
            foreach (var (k, (t, f, n)) in open)
            {
                Assert.True(read.TryGetValue(k, out var entry), $"open record {k} lost at step {step}");
                Assert.Equal(t, entry.Target);
                Assert.Equal(n, entry.DataLength);
                Assert.True(bytes.AsSpan((int)entry.DataOffset, n).IndexOfAnyExcept(f) < 0, $"open record {k} overwritten at step {step}");
            }
        }
        Assert.True(appended > 1000 && refused > 0 && wraps > 100, $"{appended} appended, {refused} refused, {wraps} wraps");
    }
}
