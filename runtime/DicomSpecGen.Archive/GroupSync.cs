using DicomSpecGen.Transport;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Archive;

/// <summary>How a file's or a folder's contents reach the disk; replaceable so tests can record the order.</summary>
internal interface IDiskSync
{
    /// <summary>fsync of an open file (<paramref name="path"/> names it, for errors and tests).</summary>
    void File(SafeFileHandle file, string path);

    /// <summary>fsync of a folder, which makes the names created in it (renames) durable.</summary>
    void Folder(string path);

    /// <summary>fdatasync of an open file whose size and blocks do not change (the journal): its data only.</summary>
    void Data(SafeFileHandle file, string path) => File(file, path);

    /// <summary>fsync of a file by its name (a placed file whose handle is closed).</summary>
    void FileAt(string path)
    {
        using var file = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        File(file, path);
    }

    /// <summary>Whether <see cref="FileSystem"/> can stand in for the fsyncs of many files and folders.</summary>
    bool CanSyncFileSystem => false;

    /// <summary>Every file and folder of the file system holding <paramref name="path"/> durable at once (syncfs).</summary>
    void FileSystem(string path) => throw new NotSupportedException("this disk cannot sync a whole file system");
}

/// <summary>The operating system's fsync.</summary>
internal sealed class OsDiskSync : IDiskSync
{
    public static readonly OsDiskSync Instance = new();

    public void File(SafeFileHandle file, string path) => RandomAccess.FlushToDisk(file);

    public void Data(SafeFileHandle file, string path) => Posix.DataSync(file, path);

    public void FileAt(string path) => Posix.SyncAt(path);

    public bool CanSyncFileSystem => Posix.FileSystemSyncReports;

    public void FileSystem(string path) => Posix.SyncFileSystem(path);

    public void Folder(string path) => Posix.SyncFolder(path);
}

/// <summary>Group commit of fsyncs: requests that arrive while a pass runs wait for the next pass, which syncs all of
/// them on the store's sync thread and the shared <see cref="FsyncHelpers"/> at once (each file once, each folder once
/// per pass) instead of one blocked thread-pool thread per association. A request completes only after its own fsync returned, so a caller answering after it answers after
/// its data is durable; a failed fsync fails only the requests it covered.</summary>
internal sealed class GroupSync(IDiskSync disk)
{
    private readonly object _gate = new();
    private List<Request> _pending = [];
    private bool _threadRunning;
    // Passes running now: the sync thread's and those run inline by a reading thread.
    private int _passes;

    internal enum Kind
    {
        File,
        Folder,
        Data,
        FileAt,
        FileSystem,
    }

    private sealed record Request(SafeFileHandle? File, string Path, Kind Kind, TaskCompletionSource Done)
    {
        public object Key => File != null ? File : (Kind, Path);
    }

    public Task FileAsync(SafeFileHandle file, string path) => Enqueue(new Request(file, path, Kind.File, NewSource()));

    public Task FolderAsync(string path) => Enqueue(new Request(null, path, Kind.Folder, NewSource()));

    /// <summary>fdatasync (the journal: written in place, its size fixed).</summary>
    public Task DataAsync(SafeFileHandle file, string path) => Enqueue(new Request(file, path, Kind.Data, NewSource()));

    /// <summary>fsync of a placed file by its name.</summary>
    public Task FileAtAsync(string path) => Enqueue(new Request(null, path, Kind.FileAt, NewSource()));

    /// <summary>syncfs of the file system holding <paramref name="path"/> (only if the disk <see cref="CanSyncFileSystem"/>).</summary>
    public Task FileSystemAsync(string path) => Enqueue(new Request(null, path, Kind.FileSystem, NewSource()));

    public bool CanSyncFileSystem => disk.CanSyncFileSystem;

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task Enqueue(Request request)
    {
        lock (_gate)
        {
            if (request.Kind == Kind.Data && _passes == 0 && _pending.Count == 0 && ReadingThread.MayBlock) _passes++;
            else
            {
                Queue(request);
                return request.Done.Task;
            }
        }
        // A lone fdatasync (a journaled store's one sync before Success), nothing else syncing, and an association's
        // reading thread with nothing more to read: the pass runs here, sparing the hand-off to the sync thread and the
        // completion's hop back to the pool (two wake-ups per store). Requests arriving meanwhile go to the sync thread.
        // Only the journal's sync: a store's several fsyncs (the path without the journal) run at once on the helpers.
        CountedPass([request]);
        return request.Done.Task;
    }

