using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Archive;

/// <summary>The placement records of one store: an append-only text file "{node}-{pid}-{guid}.log" in the store's
/// ".placements" folder, one line "+{id} {relative path} {staging path}" (both relative to the store's root) written
/// once the staged file is complete and before it is renamed into place, and "-{id}" once the placement and its index
/// row are durable (or given up). Lines "+{id} {relative path}" of earlier versions (no staging path) are still read. One file per store instead of one empty file per instance: creating and
/// deleting an inode per instance cost more than the rest of a small store (ext4 scans past recently freed inodes on
/// every create). The file is emptied whenever no record is open and it has grown past <see cref="CompactAt"/>.</summary>
internal sealed class PlacementLog : IDisposable
{
    private const long CompactAt = 1 << 20;

    private readonly object _gate = new();
    private readonly SafeFileHandle _file;
    private readonly Dictionary<long, (string Relative, string? Source, bool Abandoned)> _open = new();
    private long _nextId;
    private long _length;

    private PlacementLog(string path, SafeFileHandle file)
    {
        Path = path;
        _file = file;
    }

    public string Path { get; }

    /// <summary>The open file, to be fsynced (a group commit fsyncs it once for every record appended before).</summary>
    public SafeFileHandle File => _file;

    /// <summary>A new, empty log for this process in <paramref name="folder"/>.</summary>
    public static PlacementLog Create(string folder, string node)
    {
        var path = System.IO.Path.Combine(folder, $"{node}-{Environment.ProcessId}-{Guid.NewGuid():N}.log");
        // A bare handle (no FileStream, whose SafeFileHandle getter seeks): each record is one write at the offset kept
        // here, under the lock.
        return new PlacementLog(path, Posix.CreateNew(path, read: true));
    }

    /// <summary>Appends "+{id} {relative} {source}" (source: the staged file, relative to the store's root; null
    /// writes the older form without it); the id names the record for <see cref="End(long)"/>.</summary>
    public long Begin(string relative, string? source = null)
    {
        lock (_gate)
        {
            var id = ++_nextId;
            // Formatted into the stack: no string or array per store.
            Span<byte> line = stackalloc byte[512];
            var written = source == null
                ? System.Text.Unicode.Utf8.TryWrite(line, CultureInfo.InvariantCulture, $"+{id} {relative}\n", out var n)
                : System.Text.Unicode.Utf8.TryWrite(line, CultureInfo.InvariantCulture, $"+{id} {relative} {source}\n", out n);
            if (written) Append(line[..n]);
            else Append(Encoding.UTF8.GetBytes(source == null ? $"+{id} {relative}\n" : $"+{id} {relative} {source}\n"));
            _open[id] = (relative, source, false);
            return id;
        }
    }

    /// <summary>Appends "-{id}": the placement is settled.</summary>
    public void End(long id) => End([id]);

    /// <summary>Appends "-{id}" for each record, in one write.</summary>
    public void End(IReadOnlyList<long> ids)
    {
        lock (_gate)
        {
            var text = new StringBuilder();
            foreach (var id in ids)
                if (_open.Remove(id)) text.Append('-').Append(id.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (text.Length == 0) return;
            if (_open.Count == 0 && _length + text.Length > CompactAt)
            {
                // Nothing open: what the file says no longer matters (a stale line after a crash is only re-checked).
                RandomAccess.SetLength(_file, 0);
                _length = 0;
                return;
            }
            Append(Encoding.ASCII.GetBytes(text.ToString()));
        }
    }

    /// <summary>The record stays open, for this process's next reconciliation.</summary>
    public void Abandon(long id)
    {
        lock (_gate)
        {
            if (_open.TryGetValue(id, out var record)) _open[id] = (record.Relative, record.Source, true);
        }
    }

    /// <summary>Records this store gave up on (abandoned, not ended).</summary>
    public List<(long Id, string Relative, string? Source)> Abandoned()
    {
        lock (_gate)
            return [.. _open.Where(p => p.Value.Abandoned).Select(p => (p.Key, p.Value.Relative, p.Value.Source))];
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Posix.Write(_file, bytes, _length);
        _length += bytes.Length;
    }

    /// <summary>The records of a log file begun and not ended: id → relative path. A last line without its newline
    /// (a writer killed mid-append) is ignored.</summary>
    public static Dictionary<long, string> ReadOpen(string path) => ReadOpenRecords(path).ToDictionary(p => p.Key, p => p.Value.Target);

    /// <summary>The records of a log file begun and not ended: id → the placement's relative path and its staged file's
    /// (null in a line of an earlier version).</summary>
    public static Dictionary<long, (string Target, string? Source)> ReadOpenRecords(string path)
    {
        var open = new Dictionary<long, (string Target, string? Source)>();
        string text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return open;
        }
        var end = text.LastIndexOf('\n');
        foreach (var line in text[..(end + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            if (line[0] == '+' && space > 1 && long.TryParse(line.AsSpan(1, space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var rest = line[(space + 1)..];
                var second = rest.IndexOf(' ');
                open[id] = second < 0 ? (rest, null) : (rest[..second], rest[(second + 1)..]);
            }
            else if (line[0] == '-' && long.TryParse(line.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out id))
                open.Remove(id);
        }
        return open;
    }

    /// <summary>Appends "-{id}" to another (dead) writer's log file.</summary>
    public static void EndIn(string path, long id)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        // A line its dead writer did not finish is cut off first, so the new line does not join it.
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        stream.SetLength(Array.LastIndexOf(bytes, (byte)'\n') + 1);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(Encoding.ASCII.GetBytes($"-{id.ToString(CultureInfo.InvariantCulture)}\n"));
    }

    public void Dispose() => _file.Dispose();
}
