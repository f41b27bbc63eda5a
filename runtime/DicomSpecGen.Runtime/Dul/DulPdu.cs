namespace DicomSpecGen.Dul;

/// <summary>A PDU an action sends. The content is what the PDU is built from: the primitive that caused it
/// (e.g. the A-ASSOCIATE request for AE-2), the rejection for an A-ASSOCIATE-RJ, or a <see cref="DulAbort"/>
/// for an A-ABORT. The association layer encodes it with the PDU codec (<see cref="DulPduKind"/> is
/// generated from the pdu names in dul-events.yaml).</summary>
/// <remarks>PS3.8 9.3</remarks>
public sealed record DulPdu(DulPduKind Kind, object? Content);
