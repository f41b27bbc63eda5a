using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Editions;

/// <summary><c>dsgtool spec diff --from EDITION.xml [...] --to FILE.yaml</c>: rows added/removed/changed between the
/// standard's XML of one edition and a YAML file. uids.yaml → Table A-1/A-2; pdus.yaml → the PDU tables.</summary>
public static class SpecDiffCommand
{
    public static int Run(Args args, TextWriter output)
    {
        if (args.Positional.FirstOrDefault() == "crosscheck") return CrossCheck(args, output);
        if (args.Positional.FirstOrDefault() == "changelog") return Changelog(args, output);
        if (args.Positional.FirstOrDefault() == "rewind") return Rewind(args, output);
        var to = args.Value("to");
        if (args.Positional.FirstOrDefault() != "diff" || args.Values("from").Count == 0 || to == null)
        {
            output.WriteLine("usage: dsgtool spec diff --from part06.xml --to spec/part06/uids.yaml");
            return 2;
        }
        if (!File.Exists(to))
        {
            output.WriteLine($"spec diff: --to {to}: no such file");
            return 2;
        }
        if (!LooksLikeYaml(to))
        {
            output.WriteLine($"spec diff: --to {to} is not a spec YAML file (it looks like XML); the standard's XML goes after --from, a spec/ YAML file after --to");
            return 2;
        }
        var parts = args.Values("from").Select(DocbookDocument.Load).ToList();
        if (UidRegistryYaml.IsUidFile(to))
        {
            var part06 = parts.FirstOrDefault(p => p.Document == "PS3.6") ?? throw new InvalidDataException("--from needs part06.xml for a UID file");
            foreach (var line in UidEditionDiff.Compare(part06, to).Lines()) output.WriteLine(line);
            return 0;
        }
        if (Path.GetFileName(to) == "pdus.yaml")
        {
            var diffs = PduImportDiff.Compare(parts, to);
            foreach (var d in diffs) output.WriteLine(d);
            output.WriteLine($"{diffs.Count} difference(s), {diffs.Count(d => !d.Explained)} unexplained");
            return 0;
        }
        output.WriteLine($"spec diff: no comparison for {to} yet (supported: uids.yaml, pdus.yaml)");
        return 2;
    }

    /// <summary><c>dsgtool spec rewind --to 2013 --spec DIR [--editions DIR]</c>: rewrites a copy of spec/ (never the
    /// clone's own) to an older edition by undoing the changelog's rows after it, and lists each row rewritten.</summary>
    private static int Rewind(Args args, TextWriter output)
    {
        var to = args.Value("to");
        var spec = args.Value("spec");
        if (to == null || spec == null)
        {
            output.WriteLine("usage: dsgtool spec rewind --to 2013 --spec COPY-OF-SPEC [--editions tests/reference/editions]");
            return 2;
        }
        // A clone's own spec/ (the folder next to DicomSpecGen.sln) is never rewritten.
        if (Path.GetDirectoryName(Path.GetFullPath(spec).TrimEnd('/', '\\')) is { } parent && File.Exists(Path.Combine(parent, "DicomSpecGen.sln")))
        {
            output.WriteLine($"spec rewind: {spec} is a clone's spec/; rewind a copy");
            return 2;
        }
        var dir = args.Value("editions") ?? Path.Combine(RepoPaths.Root(), "tests", "reference", "editions");
        var all = DicomSpecGen.Tools.Changelog.EditionChangelog.Build(dir, "0000", "9999");
        var rewound = DicomSpecGen.Tools.Changelog.SpecRewind.Apply(spec, DicomSpecGen.Tools.Changelog.SpecRewind.After(all, to));
        foreach (var r in rewound)
        {
            var c = r.Change;
            output.WriteLine($"{c.Part} {(c.Table.StartsWith("Annex") ? "" : "Table ")}{c.Table} {c.What} {c.Key} ({c.Previous} → {c.Edition}, {c.Kind}): "
                + (r.Transcribed ? $"{r.Edits.Count} row(s)" : "not in the YAML's words"));
            foreach (var e in r.Edits)
                output.WriteLine($"  {e.File}:{e.Line}: " + (e.Older == null ? "removed" : $"\"{r.TodayText}\" → \"{r.OlderText}\""));
        }
        output.WriteLine($"{spec}: rewound to {to}: {rewound.Count} change(s), {rewound.Sum(r => r.Edits.Count)} row(s) rewritten");
        return 0;
    }

