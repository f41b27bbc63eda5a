using System.Text.RegularExpressions;
using DicomSpecGen.Spec.Registry;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>PS3.5 Table 6.2-1 and Section 7.1.2 compared with spec/part05/vrs.yaml, row by row: every VR code both
/// ways, its name (the second line of the VR cell), kind (a character repertoire for text, "not applicable" otherwise),
/// the size of a fixed-length binary VR ("4 bytes fixed"), the padding Section 6.2 states (space for character
/// strings, NULL for UI and OB), and the Value Length field: 2 bytes for the VRs Table 7.1-2's caption lists, 4 for
/// the others (Table 7.1-1). A row the XML lacks is a difference unless its <c>since:</c> is later than the XML.</summary>
public static partial class VrImportDiff
{
    [GeneratedRegex(@"^(\d+) bytes fixed")]
    private static partial Regex FixedLength();

    public static IReadOnlyList<ImportDifference> Compare(DocbookDocument part05, string yamlPath)
    {
        if (part05.Document != "PS3.5") throw new InvalidDataException($"the XML is {part05.Document} {part05.Edition}; VRs are PS3.5");
        var edition = part05.Edition;
        var text = File.ReadAllText(yamlPath);
        var spec = VrParser.Parse(yamlPath, text);
        var rows = new YamlRowNotes(text, "code");
        var diffs = new List<ImportDifference>();
        foreach (var d in spec.Diagnostics)
            diffs.Add(new(d.FilePath, "yaml-error", d.ToString(), null, d.Line, null, IsError: true));

        var table = part05.Table("6.2-1");
        var shortForm = part05.Table("7.1-2");
        if (table == null || shortForm == null)
        {
            foreach (var missing in new[] { ("6.2-1", table), ("7.1-2", shortForm) }.Where(t => t.Item2 == null))
                diffs.Add(new($"PS3.5 Table {missing.Item1}", "table-not-in-xml", $"PS3.5 Table {missing.Item1} is not in the PS3.5 {edition} XML", null, null, null, IsError: true));
            return diffs;
        }
        // Table 7.1-2: "Data Element with Explicit VR of AE, AS, AT, ... and US" (2-byte Value Length).
        var twoByte = Regex.Matches(shortForm.Caption, @"\b[A-Z]{2}\b").Select(m => m.Value).Where(v => v != "VR").ToHashSet();
        // Table 7.1-1 listed its VRs up to 2015 ("OB, OW, OF, SQ, UT or UN"); later it is "other than" Table 7.1-2.
        var longForm = part05.Table("7.1-1");
        var fourByte = longForm == null ? [] : Regex.Matches(longForm.Caption, @"\b[A-Z]{2}\b").Select(m => m.Value).Where(v => v != "VR").ToHashSet();
        var padding = string.Join(" ", part05.Sections("6.2").Where(s => s.Label == "6.2").Select(s => s.Text));
        var spacePadded = padding.Contains("character strings, except in the case of the VR UI, shall be padded with SPACE", StringComparison.Ordinal);
        var nullPadded = Regex.Matches(padding, @"Values with a VR of (\w\w) shall be padded with a single trailing NULL").Select(m => m.Groups[1].Value).ToHashSet();

        var xml = new Dictionary<string, IReadOnlyList<DocbookCell>>();
        foreach (var r in table.Rows.Where(r => r.Count >= 4 && r[0].Paragraphs.Count > 0))
            xml[r[0].Paragraphs[0].Trim()] = r;

        void Add(string where, string kind, string message, string code, string? follows = null)
        {
            var row = rows.Find(code);
            var note = row?.Note ?? (follows != null && Edition.Later(follows, edition) ? DimseImportDiff.FollowsPrefix + follows : null);
            diffs.Add(new(where, kind, message, code, row?.Line, note));
        }

        foreach (var vr in spec.Vrs)
        {
            var where = $"PS3.5 Table 6.2-1, {vr.Code}";
            if (!xml.TryGetValue(vr.Code, out var x))
            {
                if (!Edition.NotYetIn(vr.Source.Since, edition))
                    Add(where, "row-not-in-xml", $"VR {vr.Code} \"{vr.Title}\" (edition {vr.Source.Edition}{(vr.Source.Since != null ? $", since {vr.Source.Since}" : "")}) is not in the {edition} XML", vr.Code);
                continue;
            }
            var name = string.Join(" ", x[0].Paragraphs.Skip(1));
            if (!DulImportDiff.SameWords(name, vr.Title)) Add(where, "title", $"XML \"{name}\", YAML \"{vr.Title}\"", vr.Code, vr.Source.Edition);
            var repertoire = x[2].Text;
            var notApplicable = repertoire.StartsWith("not applicable", StringComparison.OrdinalIgnoreCase);
            if (notApplicable == (vr.Kind == "text"))
                Add(where, "kind", $"XML character repertoire \"{Short(repertoire)}\", YAML kind {vr.Kind}", vr.Code);
            var fixedLength = FixedLength().Match(x[3].Text);
            if (vr.Kind == "binary" && (!fixedLength.Success || int.Parse(fixedLength.Groups[1].Value) != vr.Size))
                Add(where, "size", $"XML length of value \"{Short(x[3].Text)}\", YAML size {vr.Size}", vr.Code);
            var stated = vr.Kind == "text" ? (nullPadded.Contains(vr.Code) ? "zero" : spacePadded ? "space" : null)
                : nullPadded.Contains(vr.Code) ? "zero" : null;
            if (stated != null && stated != vr.Padding)
                Add($"PS3.5 Section 6.2, {vr.Code}", "padding", $"Section 6.2 pads {vr.Code} with {stated}, YAML padding {(vr.Padding.Length > 0 ? vr.Padding : "(none)")}", vr.Code);
            var lengthField = twoByte.Contains(vr.Code) ? 2 : 4;
            if (lengthField != vr.LengthField || (fourByte.Count > 0 && lengthField == 4 && !fourByte.Contains(vr.Code)))
                Add($"PS3.5 Section 7.1.2, {vr.Code}", "length-field", $"Tables 7.1-1/7.1-2 give {vr.Code} a {lengthField}-byte Value Length{(fourByte.Count > 0 && lengthField == 4 && !fourByte.Contains(vr.Code) ? " but Table 7.1-1 does not list it" : "")}, YAML lengthField {vr.LengthField}", vr.Code);
        }
        var known = spec.Vrs.Select(v => v.Code).ToHashSet();
        foreach (var (code, x) in xml.Where(x => !known.Contains(x.Key)))
            diffs.Add(new($"PS3.5 Table 6.2-1, {code}", "row-missing", $"VR {code} \"{string.Join(" ", x[0].Paragraphs.Skip(1))}\" is not in vrs.yaml", null, null, null));
        return diffs;
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
