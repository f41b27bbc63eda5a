using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary><c>dsgtool import pdus|dul --xml part08.xml [part07.xml] [--yaml pdus.yaml | --spec spec] [--all]</c>: compares the
/// standard's PDU tables (or DUL tables) with the YAML. Exit 1 when a difference is not explained by a <c>note:</c>.</summary>
public static class ImportCommand
{
    public static int Run(Args args, TextWriter output)
    {
        var what = args.Positional.FirstOrDefault();
        if (what is not ("pdus" or "dul") || args.Values("xml").Count == 0)
        {
            output.WriteLine("usage: dsgtool import pdus --xml part08.xml [part07.xml] [--yaml spec/part08/pdus.yaml] [--all]");
            output.WriteLine("       dsgtool import dul --xml part08.xml [--spec spec] [--all]");
            return 2;
        }
        var parts = args.Values("xml").Select(DocbookDocument.Load).ToList();
        var specDir = args.Value("spec") ?? Path.Combine(RepoPaths.Root(), "spec");
        var yaml = what == "dul" ? Path.Combine(specDir, "part08", "dul-*.yaml")
            : args.Value("yaml") ?? Path.Combine(specDir, "part08", "pdus.yaml");
        var diffs = what == "dul"
            ? DulImportDiff.Compare(parts.FirstOrDefault(p => p.Document == "PS3.8") ?? throw new InvalidDataException("--xml needs part08.xml"), specDir)
            : PduImportDiff.Compare(parts, yaml);
        foreach (var d in diffs.Where(d => args.Flag("all") || !d.Explained)) output.WriteLine(d);
        var open = diffs.Count(d => !d.Explained);
        output.WriteLine($"{string.Join(", ", parts.Select(p => $"{p.Document} {p.Edition}"))} vs {yaml}: {diffs.Count} difference(s), {diffs.Count - open} explained by a note, {open} unexplained");
        return open == 0 ? 0 : 1;
    }
}