    /// <summary><c>dsgtool spec changelog --from 2014a --to 2026c [--editions DIR] [--md FILE] [--json FILE]</c>: what
    /// changed edition by edition (Markdown on stdout unless --md/--json are given).</summary>
    private static int Changelog(Args args, TextWriter output)
    {
        var from = args.Value("from");
        var to = args.Value("to");
        if (from == null || to == null)
        {
            output.WriteLine("usage: dsgtool spec changelog --from 2014a --to 2026c [--editions tests/reference/editions] [--md FILE] [--json FILE]");
            return 2;
        }
        var dir = args.Value("editions") ?? Path.Combine(RepoPaths.Root(), "tests", "reference", "editions");
        var changes = DicomSpecGen.Tools.Changelog.EditionChangelog.Build(dir, from, to);
        var md = DicomSpecGen.Tools.Changelog.EditionChangelog.Markdown(changes, from, to);
        if (args.Value("md") is { } mdPath) File.WriteAllText(mdPath, md);
        if (args.Value("json") is { } jsonPath) File.WriteAllText(jsonPath, DicomSpecGen.Tools.Changelog.EditionChangelog.Json(changes));
        if (args.Value("md") == null && args.Value("json") == null) output.Write(md);
        else output.WriteLine($"{changes.Count} change(s), {from} … {to}");
        return 0;
    }

    /// <summary><c>dsgtool spec crosscheck --dic dicom.dic --uids dcuid.h [--spec DIR] [--all]</c>: spec/part06 against
    /// DCMTK's dictionary and UID list. Exit 1 while a difference is unexplained.</summary>
    private static int CrossCheck(Args args, TextWriter output)
    {
        var dic = args.Value("dic");
        var uids = args.Value("uids");
        if (dic == null || uids == null)
        {
            output.WriteLine("usage: dsgtool spec crosscheck --dic dicom.dic --uids dcuid.h [--spec spec] [--all]");
            return 2;
        }
        var specDir = args.Value("spec") ?? Path.Combine(RepoPaths.Root(), "spec");
        var diffs = DcmtkCrossCheck.CompareDictionary(DcmtkCrossCheck.ReadDic(dic), ElementTableDiff.FromDictionaryYaml(Path.Combine(specDir, "part06", "dictionary.yaml")))
            .Concat(DcmtkCrossCheck.CompareUids(DcmtkCrossCheck.ReadUids(uids), UidRegistryYaml.Read(Path.Combine(specDir, "part06", "uids.yaml")).Rows)).ToList();
        foreach (var d in diffs.Where(d => args.Flag("all") || !d.Explained)) output.WriteLine(d);
        var open = diffs.Count(d => !d.Explained);
        output.WriteLine($"DCMTK {Path.GetFileName(dic)}, {Path.GetFileName(uids)} vs {specDir}/part06: {diffs.Count} difference(s), {diffs.Count - open} explained, {open} unexplained");
        return open == 0 ? 0 : 1;
    }

    /// <summary>False for an XML document (its first non-blank character is '&lt;') or a file YAML cannot read.</summary>
    private static bool LooksLikeYaml(string path)
    {
        var text = File.ReadAllText(path);
        if (text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<')) return false;
        try
        {
            new YamlDotNet.RepresentationModel.YamlStream().Load(new StringReader(text));
            return true;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return false;
        }
    }
}
