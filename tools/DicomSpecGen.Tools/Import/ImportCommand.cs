using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Import;

/// <summary><c>dsgtool import pdus|dul|elements|messages|statuses|dictionary|vrs --xml part08.xml [part07.xml] [--yaml pdus.yaml | --spec spec] [--all]</c>: compares the
/// standard's PDU tables (or DUL tables) with the YAML. Exit 1 when a difference is not explained by a <c>note:</c>;
/// exit 2 for the wrong part of the standard or a cited table missing from the XML.</summary>
public static class ImportCommand
{
    public static int Run(Args args, TextWriter output)
    {
        var what = args.Positional.FirstOrDefault();
        if (what is not ("pdus" or "dul" or "elements" or "dictionary" or "messages" or "statuses" or "vrs") || args.Values("xml").Count == 0)
        {
            output.WriteLine("usage: dsgtool import pdus --xml part08.xml [part07.xml] [--yaml spec/part08/pdus.yaml] [--all]");
            output.WriteLine("       dsgtool import dul --xml part08.xml [--spec spec] [--all]");
            output.WriteLine("       dsgtool import elements --xml part07.xml [--spec spec]     (PS3.7 Annex E vs part07/command-elements.yaml)");
            output.WriteLine("       dsgtool import messages --xml part07.xml [--spec spec] [--all]   (PS3.7 Tables 9.3-x/10.3-x and 9.1-x/10.1-x vs part07/messages.yaml)");
            output.WriteLine("       dsgtool import statuses --xml part07.xml [part04.xml] [--spec spec] [--all]   (PS3.7 Annex C, and with PS3.4 its service status tables, vs part07/statuses.yaml)");
            output.WriteLine("       dsgtool import vrs --xml part05.xml [--spec spec] [--all]   (PS3.5 Table 6.2-1 and Section 7.1.2 vs part05/vrs.yaml)");
            output.WriteLine("       dsgtool import dictionary --xml part06.xml part07.xml [--spec spec]   (PS3.6 Tables 6-1/7-1/8-1 + PS3.7 E vs part06/dictionary.yaml)");
            return 2;
        }
        var files = args.Values("xml");
        var parts = files.Select(DocbookDocument.Load).ToList();
        // Which parts each import reads: the first is required, the others optional.
        string[] reads = what switch
        {
            "pdus" => ["PS3.8", "PS3.7"],
            "dul" => ["PS3.8"],
            "statuses" => ["PS3.7", "PS3.4"],
            "elements" or "messages" => ["PS3.7"],
            "vrs" => ["PS3.5"],
            _ => ["PS3.6", "PS3.7"],
        };
        for (var i = 0; i < parts.Count; i++)
        {
            if (reads.Contains(parts[i].Document)) continue;
            output.WriteLine($"dsgtool import {what}: {files[i]} is {parts[i].Document} {parts[i].Edition}; import {what} reads {string.Join(" and ", reads)}");
            return 2;
        }
        if (!parts.Any(p => p.Document == reads[0]))
        {
            output.WriteLine($"dsgtool import {what}: --xml needs the {reads[0]} XML (got {string.Join(", ", parts.Select(p => p.Document))})");
            return 2;
        }
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
            "messages" => Path.Combine(specDir, "part07", "messages.yaml"),
            "statuses" => Path.Combine(specDir, "part07", "statuses.yaml"),
            "dictionary" => Path.Combine(specDir, "part06", "dictionary.yaml"),
            "vrs" => Path.Combine(specDir, "part05", "vrs.yaml"),
            _ => args.Value("yaml") ?? Path.Combine(specDir, "part08", "pdus.yaml"),
        };
        var edition = parts.First(p => p.Document == reads[0]).Edition;
        IReadOnlyList<ImportDifference> diffs;
        var notCompared = 0;
        try
        {
            diffs = what switch
            {
                "dul" => DulImportDiff.Compare(parts.First(p => p.Document == "PS3.8"), specDir),
                "elements" => ElementTableDiff.Compare(ElementTableDiff.FromXml(parts, commandElementsOnly: true), ElementTableDiff.FromCommandElementsYaml(yaml), edition),
                "messages" => DimseImportDiff.CompareMessages(parts.First(p => p.Document == "PS3.7"), specDir),
                "statuses" => DimseImportDiff.CompareStatuses(parts.First(p => p.Document == "PS3.7"), specDir, out notCompared, parts.FirstOrDefault(p => p.Document == "PS3.4")),
                "vrs" => VrImportDiff.Compare(parts.First(p => p.Document == "PS3.5"), yaml),
                "dictionary" => ElementTableDiff.Compare(ElementTableDiff.FromXml(parts, commandElementsOnly: false), ElementTableDiff.FromDictionaryYaml(yaml), edition),
                _ => PduImportDiff.Compare(parts, yaml),
            };
        }
        catch (InvalidDataException e)
        {
            output.WriteLine($"dsgtool import {what}: {e.Message}");
            return 2;
        }
        foreach (var d in diffs.Where(d => args.Flag("all") || !d.Explained)) output.WriteLine(d);
        var open = diffs.Count(d => !d.Explained);
        var errors = diffs.Count(d => d.IsError);
        output.WriteLine($"{string.Join(", ", parts.Select(p => $"{p.Document} {p.Edition}"))} vs {yaml}: {diffs.Count} difference(s), {diffs.Count - open} explained, {open} unexplained"
            + (errors > 0 ? $", {errors} error(s)" : "")
            + (notCompared > 0 ? $"; {notCompared} service status row(s) cite PS3.4, not compared (give the PS3.4 XML too)" : ""));
        return errors > 0 ? 2 : open == 0 ? 0 : 1;
    }
}
