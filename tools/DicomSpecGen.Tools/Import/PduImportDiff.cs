using DicomSpecGen.Spec.Pdu;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>Reads the PDU and item field tables from the standard's XML (PS3.8 Tables 9-11..9-26, D.1-1/D.1-2 and,
/// in 2013, PS3.7 Tables D.3-1..D.3-15) and compares them with pdus.yaml: byte ranges, field names, field kinds
/// (code/length/reserved), item codes, reserved values and value tables. A difference is explained when the YAML row
/// it concerns has a <c>note:</c>. Every row is compared with the XML of any edition, whatever its own <c>edition:</c>;
/// only a row whose <c>since:</c> is later than the XML is not expected in it. A table the YAML cites that is not in
/// the XML given is an error.</summary>
public static class PduImportDiff
{
    /// <summary>The tables the PDU YAML transcribes, by part.</summary>
    public static IEnumerable<(string Document, string Label)> PduTables()
    {
        for (var i = 11; i <= 26; i++) yield return ("PS3.8", $"9-{i}");
        yield return ("PS3.8", "D.1-1");
        yield return ("PS3.8", "D.1-2");
        for (var i = 1; i <= 15; i++) yield return ("PS3.7", $"D.3-{i}");
    }

    /// <param name="Name">The row name the citation gives for this table; null for a table cited as "same layout".</param>
    /// <param name="PrimaryName">The row name given for the first table cited.</param>
    private sealed record Claim(string Table, string? Name, string? PrimaryName, StructureSpec Structure, FieldSpec Field);

    public static IReadOnlyList<ImportDifference> Compare(IReadOnlyList<DocbookDocument> parts, string yamlPath)
    {
        var text = File.ReadAllText(yamlPath);
        var spec = PduParser.Parse(yamlPath, text);
        var notes = YamlNotes.Read(text);
        var diffs = new List<ImportDifference>();
        foreach (var d in spec.Diagnostics) diffs.Add(new ImportDifference(yamlPath, "yaml-error", d.ToString(), null, d.Line, null));
        string EditionOf(string document) => parts.FirstOrDefault(p => p.Document == document)?.Edition ?? "";

        string? NoteAt(int line) => notes.TryGetValue(line, out var n) ? n : null;
        ImportDifference Diff(string where, string kind, string message, string? row, int? line)
            => new(where, kind, message, row, line, line is int l ? NoteAt(l) : null);

        var claims = spec.Structures.SelectMany(s => s.Fields.SelectMany(f => ClaimsOf(s, f))).ToList();

        var cited = claims.Select(c => c.Table).Distinct().Where(t => !PduTables().Any(x => $"{x.Document} Table {x.Label}" == t))
            .Select(t => (Document: t[..t.IndexOf(' ')], Label: t[(t.LastIndexOf(' ') + 1)..]));
        foreach (var (document, label) in PduTables().Concat(cited))
        {
            var part = parts.FirstOrDefault(p => p.Document == document);
            var table = part?.Table(label);
            var citation = $"{document} Table {label}";
            var edition = EditionOf(document);
            if (table == null)
            {
                // A table no row cites may be absent (a table of a later edition); a cited one must be there.
                var expected = claims.Where(c => c.Table == citation && !Edition.NotYetIn(c.Field.Source.Since, edition)).ToList();
                if (expected.Count > 0)
                    diffs.Add(TableNotInXml(citation, part, expected.Select(c => $"{c.Structure.Name}.{c.Field.Name}")));
                continue;
            }
            var rows = table.Rows.Select(PduTableRow.From).OfType<PduTableRow>().ToList();
            var tableClaims = claims.Where(c => c.Table == citation).ToList();
            if (tableClaims.Count == 0)
            {
                diffs.Add(Diff(citation, "table-missing", $"\"{table.Caption}\" ({rows.Count} rows) is not cited by any YAML field", null, null));
                continue;
            }
            var matched = new HashSet<Claim>();
            foreach (var row in rows)
            {
                var where = $"{citation}, {row.Name} (bytes {row.Bytes})";
                var claim = Match(row, tableClaims.Where(c => !matched.Contains(c)).ToList());
                if (claim == null)
                {
                    var s = tableClaims[0].Structure;
                    diffs.Add(Diff(where, "row-missing", $"no YAML field of {s.Name} matches this row", s.Name, s.Line));
                    continue;
                }
                matched.Add(claim);
                var f = claim.Field;
                var id = $"{claim.Structure.Name}.{f.Name}";
                if (PduTableRow.NormalizeBytes(f.Bytes) != row.Bytes)
                    diffs.Add(Diff(where, "bytes", $"XML bytes {row.Bytes}, YAML bytes {f.Bytes}", id, f.Line));
                if (claim.Name != null && PduTableRow.NormalizeName(claim.Name) != PduTableRow.NormalizeName(row.Name))
                    diffs.Add(Diff(where, "name", $"XML field name \"{row.Name}\", YAML cites \"{claim.Name}\"", id, f.Line));
                CompareKind(row, claim, where, id, diffs, Diff);
            }
            foreach (var c in tableClaims.Where(c => !matched.Contains(c) && !Edition.NotYetIn(c.Field.Source.Since, edition)))
            {
                diffs.Add(Diff(citation, "field-not-in-xml", $"YAML field {c.Structure.Name}.{c.Field.Name} (bytes {c.Field.Bytes}) cites this table but no row matches",
                    $"{c.Structure.Name}.{c.Field.Name}", c.Field.Line));
            }
        }

        CompareEnums(parts, spec, diffs, Diff);
        return diffs;
    }

