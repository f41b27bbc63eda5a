using System.Buffers;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Protocol;

/// <summary>What <see cref="PduFraming.TryReadPdu"/> found at the start of a buffer.</summary>
public enum PduReadStatus
{
    /// <summary>Not a whole PDU yet; the buffer is unchanged. <see cref="PduFrame.HasHeader"/> tells whether the header is in.</summary>
    NeedMoreData,

    /// <summary>A whole PDU, decoded; the buffer now starts after it.</summary>
    Pdu,

    /// <summary>The PDU breaks a rule; the buffer is unchanged (<see cref="PduFrame.Error"/> says which rule).</summary>
    Error,
}

/// <summary>Which rule a framed PDU broke.</summary>
public enum PduFramingErrorKind
{
    /// <summary>No error.</summary>
    None,

    /// <summary>The PDU-type is none the standard defines (found from the header alone).</summary>
    UnknownPduType,

    /// <summary>The PDU-length is over the reader's limit for that PDU-type (found from the header alone, before the body is buffered).</summary>
    OverLimit,

    /// <summary>The whole PDU arrived but its body does not decode.</summary>
    Malformed,
}

/// <summary>The largest PDU-length a reader accepts (the bytes after the header), for P-DATA-TF PDUs and for the others.</summary>
/// <param name="MaxPDataLength">Limit for P-DATA-TF: at most the Maximum Length Received we announced (PS3.8 Annex D.1).</param>
/// <param name="MaxOtherLength">Limit for every other PDU-type (a local cap: association PDUs are small).</param>
public readonly record struct PduLimits(uint MaxPDataLength, uint MaxOtherLength)
{
    /// <summary>Any 32-bit PDU-length (e.g. to decode a captured dump).</summary>
    public static PduLimits None => new(uint.MaxValue, uint.MaxValue);

    /// <summary>The limit for a PDU-type.</summary>
    public uint For(byte pduType) => pduType == PDataTf.TypeCode ? MaxPDataLength : MaxOtherLength;
}

/// <summary>One PDU framed by <see cref="PduFraming.TryReadPdu"/>.</summary>
public readonly struct PduFrame
{
    /// <summary>Whether the header (PDU-type and PDU-length) has arrived.</summary>
    public bool HasHeader { get; init; }

    /// <summary>The PDU-type byte (when <see cref="HasHeader"/>).</summary>
    public byte PduType { get; init; }

    /// <summary>The PDU-length field: bytes after the header (when <see cref="HasHeader"/>).</summary>
    public uint PduLength { get; init; }

    /// <summary>The bytes the whole PDU takes, header included; only the header's size until the header is in.</summary>
    public long Size { get; init; }

    /// <summary>The decoded PDU (status <see cref="PduReadStatus.Pdu"/>); it may slice the buffer it was read from.</summary>
    public Pdu? Pdu { get; init; }

    /// <summary>Which rule was broken (status <see cref="PduReadStatus.Error"/>).</summary>
    public PduFramingErrorKind ErrorKind { get; init; }

    /// <summary>The broken rule with its field and A-ABORT reason (status <see cref="PduReadStatus.Error"/>).</summary>
    public PduFormatException? Error { get; init; }

    /// <summary>The limit that applied to this PDU-type.</summary>
    public uint Limit { get; init; }
}

/// <summary>Splitting a byte stream into PDUs: the one framing loop, used by the transport and the dump decoder.
/// Pure (no I/O): the header layout and the defined PDU-types come from the generated half of this class.</summary>
public static partial class PduFraming
{
    private static readonly SpecField PduTypeField = new("PDU", "PDU-type", "PS3.8 Section 9.3.1, byte 1");
    private static readonly SpecField PduLengthField = new("PDU", "PDU-length", "PS3.8 Section 9.3.1, bytes 3-6");

    /// <summary>Reads one PDU from the start of <paramref name="buffer"/>. The type and the length are checked
    /// from the header alone, so an unknown or over-long PDU is refused before its body is buffered. On
    /// <see cref="PduReadStatus.Pdu"/> the buffer is advanced past the PDU; otherwise it is unchanged (after an
    /// error <see cref="PduFrame.Size"/> still says how many bytes the header announced, for a caller that skips it).</summary>
    /// <remarks>PS3.8 Section 9.3.1 (the PDU header: PDU-type, reserved, 32-bit big-endian PDU-length) and 9.3
    /// (PDU-types); unrecognized PDUs are answered with A-ABORT (PS3.8 Table 9-26).</remarks>
    public static PduReadStatus TryReadPdu(ref ReadOnlySequence<byte> buffer, in PduLimits limits, out PduFrame frame)
    {
        if (!TryReadHeader(buffer, out var type, out var length))
        {
            frame = new PduFrame { Size = HeaderLength };
            return PduReadStatus.NeedMoreData;
        }
        var size = HeaderLength + (long)length;
        var limit = limits.For(type);
        if (!IsKnownPduType(type))
        {
            frame = Failed(type, length, size, limit, PduFramingErrorKind.UnknownPduType,
                new PduFormatException(PduTypeField, $"PDU-type 0x{type:X2} is not defined", AbortReason.UnrecognizedPdu));
            return PduReadStatus.Error;
        }
        if (length > limit)
        {
            frame = Failed(type, length, size, limit, PduFramingErrorKind.OverLimit,
                new PduFormatException(PduLengthField, $"PDU-type 0x{type:X2} length {length} exceeds the limit {limit}", AbortReason.InvalidPduParameterValue));
            return PduReadStatus.Error;
        }
        if (buffer.Length < size)
        {
            frame = new PduFrame { HasHeader = true, PduType = type, PduLength = length, Size = size, Limit = limit };
            return PduReadStatus.NeedMoreData;
        }
        var whole = buffer.Slice(0, size);
        Pdu pdu;
        try
        {
            pdu = Pdu.Read(whole);
        }
        catch (PduFormatException e)
        {
            frame = Failed(type, length, size, limit, PduFramingErrorKind.Malformed, e);
            return PduReadStatus.Error;
        }
        buffer = buffer.Slice(whole.End);
        frame = new PduFrame { HasHeader = true, PduType = type, PduLength = length, Size = size, Limit = limit, Pdu = pdu };
        return PduReadStatus.Pdu;
    }

    private static PduFrame Failed(byte type, uint length, long size, uint limit, PduFramingErrorKind kind, PduFormatException error)
        => new() { HasHeader = true, PduType = type, PduLength = length, Size = size, Limit = limit, ErrorKind = kind, Error = error };
}