    /// <summary>Adds the request to the next pass of the sync thread (call under <see cref="_gate"/>).</summary>
    private void Queue(Request request)
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
                _passes++;
            }
            CountedPass(batch);
        }
    }

    /// <summary>Runs a pass (<see cref="Sync"/>s of <paramref name="batch"/>), counted in <see cref="_passes"/> until its
    /// syncs have returned; only then are its requests completed, so a caller answered by it that asks again finds no
    /// pass running.</summary>
    private void CountedPass(List<Request> batch)
    {
        Dictionary<object, Sync> syncs;
        try
        {
            syncs = Pass(batch);
        }
        finally
        {
            lock (_gate) _passes--;
        }
        foreach (var r in batch)
        {
            var failure = syncs[r.Key].Failure;
            if (failure == null) r.Done.TrySetResult();
            else r.Done.TrySetException(failure);
        }
    }

    private Dictionary<object, Sync> Pass(List<Request> batch)
    {
        // Each distinct file once (a placement log asked for by several requests was written before each was queued)
        // and each folder once (every rename of the batch happened before its request was queued).
        // A handle asked for both fdatasync (Data) and fsync (File) in one pass gets the fsync, which covers both.
        var syncs = new Dictionary<object, Sync>();
        foreach (var r in batch)
            if (!syncs.TryGetValue(r.Key, out var known) || (known.Kind == Kind.Data && r.Kind == Kind.File))
                syncs[r.Key] = new Sync(r.File, r.Path, r.Kind);
        var work = syncs.Values.ToArray();
        if (work.Length == 1) work[0].Run(disk);
        else FsyncHelpers.RunAll(work, disk);
        return syncs;
    }

    /// <summary>One fsync of a pass and how it ended.</summary>
    internal sealed class Sync(SafeFileHandle? file, string path, Kind kind)
    {
        public Kind Kind => kind;

        public Exception? Failure { get; private set; }

        public void Run(IDiskSync disk)
        {
            try
            {
                switch (kind)
                {
                    case Kind.File: disk.File(file!, path); break;
                    case Kind.Data: disk.Data(file!, path); break;
                    case Kind.FileAt: disk.FileAt(path); break;
                    case Kind.FileSystem: disk.FileSystem(path); break;
                    default: disk.Folder(path); break;
                }
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }
    }
}

/// <summary>A few threads shared by every group commit that issue the fsyncs of one pass at the same time: the disk
/// overlaps concurrent flushes, where one thread would wait for each in turn (measured: two fsyncs at once took
/// 0.5–0.9 of the time of two in a row on this project's VM).</summary>
internal static class FsyncHelpers
{
    private const int Threads = 3;

    // A plain queue under a lock with Monitor.Wait, not BlockingCollection/CountdownEvent: those spin (sched_yield)
    // before they block, every time a helper or a pass waits, which cost more CPU than the fsyncs' own system calls.
    private static readonly object Gate = new();
    private static readonly Queue<(GroupSync.Sync Sync, IDiskSync Disk, Countdown Done)> Work = new();
    private static int _started;

    /// <summary>Syncs of one pass not yet ended; Wait blocks without spinning.</summary>
    private sealed class Countdown(int count)
    {
        private int _left = count;

        public void Signal()
        {
            lock (this)
                if (--_left == 0) Monitor.PulseAll(this);
        }

        public void Wait()
        {
            lock (this)
                while (_left > 0) Monitor.Wait(this);
        }
    }

    /// <summary>Runs every sync, the calling thread taking its share, and returns when all have ended.</summary>
    public static void RunAll(GroupSync.Sync[] work, IDiskSync disk)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            for (var i = 0; i < Threads; i++) new Thread(Help) { IsBackground = true, Name = "dsg group fsync" }.Start();
        var done = new Countdown(work.Length - 1);
        lock (Gate)
        {
            for (var i = 1; i < work.Length; i++) Work.Enqueue((work[i], disk, done));
            Monitor.PulseAll(Gate);
        }
        work[0].Run(disk);
        // Take back what no helper has started yet (of this pass or another's).
        while (true)
        {
            (GroupSync.Sync Sync, IDiskSync Disk, Countdown Done) item;
            lock (Gate)
                if (!Work.TryDequeue(out item)) break;
            item.Sync.Run(item.Disk);
            item.Done.Signal();
        }
        done.Wait();
    }

    private static void Help()
    {
        while (true)
        {
            (GroupSync.Sync Sync, IDiskSync Disk, Countdown Done) item;
            lock (Gate)
            {
                while (Work.Count == 0) Monitor.Wait(Gate);
                item = Work.Dequeue();
            }
            item.Sync.Run(item.Disk);
            item.Done.Signal();
        }
    }
}
