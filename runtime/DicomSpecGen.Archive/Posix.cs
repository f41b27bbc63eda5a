using System.Buffers;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Archive;

/// <summary>The few libc calls of the store's path on Linux, where .NET's own would add system calls per file: its
/// open takes an advisory flock (and an fstatfs to decide) and its close unlocks; RandomAccess probes each new handle
/// with an lseek; File.Move lstats first. The store locks nothing (staging names are unique per process and the
/// placement log is this process's own), so none of these is needed. Elsewhere (or when <see cref="Enabled"/> is off)
/// the .NET calls are used.</summary>
internal static unsafe partial class Posix
{
    /// <summary>Linux x64/arm64 (the flag values below are Linux's generic ones).</summary>
    public static readonly bool Enabled = OperatingSystem.IsLinux();

    private const int ReadOnly = 0x0, WriteOnly = 0x1, ReadWrite = 0x2, Create = 0x40, Exclusive = 0x80, Directory = 0x10000, CloseOnExec = 0x80000;
    private const int Interrupted = 4, NoEntry = 2, Exists = 17, NoSpace = 28, AccessDenied = 13, NotPermitted = 1;

    /// <summary>Creates a new file for writing (fails if the name exists), with no advisory lock.</summary>
    public static SafeFileHandle CreateNew(string path, bool read = false)
    {
        if (!Enabled) return File.OpenHandle(path, FileMode.CreateNew, read ? FileAccess.ReadWrite : FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        int fd;
        do fd = Open(path, (read ? ReadWrite : WriteOnly) | Create | Exclusive | CloseOnExec, 0x1b6 /* 0666, less the umask */);
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        if (fd < 0) throw Error(Marshal.GetLastPInvokeError(), "create", path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Opens an existing file for reading, with no advisory lock.</summary>
    public static SafeFileHandle OpenRead(string path)
    {
        if (!Enabled) return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        int fd;
        do fd = Open(path, ReadOnly | CloseOnExec, 0);
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        if (fd < 0) throw Error(Marshal.GetLastPInvokeError(), "open", path);
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>rename(2): atomically replaces <paramref name="target"/>. Throws <see cref="DirectoryNotFoundException"/>
    /// when a folder of either name is missing (or the source is), like File.Move.</summary>
    public static void Rename(string source, string target)
    {
        if (!Enabled)
        {
            File.Move(source, target, overwrite: true);
            return;
        }
        if (RenameNative(source, target) != 0) throw Error(Marshal.GetLastPInvokeError(), "rename", $"{source}' to '{target}");
    }

    /// <summary>Writes all of <paramref name="bytes"/> at <paramref name="offset"/>.</summary>
    public static void Write(SafeFileHandle file, ReadOnlySpan<byte> bytes, long offset)
    {
        if (!Enabled)
        {
            RandomAccess.Write(file, bytes, offset);
            return;
        }
        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var n = PWrite(file, start + done, (nuint)(bytes.Length - done), offset + done);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted) continue;
                    throw Error(errno, "write", "a staged file");
                }
                done += (int)n;
            }
        }
    }

    /// <summary>Pins of one gathered write, reused by the thread running it.</summary>
    [ThreadStatic]
    private static MemoryHandle[]? _pins;

