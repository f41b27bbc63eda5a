extern alias gen;
using System.Text;
using System.Text.RegularExpressions;
using DicomSpecGen.Tools.Changelog;
using DicomSpecGen.Tools.Import;
using DicomSpecGen.Tools.Trace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace DicomSpecGen.Tools.Tests.Regenerate;

/// <summary>The regenerate flow end to end (docs/regenerating.md): spec/ rewound to an older edition (the changelog's
/// rows after it undone, checked by the importer against that edition's XML) and today's spec/ are both run through
/// the four generators in memory; the generated sources and the trace tool's row sets of the two trees differ by
/// exactly the changelog's rows. "Differ" is a line diff of each generated file (and of trace rows by id, kind,
/// citation, scope and member) with edition marks ("(2026c)", "2026c") masked, since a rewound row keeps citing its
/// edition; every hunk must be the older words of some changelog rows turned into today's (or, for a row a later
/// edition added, that row's generated lines), and every changelog row the YAML transcribes must account for at
/// least one hunk and one trace row.</summary>
public partial class RegenerateFlowTests(ITestOutputHelper log)
{
    private static readonly Lazy<IReadOnlyList<EditionChange>> AllChanges = new(() => EditionChangelog.Build(TestPaths.EditionsDir, "0000", "9999"));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> TodaysCode = new(() => Generate(TestPaths.SpecDir));

    [GeneratedRegex(@"(?<=[(""])\d{4}[a-e]?(?=[)""])")]
    private static partial Regex EditionMark();

    [GeneratedRegex(@"name: (\w+)")]
    private static partial Regex YamlName();

    [GeneratedRegex(@"source: ""([^""]+)""")]
    private static partial Regex YamlSource();

    /// <summary>Changelog rows whose changed words the YAML does not hold, and why; they must change nothing.</summary>
    private static readonly Dictionary<string, string> NotTranscribed = new()
    {
        // pdus.yaml describes the role values in its own words ("0 rejection, 1 acceptance"), not the table's sentences.
        ["PS3.7 D.3-10 scp-role: 0"] = "paraphrased", ["PS3.7 D.3-10 scp-role: 1"] = "paraphrased",
        ["PS3.7 D.3-10 scu-role: 0"] = "paraphrased", ["PS3.7 D.3-10 scu-role: 1"] = "paraphrased",
        // "Nest state is Sta13" → "Next state is Sta13": the YAML holds the next state as `next: [Sta13]` in both.
        ["PS3.8 9-9 AA-8"] = "typo in the part the YAML models as next:",
        // 2017e's Status Class convention: statuses.yaml keeps the 2013 rows, each with a note: on why.
        ["PS3.7 Annex C Warning"] = "kept with a note", ["PS3.7 Annex C Failure"] = "kept with a note",
        ["PS3.7 Annex C Annex C assigned Warning and Failure"] = "kept with a note",
    };

