namespace DicomSpecGen.Generators.Tests.Dul;

/// <summary>The generated DUL code against the committed baselines (Baselines/Dul/*.g.cs.txt).
/// DSG_ACCEPT_BASELINES=1 rewrites them; review the difference before committing.</summary>
public sealed class DulBaselineTests
{
    [Fact]
    public void Generated_dul_code_matches_the_baselines()
    {
        // With pdus.yaml, as in the runtime's build, so DulPduKinds has a baseline too.
        var (result, _) = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFilesWithPdus());
        var dir = Path.Combine(DulGeneratorHarness.RepoRoot, "tests", "DicomSpecGen.Generators.Tests", "Baselines", "Dul");
        var accept = Environment.GetEnvironmentVariable("DSG_ACCEPT_BASELINES") == "1";
        if (accept) Directory.CreateDirectory(dir);

        var expectedFiles = new List<string>();
        foreach (var source in result.GeneratedSources)
        {
            var name = source.HintName["Dul.".Length..] + ".txt";
            expectedFiles.Add(name);
            var path = Path.Combine(dir, name);
            var text = source.SourceText.ToString();
            if (accept) File.WriteAllText(path, text);
            Assert.True(File.Exists(path), $"missing baseline {path}; run with DSG_ACCEPT_BASELINES=1");
            Assert.Equal(File.ReadAllText(path), text);
        }
        Assert.Equal(expectedFiles.OrderBy(n => n, StringComparer.Ordinal), Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Output_is_deterministic()
    {
        var first = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFilesWithPdus()).Result.GeneratedSources.Select(s => s.SourceText.ToString());
        var second = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFilesWithPdus()).Result.GeneratedSources.Select(s => s.SourceText.ToString());
        Assert.Equal(first, second);
    }
}
