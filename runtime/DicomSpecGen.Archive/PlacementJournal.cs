using System.Buffers.Binary;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Archive;

/// <summary>The durable store's journal of small instances: a file of fixed size beside the placement log
/// ("{same stem}.journal"), written with zeros once when made (and fsynced), then overwritten in place, so that an
/// fdatasync of it writes data blocks only (no size, no block allocation: no inode). A small instance's whole Part 10
/// bytes, its final name and its staging name go into one record here; one fdatasync of the journal (shared by every
/// store of a pass) makes them durable, and Success may be answered while the file itself is written, renamed and
/// fsynced behind (in the write-behind batch, before the record is settled). A record's space is used again only once
/// it is settled (its file and folder fsynced, its index row committed). Recovery reads the records of a dead writer's
/// journal (whole and checksummed, not older than the checkpoint) and writes each one's bytes back to its staging file,
/// which reconciliation then places like any other.
/// <para>Layout: a 4096-byte header block (magic, version, checkpoint id, CRC-32C), then records at 512-byte boundaries:
/// magic "DSGR", payload length, record id, CRC-32C of the length, id and payload, target and staging name lengths
/// (payload = target, staging name, file bytes). The checkpoint (every record with a smaller id is settled) is
/// advanced, and fdatasynced, before space holding a record at or above it is overwritten, so an old record left
/// behind in the ring is never read back as open.</para></summary>
internal sealed class PlacementJournal : IDisposable
{
    public const int HeaderSize = 4096;
    public const int Align = 512;
    public const int RecordHeader = 24;
    private const uint HeaderMagic = 0x48475344; // "DSGH"
    private const uint RecordMagic = 0x52475344; // "DSGR"

    private readonly SafeFileHandle _file;
    private readonly long _capacity;
    private readonly IDiskSync? _disk;

    /// <summary>Records whose space may not yet be overwritten without a checkpoint (id at or above the durable
    /// checkpoint), in ring order.</summary>
    private readonly LinkedList<Slot> _ring = new();
    private readonly Dictionary<long, LinkedListNode<Slot>> _byId = new();
    private long _head = HeaderSize;
    private long _checkpoint;

    /// <summary>Times the records have wrapped to the start of the file: within one lap, records lie in id order at
    /// rising offsets.</summary>
    private long _lap;

    private sealed class Slot(long id, long start, long end, long lap)
    {
        public long Id { get; } = id;
        public long Start { get; } = start;
        public long End { get; } = end;
        public long Lap { get; } = lap;
        public bool Settled { get; set; }
    }

    private PlacementJournal(string path, SafeFileHandle file, long capacity, IDiskSync? disk)
    {
        (Path, _file, _capacity, _disk) = (path, file, capacity, disk);
    }

    public string Path { get; }

    public SafeFileHandle File => _file;

    /// <summary>Makes the journal: zeros written to its full size and synced (file, then its name in the folder), so
    /// that later overwrites change no metadata. Slow (the whole size is written): run off the store's path.</summary>
    public static PlacementJournal Create(string path, long capacity, IDiskSync? disk)
    {
        capacity = Math.Max(HeaderSize + 4 * Align, capacity / Align * Align);
        var file = Posix.CreateNew(path, read: true);
        try
        {
            var zeros = new byte[1 << 20];
            for (long at = 0; at < capacity; at += zeros.Length)
                Posix.Write(file, zeros.AsSpan(0, (int)Math.Min(zeros.Length, capacity - at)), at);
            var journal = new PlacementJournal(path, file, capacity, disk);
            Posix.Write(file, journal.HeaderBlock(0), 0);
            if (disk != null)
            {
                disk.File(file, path);
                disk.Folder(System.IO.Path.GetDirectoryName(path)!);
            }
            return journal;
        }
        catch
        {
            file.Dispose();
            System.IO.File.Delete(path);
            throw;
        }
    }

    /// <summary>A record is laid out in one buffer: this many bytes for the record header and the names, then the
    /// file's bytes.</summary>
    public static int Reserve(string target, string source) => RecordHeader + Encoding.UTF8.GetByteCount(target) + Encoding.UTF8.GetByteCount(source);