    [Theory]
    [InlineData("2013", 12)]
    [InlineData("2018a", 8)] // PS3.7 2018b's JWT User-Identity-Type and everything after it
    [InlineData("2024c", 1)] // PS3.7 2026c's "Attribute List warning" only
    public void Spec_rewound_to_an_older_edition_generates_code_and_trace_rows_that_differ_from_todays_by_exactly_the_changelog(string edition, int expectedChanges)
    {
        var changes = SpecRewind.After(AllChanges.Value, edition);
        Assert.Equal(expectedChanges, changes.Count);
        using var older = TestPaths.CopySpec();
        var rewound = SpecRewind.Apply(older.Dir, changes);

        // The older tree is an import of the older edition: the importer finds no unexplained difference against its XML.
        Timed("import", () => AssertImports(older.Dir, edition));

        foreach (var r in rewound)
        {
            var key = $"{r.Change.Part} {r.Change.Table} {r.Change.Key}";
            Assert.True(r.Transcribed != NotTranscribed.ContainsKey(key),
                $"{key}: {(r.Transcribed ? "rewritten, but listed as not transcribed" : "no YAML row holds \"" + r.TodayText + "\" and it is not listed as not transcribed")}");
        }
        var problems = Problems(older.Dir, rewound, out var hunks);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(rewound.Count(r => r.Transcribed), rewound.Count(r => hunks.Any(h => Explains(r, h.Removed, h.Added))));
    }

    [Fact]
    public void A_generated_difference_no_changelog_row_explains_is_reported()
    {
        using var older = TestPaths.CopySpec();
        var rewound = SpecRewind.Apply(older.Dir, SpecRewind.After(AllChanges.Value, "2018a"));
        // A word changed by hand, in no changelog row: the status row table and lookup now differ.
        older.Edit("part07/statuses.yaml", "meaning: \"No Such SOP Class\"", "meaning: \"No Such SOP Class (edited)\"");
        var problems = Problems(older.Dir, rewound, out _);
        Assert.Contains(problems, p => p.StartsWith("generated DimseGenerator/Dimse.Status.g.cs", StringComparison.Ordinal) && p.Contains("No Such SOP Class (edited)", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("trace row", StringComparison.Ordinal)); // the citations did not change
    }

    [Fact]
    public void A_changelog_row_left_out_leaves_its_generated_difference_unexplained()
    {
        using var older = TestPaths.CopySpec();
        var rewound = SpecRewind.Apply(older.Dir, SpecRewind.After(AllChanges.Value, "2018a"));
        var withoutJwt = rewound.Where(r => r.Change.Table != "D.3-14").ToList();
        Assert.Equal(rewound.Count - 1, withoutJwt.Count);
        var problems = Problems(older.Dir, withoutJwt, out _);
        Assert.Contains(problems, p => p.StartsWith("generated PduGenerator/Pdu.Enums.g.cs", StringComparison.Ordinal) && p.Contains("JsonWebToken", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("trace row", StringComparison.Ordinal) && p.Contains("UserIdentityType.JsonWebToken", StringComparison.Ordinal));
    }

    [Fact]
    public void Spec_rewind_rewrites_a_copy_and_refuses_the_clones_own_spec()
    {
        using var older = TestPaths.CopySpec();
        var output = new StringWriter();
        Assert.Equal(0, DicomSpecGen.Tools.Editions.SpecDiffCommand.Run(new Args(["rewind", "--to", "2018a", "--spec", older.Dir, "--editions", TestPaths.EditionsDir]), output));
        Assert.Matches(@"part08/pdus\.yaml:\d+: removed", output.ToString());
        Assert.Contains(": rewound to 2018a: 8 change(s), 4 row(s) rewritten", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("JsonWebToken", File.ReadAllText(older.Pdus), StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(2, DicomSpecGen.Tools.Editions.SpecDiffCommand.Run(new Args(["rewind", "--to", "2018a", "--spec", TestPaths.SpecDir, "--editions", TestPaths.EditionsDir]), refused));
        Assert.Contains("rewind a copy", refused.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Everything in the generated code and the trace rows of the older tree vs today's that the rewound
    /// changelog rows do not account for, and every transcribed row that accounts for nothing.</summary>
    private List<string> Problems(string olderDir, IReadOnlyList<RewoundChange> rewound, out List<Hunk> hunks)
    {
        var older = Timed("generate the older tree", () => Generate(olderDir));
        var today = Timed("generate today's tree", () => TodaysCode.Value);
        var found = Timed("diff", () => Diff(older, today));
        hunks = found;
        var traceDiffs = Timed("trace rows", () => TraceDiff(olderDir));
        foreach (var h in found) log.WriteLine($"{h.File}:\n  - {string.Join("\n  - ", h.Removed)}\n  + {string.Join("\n  + ", h.Added)}");
        foreach (var d in traceDiffs) log.WriteLine($"trace: {d.Older ?? "(none)"} → {d.Today ?? "(none)"}");
        var problems = new List<string>();
        foreach (var h in found)
        {
            var by = rewound.Where(r => Explains(r, h.Removed, h.Added)).ToList();
            if (by.Count == 0 || !Accounts(by, h.Removed, h.Added))
                problems.Add($"generated {h.File}: no changelog row accounts for\n  - {string.Join("\n  - ", h.Removed)}\n  + {string.Join("\n  + ", h.Added)}");
        }
        foreach (var (was, now) in traceDiffs)
        {
            var removed = was == null ? new List<string>() : [was];
            var added = now == null ? new List<string>() : [now];
            var by = rewound.Where(r => Explains(r, removed, added)).ToList();
            if (by.Count == 0 || !Accounts(by, removed, added))
                problems.Add($"trace row: no changelog row accounts for {was ?? "(none)"} → {now ?? "(none)"}");
        }
        foreach (var r in rewound)
        {
            var code = found.Count(h => Explains(r, h.Removed, h.Added));
            var trace = traceDiffs.Count(d => Explains(r, d.Older == null ? [] : [d.Older], d.Today == null ? [] : [d.Today]));
            if (r.Transcribed && (code == 0 || trace == 0))
                problems.Add($"{r.Change.Part} {r.Change.Table} {r.Change.Key}: rewritten in the YAML but {code} generated hunk(s), {trace} trace row(s) differ");
            if (!r.Transcribed && code + trace > 0)
                problems.Add($"{r.Change.Part} {r.Change.Table} {r.Change.Key}: not in the YAML, yet {code} generated hunk(s), {trace} trace row(s) name it");
        }
        return problems;
    }

    private T Timed<T>(string what, Func<T> f)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = f();
        log.WriteLine($"{what}: {clock.ElapsedMilliseconds} ms");
        return result;
    }

    private void Timed(string what, Action f) => Timed(what, () => { f(); return 0; });

    private static void AssertImports(string specDir, string edition)
    {
        var part08 = TestPaths.Edition($"part08-{edition}.xml");
        var part07 = TestPaths.Edition($"part07-{edition}.xml");
        foreach (var args in new[] { new[] { "pdus", "--xml", part08, part07, "--spec", specDir }, ["dul", "--xml", part08, "--spec", specDir], ["elements", "--xml", part07, "--spec", specDir],
                     ["messages", "--xml", part07, "--spec", specDir], ["statuses", "--xml", part07, "--spec", specDir] })
        {
            var output = new StringWriter();
            Assert.True(ImportCommand.Run(new Args(args), output) == 0, $"import {args[0]} of the {edition} tree against {edition}:\n{output}");
        }
    }

    /// <summary>A hunk is a changelog row's when its older lines hold the row's older words and its lines today hold
    /// today's words; for a row a later edition added, when today's lines name the row (its YAML name or citation).</summary>
    private static bool Explains(RewoundChange r, IReadOnlyList<string> removed, IReadOnlyList<string> added)
    {
        if (!r.Transcribed) return added.Concat(removed).Any(l => l.Contains(r.TodayText, StringComparison.Ordinal) && r.TodayText.Length > 0);
        if (r.OlderText != null)
            return removed.Any(l => l.Contains(r.OlderText, StringComparison.Ordinal)) && added.Any(l => l.Contains(r.TodayText, StringComparison.Ordinal));
        return added.Any(l => Names(r).Any(n => l.Contains(n, StringComparison.Ordinal)));
    }

    /// <summary>The rows account for the whole hunk: the older lines with the older words turned into today's, plus the
    /// lines of the rows added since, are today's lines.</summary>
    private static bool Accounts(IReadOnlyList<RewoundChange> by, IReadOnlyList<string> removed, IReadOnlyList<string> added)
    {
        var changed = by.Where(r => r.OlderText != null).ToList();
        var now = removed.Select(l => changed.Aggregate(l, (s, r) => s.Replace(r.OlderText!, r.TodayText, StringComparison.Ordinal))).ToList();
        var addedRows = by.Where(r => r.OlderText == null).ToList();
        var rest = added.ToList();
        if (addedRows.Count > 0)
        {
            // An added row's lines: the member naming it, with its doc comment (the lines above it up to the previous member).
            var keep = new List<string>();
            var pending = new List<string>();
            foreach (var l in rest)
            {
                pending.Add(l);
                if (l.TrimStart().StartsWith("///", StringComparison.Ordinal) || l.TrimStart().StartsWith('[')) continue;
                if (!addedRows.Any(r => Names(r).Any(n => l.Contains(n, StringComparison.Ordinal)))) keep.AddRange(pending);
                pending.Clear();
            }
            keep.AddRange(pending);
            rest = keep;
        }
        return now.SequenceEqual(rest);
    }

    private static IEnumerable<string> Names(RewoundChange r) => r.Edits
        .SelectMany(e => new[] { YamlName().Match(e.Today), YamlSource().Match(e.Today) })
        .Where(m => m.Success).Select(m => m.Groups[1].Value);

    /// <summary>Every generated source of the four generators over one spec tree, by generator and hint name, with
    /// edition marks masked.</summary>
    private static IReadOnlyDictionary<string, string> Generate(string specDir)
    {
        var files = Directory.EnumerateFiles(specDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => (AdditionalText)new YamlText(f.Replace('\\', '/'), File.ReadAllText(f))).ToArray();
        IIncrementalGenerator[] generators = [new gen::DicomSpecGen.Generators.Pdu.PduGenerator(), new gen::DicomSpecGen.Generators.Dul.DulGenerator(),
            new gen::DicomSpecGen.Generators.Dimse.DimseGenerator(), new gen::DicomSpecGen.Generators.Registry.RegistryGenerator()];
        var compilation = CSharpCompilation.Create("Regenerate", [], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(generators.Select(g => g.AsSourceGenerator()), additionalTexts: files).RunGenerators(compilation);
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in driver.GetRunResult().Results)
        {
            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, $"{specDir}: {string.Join("\n", errors)}");
            foreach (var s in result.GeneratedSources)
                sources[result.Generator.GetGeneratorType().Name + "/" + s.HintName] = EditionMark().Replace(s.SourceText.ToString(), "EDITION");
        }
        Assert.NotEmpty(sources);
        return sources;
    }

    private sealed class YamlText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    private sealed record Hunk(string File, IReadOnlyList<string> Removed, IReadOnlyList<string> Added);

    /// <summary>Line hunks between the generated files of two trees (a file in one tree only is one hunk).</summary>
    private static List<Hunk> Diff(IReadOnlyDictionary<string, string> older, IReadOnlyDictionary<string, string> today)
    {
        var hunks = new List<Hunk>();
        foreach (var file in older.Keys.Union(today.Keys).Order(StringComparer.Ordinal))
        {
            var a = older.TryGetValue(file, out var o) ? o.Split('\n') : [];
            var b = today.TryGetValue(file, out var t) ? t.Split('\n') : [];
            hunks.AddRange(LineDiff(a, b).Select(h => new Hunk(file, h.Removed, h.Added)));
        }
        return hunks;
    }

    /// <summary>A longest-common-subsequence line diff of the part between the common head and tail.</summary>
    private static List<(List<string> Removed, List<string> Added)> LineDiff(string[] a, string[] b)
    {
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head]) head++;
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)]) tail++;
        var x = a[head..(a.Length - tail)];
        var y = b[head..(b.Length - tail)];
        Assert.True((long)x.Length * y.Length < 20_000_000, $"diff too large: {x.Length} × {y.Length} lines");
        var lcs = new int[x.Length + 1, y.Length + 1];
        for (var i = x.Length - 1; i >= 0; i--)
            for (var j = y.Length - 1; j >= 0; j--)
                lcs[i, j] = x[i] == y[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var hunks = new List<(List<string>, List<string>)>();
        List<string> removed = [], added = [];
        void Flush()
        {
            if (removed.Count + added.Count > 0) hunks.Add((removed, added));
            (removed, added) = ([], []);
        }
        int p = 0, q = 0;
        while (p < x.Length || q < y.Length)
        {
            if (p < x.Length && q < y.Length && x[p] == y[q]) { Flush(); p++; q++; }
            else if (q < y.Length && (p == x.Length || lcs[p, q + 1] >= lcs[p + 1, q])) added.Add(y[q++]);
            else removed.Add(x[p++]);
        }
        Flush();
        return hunks;
    }

    /// <summary>The trace rows (SpecRows, as <c>dsgtool trace</c> lists them) that differ between the older tree and
    /// today's, by id; a row is compared by kind, citation, scope and member (not by line or edition).</summary>
    private static List<(string? Older, string? Today)> TraceDiff(string olderDir)
    {
        static Dictionary<string, string> Rows(string dir)
        {
            var (rows, diagnostics) = SpecRows.Load(dir);
            Assert.Empty(diagnostics);
            return rows.ToDictionary(r => r.Id, r => $"{r.Id} | {r.Kind} | {r.Citation} | {string.Join(",", r.Scope)} | {r.Member}");
        }
        var older = Rows(olderDir);
        var today = Rows(TestPaths.SpecDir);
        return older.Keys.Union(today.Keys).Order(StringComparer.Ordinal)
            .Select(id => (Older: older.GetValueOrDefault(id), Today: today.GetValueOrDefault(id)))
            .Where(d => d.Older != d.Today).ToList();
    }
}
