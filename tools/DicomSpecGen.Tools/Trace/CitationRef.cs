using System.Text.RegularExpressions;

namespace DicomSpecGen.Tools.Trace;

/// <summary>Tables a citation names: "PS3.8 Table 9-15, Item-type; Table 9-19" names PS3.8 Table 9-15 and
/// PS3.8 Table 9-19 (a table without its own part takes the part before it).</summary>
public static partial class CitationRef
{
    [GeneratedRegex(@"(PS3\.\d+)|\b(Table|Annex|Section)\s+([A-Z]?[.\-]?[0-9](?:[\w.\-]*[0-9])?|[A-Z](?:\.\d+)*)")]
    private static partial Regex Token();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new();

    public static IReadOnlyList<string> Tables(string citation) => Cache.GetOrAdd(citation, Parse);

    private static IReadOnlyList<string> Parse(string citation)
    {
        var result = new List<string>();
        string? part = null;
        foreach (Match m in Token().Matches(citation))
        {
            if (m.Groups[1].Success) { part = m.Groups[1].Value; continue; }
            if (part != null) result.Add($"{part} {m.Groups[2].Value} {m.Groups[3].Value}");
        }
        return result;
    }

    [GeneratedRegex(@"\(\d{4}[a-e]?\)")]
    private static partial Regex EditionMark();

    /// <summary>The row citation in a symbol's XML-doc remark: the text up to and including its edition,
    /// e.g. "PS3.8 Table 9-11, Called-AE-title (2013)" from "... (2013); bytes 11-26", or
    /// "PS3.6 Table A-1 (2024d)" from "SOP Class. PS3.6 Table A-1 (2024d)". Null when the remark has no edition.</summary>
    public static string? CitationOf(string remark)
    {
        var edition = EditionMark().Match(remark);
        if (!edition.Success) return null;
        var text = remark[..(edition.Index + edition.Length)];
        var part = text.IndexOf(". PS3.", StringComparison.Ordinal);
        return part >= 0 ? text[(part + 2)..] : text;
    }

    /// <summary>Whether a symbol's XML-doc remark cites the row (its citation with its edition).</summary>
    public static bool RemarkCites(string remark, string fullCitation) => CitationOf(remark) == fullCitation;

    /// <summary>Whether a test's [SpecRow] value covers the row: the row's exact citation; a citation the row's
    /// extends ("PS3.8 Table 9-21, Result" covers "PS3.8 Table 9-21, Result 1"); or a table the row cites.
    /// A value-table entry is not covered by a bare table: a test must name the value table or the value.</summary>
    public static bool Covers(string declared, TraceRow row)
    {
        declared = declared.Trim();
        var citation = row.Citation;
        if (declared == citation) return true;
        var tables = Tables(declared);
        var bareTable = tables.Count == 1 && tables[0] == declared;
        if (bareTable && row.Kind == "enum-value") return false;
        if (citation.Length > declared.Length && citation.StartsWith(declared, StringComparison.Ordinal)
            && citation[declared.Length] is ' ' or ',' or ';')
        {
            return true;
        }
        return bareTable && Tables(citation).Contains(declared);
    }
}
