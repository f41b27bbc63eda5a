using System.Text.RegularExpressions;
using DicomSpecGen.Spec.Dul;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>Compares the DUL tables of PS3.8 with spec/part08/dul-*.yaml: states (Tables 9-1..9-5), actions and their
/// next states (Tables 9-6..9-9), events (the rows of Table 9-10) and every cell of Table 9-10. Text is compared by
/// its words (case and punctuation aside). 2013 quirks handled: "Sta 1" labels, lost line breaks before
/// "Next state is", "Nest state" and "STA13", "Sta3 or 13" cells, the events' missing "EvtN" labels (table order).</summary>
public static partial class DulImportDiff
{
    [GeneratedRegex(@"(?:Next|Nest) state is (Sta\s*\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex NextState();

    [GeneratedRegex(@"(?:Next|Nest) state is Sta\s*\d+", RegexOptions.IgnoreCase)]
    private static partial Regex NextStateClause();

    [GeneratedRegex(@"Sta\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex StateRef();

    public static IReadOnlyList<ImportDifference> Compare(DocbookDocument part08, string specDir)
    {
        var dir = Path.Combine(specDir, "part08");
        var texts = DulSpecFiles.All.ToDictionary(n => n, n => File.ReadAllText(Path.Combine(dir, n)));
        var spec = DulSpecParser.Parse(texts.Select(t => new DulSpecFile("spec/part08/" + t.Key, t.Value)));
        var diffs = spec.Diagnostics.Select(d => new ImportDifference(d.FilePath, "yaml-error", d.ToString(), null, d.Line, null)).ToList();
        var notes = new Dictionary<string, YamlRowNotes>
        {
            [DulSpecFiles.States] = new(texts[DulSpecFiles.States], "id"),
            [DulSpecFiles.Events] = new(texts[DulSpecFiles.Events], "id"),
            [DulSpecFiles.Actions] = new(texts[DulSpecFiles.Actions], "id"),
            [DulSpecFiles.Transitions] = new(texts[DulSpecFiles.Transitions], "event", "state"),
        };
        void Add(string where, string kind, string message, string file, string id)
        {
            var row = notes[file].Find(id);
            diffs.Add(new ImportDifference(where, kind, message, id, row?.Line, row?.Note));
        }

        // States: "Sta 1 | Idle" in Tables 9-1..9-5.
        var xmlStates = new Dictionary<string, (string Table, string Text)>();
        foreach (var label in new[] { "9-1", "9-2", "9-3", "9-4", "9-5" })
        {
            foreach (var cells in Require(part08, label).Rows)
            {
                if (cells.Count >= 2 && StateRef().Match(cells[0].Text) is { Success: true } m) xmlStates["Sta" + m.Groups[1].Value] = ($"PS3.8 Table {label}", cells[1].Text);
            }
        }
        foreach (var s in spec.States)
        {
            if (!xmlStates.Remove(s.Id, out var x)) { Add("PS3.8 Tables 9-1..9-5", "state-not-in-xml", $"{s.Id} is not in the XML", DulSpecFiles.States, s.Id); continue; }
            if (!SameWords(x.Text, s.Description)) Add($"{x.Table}, {s.Id}", "text", $"XML \"{x.Text}\", YAML \"{s.Description}\"", DulSpecFiles.States, s.Id);
        }
        foreach (var (id, x) in xmlStates) Add($"{x.Table}, {id}", "state-missing", $"\"{x.Text}\" is not in dul-states.yaml", DulSpecFiles.States, id);

        // Actions: "AE-1 | text...Next state is Sta4".
        var xmlActions = new Dictionary<string, (string Table, string Text, IReadOnlyList<string> Next)>();
        foreach (var label in new[] { "9-6", "9-7", "9-8", "9-9" })
        {
            foreach (var cells in Require(part08, label).Rows)
            {
                if (cells.Count < 2 || !Regex.IsMatch(cells[0].Text, @"^[A-Z]{2}-\d+$")) continue;
                var text = cells[1].Text;
                // "Next state is Sta3 ... Next state is Sta13": every occurrence counts.
                var states = NextState().Matches(text).SelectMany(m => StateRef().Matches(m.Groups[1].Value)).Select(m => "Sta" + m.Groups[1].Value).Distinct().ToList();
                var description = NextStateClause().Replace(text, " ");
                xmlActions[cells[0].Text] = ($"PS3.8 Table {label}", description, states);
            }
        }
        foreach (var a in spec.Actions)
        {
            if (!xmlActions.Remove(a.Id, out var x)) { Add("PS3.8 Tables 9-6..9-9", "action-not-in-xml", $"{a.Id} is not in the XML", DulSpecFiles.Actions, a.Id); continue; }
            if (!SameWords(x.Text, a.Description)) Add($"{x.Table}, {a.Id}", "text", $"XML \"{x.Text}\", YAML \"{a.Description}\"", DulSpecFiles.Actions, a.Id);
            var yamlNext = a.Next.Select(n => n.State).ToList();
            if (!x.Next.Order().SequenceEqual(yamlNext.Order()))
                Add($"{x.Table}, {a.Id}", "next-state", $"XML next state(s) {string.Join("|", x.Next)}, YAML {string.Join("|", yamlNext)}", DulSpecFiles.Actions, a.Id);
        }
        foreach (var (id, x) in xmlActions) Add($"{x.Table}, {id}", "action-missing", $"\"{x.Text}\" is not in dul-actions.yaml", DulSpecFiles.Actions, id);

        // Table 9-10: the row after "EVENTS" lists the states; each later row is one event (EvtN = table order).
        var table = Require(part08, "9-10");
        var rows = table.HeaderRows.Concat(table.Rows).ToList();
        var header = rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Count > 0 && x.r[0].Text == "EVENTS");
        if (header.r == null) { diffs.Add(new("PS3.8 Table 9-10", "table-missing", "no EVENTS header row", null, null, null)); return diffs; }
        var columns = header.r.Skip(1).Select(c => c.Text.Replace(" ", "")).ToList();
        var eventRows = rows.Skip(header.i + 1).Where(r => r.Count == columns.Count + 1).ToList();
        var actionsById = spec.Actions.ToDictionary(a => a.Id);
        for (var e = 0; e < eventRows.Count; e++)
        {
            var evt = "Evt" + (e + 1);
            var label = eventRows[e][0].Text;
            var yamlEvent = spec.Events.FirstOrDefault(x => x.Id == evt);
            if (yamlEvent == null) Add($"PS3.8 Table 9-10, row {e + 1}", "event-missing", $"\"{label}\" is not in dul-events.yaml", DulSpecFiles.Events, evt);
            else if (!SameWords(label, yamlEvent.Description)) Add($"PS3.8 Table 9-10, {evt}", "text", $"XML \"{label}\", YAML \"{yamlEvent.Description}\"", DulSpecFiles.Events, evt);
            for (var c = 0; c < columns.Count; c++)
            {
                var cell = eventRows[e][c + 1];
                var state = columns[c];
                var yaml = spec.Cells.FirstOrDefault(x => x.Event == evt && x.State == state);
                var where = $"PS3.8 Table 9-10, {evt}/{state}";
                var xmlAction = cell.Paragraphs.FirstOrDefault() ?? "";
                var xmlNext = cell.Paragraphs.Skip(1).SelectMany(p => Regex.Matches(p, @"\d+").Select(m => "Sta" + m.Value)).ToList();
                if (yaml == null) { Add(where, "cell-missing", "no YAML cell", DulSpecFiles.Transitions, $"{evt}/{state}"); continue; }
                var yamlAction = yaml.Action == null ? "" : spec.Actions.FirstOrDefault(a => a.Name == yaml.Action)?.Id ?? yaml.Action;
                if (xmlAction != yamlAction)
                    Add(where, "action", $"XML \"{(xmlAction.Length == 0 ? "(blank)" : xmlAction)}\", YAML \"{(yamlAction.Length == 0 ? "(blank)" : yamlAction)}\"", DulSpecFiles.Transitions, $"{evt}/{state}");
                else if (xmlAction.Length > 0 && !xmlNext.Order().SequenceEqual(yaml.Next.Order()))
                    Add(where, "next-state", $"XML {string.Join("|", xmlNext)}, YAML {string.Join("|", yaml.Next)}", DulSpecFiles.Transitions, $"{evt}/{state}");
            }
        }
        if (eventRows.Count != spec.Events.Count)
            diffs.Add(new("PS3.8 Table 9-10", "event-count", $"XML has {eventRows.Count} event rows, YAML {spec.Events.Count} events", null, null, null));
        return diffs;
    }

    private static DocbookTable Require(DocbookDocument part08, string label)
        => part08.Table(label) ?? throw new InvalidDataException($"PS3.8 Table {label} is not in the {part08.Document} {part08.Edition} XML");

    /// <summary>Same words, ignoring case, punctuation and spacing (the XML lost line breaks and spaces).</summary>
    internal static bool SameWords(string a, string b) => Words(a) == Words(b);

    private static string Words(string s) => new(DocbookText.Clean(s).Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
