using System.Buffers.Binary;
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
        switch (unit)
        {
            case 2:
                for (var i = 0; i + 1 < data.Length; i += 2) (data[i], data[i + 1]) = (data[i + 1], data[i]);
                break;
            case 4:
                for (var i = 0; i + 3 < data.Length; i += 4)
                    BinaryPrimitives.WriteUInt32LittleEndian(data.Slice(i), BinaryPrimitives.ReadUInt32BigEndian(data.Slice(i)));
                break;
            case 8:
                for (var i = 0; i + 7 < data.Length; i += 8)
                    BinaryPrimitives.WriteUInt64LittleEndian(data.Slice(i), BinaryPrimitives.ReadUInt64BigEndian(data.Slice(i)));
                break;
        }
    }
}
