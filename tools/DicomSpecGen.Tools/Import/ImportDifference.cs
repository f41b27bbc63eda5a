namespace DicomSpecGen.Tools.Import;

/// <summary>One disagreement between the standard's XML and our YAML.</summary>
/// <param name="Where">The XML table and row, e.g. "PS3.8 Table 9-23, Presentation-data-value".</param>
/// <param name="YamlRow">The YAML row concerned (structure, field, enum or value), or null when the YAML has none.</param>
/// <param name="Note">The YAML row's <c>note:</c> that explains the difference, or null (unexplained).</param>
public sealed record ImportDifference(string Where, string Kind, string Message, string? YamlRow, int? YamlLine, string? Note)
{
    public bool Explained => Note != null;

    public override string ToString()
        => $"{(Explained ? "explained" : "DIFF")} [{Kind}] {Where}: {Message}" + (YamlRow != null ? $" (yaml {YamlRow}, line {YamlLine})" : "")
           + (Note != null ? $"\n    note: {Note}" : "");
}
