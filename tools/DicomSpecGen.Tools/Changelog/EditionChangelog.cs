using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Changelog;

/// <summary>One change between two editions of one part: a fact of a table that appeared, disappeared or changed.</summary>
/// <param name="Edition">The first edition in the folder that has the change.</param>
/// <param name="Previous">The edition before it in the folder (a gap, e.g. 2020c → 2024c, means "somewhere between").</param>
/// <param name="Kind">added | removed | changed.</param>
/// <param name="What">field | value | element | status.</param>
public sealed record EditionChange(string Part, string Table, string Edition, string Previous, string Kind, string What, string Key, string? Before, string? After);

/// <summary>The wire and behaviour facts of the standard's DocBook that the changelog follows, per edition, and their
/// differences edition by edition: PDU and sub-item fields (byte range) and their value tables (PS3.8 Tables
/// 9-11..9-26, D.1-1/D.1-2; PS3.7 Tables D.3-1..D.3-15), the DUL actions and state table cells (PS3.8 Tables 9-6 …
/// 9-10), command elements (PS3.7 Tables E.1-1/E.2-1: VR, VM, keyword,
/// name), message parameters' usage (Tables 9.1-x, 10.1-x), message fields with the Command Field value (Tables 9.3-x,
/// 10.3-x) and status types (PS3.7 Annex C section titles with their code).</summary>
public static partial class EditionChangelog
{
    [GeneratedRegex(@"^(part0[78])-(\d{4}[a-e]?)\.xml$")]
    private static partial Regex EditionFile();

    [GeneratedRegex(@"shall be set to ([0-9A-F]{4})H")]
    private static partial Regex StatusCodeValue();

    [GeneratedRegex(@"([0-9A-F]{4})H")]
    private static partial Regex CommandFieldValue();

