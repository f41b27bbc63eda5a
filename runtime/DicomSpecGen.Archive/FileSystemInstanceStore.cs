using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Archive;

/// <summary>Part 10 files under one root folder. A file is written under a temporary name (a staging file made ahead),
/// its placement record ("+id target staging") appended to the store's log, both flushed to disk in one group-commit
/// pass (the durability point: Success may be answered then), then renamed into place; the target folders are fsynced
/// later, in batches (<see cref="SyncPlacedAsync"/>), before the record is settled. A crash never leaves a half-written
/// instance visible, and recovery finds a durable record's data in its staging file or in place. File names come
/// from the SOP Instance UID only when it is a well-formed UID (digits and dots, PS3.5 9.1); anything else is
/// hashed, so no received value can name a path outside the root.</summary>
public sealed partial class FileSystemInstanceStore : IInstanceStore
{
    private readonly string _root;
    private readonly string _temp;
    private readonly string _placements;
    private readonly StagingPool _pool;
    private readonly object _logGate = new();
    private PlacementLog? _log;
    /// <summary>Completes once the log file's name is durable (its folder, and the root for the folder, synced).</summary>
    private Task _logDurable = Task.CompletedTask;

    /// <summary>Null without durability; else the group commit shared by every association storing here.</summary>
    private readonly GroupSync? _sync;

    /// <summary>The syncs behind the answers (placed files and their folders, before settling), on their own thread:
    /// a pass of many of them never holds up the next pass a C-STORE waits for.</summary>
    private readonly GroupSync? _behind;
    private readonly IDiskSync? _disk;

    /// <summary>Files up to this size (the Part 10 file: meta header and data set) go through the journal when durable:
    /// one fdatasync of data blocks answers them. Above it the file is fsynced itself: writing it twice costs more
    /// than the inode write an fsync adds. docs/architecture.md, "The journal".</summary>
    internal const int JournalLimit = 64 * 1024;

    /// <summary>The journal's size: room for the records between Success and settling (about one write-behind batch)
    /// several times over; when it is full a store takes the fsync path. docs/architecture.md, "The journal".</summary>
    internal const long DefaultJournalSize = 8L << 20;

    private readonly long _journalSize;
    private Task _journalReady = Task.CompletedTask;

    /// <param name="root">The folder holding the files.</param>
    /// <param name="flushToDisk">fsync each file before it becomes visible and its folder after the rename (default),
    /// so that a stored instance survives a power loss once it is reported stored. Off trades that for throughput;
    /// the rename still keeps half-written files invisible.</param>
    public FileSystemInstanceStore(string root, bool flushToDisk = true)
        : this(root, flushToDisk ? OsDiskSync.Instance : null)
    {
    }

