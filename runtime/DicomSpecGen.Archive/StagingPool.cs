using System.Collections.Concurrent;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Archive;

/// <summary>Empty staging files created (and kept open) ahead, off the store's path, in ".incoming/.ready". Creating a
/// file (allocating its inode) was the largest single cost of a small store (ext4 scans past recently freed inodes on
/// each create). A store writes into a ready file where it lies, through the handle opened here (no open and no
/// rename out of the pool on its path): its one rename is the one into place. When durable, a batch's folder is
/// fsynced before its files are handed out, so a staged file's name is durable before its data and its placement
/// record are (the record names it, for recovery). Files are named like staging files ("{node}-{pid}-{guid}.part"),
/// so those of a dead process are removed at the next start like its staging files (unless an open placement record
/// names them). They are made in two subfolders in turn, a batch in each: a creation holds its folder's lock while the
/// inode is found, and a rename out of the other folder should not wait.</summary>
internal sealed class StagingPool(string root, string folder, string node, IDiskSync? disk)
{
    private const int Target = 32;

    /// <summary>Ready files of every pool of this process: a store starting on the same folder in this process (whose
    /// process id is the one in their names) leaves them alone.</summary>
    private static readonly ConcurrentDictionary<string, byte> Live = new(StringComparer.Ordinal);

    private readonly ConcurrentQueue<(SafeFileHandle Handle, string Full, string Relative)> _ready = new();
    private readonly bool[] _parentsDurable = new bool[2];
    private int _count;
    private int _filling;
    private int _batch;

    public string Folder { get; } = folder;

    /// <summary>Whether the file is a ready file of a pool of this process.</summary>
    public static bool IsLive(string path) => Live.ContainsKey(path);

    /// <summary>The write handle of a ready empty file, its full path and its path relative to the store's root; false
    /// when none is ready (then the store creates its own).</summary>
    public bool TryTake(out SafeFileHandle? handle, out string full, out string relative)
    {
        var taken = _ready.TryDequeue(out var ready);
        if (taken)
        {
            Interlocked.Decrement(ref _count);
            Live.TryRemove(ready.Full, out _);
        }
        (handle, full, relative) = ready;
        if (Volatile.Read(ref _count) <= Target / 2 && Interlocked.Exchange(ref _filling, 1) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(_ => Fill(), null);
        return taken;
    }

    private void Fill()
    {
        var batch = new List<(SafeFileHandle, string, string)>();
        try
        {
            var index = _batch++ & 1;
            var name = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var folder = Path.Combine(Folder, name);
            Directory.CreateDirectory(folder);
            if (disk != null && !_parentsDurable[index])
            {
                // The folders' own names, once: ".ready" in ".incoming", and the batch folder in ".ready".
                disk.Folder(Path.GetDirectoryName(Folder)!);
                disk.Folder(Folder);
                _parentsDurable[index] = true;
            }
            while (Volatile.Read(ref _count) + batch.Count < Target)
            {
                var file = $"{node}-{Environment.ProcessId}-{Guid.NewGuid():N}.part";
                var path = Path.Combine(folder, file);
                var handle = Posix.CreateNew(path);
                Live[path] = 0;
                batch.Add((handle, path, Path.Combine(Path.GetRelativePath(root, folder), file)));
            }
            // One fsync of the folder for the whole batch, before any of its names is handed out.
            disk?.Folder(folder);
            foreach (var ready in batch)
            {
                _ready.Enqueue(ready);
                Interlocked.Increment(ref _count);
            }
            batch.Clear();
        }
        catch (IOException)
        {
            // A full disk or a missing folder: stores create their own files, and say why when that fails too.
        }
        catch (UnauthorizedAccessException)
        {
        }
        finally
        {
            foreach (var (handle, path, _) in batch)
            {
                handle.Dispose();
                Live.TryRemove(path, out _);
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                }
            }
            Volatile.Write(ref _filling, 0);
        }
    }
}
