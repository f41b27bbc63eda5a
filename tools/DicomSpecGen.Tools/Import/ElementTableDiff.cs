using DicomSpecGen.Spec.Dimse;
using DicomSpecGen.Spec.Registry;
using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary>Data element tables of the standard (PS3.6 Tables 6-1, 7-1, 8-1; PS3.7 Tables E.1-1, E.2-1) compared with
/// spec/part06/dictionary.yaml or spec/part07/command-elements.yaml: tag, name, keyword, VR, VM and retirement.
/// Every YAML row is expected in the XML of any edition unless its <c>since:</c> is later than the XML's edition;
/// differences of rows the YAML takes from a later edition than the XML's are explained by that edition. A table
/// missing from the XML is an error.</summary>
public static class ElementTableDiff
{
    public sealed record Element(string Tag, string Name, string Keyword, string Vr, string Vm, bool Retired, string Where, string Edition, int Line, string? Since = null);

    /// <summary>Rows of the element tables in the given parts. Zero-width spaces (inside keywords) are removed.</summary>
    public static IReadOnlyList<Element> FromXml(IEnumerable<DocbookDocument> parts, bool commandElementsOnly)
    {
        var result = new List<Element>();
        foreach (var part in parts)
        {
            var labels = part.Document == "PS3.7" ? new[] { "E.1-1", "E.2-1" } : commandElementsOnly ? [] : new[] { "6-1", "7-1", "8-1" };
            foreach (var label in labels)
            {
                var table = part.Table(label) ?? throw new InvalidDataException($"{part.Document} Table {label} is not in the {part.Document} {part.Edition} XML");
                foreach (var c in table.Rows)
                {
                    if (c.Count < 5 || !c[0].Text.StartsWith('(')) continue;
                    var retired = label == "E.2-1" || (c.Count > 5 && c[5].Text.Contains("RET", StringComparison.Ordinal));
                    result.Add(new Element(Tag(c[0].Text), c[1].Text, c[2].Text, c[3].Text, c[4].Text, retired, $"{part.Document} Table {label}", part.Edition, 0));
                }
            }
        }
        return result;
    }

    public static IReadOnlyList<Element> FromCommandElementsYaml(string path)
    {
        var spec = DimseSpecParser.Parse([(path, File.ReadAllText(path))]);
        return spec.Elements.Select(e => new Element(Tag(e.TagText), e.Name, e.Keyword, e.Vr, e.Vm, e.Retired, e.Source.Text, e.Source.Edition, 0, e.Source.Since)).ToList();
    }

    public static IReadOnlyList<Element> FromDictionaryYaml(string path)
    {
        var dictionary = DictionaryParser.Parse(path, File.ReadAllText(path), null);
        return dictionary.Elements.Select(e => new Element(Tag(e.TagText), e.Name, e.Keyword, e.VrText, e.Vm, e.Retired, e.Source.Text, e.Source.Edition, e.Line, e.Source.Since)).ToList();
    }

    private static string Tag(string text) => text.Replace(" ", "").ToUpperInvariant().Replace('X', 'x');

    public static IReadOnlyList<ImportDifference> Compare(IReadOnlyList<Element> xml, IReadOnlyList<Element> yaml, string xmlEdition)
    {
        var diffs = new List<ImportDifference>();
        var byTag = yaml.GroupBy(e => e.Tag).ToDictionary(g => g.Key, g => g.First());
        var seen = new HashSet<string>();
        foreach (var x in xml)
        {
            var where = $"{x.Where}, {x.Tag}";
            if (!seen.Add(x.Tag)) continue;
            if (!byTag.TryGetValue(x.Tag, out var y))
            {
                diffs.Add(new(where, "row-missing", $"{x.Keyword} \"{x.Name}\" is not in the YAML", null, null, null));
                continue;
            }
            // A row the YAML takes from a later edition is expected to differ; its edition is the explanation.
            var note = Edition.Later(y.Edition, xmlEdition) ? $"the row follows edition {y.Edition}" : null;
            void Check(string field, string a, string b)
            {
                if (DocbookText.Clean(a) != DocbookText.Clean(b)) diffs.Add(new(where, field, $"XML \"{a}\", YAML \"{b}\"", y.Keyword, y.Line, note));
            }
            Check("name", x.Name, y.Name);
            Check("keyword", x.Keyword, y.Keyword);
            Check("vr", x.Vr, y.Vr);
            Check("vm", x.Vm, y.Vm);
            if (x.Retired != y.Retired) diffs.Add(new(where, "retired", $"XML {(x.Retired ? "retired" : "not retired")}, YAML {(y.Retired ? "retired" : "not retired")}", y.Keyword, y.Line, note));
        }
        foreach (var y in yaml.Where(y => !seen.Contains(y.Tag) && !Edition.NotYetIn(y.Since, xmlEdition)))
        {
            diffs.Add(new(y.Where, "row-not-in-xml", $"{y.Tag} {y.Keyword} (edition {y.Edition}{(y.Since != null ? $", since {y.Since}" : "")}) is not in the {xmlEdition} XML", y.Keyword, y.Line, null));
        }
        return diffs;
    }
}
