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
    private PlacementJournal? _journal;
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

    /// <summary>The journal of small instances (durable stores), once it is made; written under this log's lock.</summary>
    public PlacementJournal? Journal
    {
        get
        {
            lock (_gate) return _journal;
        }
        set
        {
            lock (_gate) _journal = value;
        }
    }

    /// <summary>The journal's name beside a log's: same stem, ".journal".</summary>
    public static string JournalPath(string logPath) => System.IO.Path.ChangeExtension(logPath, ".journal");

    /// <summary>Begins a record in the journal (no line here): <paramref name="buffer"/> holds
    /// <see cref="PlacementJournal.Reserve"/> free bytes and then the file's <paramref name="length"/> bytes. False (and
    /// no record) when there is no journal or no free space in it.</summary>
    public bool TryBeginJournaled(string relative, string source, byte[] buffer, int length, out long id)
    {
        lock (_gate)
        {
            id = 0;
            if (_journal == null || !_journal.TryAppend(_nextId + 1, relative, source, buffer, length)) return false;
            id = ++_nextId;
            _open[id] = (relative, source, false);
            return true;
        }
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
            {
                if (!_open.Remove(id)) continue;
                text.Append('-').Append(id.ToString(CultureInfo.InvariantCulture)).Append('\n');
                _journal?.Settle(id);
            }
            if (text.Length == 0) return;
            if (_open.Count == 0 && _length + text.Length > CompactAt)
            {
                // The journal's records are all settled too: its checkpoint moves past them before the lines that say
                // so are gone.
                _journal?.CheckpointAll(_nextId + 1);
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
    /// (null in a line of an earlier version), in id order. Records of its journal (whole, at or above the checkpoint)
    /// count as begun. A record is dropped when a later record of the same name was settled (that newer copy is in
    /// place and durable; placing the older one again would undo it).</summary>
    public static Dictionary<long, (string Target, string? Source)> ReadOpenRecords(string path)
        => ReadOpen(path, out _).ToDictionary(p => p.Key, p => (p.Value.Target, p.Value.Source));

    /// <summary><see cref="ReadOpenRecords"/> with each journaled record's entry (where its bytes are).</summary>
    public static SortedDictionary<long, (string Target, string? Source, PlacementJournal.Entry? Journaled)> ReadOpen(string path, out string journalPath)
    {
        journalPath = JournalPath(path);
        var open = new SortedDictionary<long, (string Target, string? Source, PlacementJournal.Entry? Journaled)>();
        var settled = new List<long>();
        var targets = new Dictionary<long, string>();
        string? text;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.ASCII);
            text = reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            text = null;
        }
        foreach (var (id, entry) in PlacementJournal.Read(journalPath))
        {
            open[id] = (entry.Target, entry.Source, entry);
            targets[id] = entry.Target;
        }
        if (text == null) return open;
        var end = text.LastIndexOf('\n');
        foreach (var line in text[..(end + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var space = line.IndexOf(' ');
            if (line[0] == '+' && space > 1 && long.TryParse(line.AsSpan(1, space - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                var rest = line[(space + 1)..];
                var second = rest.IndexOf(' ');
                open[id] = second < 0 ? (rest, null, null) : (rest[..second], rest[(second + 1)..], null);
                targets[id] = open[id].Target;
            }
            else if (line[0] == '-' && long.TryParse(line.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out id))
            {
                open.Remove(id);
                settled.Add(id);
            }
        }
        // The newest settled id of each name: open records of that name below it are superseded.
        var newest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in settled)
            if (targets.TryGetValue(id, out var target) && (!newest.TryGetValue(target, out var seen) || seen < id)) newest[target] = id;
        foreach (var id in open.Where(p => newest.TryGetValue(p.Value.Target, out var n) && n > p.Key).Select(p => p.Key).ToList())
            open.Remove(id);
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

    public void Dispose()
    {
        _file.Dispose();
        _journal?.Dispose();
    }
}