    /// <summary>Writes record <paramref name="id"/> (buffer: <see cref="Reserve"/> bytes left free, then
    /// <paramref name="length"/> bytes of the file). False when the journal has no free space (records not yet
    /// settled hold it): the caller takes the path without the journal. Called under the placement log's lock, so
    /// ids reach the journal in order.</summary>
    public bool TryAppend(long id, string target, string source, byte[] buffer, int length)
    {
        var targetLength = Encoding.UTF8.GetBytes(target, buffer.AsSpan(RecordHeader));
        var sourceLength = Encoding.UTF8.GetBytes(source, buffer.AsSpan(RecordHeader + targetLength));
        var total = RecordHeader + targetLength + sourceLength + length;
        var span = (long)(total + Align - 1) / Align * Align;
        if (span > _capacity - HeaderSize) return false;
        var wraps = _head + span > _capacity;
        var start = wraps ? HeaderSize : _head;
        var end = start + span;
        var lap = wraps ? _lap + 1 : _lap;
        // Every record whose space this overwrites must be settled; one at or above the checkpoint moves it first. Only
        // records of earlier laps can lie in [start, end) (this lap's end at or below start), and the ring holds them
        // first, in id order; those of the lap just before lie at rising offsets, so the first of them at or past end
        // ends the search (a whole-ring walk per append was ~5 % of a durable receiver's samples).
        var needsCheckpoint = false;
        foreach (var slot in _ring)
        {
            if (slot.Lap == lap || (slot.Lap == lap - 1 && slot.Start >= end)) break;
            if (slot.End <= start || slot.Start >= end) continue;
            if (!slot.Settled) return false;
            needsCheckpoint = true;
        }
        if (needsCheckpoint && !AdvanceCheckpoint(id)) return false;
        var header = buffer.AsSpan(0, RecordHeader);
        BinaryPrimitives.WriteUInt32LittleEndian(header, RecordMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], total - RecordHeader);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], id);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], (ushort)targetLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)sourceLength);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], Checksum(buffer.AsSpan(0, total)));
        Posix.Write(_file, buffer.AsSpan(0, total), start);
        (_head, _lap) = (end, lap);
        _byId[id] = _ring.AddLast(new Slot(id, start, end, lap));
        return true;
    }

    /// <summary>The record's file is in place and durable and its row committed: its space may be used again.</summary>
    public void Settle(long id)
    {
        if (_byId.TryGetValue(id, out var node)) node.Value.Settled = true;
    }

    /// <summary>Checkpoint = the oldest record not settled (or <paramref name="next"/>), written and synced; the
    /// settled records below it leave the ring. False when it cannot move (the oldest record is not settled).</summary>
    private bool AdvanceCheckpoint(long next)
    {
        var oldest = next;
        foreach (var slot in _ring)
            if (!slot.Settled)
            {
                oldest = slot.Id;
                break;
            }
        if (oldest <= _checkpoint) return false;
        Posix.Write(_file, HeaderBlock(oldest), 0);
        _disk?.Data(_file, Path);
        _checkpoint = oldest;
        while (_ring.First is { } first && first.Value.Id < oldest)
        {
            _byId.Remove(first.Value.Id);
            _ring.RemoveFirst();
        }
        return true;
    }

    /// <summary>Every record below <paramref name="next"/> is settled (nothing open): the checkpoint moves past them all.
    /// Before the placement log forgets its settled lines.</summary>
    public void CheckpointAll(long next)
    {
        if (_ring.Count == 0 || _ring.Any(s => !s.Settled)) return;
        AdvanceCheckpoint(next);
    }

    private byte[] HeaderBlock(long checkpoint)
    {
        var block = new byte[Align];
        BinaryPrimitives.WriteUInt32LittleEndian(block, HeaderMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), 1);
        BinaryPrimitives.WriteInt64LittleEndian(block.AsSpan(8), checkpoint);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(16), Crc32C(0, block.AsSpan(0, 16)));
        return block;
    }

    /// <summary>CRC-32C of the length, id, names and data (the record minus its magic and the CRC field itself).</summary>
    private static uint Checksum(ReadOnlySpan<byte> record)
        => ~Crc32CRaw(Crc32CRaw(~0u, record[4..16]), record[20..]);

    /// <summary>A complete record read back.</summary>
    public sealed record Entry(long Id, string Target, string Source, long DataOffset, int DataLength);

    /// <summary>The whole, checksummed records of a journal at or above its checkpoint, by id; empty when the file is
    /// missing or its header is not whole.</summary>
    public static SortedDictionary<long, Entry> Read(string path)
    {
        try
        {
            return Read(System.IO.File.ReadAllBytes(path));
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    /// <summary><see cref="Read(string)"/> of a journal's bytes.</summary>
    public static SortedDictionary<long, Entry> Read(byte[] bytes)
    {
        var found = new SortedDictionary<long, Entry>();
        if (bytes.Length < HeaderSize || BinaryPrimitives.ReadUInt32LittleEndian(bytes) != HeaderMagic
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)) != Crc32C(0, bytes.AsSpan(0, 16)))
            return found;
        var checkpoint = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8));
        for (long at = HeaderSize; at + RecordHeader <= bytes.Length;)
        {
            var record = bytes.AsSpan((int)at);
            var payload = BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
            var targetLength = BinaryPrimitives.ReadUInt16LittleEndian(record[20..]);
            var sourceLength = BinaryPrimitives.ReadUInt16LittleEndian(record[22..]);
            if (BinaryPrimitives.ReadUInt32LittleEndian(record) != RecordMagic || payload < targetLength + sourceLength
                || payload > record.Length - RecordHeader
                || BinaryPrimitives.ReadUInt32LittleEndian(record[16..]) != Checksum(record[..(RecordHeader + payload)]))
            {
                at += Align;
                continue;
            }
            var id = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
            if (id >= checkpoint)
            {
                var target = Encoding.UTF8.GetString(record.Slice(RecordHeader, targetLength));
                var source = Encoding.UTF8.GetString(record.Slice(RecordHeader + targetLength, sourceLength));
                var dataLength = payload - targetLength - sourceLength;
                found[id] = new Entry(id, target, source, at + RecordHeader + targetLength + sourceLength, dataLength);
            }
            at += (RecordHeader + payload + Align - 1) / Align * Align;
        }
        return found;
    }

    private static uint Crc32C(uint crc, ReadOnlySpan<byte> data) => ~Crc32CRaw(~crc, data);

    /// <summary>CRC-32C (Castagnoli) without the final inversion; the SSE4.2 instruction where there is one.</summary>
    private static uint Crc32CRaw(uint crc, ReadOnlySpan<byte> data)
    {
        var i = 0;
        if (Sse42.X64.IsSupported)
        {
            ulong c = crc;
            for (; i + 8 <= data.Length; i += 8) c = Sse42.X64.Crc32(c, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
            crc = (uint)c;
        }
        if (Sse42.IsSupported)
        {
            for (; i < data.Length; i++) crc = Sse42.Crc32(crc, data[i]);
            return crc;
        }
        for (; i < data.Length; i++)
        {
            crc ^= data[i];
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0x82F63B78u & (uint)-(int)(crc & 1));
        }
        return crc;
    }

    public void Dispose() => _file.Dispose();
}