    private static ImportDifference TableNotInXml(string citation, DocbookDocument? part, IEnumerable<string> rows)
    {
        var names = rows.Distinct().ToList();
        var where = part == null ? $"no {citation[..citation.IndexOf(' ')]} XML was given" : $"{part.Document} {part.Edition} has no such table";
        return new ImportDifference(citation, "table-not-in-xml",
            $"{where}; cited by {string.Join(", ", names.Take(5))}{(names.Count > 5 ? $" and {names.Count - 5} more" : "")}", names[0], null, null, IsError: true);
    }

    private static IEnumerable<Claim> ClaimsOf(StructureSpec s, FieldSpec f)
    {
        string? part = null;
        string? name = null;
        var first = true;
        foreach (var segment in f.Source.Text.Split(';').Select(x => x.Trim()))
        {
            var comma = segment.IndexOf(',');
            var head = comma < 0 ? segment : segment[..comma];
            var tables = Trace.CitationRef.Tables(part != null && !head.StartsWith("PS3.", StringComparison.Ordinal) ? part + " " + head : head);
            if (tables.Count != 1 || !tables[0].Contains(" Table ", StringComparison.Ordinal)) { first = false; continue; }
            part = tables[0][..tables[0].IndexOf(' ')];
            if (first) name = comma < 0 ? null : segment[(comma + 1)..].Trim();
            yield return new Claim(tables[0], first ? name : null, name, s, f);
            first = false;
        }
    }

    /// <summary>The claim for a row: same name and bytes; else the one with the same name; else the one with the same bytes.</summary>
    private static Claim? Match(PduTableRow row, List<Claim> claims)
    {
        var name = PduTableRow.NormalizeName(row.Name);
        bool SameName(Claim c) => (c.Name ?? c.PrimaryName) is { } n && PduTableRow.NormalizeName(n) == name;
        bool SameBytes(Claim c) => PduTableRow.NormalizeBytes(c.Field.Bytes) == row.Bytes;
        var both = claims.FirstOrDefault(c => SameName(c) && SameBytes(c));
        if (both != null) return both;
        var byName = claims.Where(SameName).ToList();
        if (byName.Count == 1) return byName[0];
        var byBytes = claims.Where(SameBytes).ToList();
        return byBytes.Count == 1 ? byBytes[0] : null;
    }

