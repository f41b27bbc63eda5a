using System.Buffers;
using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Tools.WireTrace;

/// <summary>One PDU found in a byte dump: where it starts, its bytes, and the decoded PDU or why it did not decode.</summary>
public sealed record DecodedPdu(long Offset, int Length, Pdu? Pdu, string? Error);

/// <summary>Splits a captured byte dump (one or more concatenated PDUs) on the generated PDU header and decodes each.</summary>
public static class PduStreamDecoder
{
    public static IReadOnlyList<DecodedPdu> Decode(ReadOnlyMemory<byte> dump)
    {
        var result = new List<DecodedPdu>();
        long offset = 0;
        while (offset < dump.Length)
        {
            var rest = new ReadOnlySequence<byte>(dump[(int)offset..]);
            if (!PduFraming.TryReadHeader(rest, out var type, out var length))
            {
                result.Add(new DecodedPdu(offset, (int)rest.Length, null, $"{rest.Length} trailing byte(s): shorter than a PDU header"));
                break;
            }
            var total = PduFraming.HeaderLength + (long)length;
            if (total > rest.Length)
            {
                result.Add(new DecodedPdu(offset, (int)rest.Length, null,
                    $"PDU-type 0x{type:X2} announces {length} bytes after its header but only {rest.Length - PduFraming.HeaderLength} follow"));
                break;
            }
            try
            {
                result.Add(new DecodedPdu(offset, (int)total, Pdu.Read(rest.Slice(0, total)), null));
            }
            catch (PduFormatException e)
            {
                // The header's length still frames the next PDU, so one bad PDU does not hide the rest.
                result.Add(new DecodedPdu(offset, (int)total, null, e.Message));
            }
            offset += total;
        }
        return result;
    }
}
