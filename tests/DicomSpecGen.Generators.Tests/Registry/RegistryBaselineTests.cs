using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Registry;

/// <summary>The registry output for the real spec files against committed baselines. The three small files are
/// kept whole; the two large ones (dictionary, tags: ~1.5 MB) as their first lines plus a SHA-256 of the whole.</summary>
public class RegistryBaselineTests
{
    private static readonly string BaselineDir = Path.Combine(RegistryHarness.RepoRoot, "tests", "DicomSpecGen.Generators.Tests", "Baselines", "Registry");

    private static readonly Lazy<GeneratorDriverRunResult> Output = new(() =>
    {
        var (result, compilation, diagnostics) = RegistryHarness.Run(RegistryHarness.RealSpec());
        Assert.Empty(diagnostics);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        return result;
    });

    private static void Check(string baselineName, string actual)
    {
        var path = Path.Combine(BaselineDir, baselineName);
        if (Environment.GetEnvironmentVariable("DSG_ACCEPT_BASELINES") == "1")
        {
            Directory.CreateDirectory(BaselineDir);
            File.WriteAllText(path, actual);
        }
        Assert.True(File.Exists(path), $"missing baseline {path}; run with DSG_ACCEPT_BASELINES=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string HeadAndHash(string source, int lines)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
        var head = string.Join('\n', source.Split('\n').Take(lines));
        return $"// sha256 of the whole generated file: {hash}\n// total length: {source.Length} characters; first {lines} lines follow\n{head}\n";
    }

    [Theory]
    [InlineData("DicomVr.g.cs")]
    [InlineData("TransferSyntax.g.cs")]
    [InlineData("DicomUids.g.cs")]
    public void Small_outputs_match_their_baselines(string hint) => Check(hint + ".txt", RegistryHarness.Source(Output.Value, hint));

    [Theory]
    [InlineData("DicomDictionary.g.cs", 200)]
    [InlineData("DicomTags.g.cs", 60)]
    public void Large_outputs_match_head_and_hash(string hint, int lines)
        => Check(hint.Replace(".g.cs", ".head.g.cs") + ".txt", HeadAndHash(RegistryHarness.Source(Output.Value, hint), lines));

    [Fact]
    public void Output_compiles_and_every_member_is_documented()
    {
        var result = Output.Value;
        foreach (var source in result.Results.SelectMany(r => r.GeneratedSources))
        {
            var lines = source.SourceText.ToString().Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (!line.StartsWith("public ", StringComparison.Ordinal)) continue;
                Assert.True(i > 0 && lines[i - 1].TrimStart().StartsWith("///", StringComparison.Ordinal), $"{source.HintName}:{i + 1} undocumented: {line}");
            }
        }
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = RegistryHarness.Run(RegistryHarness.RealSpec()).Result.Results.Single().GeneratedSources;
        var second = RegistryHarness.Run(RegistryHarness.RealSpec()).Result.Results.Single().GeneratedSources;
        Assert.Equal(first.Select(s => (s.HintName, s.SourceText.ToString())), second.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Unchanged_dictionary_is_cached_when_only_uids_change()
    {
        var files = RegistryHarness.RealSpec();
        var driver = RegistryHarness.CreateDriver(files).RunGenerators(RegistryHarness.EmptyCompilation());
        var changedUids = new RegistryHarness.Text(files[1].Path, files[1].GetText()!.ToString().Replace("title: Verification SOP Class", "title: Verification SOP Class X"));
        driver = driver.ReplaceAdditionalText(files[1], changedUids).RunGenerators(RegistryHarness.EmptyCompilation());
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.All(steps["RegistryDictionary"].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains(steps["RegistryUids"].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }
}
