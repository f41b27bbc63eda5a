using System.Text.RegularExpressions;
using DicomSpecGen.Spec.Dimse;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>The service status rows of spec/part07/statuses.yaml (those citing "PS3.4 Table X, code") compared with
/// the PS3.4 status tables (B.2-1 Storage, C.4-1/2/3 Query/Retrieve, K.4-1 Worklist, Y.4-1/2 Composite Instance Root
/// Retrieve): code or range ("A7xx" is A700-A7FF), class (the Service Status column, spanning rows) and meaning (the
/// Further Meaning column). A row citing PS3.4 but no table is a difference; a table row the service lacks is one too,
/// unless it is a General status of the same class (Success 0000, Cancel FE00) or a code the service has from another
/// of its tables (Y.4-1 repeats C.4-2). A row's <c>note:</c> explains.</summary>
public static partial class ServiceStatusDiff
{
    [GeneratedRegex(@"^PS3\.4 Table ([A-Z]+\.\d+(?:\.\d+)*-\d+), (\S+)$")]
    private static partial Regex TableCitation();

    private sealed record XmlStatus(string Class, string Meaning, CodeRange Code);

    public static IReadOnlyList<ImportDifference> Compare(DocbookDocument part04, DimseSpec spec, YamlRowNotes rows)
    {
        if (part04.Document != "PS3.4") throw new InvalidDataException($"the XML is {part04.Document} {part04.Edition}; service statuses are PS3.4");
        var edition = part04.Edition;
        var diffs = new List<ImportDifference>();
        var general = spec.Services.FirstOrDefault(s => s.Name == "General")?.Statuses ?? default;

        void Add(string where, string kind, string message, string source, string yamlRow, bool error = false, string? follows = null)
        {
            var row = rows.Find(source);
            var note = error ? null : row?.Note ?? (follows != null && Edition.Later(follows, edition) ? DimseImportDiff.FollowsPrefix + follows : null);
            diffs.Add(new(where, kind, message, yamlRow, row?.Line, note, error));
        }

        foreach (var service in spec.Services.Where(s => s.Name != "General"))
        {
            var tables = new Dictionary<string, List<XmlStatus>>();
            var seen = new HashSet<(string, int)>();
            foreach (var s in service.Statuses)
            {
                if (!s.Source.Text.StartsWith("PS3.4", StringComparison.Ordinal)) continue;
                var yamlRow = $"{service.Name}.{s.Constant}";
                var cite = TableCitation().Match(s.Source.Text);
                if (!cite.Success)
                {
                    Add(s.Source.Text, "citation", $"{s.Code.Text} \"{s.Meaning}\": {s.Source.Text} cites no PS3.4 status table row", s.Source.Text, yamlRow);
                    continue;
                }
                var label = cite.Groups[1].Value;
                if (!tables.TryGetValue(label, out var xml))
                {
                    var table = part04.Table(label);
                    if (table == null)
                    {
                        Add($"PS3.4 Table {label}", "table-not-in-xml", $"PS3.4 Table {label} is not in the PS3.4 {edition} XML", s.Source.Text, yamlRow, error: true);
                        continue;
                    }
                    tables[label] = xml = Read(table);
                }
                var where = $"PS3.4 Table {label}, {s.Code.Text}";
                var x = xml.FirstOrDefault(x => x.Code.Low == s.Code.Low && x.Code.High == s.Code.High);
                if (x == null)
                {
                    if (!Edition.NotYetIn(s.Source.Since, edition))
                        Add(where, "row-not-in-xml", $"{s.Code.Text} \"{s.Meaning}\" is not in PS3.4 {edition} Table {label}", s.Source.Text, yamlRow);
                    continue;
                }
                seen.Add((label, x.Code.Low));
                var cited = DimseSpecParser.ParseCodePattern(cite.Groups[2].Value);
                if (cited == null || cited.Low != s.Code.Low || cited.High != s.Code.High)
                    Add(where, "citation", $"the citation names {cite.Groups[2].Value}, the row's code is {s.Code.Text}", s.Source.Text, yamlRow);
                if (x.Class != s.Class) Add(where, "class", $"XML {x.Class}, YAML {s.Class}", s.Source.Text, yamlRow);
                if (!DulImportDiff.SameWords(x.Meaning, s.Meaning)) Add(where, "meaning", $"XML \"{x.Meaning}\", YAML \"{s.Meaning}\"", s.Source.Text, yamlRow, follows: s.Source.Edition);
            }
            foreach (var (label, xml) in tables)
            {
                foreach (var x in xml.Where(x => !seen.Contains((label, x.Code.Low))))
                {
                    // Table Y.4-1 repeats C.4-2's rows: a code the service has from another of its tables is not missing.
                    if (service.Statuses.Any(s => s.Code.Low == x.Code.Low && s.Code.High == x.Code.High)) continue;
                    if (general.Any(g => g.Code.Low == x.Code.Low && g.Code.High == x.Code.High && g.Class == x.Class)) continue;
                    diffs.Add(new($"PS3.4 Table {label}, {x.Code.Text}", "row-missing", $"{x.Code.Text} \"{x.Meaning}\" ({x.Class}) is not in the {service.Name} statuses", service.Name, null, null));
                }
            }
        }
        return diffs;
    }

    /// <summary>The rows of a PS3.4 status table: Service Status | Further Meaning | Status Codes | Related Fields. The
    /// Service Status cell spans rows, so a row one cell shorter than the widest continues the class above.</summary>
    private static List<XmlStatus> Read(DocbookTable table)
    {
        var result = new List<XmlStatus>();
        var width = table.Rows.Max(r => r.Count);
        var cls = "";
        foreach (var r in table.Rows)
        {
            var cells = r.Select(c => c.Text).ToList();
            if (cells.Count == width)
            {
                cls = cells[0];
                cells = cells.Skip(1).ToList();
            }
            if (cells.Count < 2) continue;
            var code = DimseSpecParser.ParseCodePattern(cells[1]);
            if (code != null) result.Add(new XmlStatus(cls, cells[0], code));
        }
        return result;
    }
}
