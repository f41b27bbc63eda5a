using System.Runtime.InteropServices;

namespace DicomSpecGen.Archive;

/// <summary>How a file's or a folder's contents reach the disk; replaceable so tests can record the order.</summary>
internal interface IDiskSync
{
    /// <summary>fsync of an open file.</summary>
    void File(FileStream file);

    /// <summary>fsync of a folder, which makes the names created in it (renames) durable.</summary>
    void Folder(string path);
}

/// <summary>The operating system's fsync.</summary>
internal sealed partial class OsDiskSync : IDiskSync
{
    public static readonly OsDiskSync Instance = new();

    public void File(FileStream file) => file.Flush(flushToDisk: true);

    public void Folder(string path)
    {
        // Windows has no fsync of a folder (NTFS journals the rename itself).
        if (OperatingSystem.IsWindows()) return;
        var fd = Open(path, OperatingSystem.IsLinux() ? LinuxReadOnlyDirectory : 0);
        if (fd < 0) throw new IOException($"cannot open folder '{path}' to fsync it (errno {Marshal.GetLastPInvokeError()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"fsync of folder '{path}' failed (errno {Marshal.GetLastPInvokeError()})");
        }
        finally
        {
            Close(fd);
        }
    }

    private const int LinuxReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int fd);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);
}

/// <summary>Group commit of fsyncs: requests that arrive while a pass runs wait for the next pass, which syncs all of
/// them on one thread (each file once, each folder once per pass) instead of one blocked thread-pool thread per
/// association. A request completes only after its own fsync returned, so a caller answering after it answers after
/// its data is durable; a failed fsync fails only the requests it covered.</summary>
internal sealed class GroupSync(IDiskSync disk)
{
    private readonly object _gate = new();
    private List<Request> _pending = [];
    private bool _threadRunning;

    private sealed record Request(FileStream? File, string? Folder, TaskCompletionSource Done);

    public Task FileAsync(FileStream file) => Enqueue(new Request(file, null, NewSource()));

    public Task FolderAsync(string path) => Enqueue(new Request(null, path, NewSource()));

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task Enqueue(Request request)
    {
        lock (_gate)
        {
            _pending.Add(request);
            if (!_threadRunning)
            {
                _threadRunning = true;
                new Thread(Loop) { IsBackground = true, Name = "dsg group fsync" }.Start();
            }
            else
            {
                Monitor.Pulse(_gate);
            }
        }
        return request.Done.Task;
    }

    /// <summary>One thread per store while there is work; it ends after a second without requests.</summary>
    private void Loop()
    {
        while (true)
        {
            List<Request> batch;
            lock (_gate)
            {
                while (_pending.Count == 0)
                {
                    if (!Monitor.Wait(_gate, TimeSpan.FromSeconds(1)) && _pending.Count == 0)
                    {
                        _threadRunning = false;
                        return;
                    }
                }
                batch = _pending;
                _pending = [];
            }
            Pass(batch);
        }
    }

    private void Pass(List<Request> batch)
    {
        var folders = new Dictionary<string, Exception?>(StringComparer.Ordinal);
        var files = new Dictionary<FileStream, Exception?>(ReferenceEqualityComparer.Instance);
        foreach (var r in batch)
        {
            Exception? failure = null;
            if (r.File != null)
            {
                // A file asked for by several requests (a placement log) was written before each was queued: once.
                if (!files.TryGetValue(r.File, out failure))
                {
                    try
                    {
                        disk.File(r.File);
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                    files[r.File] = failure;
                }
            }
            else if (!folders.TryGetValue(r.Folder!, out failure))
            {
                // Every rename of this batch happened before its request was queued, so one fsync covers them all.
                try
                {
                    disk.Folder(r.Folder!);
                }
                catch (Exception e)
                {
                    failure = e;
                }
                folders[r.Folder!] = failure;
            }
            if (failure == null) r.Done.TrySetResult();
            else r.Done.TrySetException(failure);
        }
    }
}
