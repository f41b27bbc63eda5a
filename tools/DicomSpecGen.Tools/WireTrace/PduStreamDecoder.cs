using System.Buffers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Tools.WireTrace;

/// <summary>One PDU found in a byte dump: where it starts, its bytes, and the decoded PDU or why it did not decode.</summary>
public sealed record DecodedPdu(long Offset, int Length, Pdu? Pdu, string? Error);

/// <summary>Splits a captured byte dump (one or more concatenated PDUs) with the runtime's
/// <see cref="PduFraming.TryReadPdu"/> (no length limit) and decodes each.</summary>
public static class PduStreamDecoder
{
    public static IReadOnlyList<DecodedPdu> Decode(ReadOnlyMemory<byte> dump)
    {
        var result = new List<DecodedPdu>();
        var rest = new ReadOnlySequence<byte>(dump);
        while (rest.Length > 0)
        {
            var offset = dump.Length - rest.Length;
            switch (PduFraming.TryReadPdu(ref rest, PduLimits.None, out var frame))
            {
                case PduReadStatus.Pdu:
                    result.Add(new DecodedPdu(offset, (int)frame.Size, frame.Pdu, null));
                    continue;
                case PduReadStatus.Error when frame.Size <= rest.Length:
                    // The header's length still frames the next PDU, so one bad PDU does not hide the rest.
                    result.Add(new DecodedPdu(offset, (int)frame.Size, null, frame.Error!.Message));
                    rest = rest.Slice(frame.Size);
                    continue;
                case PduReadStatus.Error:
                    result.Add(new DecodedPdu(offset, (int)rest.Length, null, frame.Error!.Message));
                    break;
                default:
                    result.Add(new DecodedPdu(offset, (int)rest.Length, null, frame.HasHeader
                        ? $"PDU-type 0x{frame.PduType:X2} announces {frame.PduLength} bytes after its header but only {rest.Length - (frame.Size - frame.PduLength)} follow"
                        : $"{rest.Length} trailing byte(s): shorter than a PDU header"));
                    break;
            }
            break;
        }
        return result;
    }
}
