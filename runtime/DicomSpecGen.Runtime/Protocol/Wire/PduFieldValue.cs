namespace DicomSpecGen.Protocol.Wire;

/// <summary>One field of a decoded PDU for traces: its name, its value (text, a nested item, or nested
/// fields) and the spec row it comes from.</summary>
public sealed record PduFieldValue(string Name, object Value, string Citation);
