namespace DicomSpecGen.Association;

/// <summary>SOP Class Extended Negotiation (sub-item 0x56): service-class specific bytes for one SOP class.</summary>
/// <remarks>PS3.7 D.3.3.5</remarks>
public sealed record ExtendedNegotiation(string SopClassUid, ReadOnlyMemory<byte> ServiceClassApplicationInformation);
