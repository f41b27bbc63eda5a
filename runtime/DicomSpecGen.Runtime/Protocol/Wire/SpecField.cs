namespace DicomSpecGen.Protocol.Wire;

/// <summary>A field of a PDU or item as the spec names it: the structure's title, the field, and the spec row.
/// Generated codecs hold one per field so errors and traces can cite the row.</summary>
public sealed record SpecField(string Structure, string Field, string Citation)
{
    public override string ToString() => $"{Structure} field {Field} ({Citation})";
}