    /// <summary>Writes every buffer in turn from <paramref name="offset"/> (one pwritev when the kernel takes it all).</summary>
    public static void Write(SafeFileHandle file, List<ReadOnlyMemory<byte>> buffers, long offset)
    {
        const int MaxGather = 64;
        if (!Enabled || buffers.Count > MaxGather)
        {
            RandomAccess.Write(file, buffers, offset);
            return;
        }
        var pins = _pins ??= new MemoryHandle[MaxGather];
        var vectors = stackalloc IoVector[buffers.Count];
        long total = 0;
        try
        {
            for (var i = 0; i < buffers.Count; i++)
            {
                pins[i] = buffers[i].Pin();
                vectors[i] = new IoVector { Base = pins[i].Pointer, Length = (nuint)buffers[i].Length };
                total += buffers[i].Length;
            }
            var first = 0;
            while (total > 0)
            {
                long n = PWriteV(file, vectors + first, buffers.Count - first, offset);
                if (n < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted) continue;
                    throw Error(errno, "write", "a staged file");
                }
                total -= n;
                offset += n;
                // A short write (rare: a signal, a full disk coming): skip what went and go on from there.
                while (n > 0 && first < buffers.Count)
                {
                    var len = (long)vectors[first].Length;
                    if (n >= len)
                    {
                        n -= len;
                        first++;
                    }
                    else
                    {
                        vectors[first].Base = (byte*)vectors[first].Base + n;
                        vectors[first].Length -= (nuint)n;
                        n = 0;
                    }
                }
            }
        }
        finally
        {
            for (var i = 0; i < buffers.Count; i++)
            {
                pins[i].Dispose();
                pins[i] = default;
            }
        }
    }

    /// <summary>fdatasync(2): the file's data and what is needed to read it back (not its times).</summary>
    public static void DataSync(SafeFileHandle file, string path)
    {
        if (!Enabled) RandomAccess.FlushToDisk(file);
        else Sync(&FDataSync, file, "fdatasync", path);
    }

    /// <summary>fsync(2) of a file by its name (opened for reading, no lock, no probe), e.g. a placed file.</summary>
    public static void SyncAt(string path)
    {
        using var file = OpenRead(path);
        if (!Enabled) RandomAccess.FlushToDisk(file);
        else Sync(&FSync, file, "fsync", path);
    }

    /// <summary>fsync(2) of a folder, which makes the names created in it durable; nothing on Windows, where there is
    /// no fsync of a folder (NTFS journals the rename itself).</summary>
    public static void SyncFolder(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        // Linux: O_DIRECTORY | O_CLOEXEC; elsewhere (macOS) plain O_RDONLY, whose value is the same everywhere.
        int fd;
        do fd = Open(path, Enabled ? ReadOnly | Directory | CloseOnExec : ReadOnly, 0);
        while (fd < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        if (fd < 0) throw Error(Marshal.GetLastPInvokeError(), "open folder", path);
        using var folder = new SafeFileHandle(fd, ownsHandle: true);
        Sync(&FSync, folder, "fsync folder", path);
    }

    /// <summary>One of the sync calls, retried when a signal interrupts it.</summary>
    private static void Sync(delegate*<SafeFileHandle, int> call, SafeFileHandle file, string what, string path)
    {
        int rc;
        do rc = call(file);
        while (rc != 0 && Marshal.GetLastPInvokeError() == Interrupted);
        if (rc != 0) throw Error(Marshal.GetLastPInvokeError(), what, path);
    }

    /// <summary>syncfs(2) is available and reports write-back errors (Linux 5.8 and later; before that it returned 0
    /// even when writing failed).</summary>
    public static readonly bool FileSystemSyncReports = Enabled && Environment.OSVersion.Version >= new Version(5, 8);

    /// <summary>syncfs(2) of the file system holding <paramref name="path"/>: every dirty file, folder and inode on it
    /// reaches the disk, then one cache flush.</summary>
    public static void SyncFileSystem(string path)
    {
        using var folder = OpenRead(path);
        Sync(&SyncFs, folder, "syncfs", path);
    }

    private static Exception Error(int errno, string what, string path)
    {
        var message = $"cannot {what} '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
        return errno switch
        {
            NoEntry => new DirectoryNotFoundException(message),
            Exists => new IOException(message, 0x50 /* as .NET reports an existing file */),
            AccessDenied or NotPermitted => new UnauthorizedAccessException(message),
            NoSpace => new IOException(message),
            _ => new IOException(message),
        };
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVector
    {
        public void* Base;
        public nuint Length;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string source, string target);

    [LibraryImport("libc", EntryPoint = "pwrite64", SetLastError = true)]
    private static partial nint PWrite(SafeFileHandle file, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "pwritev64", SetLastError = true)]
    private static partial nint PWriteV(SafeFileHandle file, IoVector* vectors, int count, long offset);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(SafeFileHandle file);

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FDataSync(SafeFileHandle file);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(SafeFileHandle file);
}
