namespace DicomSpecGen.Tools.Import;

/// <summary>One disagreement between the standard's XML and our YAML.</summary>
/// <param name="Where">The XML table and row, e.g. "PS3.8 Table 9-23, Presentation-data-value".</param>
/// <param name="YamlRow">The YAML row concerned (structure, field, enum or value), or null when the YAML has none.</param>
/// <param name="Note">The YAML row's <c>note:</c> that explains the difference, or null (unexplained).</param>
/// <param name="IsError">The comparison could not be made (e.g. a table the YAML cites is not in the XML): never explained.</param>
public sealed record ImportDifference(string Where, string Kind, string Message, string? YamlRow, int? YamlLine, string? Note, bool IsError = false)
{
    public bool Explained => Note != null && !IsError;

    public override string ToString()
        => $"{(IsError ? "ERROR" : Explained ? "explained" : "DIFF")} [{Kind}] {Where}: {Message}" + (YamlRow != null ? $" (yaml {YamlRow}, line {YamlLine})" : "")
           + (Explained ? $"\n    note: {Note}" : "");
}

/// <summary>Editions of the standard ("2013", "2018b", "2026c") compare in ordinal order.</summary>
public static class Edition
{
    /// <summary>True when a row that first appears in <paramref name="since"/> is not expected in <paramref name="xmlEdition"/>.</summary>
    public static bool NotYetIn(string? since, string xmlEdition)
        => since != null && xmlEdition.Length > 0 && string.CompareOrdinal(since, xmlEdition) > 0;

    public static bool Later(string a, string b) => string.CompareOrdinal(a, b) > 0;
}
