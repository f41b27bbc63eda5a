using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Archive;

/// <summary>Part 10 files under one root folder. A file is written under a temporary name, flushed to disk
/// (fsync), then renamed into place, so a crash never leaves a half-written instance visible. File names come
/// from the SOP Instance UID only when it is a well-formed UID (digits and dots, PS3.5 9.1); anything else is
/// hashed, so no received value can name a path outside the root.</summary>
public sealed partial class FileSystemInstanceStore : IInstanceStore
{
    private readonly string _root;
    private readonly string _temp;

    /// <summary>Null without durability; else the group commit shared by every association storing here.</summary>
    private readonly GroupSync? _sync;

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
    internal FileSystemInstanceStore(string root, IDiskSync? disk)
    {
        _sync = disk == null ? null : new GroupSync(disk);
        _root = Path.GetFullPath(root);
        _temp = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_temp);
        RemoveOrphanedStagingFiles();
    }

    /// <summary>This node's name in staging file names: the host name, reduced to letters, digits, '_' and '.'.</summary>
    public static string NodeName { get; } = Regex.Replace(Environment.MachineName, "[^A-Za-z0-9_.]", "_");

    /// <summary>Staging files are named "{node}-{pid}-{guid}.part", unique per node and process, so several nodes can
    /// share the folder. A process killed mid-write (kill -9, power loss) leaves its file behind; it was never visible,
    /// so it is deleted once its writer is gone, and only by the same node (another node's process ids mean nothing
    /// here). Files of a live process are left alone. "{pid}-{guid}.part" (before node names) counts as this node's.</summary>
    private void RemoveOrphanedStagingFiles()
    {
        foreach (var file in Directory.EnumerateFiles(_temp, "*.part"))
        {
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
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sopInstanceUid))).ToLowerInvariant();
        var name = sopInstanceUid.Length is > 0 and <= 64 && UidSyntax().IsMatch(sopInstanceUid) ? sopInstanceUid : hash;
        return Path.Combine(hash[..2], name + ".dcm");
    }

    public async Task<StagedFile> StageAsync(DicomFileMeta meta, PipeReader dataSet, CancellationToken cancellationToken)
    {
        var relative = SafeRelativePath(meta.MediaStorageSopInstanceUid);
        var temp = Path.Combine(_temp, $"{NodeName}-{Environment.ProcessId}-{Guid.NewGuid():N}.part");
        try
        {
            // Synchronous buffered writes into the page cache: cheaper than a thread-pool hop per asynchronous write.
            using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            DicomFileWriter.WriteHeader(file, meta);
            while (true)
            {
                var result = await dataSet.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (result.IsCanceled) throw new OperationCanceledException("the data set read was cancelled");
                foreach (var segment in result.Buffer) file.Write(segment.Span);
                dataSet.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted) break;
            }
            file.Flush(flushToDisk: false);
            // Concurrent associations' files that finish while a pass runs share the next one (group commit).
            if (_sync != null) await _sync.FileAsync(file).ConfigureAwait(false);
            return new StagedFile(temp, relative, file.Length);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    public void Commit(StagedFile staged) => Rename(staged, replace: true);

    public async Task<bool> CommitAsync(StagedFile staged, DuplicatePolicy policy, CancellationToken cancellationToken)
    {
        if (policy == DuplicatePolicy.Replace)
        {
            await CommitAsync(staged, cancellationToken).ConfigureAwait(false);
            return true;
        }
        string folder;
        try
        {
            // Without overwrite the move is link + unlink: of writers racing for the name, exactly one gets it.
            folder = Rename(staged, replace: false);
        }
        catch (IOException) when (File.Exists(Path.Combine(_root, staged.RelativePath)))
        {
            Discard(staged);
            return false;
        }
        await SyncAsync(folder).ConfigureAwait(false);
        return true;
    }

    /// <summary>The rename, then (when durable) an fsync of the target folder, shared with the other renames of the
    /// same pass; before the first rename into a folder, an fsync of the root so that the folder's own name is durable
    /// (every commit into that folder waits for that one).</summary>
    public async Task CommitAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        await SyncAsync(Rename(staged, replace: true)).ConfigureAwait(false);
    }

    private async Task SyncAsync(string folder)
    {
        if (_sync == null) return;
        var entry = _folderEntries.GetOrAdd(folder, _ => _sync.FolderAsync(_root));
        try
        {
            await entry.ConfigureAwait(false);
        }
        catch
        {
            _folderEntries.TryRemove(KeyValuePair.Create(folder, entry));
            throw;
        }
        await _sync.FolderAsync(folder).ConfigureAwait(false);
    }

    private readonly ConcurrentDictionary<string, Task> _folderEntries = new(StringComparer.Ordinal);

    private string Rename(StagedFile staged, bool replace)
    {
        var target = Path.Combine(_root, staged.RelativePath);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        File.Move(staged.TempPath, target, overwrite: replace);
        return folder;
    }

    public void Discard(StagedFile staged) => File.Delete(staged.TempPath);

    public Stream OpenRead(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath));
        if (!full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new UnauthorizedAccessException($"'{relativePath}' is outside the store");
        return new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }
}
