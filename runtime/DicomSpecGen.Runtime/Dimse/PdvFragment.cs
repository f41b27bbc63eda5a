namespace DicomSpecGen.Dimse;

/// <summary>One presentation data value as the DIMSE layer sees it: the presentation context, the two
/// Message Control Header bits (command or data, last fragment or not) and the fragment itself.</summary>
/// <remarks>PS3.8 Annex E.1 and E.2 (2013). This is the DIMSE side of the lead's generated
/// <c>DicomSpecGen.Protocol.PresentationDataValue</c>; <see cref="PdvLayout"/> converts sizes.</remarks>
public readonly record struct PdvFragment(byte PresentationContextId, bool IsCommand, bool IsLast, ReadOnlyMemory<byte> Payload);
