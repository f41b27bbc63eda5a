using System.Buffers.Binary;
using System.Runtime.InteropServices;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>Big endian values are swapped to and from the little endian form the API uses, per the
/// VR's value size (PS3.5 Section 7.3); AT swaps group and element separately.</summary>
internal static class ByteSwap
{
    /// <summary>Bytes per swapped unit; 1 means no swap.</summary>
    public static int UnitSize(DicomVr vr) => vr == DicomVr.AT ? 2 : Math.Max(1, DicomVrs.ValueSize(vr));

    public static void InPlace(Span<byte> data, int unit)
    {
        // Span-wide ReverseEndianness is vectorized; a trailing partial value (odd-length input) is left as is.
        switch (unit)
        {
            case 2:
                var words = MemoryMarshal.Cast<byte, ushort>(data.Slice(0, data.Length & ~1));
                BinaryPrimitives.ReverseEndianness(words, words);
                break;
            case 4:
                var longs = MemoryMarshal.Cast<byte, uint>(data.Slice(0, data.Length & ~3));
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
            case 8:
                var quads = MemoryMarshal.Cast<byte, ulong>(data.Slice(0, data.Length & ~7));
                BinaryPrimitives.ReverseEndianness(quads, quads);
                break;
        }
    }
}
