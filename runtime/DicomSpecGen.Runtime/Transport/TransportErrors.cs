using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Transport;

/// <summary>Helpers for transport-level PDU rule violations, reported as <see cref="PduFormatException"/> so the
/// association answers them with an A-ABORT like any other malformed PDU.</summary>
internal static class TransportErrors
{
    private static readonly SpecField PduLength = new("PDU", "PDU-length", "PS3.8 Section 9.3.1, bytes 3-6");
    private static readonly SpecField MaximumLength = new("P-DATA-TF PDU", "PDU-length", "PS3.8 Annex D.1 (Maximum Length Received)");

    public static PduFormatException TooLong(byte type, uint length, int limit)
        => type == PDataTf.TypeCode
            ? new(MaximumLength, $"P-DATA-TF PDU length {length} exceeds the Maximum Length Received {limit} we announced", AbortReason.InvalidPduParameterValue)
            : new(PduLength, $"PDU-type 0x{type:X2} length {length} exceeds the local limit {limit} for association PDUs", AbortReason.InvalidPduParameterValue);

    /// <summary>We announced no limit (0) and the PDU is longer than our own safety cap: legal, but we will not
    /// buffer it.</summary>
    public static PduFormatException OverNoLimitCap(uint length, int cap)
        => new(MaximumLength, $"P-DATA-TF PDU length {length} exceeds our safety cap {cap} (TransportOptions.NoLimitPDataPduCap); we announced Maximum Length Received 0 (no limit)", AbortReason.ReasonNotSpecified);

    public static PduFormatException Truncated(long have, long need)
        => new(PduLength, $"the connection closed after {have} of {need} bytes of a PDU", AbortReason.InvalidPduParameterValue);
}
