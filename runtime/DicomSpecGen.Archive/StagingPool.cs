using System.Collections.Concurrent;

namespace DicomSpecGen.Archive;

/// <summary>Empty staging files created ahead, off the store's path, in ".incoming/.ready". Creating a file (allocating
/// its inode) was the largest single cost of a small store (ext4 scans past recently freed inodes on each create);
/// taking a ready file is a rename within the file system. Files are named like staging files
/// ("{node}-{pid}-{guid}.part"), so those of a dead process are removed at the next start like its staging files.
/// They are made in two subfolders in turn, a batch in each: a creation holds its folder's lock while the inode is
/// found, and a take (a rename out of the oldest batch's folder) should not wait for it.</summary>
internal sealed class StagingPool(string folder, string node)
{
    private const int Target = 32;

    private readonly ConcurrentQueue<string> _ready = new();
    private int _count;
    private int _filling;
    private int _batch;

    public string Folder { get; } = folder;

    /// <summary>A ready empty file moved to <paramref name="path"/>; false when none is ready (then create it there).</summary>
    public bool TryTake(string path)
    {
        var taken = false;
        while (_ready.TryDequeue(out var ready))
        {
            Interlocked.Decrement(ref _count);
            try
            {
                File.Move(ready, path);
                taken = true;
                break;
            }
            catch (IOException)
            {
                // Removed meanwhile (a cleanup by hand): take the next.
            }
        }
        if (Volatile.Read(ref _count) <= Target / 2 && Interlocked.Exchange(ref _filling, 1) == 0)
            ThreadPool.UnsafeQueueUserWorkItem(_ => Fill(), null);
        return taken;
    }

    private void Fill()
    {
        try
        {
            var folder = Path.Combine(Folder, (_batch++ & 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            while (Volatile.Read(ref _count) < Target)
            {
                var path = Path.Combine(folder, $"{node}-{Environment.ProcessId}-{Guid.NewGuid():N}.part");
                new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1).Dispose();
                _ready.Enqueue(path);
                Interlocked.Increment(ref _count);
            }
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
            Volatile.Write(ref _filling, 0);
        }
    }
}
