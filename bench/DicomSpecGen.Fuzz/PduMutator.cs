using System.Buffers.Binary;

namespace DicomSpecGen.Fuzz;

/// <summary>Makes malformed PDUs from well-formed seeds: byte flips, boundary values in length fields, cuts,
/// inserts, duplicated ranges (repeated items) and splices. Deterministic for a given Random.</summary>
public sealed class PduMutator
{
    private static readonly uint[] Interesting32 = [0, 1, 2, 4, 6, 0x7F, 0x80, 0xFF, 0x100, 0x3FFF, 0x4000, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];
    private readonly IReadOnlyList<byte[]> _seeds;
    private readonly Random _random;
    private readonly bool _pduLength;

    /// <param name="pduLength">Whether inputs are PDUs, whose PDU-length half the inputs get made consistent again
    /// (false for the other targets' inputs, which have no such field).</param>
    public PduMutator(IReadOnlyList<byte[]> seeds, Random random, bool pduLength = true)
    {
        _pduLength = pduLength;
        if (seeds.Count == 0) throw new ArgumentException("at least one seed PDU is needed", nameof(seeds));
        _seeds = seeds;
        _random = random;
    }

    /// <summary>One mutated input: 1-4 stacked mutations of a random seed; half the time the PDU-length is
    /// then made consistent again so the parser gets past the framing check into the items.</summary>
    public byte[] Next()
    {
        var r = _random;
        if (_pduLength && r.Next(50) == 0) return RandomPdu();
        var bytes = new List<byte>(_seeds[r.Next(_seeds.Count)]);
        var count = 1 + r.Next(4);
        for (var i = 0; i < count; i++) Mutate(bytes);
        var result = bytes.ToArray();
        if (_pduLength && result.Length >= 6 && r.Next(2) == 0) BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(2), (uint)(result.Length - 6));
        return result;
    }

    private byte[] RandomPdu()
    {
        var bytes = new byte[6 + _random.Next(64)];
        _random.NextBytes(bytes);
        bytes[0] = (byte)(1 + _random.Next(7));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), (uint)(bytes.Length - 6));
        return bytes;
    }

    private void Mutate(List<byte> b)
    {
        var r = _random;
        if (b.Count == 0)
        {
            b.Add((byte)r.Next(256));
            return;
        }
        switch (r.Next(9))
        {
            case 0: // random byte
                b[r.Next(b.Count)] = (byte)r.Next(256);
                break;
            case 1: // bit flip
                b[r.Next(b.Count)] ^= (byte)(1 << r.Next(8));
                break;
            case 2: // boundary value in a 16-bit big-endian field (item lengths)
                if (b.Count >= 2) WriteBig(b, r.Next(b.Count - 1), 2, Interesting32[r.Next(Interesting32.Length)]);
                break;
            case 3: // boundary value in a 32-bit big-endian field (PDU and PDV lengths)
                if (b.Count >= 4) WriteBig(b, r.Next(b.Count - 3), 4, Interesting32[r.Next(Interesting32.Length)]);
                break;
            case 4: // nudge an existing 16-bit length by a little
                if (b.Count >= 2)
                {
                    var at = r.Next(b.Count - 1);
                    var v = (b[at] << 8 | b[at + 1]) + r.Next(-3, 4);
                    WriteBig(b, at, 2, (uint)v);
                }
                break;
            case 5: // truncate, or delete a range
                {
                    var at = r.Next(b.Count);
                    var len = r.Next(2) == 0 ? b.Count - at : Math.Min(1 + r.Next(32), b.Count - at);
                    b.RemoveRange(at, len);
                }
                break;
            case 6: // insert random bytes
                {
                    var at = r.Next(b.Count + 1);
                    var add = new byte[1 + r.Next(16)];
                    r.NextBytes(add);
                    b.InsertRange(at, add);
                }
                break;
            case 7: // duplicate a range (a repeated item or PDV)
                {
                    var from = r.Next(b.Count);
                    var len = Math.Min(1 + r.Next(64), b.Count - from);
                    b.InsertRange(r.Next(b.Count + 1), b.GetRange(from, len));
                }
                break;
            default: // splice the tail of another seed
                {
                    var other = _seeds[r.Next(_seeds.Count)];
                    var at = r.Next(b.Count);
                    var from = r.Next(other.Length);
                    b.RemoveRange(at, b.Count - at);
                    b.AddRange(other.AsSpan(from, Math.Min(other.Length - from, 256)).ToArray());
                }
                break;
        }
    }

    private static void WriteBig(List<byte> b, int at, int size, uint value)
    {
        for (var i = 0; i < size; i++) b[at + i] = (byte)(value >> (8 * (size - 1 - i)));
    }
}
