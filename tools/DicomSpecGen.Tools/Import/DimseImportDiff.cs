using System.Text.RegularExpressions;
using DicomSpecGen.Spec.Dimse;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>PS3.7's DIMSE message and status facts compared with spec/part07/messages.yaml and statuses.yaml, row by
/// row, whatever the row's own <c>edition:</c>:
/// <list type="bullet">
/// <item>messages: each message's field table (Tables 9.3-x, 10.3-x: caption, every tag, field name, the Command Field
/// value, the "(no tag)" data set) and each field's usage in its service parameter table (Tables 9.1-x, 10.1-x; Command
/// Group Length, Command Field and Command Data Set Type are "required by the DIMSE protocol": M);</item>
/// <item>statuses: the Status Class convention (Annex C's table), every General status (Annex C.1 … C.5 section: title,
/// code "shall be set to 0105H", class by the section it is in), every Annex C status type with a fixed code the YAML
/// lacks, and the status fields Annex C adds (their section names them). Rows citing PS3.4 (the services' status
/// tables) are compared with the PS3.4 XML when it is given, else counted as not compared.</item>
/// </list>
/// A row the XML lacks is a difference unless its <c>since:</c> is later than the XML's edition; a cited table or
/// section the XML lacks is an error. A difference is explained by the row's <c>note:</c>.</summary>
public static partial class DimseImportDiff
{
    [GeneratedRegex(@"^PS3\.7 Table (\d+\.\d+-\d+)(?:, (.*?) \((\w{4},\w{4})\))?$")]
    private static partial Regex TableCitation();

    [GeneratedRegex(@"^PS3\.7 Annex (C(?:\.\d+)*)(?:, (.*))?$")]
    private static partial Regex AnnexCitation();

    [GeneratedRegex(@"shall be set to ([0-9A-F]{4})H")]
    private static partial Regex CodeValue();

    /// <summary>Fields that are not service parameters: the message tables make them required by the protocol.</summary>
    private static readonly string[] ProtocolFields = ["Command Group Length", "Command Field", "Command Data Set Type"];

    private static DimseSpec Parse(string specDir)
    {
        var dir = Path.Combine(specDir, "part07");
        var files = new[] { DimseSpecParser.ElementsFile, DimseSpecParser.MessagesFile, DimseSpecParser.StatusesFile }
            .Select(f => Path.Combine(dir, f)).Where(File.Exists).Select(p => (p, File.ReadAllText(p)));
        return DimseSpecParser.Parse(files);
    }

    private static void RequirePs37(DocbookDocument part07)
    {
        if (part07.Document != "PS3.7") throw new InvalidDataException($"the XML is {part07.Document} {part07.Edition}; messages and statuses are PS3.7");
    }

