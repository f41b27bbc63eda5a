namespace DicomSpecGen.Tools.Trace;

/// <summary><c>dsgtool trace [--spec DIR] [--tests A.dll ...] [--only GLOB ...] [--md FILE] [--json FILE] [--check]</c>
/// and <c>dsgtool trace diff OLD.json NEW.json</c>.</summary>
public static class TraceCommand
{
    public static int Run(Args args, TextWriter output)
    {
        if (args.Positional.Count > 0 && args.Positional[0] == "diff")
        {
            if (args.Positional.Count != 3) { output.WriteLine("usage: dsgtool trace diff OLD.json NEW.json"); return 2; }
            var lines = TraceDiff.Compare(TraceWriters.ReadJson(File.ReadAllText(args.Positional[1])),
                TraceWriters.ReadJson(File.ReadAllText(args.Positional[2])));
            foreach (var l in lines) output.WriteLine(l);
            output.WriteLine($"{lines.Count} change(s)");
            return 0;
        }

        // --spec may be a copy outside the repository; the runtime and tests are still this repository's builds.
        var specDir = args.Value("spec") ?? Path.Combine(RepoPaths.Root(), "spec");
        var testPaths = args.Values("tests").Count > 0 ? args.Values("tests") : RepoPaths.TestAssemblies(RepoPaths.Root());
        var report = Build(specDir, testPaths, args.Values("only"));

        if (args.Value("md") is { } md) File.WriteAllText(md, TraceWriters.Markdown(report));
        if (args.Value("json") is { } json) File.WriteAllText(json, TraceWriters.Json(report));
        if (args.Value("md") == null && args.Value("json") == null) output.Write(TraceWriters.Markdown(report));

        var problems = report.Problems().ToList();
        var linked = report.Rows.Count(r => r.HasSymbol && r.HasTest);
        var percent = report.Rows.Count == 0 ? 100.0 : Math.Floor(1000.0 * linked / report.Rows.Count) / 10; // never rounds up to 100
        output.WriteLine($"trace: {report.Rows.Count} rows, {percent.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)}% linked to a symbol and a test, {report.WithoutSymbol.Count()} without symbol, {report.WithoutTest.Count()} without test, " +
                         $"{report.UnbackedSymbols.Count} unbacked symbol(s), {report.DanglingDeclarations.Count} dangling declaration(s); test assemblies: {string.Join(", ", testPaths.Select(Path.GetFileName))}");
        if (!args.Flag("check")) return 0;
        foreach (var p in problems) output.WriteLine("FAIL " + p);
        return problems.Count == 0 ? 0 : 1;
    }

    /// <param name="only">Spec file paths relative to the spec folder (a trailing * matches a prefix); empty: all.</param>
    public static TraceReport Build(string specDir, IReadOnlyList<string> testAssemblies, IReadOnlyList<string> only)
    {
        var symbols = SymbolIndex.FromRuntime();
        var (rows, diagnostics) = SpecRows.Load(specDir);
        var tests = TestIndex.Read(testAssemblies);
        return TraceBuilder.Build(rows, r => only.Count == 0 || only.Any(o => Matches(o, r.File)), symbols, tests, diagnostics);
    }

    private static bool Matches(string pattern, string file)
    {
        pattern = pattern.Replace('\\', '/');
        if (pattern.StartsWith("spec/", StringComparison.Ordinal)) pattern = pattern[5..];
        return pattern.EndsWith('*') ? file.StartsWith(pattern[..^1], StringComparison.Ordinal) : file == pattern;
    }
}
