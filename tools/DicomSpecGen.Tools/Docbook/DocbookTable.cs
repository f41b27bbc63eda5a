using System.Xml.Linq;

namespace DicomSpecGen.Tools.Docbook;

/// <summary>One cell: its paragraphs, cleaned. The 2013 XML keeps one logical line per &lt;para&gt; where line
/// breaks survived.</summary>
public sealed record DocbookCell(IReadOnlyList<string> Paragraphs)
{
    public string Text => string.Join(" ", Paragraphs);
}

/// <summary>A table of the standard: its label ("9-11"), caption, body rows and header rows.</summary>
public sealed record DocbookTable(string Document, string Label, string Caption, IReadOnlyList<IReadOnlyList<DocbookCell>> Rows,
    IReadOnlyList<IReadOnlyList<DocbookCell>> HeaderRows)
{
    public string Citation => $"{Document} Table {Label}";
}

/// <summary>Reads tables out of a part's DocBook XML.</summary>
public sealed class DocbookDocument
{
    public static readonly XNamespace Db = "http://docbook.org/ns/docbook";

    private readonly Dictionary<string, XElement> _tables;
    private readonly XDocument _xml;

    public DocbookDocument(string document, XDocument xml)
    {
        Document = document;
        _xml = xml;
        var subtitle = xml.Root?.Element(Db + "subtitle")?.Value ?? "";
        var year = System.Text.RegularExpressions.Regex.Match(subtitle, @"\b(19|20)\d\d[a-e]?\b");
        Edition = year.Success ? year.Value : "";
        _tables = xml.Descendants(Db + "table").Where(t => t.Attribute("label") != null)
            .GroupBy(t => (string)t.Attribute("label")!).ToDictionary(g => g.Key, g => g.First());
    }

    /// <summary>"PS3.8" etc.</summary>
    public string Document { get; }

    /// <summary>The edition from the subtitle ("DICOM PS3.8 2013 - ..."), e.g. "2013".</summary>
    public string Edition { get; }

    public static DocbookDocument Load(string path)
    {
        var xml = XDocument.Load(path);
        return new DocbookDocument(DocumentOf(xml) ?? Path.GetFileNameWithoutExtension(path), xml);
    }

    /// <summary>The part from the book's label (e.g. label="PS3.8") or its title.</summary>
    private static string? DocumentOf(XDocument xml)
    {
        var label = (string?)xml.Root?.Attribute("label");
        if (label != null && label.StartsWith("PS3.", StringComparison.Ordinal)) return label;
        var title = xml.Root?.Descendants(Db + "title").FirstOrDefault()?.Value ?? "";
        var m = System.Text.RegularExpressions.Regex.Match(title, @"PS ?3\.\d+");
        return m.Success ? m.Value.Replace(" ", "") : null;
    }

    public IEnumerable<string> Labels => _tables.Keys;

    /// <summary>Sections whose label starts with <paramref name="prefix"/> ("C."): label, title and the text of the
    /// section without its subsections, cleaned.</summary>
    public IEnumerable<(string Label, string Title, string Text)> Sections(string prefix)
        => _xml.Descendants(Db + "section")
            .Where(s => ((string?)s.Attribute("label"))?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .Select(s => ((string)s.Attribute("label")!, DocbookText.Clean(s.Element(Db + "title")?.Value ?? ""),
                DocbookText.Clean(string.Join(" ", s.Elements().Where(e => e.Name != Db + "section" && e.Name != Db + "title").Select(e => e.Value)))));

    /// <summary>Rows of the untitled tables (informaltable) directly in the chapter, appendix or section labelled
    /// <paramref name="label"/>, e.g. Annex C's Status Class convention.</summary>
    public IReadOnlyList<IReadOnlyList<DocbookCell>> InformalTableRows(string label)
        => _xml.Descendants().Where(e => (string?)e.Attribute("label") == label && e.Name != Db + "table")
            .SelectMany(e => e.Elements(Db + "informaltable")).SelectMany(t => t.Descendants(Db + "tr"))
            .Select(tr => (IReadOnlyList<DocbookCell>)tr.Elements().Where(e => e.Name == Db + "td" || e.Name == Db + "th").Select(Cell).ToList())
            .ToList();

    public DocbookTable? Table(string label)
    {
        if (!_tables.TryGetValue(label, out var t)) return null;
        var caption = DocbookText.Clean(t.Element(Db + "caption")?.Value ?? "");
        var rows = (t.Element(Db + "tbody")?.Elements(Db + "tr") ?? t.Descendants(Db + "tr").Skip(1))
            .Select(tr => (IReadOnlyList<DocbookCell>)tr.Elements().Where(e => e.Name == Db + "td" || e.Name == Db + "th").Select(Cell).ToList())
            .ToList();
        var header = (t.Element(Db + "thead")?.Elements(Db + "tr") ?? [])
            .Select(tr => (IReadOnlyList<DocbookCell>)tr.Elements().Select(Cell).ToList()).ToList();
        return new DocbookTable(Document, label, caption, rows, header);
    }

    private static DocbookCell Cell(XElement td)
    {
        var paras = td.Descendants(Db + "para").Select(p => DocbookText.Clean(p.Value)).Where(p => p.Length > 0).ToList();
        if (paras.Count == 0 && td.Value.Trim().Length > 0) paras.Add(DocbookText.Clean(td.Value));
        return new DocbookCell(paras);
    }
}