    /// <summary>The PS3.7 and PS3.8 editions in a folder of partNN-EDITION.xml files, per part, oldest first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Edition, string Path)>> Editions(string dir)
        => Directory.EnumerateFiles(dir, "part0*.xml").Select(p => (Path: p, M: EditionFile().Match(Path.GetFileName(p))))
            .Where(x => x.M.Success).GroupBy(x => x.M.Groups[1].Value == "part08" ? "PS3.8" : "PS3.7")
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)g.Select(x => (x.M.Groups[2].Value, x.Path)).OrderBy(x => x.Item1, StringComparer.Ordinal).ToList());

    /// <summary>(table, what, key) → fact text.</summary>
    public static IReadOnlyDictionary<(string Table, string What, string Key), string> Facts(DocbookDocument part)
    {
        var facts = new Dictionary<(string, string, string), string>();
        var labels = part.Document == "PS3.8"
            ? Enumerable.Range(11, 16).Select(i => $"9-{i}").Concat(["D.1-1", "D.1-2"])
            : Enumerable.Range(1, 15).Select(i => $"D.3-{i}");
        foreach (var label in labels)
        {
            var table = part.Table(label);
            if (table == null) continue;
            var seen = new Dictionary<string, int>();
            foreach (var row in table.Rows.Select(PduTableRow.From).OfType<PduTableRow>())
            {
                var name = Norm(row.Name);
                // Reserved rows repeat: number them by order. Keys ignore case, so a re-cased name reads as a change.
                var lower = name.ToLowerInvariant();
                var n = seen[lower] = seen.GetValueOrDefault(lower) + 1;
                var key = n > 1 ? $"{lower} #{n}" : lower;
                facts[(label, "field", key)] = $"{name}, bytes {row.Bytes}";
                foreach (var v in row.Values())
                {
                    var q = v.Qualifier is long ql ? $" (qualifier {ql})" : "";
                    var value = v.From == v.To ? $"{v.From}" : $"{v.From}-{v.To}";
                    facts[(label, "value", $"{lower}: {value}{q}")] = Norm(v.Meaning);
                }
            }
        }
        if (part.Document == "PS3.8")
        {
            // The DUL: actions (Tables 9-6 … 9-9) and every cell of the state table (Table 9-10, events numbered in row order).
            foreach (var label in new[] { "9-6", "9-7", "9-8", "9-9" })
            {
                foreach (var c in part.Table(label)?.Rows ?? [])
                {
                    if (c.Count >= 2 && Regex.IsMatch(c[0].Text, @"^[A-Z]{2}-\d+$")) facts[(label, "action", c[0].Text)] = Norm(c[1].Text);
                }
            }
            if (part.Table("9-10") is { } stateTable)
            {
                var rows = stateTable.HeaderRows.Concat(stateTable.Rows).ToList();
                var header = rows.FindIndex(r => r.Count > 0 && r[0].Text == "EVENTS");
                if (header >= 0)
                {
                    var states = rows[header].Skip(1).Select(c => c.Text.Replace(" ", "")).ToList();
                    var events = rows.Skip(header + 1).Where(r => r.Count == states.Count + 1).ToList();
                    for (var e = 0; e < events.Count; e++)
                    {
                        for (var st = 0; st < states.Count; st++)
                        {
                            var cell = string.Join(" ", events[e][st + 1].Paragraphs.Select(Norm));
                            if (cell.Length > 0) facts[("9-10", "cell", $"Evt{e + 1}/{states[st]}")] = cell;
                        }
                    }
                }
            }
        }
        if (part.Document == "PS3.7")
        {
            foreach (var e in ElementTableDiff.FromXml([part], commandElementsOnly: true))
            {
                facts[(e.Where["PS3.7 Table ".Length..], "element", e.Tag)] =
                    $"{Norm(e.Name)} | {e.Keyword} | {e.Vr} | {e.Vm}{(e.Retired ? " | retired" : "")}";
            }
            // Message tables: usage per parameter (Tables 9.1-x, 10.1-x) and the command fields (Tables 9.3-x, 10.3-x).
            foreach (var label in part.Labels.Where(l => l.StartsWith("9.1-", StringComparison.Ordinal) || l.StartsWith("10.1-", StringComparison.Ordinal)))
            {
                foreach (var c in part.Table(label)!.Rows.Where(r => r.Count >= 3 && r[0].Text.Length > 0))
                    facts[(label, "usage", Norm(c[0].Text))] = string.Join(" | ", c.Skip(1).Select(x => Norm(x.Text)));
            }
            foreach (var label in part.Labels.Where(l => l.StartsWith("9.3-", StringComparison.Ordinal) || l.StartsWith("10.3-", StringComparison.Ordinal)))
            {
                foreach (var c in part.Table(label)!.Rows.Where(r => r.Count >= 5 && r[1].Text.StartsWith('(')))
                {
                    var tag = c[1].Text.Replace(" ", "");
                    var value = tag == "(0000,0100)" && CommandFieldValue().Match(c[4].Text) is { Success: true } m ? $" | value {m.Groups[1].Value}H" : "";
                    facts[(label, "message-field", tag)] = $"{Norm(c[0].Text)} | {c[2].Text} | {c[3].Text}{value}";
                }
            }
            foreach (var (label, title, code) in StatusSections(part))
                facts[("Annex C", "status", $"{code} (C.{label})")] = title;
            // The Status Class convention (Annex C's untitled table): codes per class.
            foreach (var r in part.InformalTableRows("C").Where(r => r.Count == 2))
                facts[("Annex C", "status-class", Norm(r[0].Text))] = Norm(r[1].Text);
        }
        return facts;
    }

    /// <summary>PS3.7 Annex C status types with a fixed code: section label, title, code ("0107").</summary>
    private static IEnumerable<(string Label, string Title, string Code)> StatusSections(DocbookDocument part)
    {
        foreach (var (label, title, text) in part.Sections("C."))
        {
            if (label.Count(c => c == '.') != 2) continue; // C.4.2, C.5.12
            var m = StatusCodeValue().Match(text);
            if (m.Success) yield return (label[2..], Norm(title), m.Groups[1].Value);
        }
    }

    private static string Norm(string s) => DocbookText.Clean(s).TrimEnd(',', ' ', '.');

    /// <summary>The changes of each part whose edition lies in (<paramref name="from"/> - 1, <paramref name="to"/>]:
    /// every consecutive pair of editions in the folder, from the one before <paramref name="from"/>.</summary>
    public static IReadOnlyList<EditionChange> Build(string dir, string from, string to)
    {
        var changes = new List<EditionChange>();
        foreach (var (part, editions) in Editions(dir).OrderByDescending(p => p.Key, StringComparer.Ordinal))
        {
            var inRange = editions.Where(e => string.CompareOrdinal(e.Edition, to) <= 0).ToList();
            var start = inRange.FindIndex(e => string.CompareOrdinal(e.Edition, from) >= 0);
            if (start < 1) start = 1;
            var previous = Facts(DocbookDocument.Load(inRange[start - 1].Path));
            for (var i = start; i < inRange.Count; i++)
            {
                var doc = DocbookDocument.Load(inRange[i].Path);
                if (doc.Document != part || doc.Edition != inRange[i].Edition)
                    throw new InvalidDataException($"{inRange[i].Path} is {doc.Document} {doc.Edition}, expected {part} {inRange[i].Edition}");
                var current = Facts(doc);
                var (edition, before) = (inRange[i].Edition, inRange[i - 1].Edition);
                foreach (var (k, v) in current)
                {
                    if (!previous.TryGetValue(k, out var old)) changes.Add(new(part, k.Table, edition, before, "added", k.What, k.Key, null, v));
                    // Only the words count: the XML's lost line breaks, spacing, punctuation and case are not changes.
                    else if (!DulImportDiff.SameWords(old, v)) changes.Add(new(part, k.Table, edition, before, "changed", k.What, k.Key, old, v));
                }
                foreach (var (k, v) in previous.Where(p => !current.ContainsKey(p.Key)))
                    changes.Add(new(part, k.Table, edition, before, "removed", k.What, k.Key, v, null));
                previous = current;
            }
        }
        return changes.OrderBy(c => c.Part, StringComparer.Ordinal).ThenBy(c => TableOrder(c.Table), StringComparer.Ordinal)
            .ThenBy(c => c.Edition, StringComparer.Ordinal).ThenBy(c => c.What, StringComparer.Ordinal).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>"9-11" before "9-2x" and "D.1-1"; "D.3-2" before "D.3-10".</summary>
    private static string TableOrder(string table) => Regex.Replace(table, @"\d+", m => m.Value.PadLeft(3, '0'));

    public static string Markdown(IReadOnlyList<EditionChange> changes, string from, string to)
    {
        var sb = new StringBuilder();
        sb.Append("# Edition changelog of the DICOM standard, ").Append(from).Append(" … ").Append(to).Append("\n\n");
        sb.Append("Generated by `dsgtool spec changelog --from ").Append(from).Append(" --to ").Append(to)
          .Append("` from the DocBook XML in `tests/reference/editions` (checked by `Changelog/ChangelogTests`; do not edit).\n")
          .Append("Each line: the first edition in that folder with the change (\"2020c → 2024c\" when editions in between are missing),\n")
          .Append("then what was added (+), removed (-) or changed (~). Followed: PDU and sub-item fields and their values (PS3.8 Tables 9-11 … 9-26,\n")
          .Append("D.1-1/D.1-2; PS3.7 Tables D.3-1 … D.3-15), command elements (PS3.7 Tables E.1-1/E.2-1), message parameters' usage\n")
          .Append("(PS3.7 Tables 9.1-x, 10.1-x), message fields and Command Field values (Tables 9.3-x, 10.3-x), status types and the Status Class\n")
          .Append("convention (PS3.7 Annex C),\n")
          .Append("and the DUL actions and state table cells (PS3.8 Tables 9-6 … 9-10).\n")
          .Append("Texts are compared by their words: spacing, punctuation, case and the XML's lost line breaks are not changes.\n");
        foreach (var part in changes.GroupBy(c => c.Part))
        {
            sb.Append("\n## ").Append(part.Key).Append('\n');
            foreach (var table in part.GroupBy(c => c.Table))
            {
                sb.Append("\n### ").Append(table.Key == "Annex C" ? "Annex C (status types)" : "Table " + table.Key).Append("\n\n");
                foreach (var c in table)
                {
                    var mark = c.Kind switch { "added" => "+", "removed" => "-", _ => "~" };
                    var fact = c.Kind switch
                    {
                        "added" => $"\"{c.After}\"",
                        "removed" => $"\"{c.Before}\"",
                        _ => $"\"{c.Before}\" → \"{c.After}\"",
                    };
                    sb.Append("- ").Append(c.Previous).Append(" → ").Append(c.Edition).Append(": ").Append(mark).Append(' ')
                      .Append(c.What).Append(' ').Append(c.Key).Append(": ").Append(fact).Append('\n');
                }
            }
        }
        sb.Append('\n').Append(changes.Count).Append(" change(s).\n");
        return sb.ToString();
    }

    public static string Json(IReadOnlyList<EditionChange> changes)
        => JsonSerializer.Serialize(changes, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }) + "\n";
}