    public static IReadOnlyList<ImportDifference> CompareMessages(DocbookDocument part07, string specDir)
    {
        RequirePs37(part07);
        var path = Path.Combine(specDir, "part07", DimseSpecParser.MessagesFile);
        var spec = Parse(specDir);
        var rows = new YamlRowNotes(File.ReadAllText(path), "source");
        var diffs = new List<ImportDifference>();
        foreach (var d in spec.Diagnostics.Where(d => d.FilePath.EndsWith(DimseSpecParser.MessagesFile, StringComparison.Ordinal) || d.FilePath.EndsWith(DimseSpecParser.ElementsFile, StringComparison.Ordinal)))
            diffs.Add(new(d.FilePath, "yaml-error", d.ToString(), null, d.Line, null, IsError: true));
        var tags = spec.Elements.ToDictionary(e => e.Keyword, e => e.TagText);
        var elementNames = spec.Elements.ToDictionary(e => e.Keyword, e => e.Name);
        var edition = part07.Edition;

        void Add(string where, string kind, string message, string source, string yamlRow, bool error = false, string? follows = null)
        {
            var row = rows.Find(source);
            diffs.Add(new(where, kind, message, yamlRow, row?.Line, error ? null : row?.Note ?? Follows(follows, edition), error));
        }

        foreach (var m in spec.Messages)
        {
            // "PS3.7 Tables 9.3-5, 9.3-8, 9.3-11": C-CANCEL-RQ has one table per service; the fields cite the first
            // and every table must have them.
            var many = Regex.Match(m.Source.Text, @"^PS3\.7 Tables ((?:\d+\.\d+-\d+(?:, )?)+)$");
            var labels = many.Success ? many.Groups[1].Value.Split(", ")
                : TableCitation().Match(m.Source.Text) is { Success: true } one ? [one.Groups[1].Value] : [];
            if (labels.Length == 0)
            {
                Add(m.Source.Text, "citation", $"{m.Title}: {m.Source.Text} cites no PS3.7 table", m.Source.Text, m.Name, error: true);
                continue;
            }
            foreach (var label in labels) CompareMessage(m, label);
        }
        return diffs;

        void CompareMessage(MessageSpec m, string label)
        {
            var table = part07.Table(label);
            if (table == null)
            {
                Add($"PS3.7 Table {label}", "table-not-in-xml", $"{m.Title}: PS3.7 Table {label} is not in the PS3.7 {edition} XML", m.Source.Text, m.Name, error: true);
                return;
            }
            var title = Regex.Replace(table.Caption, @"\s*Message Fields$", "");
            // C-CANCEL-RQ's tables are captioned by service ("C-CANCEL-FIND-RQ").
            if (!Same(Regex.Replace(title, @"^C-CANCEL-\w+-RQ$", "C-CANCEL-RQ"), m.Title))
                Add(table.Citation, "title", $"XML caption \"{table.Caption}\", YAML title \"{m.Title}\"", m.Source.Text, m.Name);

            // The usage column: "PS3.7 Table 9.1-1, Req/Ind".
            var usageCite = Regex.Match(m.UsageSource, @"^PS3\.7 Table (\d+\.\d+-\d+), (.+)$");
            var usageTable = usageCite.Success ? part07.Table(usageCite.Groups[1].Value) : null;
            var column = usageTable?.HeaderRows.SelectMany(r => r).Select((c, i) => (c.Text, i)).FirstOrDefault(c => c.Text == usageCite.Groups[2].Value).i ?? -1;
            if (usageTable == null || column <= 0)
            {
                Add(m.UsageSource, "table-not-in-xml", $"{m.Title}: usage source {m.UsageSource} is not in the PS3.7 {edition} XML", m.Source.Text, m.Name, error: true);
                return;
            }
            var usage = usageTable.Rows.Where(r => r.Count > column && r[0].Text.Length > 0)
                .GroupBy(r => Words(r[0].Text)).ToDictionary(g => g.Key, g => g.First()[column].Text);
            string? UsageOf(string name) => ProtocolFields.Any(p => Same(p, name)) ? "M" : usage.GetValueOrDefault(Words(name));

            var xmlRows = table.Rows.Where(r => r.Count >= 5 && r[1].Text.StartsWith('(')).ToList();
            var byTag = xmlRows.Where(r => r[1].Text.StartsWith("(0", StringComparison.Ordinal))
                .GroupBy(r => r[1].Text.Replace(" ", "")).ToDictionary(g => g.Key, g => g.First());
            var seen = new HashSet<string>();
            foreach (var f in m.Fields)
            {
                var fc = TableCitation().Match(f.Source.Text);
                var where = $"{table.Citation}, {f.Element}";
                if (!fc.Success || !fc.Groups[3].Success || fc.Groups[1].Value != FirstTable(m))
                {
                    Add(where, "citation", $"{f.Source.Text} does not cite a row of {table.Citation}", f.Source.Text, $"{m.Name}.{f.Element}");
                    continue;
                }
                var tag = $"({fc.Groups[3].Value})";
                if (!byTag.TryGetValue(tag, out var x))
                {
                    if (!Edition.NotYetIn(f.Source.Since, edition))
                        Add(where, "row-not-in-xml", $"{fc.Groups[2].Value} {tag} (edition {f.Source.Edition}{(f.Source.Since != null ? $", since {f.Source.Since}" : "")}) is not in the {edition} XML", f.Source.Text, $"{m.Name}.{f.Element}");
                    continue;
                }
                seen.Add(tag);
                var name = x[0].Text;
                if (!Same(name, fc.Groups[2].Value))
                    Add(where, "name", $"XML \"{name}\", YAML citation \"{fc.Groups[2].Value}\"", f.Source.Text, $"{m.Name}.{f.Element}", follows: f.Source.Edition);
                if (tags.TryGetValue(f.Element, out var elementTag) && elementTag != tag)
                    Add(where, "element", $"YAML element {f.Element} is {elementTag}, the XML row is {tag}", f.Source.Text, $"{m.Name}.{f.Element}");
                if (tag == "(0000,0100)")
                {
                    var value = CodeValue().Match(x[4].Text);
                    if (!value.Success || Convert.ToInt32(value.Groups[1].Value, 16) != m.CommandField)
                        Add(where, "command-field", $"XML \"{x[4].Text}\", YAML commandField 0x{m.CommandField:X4}", m.Source.Text, m.Name);
                }
                // The parameter table may name the field as Annex E does where the message table does not: 2013 … 2018e
                // have (0000,1021) "Number of Complete Sub-operations" in Table 9.3-10, "Completed" in Table 9.1-4.
                var u = UsageOf(name) ?? (elementNames.TryGetValue(f.Element, out var annexE) ? UsageOf(annexE) : null);
                if (u == null) Add(where, "usage-row-missing", $"\"{name}\" has no row in {usageTable.Citation}", f.Source.Text, $"{m.Name}.{f.Element}");
                else if (u != f.Usage) Add(where, "usage", $"{usageTable.Citation} {usageCite.Groups[2].Value} \"{u}\", YAML \"{f.Usage}\"", f.Source.Text, $"{m.Name}.{f.Element}");
            }
            foreach (var (tag, x) in byTag.Where(t => !seen.Contains(t.Key)))
                Add($"{table.Citation}, {x[0].Text} {tag}", "row-missing", $"\"{x[0].Text}\" {tag} is not in {m.Name}", m.Source.Text, m.Name);

            var dataRow = xmlRows.FirstOrDefault(r => r[1].Text.Contains("no tag", StringComparison.OrdinalIgnoreCase));
            if (m.DataSet is { } ds)
            {
                if (dataRow == null)
                {
                    if (!Edition.NotYetIn(ds.Source.Since, edition))
                        Add($"{table.Citation}, {ds.Name}", "row-not-in-xml", $"the data set \"{ds.Name}\" is not in the {edition} XML", ds.Source.Text, $"{m.Name}.DataSet");
                }
                else
                {
                    if (!Same(dataRow[0].Text, ds.Name)) Add($"{table.Citation}, {ds.Name}", "name", $"XML \"{dataRow[0].Text}\", YAML \"{ds.Name}\"", ds.Source.Text, $"{m.Name}.DataSet");
                    var u = UsageOf(dataRow[0].Text);
                    if (u == null) Add($"{table.Citation}, {ds.Name}", "usage-row-missing", $"\"{dataRow[0].Text}\" has no row in {usageTable.Citation}", ds.Source.Text, $"{m.Name}.DataSet");
                    else if (u != ds.Usage) Add($"{table.Citation}, {ds.Name}", "usage", $"{usageTable.Citation} {usageCite.Groups[2].Value} \"{u}\", YAML \"{ds.Usage}\"", ds.Source.Text, $"{m.Name}.DataSet");
                }
            }
            else if (dataRow != null)
            {
                Add($"{table.Citation}, {dataRow[0].Text}", "row-missing", $"the data set \"{dataRow[0].Text}\" is not in {m.Name}", m.Source.Text, m.Name);
            }
        }
    }

