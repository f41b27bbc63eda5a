using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary><c>dsgtool import pdus --xml part08.xml part07.xml [--yaml spec/part08/pdus.yaml] [--all]</c>: compares the
/// standard's PDU tables with the YAML. Exit 1 when a difference is not explained by a <c>note:</c>.</summary>
public static class ImportCommand
{
    public static int Run(Args args, TextWriter output)
    {
        if (args.Positional.FirstOrDefault() != "pdus" || args.Values("xml").Count == 0)
        {
            output.WriteLine("usage: dsgtool import pdus --xml part08.xml [part07.xml] [--yaml spec/part08/pdus.yaml] [--all]");
            return 2;
        }
        var yaml = args.Value("yaml") ?? Path.Combine(RepoPaths.Root(), "spec", "part08", "pdus.yaml");
        var parts = args.Values("xml").Select(DocbookDocument.Load).ToList();
        var diffs = PduImportDiff.Compare(parts, yaml);
        foreach (var d in diffs.Where(d => args.Flag("all") || !d.Explained)) output.WriteLine(d);
        var open = diffs.Count(d => !d.Explained);
        output.WriteLine($"{string.Join(", ", parts.Select(p => $"{p.Document} {p.Edition}"))} vs {yaml}: {diffs.Count} difference(s), {diffs.Count - open} explained by a note, {open} unexplained");
        return open == 0 ? 0 : 1;
    }
}
