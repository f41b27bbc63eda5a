using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary><c>dsgtool import pdus|dul --xml part08.xml [part07.xml] [--yaml pdus.yaml | --spec spec] [--all]</c>: compares the
/// standard's PDU tables (or DUL tables) with the YAML. Exit 1 when a difference is not explained by a <c>note:</c>.</summary>
public static class ImportCommand
{
    public static int Run(Args args, TextWriter output)
    {
        var what = args.Positional.FirstOrDefault();
        if (what is not ("pdus" or "dul" or "elements" or "dictionary") || args.Values("xml").Count == 0)
        {
            output.WriteLine("usage: dsgtool import pdus --xml part08.xml [part07.xml] [--yaml spec/part08/pdus.yaml] [--all]");
            output.WriteLine("       dsgtool import dul --xml part08.xml [--spec spec] [--all]");
            output.WriteLine("       dsgtool import elements --xml part07.xml [--spec spec]     (PS3.7 Annex E vs part07/command-elements.yaml)");
            output.WriteLine("       dsgtool import dictionary --xml part06.xml part07.xml [--spec spec]   (PS3.6 Tables 6-1/7-1/8-1 + PS3.7 E vs part06/dictionary.yaml)");
            return 2;
        }
        var parts = args.Values("xml").Select(DocbookDocument.Load).ToList();
        if (what == "pdus" && args.Value("emit") is { } label)
        {
            // --emit 9-11 [Name] [pdu|item|record]: the table as a pdus.yaml structure, for a table a new edition adds.
            var table = parts.Select(p => p.Table(label)).FirstOrDefault(t => t != null);
            if (table == null) { output.WriteLine($"no table {label} in {string.Join(", ", parts.Select(p => p.Document))}"); return 2; }
            var extra = args.Values("emit");
            output.Write(PduYamlWriter.Write(table, extra.Count > 1 ? extra[1] : "NewStructure", extra.Count > 2 ? extra[2] : "item"));
            return 0;
        }
        var specDir = args.Value("spec") ?? Path.Combine(RepoPaths.Root(), "spec");
        var yaml = what switch
        {
            "dul" => Path.Combine(specDir, "part08", "dul-*.yaml"),
            "elements" => Path.Combine(specDir, "part07", "command-elements.yaml"),
            "dictionary" => Path.Combine(specDir, "part06", "dictionary.yaml"),
            _ => args.Value("yaml") ?? Path.Combine(specDir, "part08", "pdus.yaml"),
        };
        var edition = parts.Select(p => p.Edition).FirstOrDefault() ?? "";
        var diffs = what switch
        {
            "dul" => DulImportDiff.Compare(parts.FirstOrDefault(p => p.Document == "PS3.8") ?? throw new InvalidDataException("--xml needs part08.xml"), specDir),
            "elements" => ElementTableDiff.Compare(ElementTableDiff.FromXml(parts, commandElementsOnly: true), ElementTableDiff.FromCommandElementsYaml(yaml), edition),
            "dictionary" => ElementTableDiff.Compare(ElementTableDiff.FromXml(parts, commandElementsOnly: false), ElementTableDiff.FromDictionaryYaml(yaml), edition),
            _ => PduImportDiff.Compare(parts, yaml),
        };
        foreach (var d in diffs.Where(d => args.Flag("all") || !d.Explained)) output.WriteLine(d);
        var open = diffs.Count(d => !d.Explained);
        output.WriteLine($"{string.Join(", ", parts.Select(p => $"{p.Document} {p.Edition}"))} vs {yaml}: {diffs.Count} difference(s), {diffs.Count - open} explained by a note, {open} unexplained");
        return open == 0 ? 0 : 1;
    }
}