    /// <summary>The table a message's fields cite: its own, or the first of several.</summary>
    private static string FirstTable(MessageSpec m) => Regex.Match(m.Source.Text, @"\d+\.\d+-\d+").Value;

    /// <summary>PS3.7 Annex C: class convention, General statuses and status fields; with <paramref name="part04"/>, the
    /// service rows citing PS3.4 too (<see cref="ServiceStatusDiff"/>). <paramref name="notCompared"/> counts the rows
    /// citing PS3.4 when no PS3.4 XML is given.</summary>
    public static IReadOnlyList<ImportDifference> CompareStatuses(DocbookDocument part07, string specDir, out int notCompared, DocbookDocument? part04 = null)
    {
        RequirePs37(part07);
        var spec = Parse(specDir);
        var statusesPath = Path.Combine(specDir, "part07", DimseSpecParser.StatusesFile);
        var statusRows = new YamlRowNotes(File.ReadAllText(statusesPath), "source");
        var messageRows = new YamlRowNotes(File.ReadAllText(Path.Combine(specDir, "part07", DimseSpecParser.MessagesFile)), "source");
        var diffs = new List<ImportDifference>();
        foreach (var d in spec.Diagnostics.Where(d => d.FilePath.EndsWith(DimseSpecParser.StatusesFile, StringComparison.Ordinal)))
            diffs.Add(new(d.FilePath, "yaml-error", d.ToString(), null, d.Line, null, IsError: true));
        var edition = part07.Edition;
        var sections = part07.Sections("C.").ToDictionary(s => s.Label, s => (s.Title, s.Text));

        void Add(YamlRowNotes rows, string where, string kind, string message, string source, string? yamlRow, bool error = false, string? follows = null)
        {
            var row = rows.Find(source);
            diffs.Add(new(where, kind, message, yamlRow, row?.Line, error ? null : row?.Note ?? Follows(follows, edition), error));
        }

        // The Status Class convention: the untitled table of Annex C ("Warning | 0001 or Bxxx").
        var convention = part07.InformalTableRows("C")
            .Where(r => r.Count == 2).ToDictionary(r => Words(r[0].Text), r => r[1].Text);
        if (convention.Count == 0)
            diffs.Add(new("PS3.7 Annex C", "table-not-in-xml", $"the Status Class convention table is not in the PS3.7 {edition} XML", null, null, null, IsError: true));
        var seenClasses = new HashSet<string>();
        foreach (var c in spec.Classes)
        {
            var label = c.Source.Text.Split(", ").Last();
            var where = $"PS3.7 Annex C, Status Class convention, {label}";
            if (!convention.TryGetValue(Words(label), out var codes))
            {
                if (convention.Count > 0 && !Edition.NotYetIn(c.Source.Since, edition))
                    Add(statusRows, where, "row-not-in-xml", $"class {c.Class} (\"{label}\") is not in the {edition} XML", c.Source.Text, c.Class);
                continue;
            }
            seenClasses.Add(Words(label));
            var xmlCodes = Regex.Split(codes, @"\s+(?:or|and)\s+").Select(s => s.Trim()).ToList();
            var yamlCodes = c.Codes.Select(r => r.Text).ToList();
            if (!xmlCodes.SequenceEqual(yamlCodes))
                Add(statusRows, where, "codes", $"XML \"{codes}\", YAML [{string.Join(", ", yamlCodes)}]", c.Source.Text, c.Class);
        }
        foreach (var (label, codes) in convention.Where(c => !seenClasses.Contains(c.Key)))
            diffs.Add(new("PS3.7 Annex C, Status Class convention", "row-missing", $"\"{label}\" ({codes}) is not in statuses.yaml classes", null, null, null));

        // General statuses: one Annex C section each.
        notCompared = 0;
        var seenCodes = new HashSet<string>();
        foreach (var service in spec.Services)
        {
            foreach (var s in service.Statuses)
            {
                var cite = AnnexCitation().Match(s.Source.Text);
                if (!cite.Success) { notCompared++; continue; }
                var label = cite.Groups[1].Value;
                var yamlRow = $"{service.Name}.{s.Name ?? s.Code.Text}";
                var where = $"PS3.7 Annex {label}";
                if (!sections.TryGetValue(label, out var section))
                {
                    Add(statusRows, where, "section-not-in-xml", $"{s.Source.Text} is not in the PS3.7 {edition} XML", s.Source.Text, yamlRow, error: true);
                    continue;
                }
                seenCodes.Add(s.Code.Text);
                if (!Same(section.Title, s.Meaning)) Add(statusRows, where, "title", $"XML \"{section.Title}\", YAML meaning \"{s.Meaning}\"", s.Source.Text, yamlRow, follows: s.Source.Edition);
                if (cite.Groups[2].Success && !Same(section.Title, cite.Groups[2].Value))
                    Add(statusRows, where, "citation", $"XML \"{section.Title}\", YAML citation \"{cite.Groups[2].Value}\"", s.Source.Text, yamlRow, follows: s.Source.Edition);
                var code = CodeValue().Match(section.Text);
                if (!code.Success || code.Groups[1].Value != s.Code.Text)
                    Add(statusRows, where, "code", $"XML {(code.Success ? code.Groups[1].Value : "no fixed code")}, YAML {s.Code.Text}", s.Source.Text, yamlRow);
                var cls = ClassOf(label, sections);
                if (cls != s.Class) Add(statusRows, where, "class", $"XML {cls ?? "(no class section)"}, YAML {s.Class}", s.Source.Text, yamlRow);
            }
        }
        if (part04 != null)
        {
            diffs.AddRange(ServiceStatusDiff.Compare(part04, spec, statusRows));
            notCompared = 0;
        }
        // Annex C status types with a fixed code that the YAML lacks.
        foreach (var (label, section) in sections.Where(s => s.Key.Count(c => c == '.') == 2))
        {
            var code = CodeValue().Match(section.Text);
            if (code.Success && !seenCodes.Contains(code.Groups[1].Value))
                diffs.Add(new($"PS3.7 Annex {label}", "row-missing", $"status {code.Groups[1].Value} \"{section.Title}\" is not in statuses.yaml", null, null, null));
        }

        // The status fields Annex C adds to responses: the cited section names the field and its tag.
        foreach (var f in spec.StatusFields)
        {
            var cite = AnnexCitation().Match(f.Source.Text);
            var label = cite.Success ? cite.Groups[1].Value : "";
            if (!sections.TryGetValue(label, out var section))
            {
                Add(messageRows, f.Source.Text, "section-not-in-xml", $"{f.Source.Text} is not in the PS3.7 {edition} XML", f.Source.Text, f.Element, error: true);
                continue;
            }
            var field = cite.Groups[2].Value;
            if (!Words(section.Text).Contains(Words(field), StringComparison.Ordinal))
                Add(messageRows, $"PS3.7 Annex {label}", "row-not-in-xml", $"\"{field}\" is not in Annex {label} \"{section.Title}\" of {edition}", f.Source.Text, f.Element);
        }
        return diffs;
    }

    /// <summary>The class of a status type by its Annex C section: C.1 Success, C.2 Pending, C.3 Cancel, C.4 Warning,
    /// C.5 Failure (the class section's title, "Warning Status Class").</summary>
    private static string? ClassOf(string label, IReadOnlyDictionary<string, (string Title, string Text)> sections)
    {
        var parent = string.Join('.', label.Split('.').Take(2));
        return sections.TryGetValue(parent, out var s) ? Regex.Replace(s.Title, @"\s*Status Class$", "") : null;
    }

    /// <summary>A text the row takes from a later edition than the XML's is expected to differ (as in the dictionary
    /// import): the explanation is that edition. Missing rows, codes, classes and usages are never explained so.</summary>
    public const string FollowsPrefix = "the row follows edition ";

    private static string? Follows(string? rowEdition, string xmlEdition)
        => rowEdition != null && Edition.Later(rowEdition, xmlEdition) ? FollowsPrefix + rowEdition : null;

    private static bool Same(string a, string b) => DulImportDiff.SameWords(a, b);

    private static string Words(string s) => new(DocbookText.Clean(s).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