    /// <param name="root">The folder holding the files.</param>
    /// <param name="disk">How files and folders are synced (tests record the order); null: no fsync.</param>
    /// <param name="journalSize">The journal's size in bytes (when durable); 0: no journal.</param>
    internal FileSystemInstanceStore(string root, IDiskSync? disk, long journalSize = DefaultJournalSize)
    {
        _sync = disk == null ? null : new GroupSync(disk);
        _behind = disk == null ? null : new GroupSync(disk);
        _disk = disk;
        _journalSize = journalSize;
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, ".incoming");
        _placements = Path.Combine(_root, ".placements");
        _pool = new StagingPool(_root, Path.Combine(_temp, ".ready"), NodeName, disk);
        Directory.CreateDirectory(_temp);
        Directory.CreateDirectory(_placements);
        MakeHashFolders();
        // ".incoming", ".placements" and the hash folders in the root: a record and its staging file are found only
        // through these names, and a placed file through its folder's.
        disk?.Folder(_root);
        RemoveOrphanedStagingFiles();
    }

    /// <summary>This node's name in staging file names: the host name, reduced to letters, digits, '_' and '.'.</summary>
    public static string NodeName { get; } = Regex.Replace(Environment.MachineName, "[^A-Za-z0-9_.]", "_");

    /// <summary>Staging files are named "{node}-{pid}-{guid}.part", unique per node and process, so several nodes can
    /// share the folder. A process killed mid-write (kill -9, power loss) leaves its file behind; it was never visible,
    /// so it is deleted once its writer is gone, and only by the same node (another node's process ids mean nothing
    /// here). Files of a live process are left alone, and so is a file an open placement record of a dead writer names
    /// (its data may be the only copy: reconciliation places it). "{pid}-{guid}.part" (before node names) counts as this node's.</summary>
    private void RemoveOrphanedStagingFiles()
    {
        var ready = Directory.Exists(_pool.Folder) ? Directory.EnumerateFiles(_pool.Folder, "*.part", SearchOption.AllDirectories) : [];
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in Directory.EnumerateFiles(_placements, "*.log"))
        {
            if (!OfThisNode(Path.GetFileNameWithoutExtension(log), out var writer) || writer == Environment.ProcessId || IsRunning(writer)) continue;
            foreach (var record in PlacementLog.ReadOpenRecords(log).Values)
                if (record.Source != null) named.Add(Path.GetFullPath(Path.Combine(_root, record.Source)));
        }
        foreach (var file in Directory.EnumerateFiles(_temp, "*.part").Concat(ready))
        {
            if (named.Contains(file) || StagingPool.IsLive(file)) continue;
            var parts = Path.GetFileNameWithoutExtension(file).Split('-');
            var (node, pidText) = parts.Length switch
            {
                >= 3 => (string.Join('-', parts[..^2]), parts[^2]),
                2 => (NodeName, parts[0]),
                _ => (null, null),
            };
            if (node != NodeName || !int.TryParse(pidText, out var pid)) continue;
            if (pid != Environment.ProcessId && IsRunning(pid)) continue;
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Still in use after all: leave it for the next start.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public string Root => _root;

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)*$")]
    private static partial Regex UidSyntax();

    /// <summary>The file name for a SOP Instance UID: the UID itself when valid (PS3.5 9.1: at most 64 characters of
    /// digits and dots), else a SHA-256 of it; spread over 256 folders by a hash prefix.</summary>
    public static string SafeRelativePath(string sopInstanceUid)
    {
        // Hashed on the stack (once per stored instance): one string made, the path itself.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var utf8 = Encoding.UTF8.GetMaxByteCount(sopInstanceUid.Length) <= 256 ? stackalloc byte[256] : new byte[Encoding.UTF8.GetByteCount(sopInstanceUid)];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(sopInstanceUid, utf8)], hash);
        var folder = Convert.ToHexStringLower(hash[..(HashFolderDigits / 2)]);
        var name = sopInstanceUid.Length is > 0 and <= 64 && UidSyntax().IsMatch(sopInstanceUid) ? sopInstanceUid : Convert.ToHexStringLower(hash);
        return $"{folder}{Path.DirectorySeparatorChar}{name}.dcm";
    }

    /// <summary>Hex digits of the hash prefix naming a file's folder (<see cref="SafeRelativePath"/>): whole bytes.</summary>
    private const int HashFolderDigits = 2;

    /// <summary>Every folder <see cref="SafeRelativePath"/> can name ("00" to "ff").</summary>
    private static IEnumerable<string> HashFolderNames()
        => Enumerable.Range(0, 1 << (4 * HashFolderDigits)).Select(i => i.ToString("x" + HashFolderDigits, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Makes the hash folders that are missing, at start: a store then never makes a folder on its path (a
    /// mkdir, an inode allocated while the store waits, and a root fsync behind its first file there). The caller's
    /// one fsync of the root makes their names durable, those made by an earlier run included.</summary>
    private void MakeHashFolders()
    {
        foreach (var name in HashFolderNames()) Directory.CreateDirectory(Path.Combine(_root, name));
    }

    public async Task<StagedFile> StageAsync(DicomFileMeta meta, PipeReader dataSet, CancellationToken cancellationToken)
    {
        var relative = SafeRelativePath(meta.MediaStorageSopInstanceUid);
        // A ready file is written where it lies (its name is durable already); else one is made in ".incoming", whose
        // fsync then joins the pass.
        var own = !_pool.TryTake(out var file, out var temp, out var source);
        if (own)
        {
            var name = $"{NodeName}-{Environment.ProcessId}-{Guid.NewGuid():N}.part";
            (temp, source) = (Path.Combine(_temp, name), Path.Combine(".incoming", name));
        }
        // The placement record names the final path and the staging file, so a writer killed anywhere after its record
        // is durable leaves a record its node's next start finds (Unsettled): a line in this store's placement log.
        PlacementLog? log = null;
        long id = 0;
        byte[]? copy = null;
        var reserve = 0;
        try
        {
            file ??= Posix.CreateNew(temp);
            log = Log();
            // Durable, with the journal made: the bytes are also kept (up to the limit) for a journal record.
            if (_sync != null && log.Journal != null)
            {
                reserve = PlacementJournal.Reserve(relative, source);
                copy = ArrayPool<byte>.Shared.Rent(reserve + JournalLimit);
            }
            // Straight to the file at known offsets (no FileStream and its buffer): one gathered write per read of the
            // data set, the header joining the first.
            var size = await WriteAsync(file, DicomFileWriter.EncodeHeader(meta), dataSet, copy, reserve, cancellationToken).ConfigureAwait(false);
            var journaled = copy != null && size <= JournalLimit && log.TryBeginJournaled(relative, source, copy, (int)size, out id);
            if (!journaled) id = log.Begin(relative, source);
            // Concurrent associations' files that finish while a pass runs share the next one (group commit).
            if (_sync != null && journaled)
            {
                // The journal record holds the bytes: its fdatasync (data blocks only) is the durability point; the
                // file is fsynced behind, before the record is settled.
                await Task.WhenAll(_sync.DataAsync(log.Journal!.File, log.Journal.Path), _logDurable).ConfigureAwait(false);
            }
            else if (_sync != null)
            {
                // The log's sync in the same pass (once for all its records) makes the record durable with its data.
                var data = _sync.FileAsync(file, temp);
                var record = _sync.FileAsync(log.File, log.Path);
                await Task.WhenAll(data, record, _logDurable, own ? _sync.FolderAsync(_temp) : Task.CompletedTask).ConfigureAwait(false);
            }
            return new StagedFile(temp, relative, size, $"{log.Path}#{id}") { Log = log, RecordId = id, Journaled = journaled };
        }
        catch
        {
            file?.Dispose();
            file = null;
            File.Delete(temp);
            if (id != 0) log?.End(id);
            throw;
        }
        finally
        {
            file?.Dispose();
            if (copy != null) ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Gathers of one read's segments, reused by the thread running it (filled and written without an await between).</summary>
    [ThreadStatic]
    private static List<ReadOnlyMemory<byte>>? _gather;

    /// <summary>Writes the header and then every byte read from <paramref name="dataSet"/>; returns the file's length.</summary>
    /// <remarks>When <c>copy</c> is not null, the bytes written are also copied to it from <c>at</c> on, as long as they
    /// fit (the file's length tells whether they all did).</remarks>
    private static async Task<long> WriteAsync(SafeFileHandle file, byte[] header, PipeReader dataSet, byte[]? copy, int at, CancellationToken cancellationToken)
    {
        long offset = 0;
        var first = true;
        if (copy != null)
        {
            header.CopyTo(copy, at);
            at += header.Length;
        }
        while (true)
        {
            var result = await dataSet.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled) throw new OperationCanceledException("the data set read was cancelled");
            var buffer = result.Buffer;
            if (copy != null && at + buffer.Length <= copy.Length)
            {
                buffer.CopyTo(copy.AsSpan(at));
                at += (int)buffer.Length;
            }
            else
            {
                copy = null;
            }
            if (!first && buffer.IsSingleSegment)
            {
                Posix.Write(file, buffer.FirstSpan, offset);
            }
            else
            {
                var gather = _gather ??= [];
                if (first) gather.Add(header);
                foreach (var segment in buffer) gather.Add(segment);
                try
                {
                    Posix.Write(file, gather, offset);
                }
                finally
                {
                    gather.Clear();
                }
                if (first) offset += header.Length;
                first = false;
            }
            offset += buffer.Length;
            dataSet.AdvanceTo(buffer.End);
            if (result.IsCompleted) break;
        }
        return offset;
    }

    public void Commit(StagedFile staged) => Rename(staged, replace: true);

    /// <summary>This store's placement log, created at the first store (with fsync on, its name is made durable in
    /// the first pass that needs it, and its journal is made in the background: stores take the fsync path until
    /// it is ready).</summary>
    private PlacementLog Log()
    {
        if (Volatile.Read(ref _log) is { } log) return log;
        lock (_logGate)
        {
            if (_log != null) return _log;
            log = PlacementLog.Create(_placements, NodeName);
            if (_sync != null)
            {
                _logDurable = Task.WhenAll(_sync.FolderAsync(_placements), _sync.FolderAsync(_root));
                if (_journalSize > 0)
                {
                    var made = log;
                    _journalReady = Task.Run(() =>
                    {
                        try
                        {
                            made.Journal = PlacementJournal.Create(PlacementLog.JournalPath(made.Path), _journalSize, _disk);
                        }
                        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                        {
                            // No room for it: every store takes the fsync path.
                        }
                    });
                }
            }
            Volatile.Write(ref _log, log);
            return log;
        }
    }

    /// <summary>Completes once the journal is made (or could not be); for tests.</summary>
    internal Task JournalReadyAsync()
    {
        Log();
        return _journalReady;
    }

    public async Task<bool> CommitAsync(StagedFile staged, DuplicatePolicy policy, CancellationToken cancellationToken)
    {
        if (policy == DuplicatePolicy.Replace)
        {
            await CommitAsync(staged, cancellationToken).ConfigureAwait(false);
            return true;
        }
        try
        {
            // Without overwrite the move is link + unlink: of writers racing for the name, exactly one gets it.
            Rename(staged, replace: false);
        }
        catch (IOException) when (File.Exists(Path.Combine(_root, staged.RelativePath)))
        {
            // The record stays until the kept copy is indexed (its writer may have died before indexing it).
            File.Delete(staged.TempPath);
            return false;
        }
        return true;
    }

    /// <summary>The rename only: the placement record (durable before) is what Success rests on until
    /// <see cref="SyncPlacedAsync"/> made the new name durable.</summary>
    public Task CommitAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        Commit(staged);
        return Task.CompletedTask;
    }

    /// <summary>(When durable) an fsync of each folder the files were renamed into, shared with the other syncs of the
    /// same pass (the folders' own names were made durable when the store opened, MakeHashFolders). Called for a batch
    /// before its records are settled.</summary>
    public Task SyncPlacedAsync(IReadOnlyList<StagedFile> placed, CancellationToken cancellationToken)
    {
        if (_behind == null || placed.Count == 0) return Task.CompletedTask;
        var folders = new HashSet<string>(StringComparer.Ordinal);
        var journaled = new List<string>();
        foreach (var staged in placed)
        {
            var target = Path.Combine(_root, staged.RelativePath);
            folders.Add(Path.GetDirectoryName(target)!);
            if (staged.Journaled) journaled.Add(target);
        }
        // Every file and folder name of the batch existed before this pass was asked for: one syncfs covers them all.
        if (_behind.CanSyncFileSystem && journaled.Count >= FileSystemSyncMinimum) return _behind.FileSystemAsync(_root);
        // A journaled file was not fsynced before Success (its journal record was): it is now, before its record is
        // settled and its journal space used again.
        return Task.WhenAll(journaled.Select(_behind.FileAtAsync).Concat(folders.Select(_behind.FolderAsync)));
    }

    /// <summary>Journaled files in one batch from which one syncfs of the archive's file system replaces their fsyncs
    /// and their folders': it writes the same blocks, but each inode-table block and the cache flush once per batch
    /// (8 parallel `storescu`, small objects, `bench-scp-ab.sh … par8 5`: receiver CPU per object 380 → 290 µs, rate
    /// 1.18x). It also writes whatever else is dirty on that file system, so only for a batch big enough to be worth
    /// it; it is behind the answers, so a slow one only delays settling (a full journal sends stores to the fsync path).</summary>
    internal const int FileSystemSyncMinimum = 8;

    private void Rename(StagedFile staged, bool replace)
    {
        var target = Path.Combine(_root, staged.RelativePath);
        var folder = Path.GetDirectoryName(target)!;
        try
        {
            Move(staged.TempPath, target, replace);
        }
        catch (DirectoryNotFoundException) when (File.Exists(staged.TempPath))
        {
            // The hash folders are made at open (MakeHashFolders): this one was removed since (by hand). Make it again.
            Directory.CreateDirectory(folder);
            Move(staged.TempPath, target, replace);
        }
    }

    /// <summary>Replacing: rename(2) itself (File.Move would lstat first). Keeping the first copy: File.Move without
    /// overwrite (link and unlink: of writers racing for the name, exactly one gets it).</summary>
    private static void Move(string source, string target, bool replace)
    {
        if (replace) Posix.Rename(source, target);
        else File.Move(source, target, overwrite: false);
    }

    public void Discard(StagedFile staged)
    {
        File.Delete(staged.TempPath);
        Settle(staged);
    }

    public void Settle(StagedFile staged) => staged.Log?.End(staged.RecordId);

    /// <summary>Settles each record, one write per log.</summary>
    public void Settle(IReadOnlyList<StagedFile> settled)
    {
        foreach (var group in settled.Where(s => s.Log != null).GroupBy(s => s.Log!))
            group.Key.End([.. group.Select(s => s.RecordId)]);
    }

    public void Abandon(StagedFile staged) => staged.Log?.Abandon(staged.RecordId);

    /// <summary>Open records left in each dead writer's log by <see cref="Unsettled"/>; the log goes with its last.</summary>
    private readonly ConcurrentDictionary<string, int> _deadOpen = new(StringComparer.Ordinal);

    public void Settle(UnsettledPlacement placement)
    {
        // Its staging file, if still there, was not placed (or lost the name to a kept copy): it goes with the record.
        if (placement.SourcePath != null) File.Delete(Path.Combine(_root, placement.SourcePath));
        if (placement.IntentPath.EndsWith(".intent", StringComparison.Ordinal))
        {
            File.Delete(placement.IntentPath);
            return;
        }
        var hash = placement.IntentPath.LastIndexOf('#');
        var (path, id) = (placement.IntentPath[..hash], long.Parse(placement.IntentPath.AsSpan(hash + 1), System.Globalization.CultureInfo.InvariantCulture));
        if (_log != null && path == _log.Path)
        {
            _log.End(id);
            return;
        }
        if (!File.Exists(path)) return;
        PlacementLog.EndIn(path, id);
        if (_deadOpen.AddOrUpdate(path, 0, (_, n) => n - 1) <= 0)
        {
            File.Delete(path);
            File.Delete(PlacementLog.JournalPath(path));
            _deadOpen.TryRemove(path, out _);
        }
    }

    /// <summary>Placement records of this node's writers whose process is gone (the open lines of their logs in
    /// ".placements"), and of this store that gave up (abandoned after an index failure); also the empty files
    /// "{node}-{pid}-{guid}@{folder}@{name}.intent" in ".incoming" that earlier versions wrote, one per record.
    /// Another node's records are left to that node: its process ids mean nothing here, and its in-flight records are
    /// not settled yet. A dead writer's log with nothing open is deleted.</summary>
    public IReadOnlyList<UnsettledPlacement> Unsettled()
    {
        var found = new List<UnsettledPlacement>();
        void Add(string record, string folder, string name, string? source = null, (string Journal, PlacementJournal.Entry Entry)? journaled = null)
        {
            // Only names this store makes ({hash prefix}/{uid or hash}.dcm, and staging files under .incoming): a
            // record never points outside the root.
            if (folder.Length != 2 || !folder.All(char.IsAsciiHexDigitLower) || !UidSyntax().IsMatch(name) && !HexName().IsMatch(name)) return;
            if (source != null && !StagingName().IsMatch(source.Replace('\\', '/'))) source = null;
            // A journaled record: its bytes go back to its staging file (durably), which is then placed like any.
            if (journaled is { } j && source != null) RestoreJournaled(j.Journal, j.Entry, Path.Combine(_root, source));
            found.Add(new UnsettledPlacement(record, Path.Combine(folder, name + ".dcm"), source));
        }
        if (_log != null)
            foreach (var (id, relative, source) in _log.Abandoned())
                Add($"{_log.Path}#{id}", Path.GetDirectoryName(relative)!, Path.GetFileNameWithoutExtension(relative), source);
        foreach (var path in Directory.EnumerateFiles(_placements, "*.log"))
        {
            if (!OfThisNode(Path.GetFileNameWithoutExtension(path), out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            var open = PlacementLog.ReadOpen(path, out var journal);
            if (open.Count == 0)
            {
                File.Delete(path);
                File.Delete(journal);
                continue;
            }
            _deadOpen[path] = open.Count;
            foreach (var (id, (relative, source, entry)) in open)
                Add($"{path}#{id}", Path.GetDirectoryName(relative) ?? "", Path.GetFileNameWithoutExtension(relative), source,
                    entry == null ? null : (journal, entry));
        }
        foreach (var path in Directory.EnumerateFiles(_temp, "*.intent"))
        {
            var fields = Path.GetFileNameWithoutExtension(path).Split('@');
            if (fields.Length != 3 || !OfThisNode(fields[0], out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            Add(path, fields[1], fields[2]);
        }
        return found;
    }

    /// <summary>Writes a journal record's bytes to its staging file (made again if gone, replaced if torn) and, when
    /// durable, fsyncs it and its folder.</summary>
    private void RestoreJournaled(string journal, PlacementJournal.Entry entry, string staging)
    {
        var bytes = new byte[entry.DataLength];
        using (var from = Posix.OpenRead(journal)) FileBytes.ReadExactlyAt(from, bytes, entry.DataOffset, "the journal record");
        var folder = Path.GetDirectoryName(staging)!;
        Directory.CreateDirectory(folder);
        File.Delete(staging);
        using (var file = Posix.CreateNew(staging))
        {
            Posix.Write(file, bytes, 0);
            _disk?.File(file, staging);
        }
        _disk?.Folder(folder);
    }

    /// <summary>"{node}-{pid}-{guid}" of this node: its process id.</summary>
    private static bool OfThisNode(string stem, out int pid)
    {
        pid = 0;
        var parts = stem.Split('-');
        return parts.Length >= 3 && string.Join('-', parts[..^2]) == NodeName && int.TryParse(parts[^2], out pid);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexName();

    /// <summary>A staging file's path as a record names it: under ".incoming", no ".." anywhere.</summary>
    [GeneratedRegex("^\\.incoming/(\\.ready/[01]/)?[A-Za-z0-9_.]+(-[A-Za-z0-9_.]+)*\\.part$")]
    private static partial Regex StagingName();

    /// <summary>Recovery of a durable record whose staging file is still there (the writer stopped before or at the
    /// rename): the file is renamed into place (over an older copy when <paramref name="replace"/>; else only if none
    /// holds the name) and, when durable, the name made durable. True when it was placed.</summary>
    public async Task<bool> PlaceUnsettledAsync(UnsettledPlacement placement, bool replace, CancellationToken cancellationToken)
    {
        if (placement.SourcePath == null) return false;
        var staged = new StagedFile(Path.Combine(_root, placement.SourcePath), placement.RelativePath, 0);
        try
        {
            Rename(staged, replace);
        }
        catch (IOException) when (!replace && File.Exists(Path.Combine(_root, placement.RelativePath)))
        {
            return false;
        }
        await SyncPlacedAsync([staged], cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Moves the file to ".damaged/" if it is still the one seen (length and time); if another writer placed a
    /// new copy in the meantime and it was moved instead, it is put back.</summary>
    public bool SetAside(string relativePath, long length, DateTime lastWriteUtc)
    {
        var source = Path.Combine(_root, relativePath);
        var current = new FileInfo(source);
        if (!current.Exists || current.Length != length || current.LastWriteTimeUtc != lastWriteUtc) return false;
        var aside = Directory.CreateDirectory(Path.Combine(_root, ".damaged")).FullName;
        var target = Path.Combine(aside, $"{Path.GetFileNameWithoutExtension(relativePath)}.{Guid.NewGuid():N}.dcm");
        File.Move(source, target);
        var moved = new FileInfo(target);
        if (moved.Length == length && moved.LastWriteTimeUtc == lastWriteUtc) return true;
        try
        {
            File.Move(target, source, overwrite: false);
        }
        catch (IOException)
        {
            // A still newer copy holds the name: the one moved stays aside.
        }
        return false;
    }

    public Stream OpenRead(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnauthorizedAccessException($"'{relativePath}' is outside the store");
        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }
}
