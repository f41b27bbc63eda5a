using System.Text.RegularExpressions;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>A row of a PDU/item field table (PDU bytes | Field name | Description), with the 2013 XML's quirks
/// handled: spaces inside byte ranges ("3 - 4", "7 -xxx"), stray punctuation after names ("Reason/Diag.,"),
/// and value lists whose line breaks were lost ("0 - reason-not-specified1 - unrecognized-PDU").</summary>
public sealed partial record PduTableRow(string Bytes, string Name, DocbookCell Description)
{
    [GeneratedRegex(@"^(\d+)(?:\s*-\s*(\d+))? - (.+)$")]
    private static partial Regex ValueLine();

    [GeneratedRegex(@"(?<=[a-z])(?=\d+(?:-\d+)? - )")]
    private static partial Regex LostBreak();

    [GeneratedRegex(@"value \((\d+)\)")]
    private static partial Regex QualifierLine();

    public static PduTableRow? From(IReadOnlyList<DocbookCell> cells)
    {
        if (cells.Count < 3) return null;
        return new PduTableRow(NormalizeBytes(cells[0].Text), cells[1].Text.TrimEnd(',', ' '), cells[2]);
    }

    /// <summary>"3 - 4" → "3-4"; "(x+1) - (x+2)" → "x+1-x+2".</summary>
    public static string NormalizeBytes(string bytes) => bytes.Replace(" ", "").Replace("(", "").Replace(")", "").ToLowerInvariant();

    /// <summary>"byte 2 Reserved" / "bytes 9-10 Reserved" (our citations name reserved rows by position) → "reserved".</summary>
    public static string NormalizeName(string name)
        => Regex.Replace(name.Trim().TrimEnd(','), @"^bytes?\s+[\dx\-]+\s+", "").ToLowerInvariant();

    /// <summary>A one-byte code written as "01H".</summary>
    public int? Code => Regex.Match(Description.Text, @"^([0-9A-F]{2})H$") is { Success: true } m ? Convert.ToInt32(m.Groups[1].Value, 16) : null;

    /// <summary>The value a reserved field is sent with ("sent with a value 00H" / "0000H"), per byte.</summary>
    public int? ReservedValue
    {
        get
        {
            var m = Regex.Match(Description.Text, @"sent with a value ([0-9A-F]{2})+H");
            return m.Success ? Convert.ToInt32(m.Groups[1].Value, 16) : null;
        }
    }

    public sealed record ListedValue(long? Qualifier, long From, long To, string Meaning)
    {
        public bool IsReserved => Meaning.Equals("reserved", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The "n - meaning" lines of the description, with the qualifier of "If the Source field has the value (k)".</summary>
    public IReadOnlyList<ListedValue> Values()
    {
        var values = new List<ListedValue>();
        long? qualifier = null;
        foreach (var para in Description.Paragraphs)
        {
            // "If the Source field has the value (1) ..." opens the values that Source qualifies.
            var at = para.IndexOf("If the ", StringComparison.Ordinal);
            if (at >= 0 && QualifierLine().Match(para, at) is { Success: true } q)
            {
                qualifier = long.Parse(q.Groups[1].Value);
                continue;
            }
            foreach (var line in LostBreak().Split(para))
            {
                var m = ValueLine().Match(line.Trim());
                if (!m.Success) continue;
                var from = long.Parse(m.Groups[1].Value);
                var to = m.Groups[2].Success ? long.Parse(m.Groups[2].Value) : from;
                values.Add(new ListedValue(qualifier, from, to, m.Groups[3].Value.Trim()));
            }
        }
        return values;
    }
}