    private static void CompareKind(PduTableRow row, Claim claim, string where, string id, List<ImportDifference> diffs,
        Func<string, string, string, string?, int?, ImportDifference> diff)
    {
        var f = claim.Field;
        var name = PduTableRow.NormalizeName(row.Name);
        var xmlKind = name is "pdu-type" or "item-type" ? FieldType.Code
            : name.EndsWith("length", StringComparison.Ordinal) ? FieldType.Length
            : name == "reserved" ? FieldType.Reserved : (FieldType?)null;
        if (xmlKind != null && xmlKind != f.Type)
            diffs.Add(diff(where, "type", $"XML row is a {YamlType(xmlKind.Value)} field, YAML type is {YamlType(f.Type)}", id, f.Line));
        if (f.Type == FieldType.Code && row.Code != claim.Structure.Code)
            diffs.Add(diff(where, "code", $"XML code {(row.Code is int c ? $"{c:X2}H" : "(none)")}, YAML code 0x{claim.Structure.Code:X2}", id, f.Line));
        if (f.Type == FieldType.Reserved && row.ReservedValue is int v && v != f.Value)
            diffs.Add(diff(where, "reserved-value", $"XML sends {v:X2}H, YAML value 0x{f.Value:X2}", id, f.Line));
    }

    private static void CompareEnums(IReadOnlyList<DocbookDocument> parts, PduSpec spec, List<ImportDifference> diffs,
        Func<string, string, string, string?, int?, ImportDifference> diff)
    {
        foreach (var e in spec.Enums)
        {
            var comma = e.Source.Text.IndexOf(',');
            var tables = Trace.CitationRef.Tables(e.Source.Text);
            if (comma < 0 || tables.Count == 0) continue;
            var label = e.Source.Text[(comma + 1)..].Trim();
            var document = tables[0][..tables[0].IndexOf(' ')];
            var part = parts.FirstOrDefault(p => p.Document == document);
            var edition = part?.Edition ?? "";
            if (Edition.NotYetIn(e.Source.Since, edition)) continue;
            var table = part?.Table(tables[0][(tables[0].LastIndexOf(' ') + 1)..]);
            if (table == null)
            {
                diffs.Add(TableNotInXml(tables[0], part, [e.Name]));
                continue;
            }
            var row = table.Rows.Select(PduTableRow.From).OfType<PduTableRow>()
                .FirstOrDefault(r => PduTableRow.NormalizeName(r.Name) == PduTableRow.NormalizeName(label));
            if (row == null)
            {
                diffs.Add(diff(e.Source.Text, "enum-row-missing", $"value table {e.Name}: no XML row \"{label}\" in {tables[0]}", e.Name, e.Line));
                continue;
            }
            var qualified = e.QualifiedBy != null;
            var listed = row.Values().Select(v => v with { Qualifier = qualified ? v.Qualifier : null }).ToList();
            var where = $"{tables[0]}, {row.Name}";
            foreach (var x in listed)
            {
                for (var value = x.From; value <= x.To; value++)
                {
                    var q = x.Qualifier is long ql ? $" (qualifier {ql})" : "";
                    var y = e.Values.FirstOrDefault(v => v.Value == value && (!qualified || v.Qualifier == x.Qualifier));
                    if (y == null)
                    {
                        diffs.Add(diff(where, x.IsReserved ? "reserved-value-not-in-yaml" : "value-missing",
                            $"XML value {value}{q} \"{x.Meaning}\" is not in {e.Name}", e.Name, e.Line));
                    }
                    else if (!SameMeaning(y.Meaning, x.Meaning))
                    {
                        diffs.Add(diff(where, "meaning", $"value {value}{q}: XML \"{x.Meaning}\", YAML \"{y.Meaning}\"", $"{e.Name}.{y.Name}", y.Line));
                    }
                }
            }
            foreach (var y in e.Values.Where(v => !listed.Any(x => v.Value >= x.From && v.Value <= x.To && (!qualified || v.Qualifier == x.Qualifier))))
            {
                if (Edition.NotYetIn(y.Source.Since, edition)) continue; // Added by a later edition: not expected in this XML.
                diffs.Add(diff(where, "value-not-in-xml", $"YAML value {e.Name}.{y.Name} = {y.Value} is not listed", $"{e.Name}.{y.Name}", y.Line));
            }
        }
    }

    private static string YamlType(FieldType t) => t == FieldType.AeTitle ? "ae" : t.ToString().ToLowerInvariant();

    private static bool SameMeaning(string a, string b)
        => string.Equals(DocbookText.Clean(a), DocbookText.Clean(b), StringComparison.OrdinalIgnoreCase);
}
