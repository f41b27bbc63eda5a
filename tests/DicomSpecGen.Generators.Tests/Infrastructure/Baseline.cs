namespace DicomSpecGen.Generators.Tests.Infrastructure;

/// <summary>Compares generated sources with committed baseline files under Baselines/&lt;area&gt;/. Set
/// DSG_ACCEPT_BASELINES=1 to rewrite the baselines after reviewing a change (Verify.Xunit does not restore here).</summary>
public static class Baseline
{
    public static bool Accepting => Environment.GetEnvironmentVariable("DSG_ACCEPT_BASELINES") == "1";

    public static string Folder(string area) =>
        Path.Combine(GeneratorHarness.RepoRoot(), "tests", "DicomSpecGen.Generators.Tests", "Baselines", area);

    /// <summary>Asserts that the generated files equal the baselines: same set of files, same text.</summary>
    public static void Verify(string area, IEnumerable<(string HintName, string Text)> generated)
    {
        var folder = Folder(area);
        var files = generated.ToDictionary(g => g.HintName + ".txt", g => g.Text.Replace("\r\n", "\n"));
        if (Accepting)
        {
            Directory.CreateDirectory(folder);
            foreach (var stale in Directory.GetFiles(folder, "*.txt")) File.Delete(stale);
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(folder, name), text);
            return;
        }

        Assert.True(Directory.Exists(folder), $"no baselines in {folder}; run with DSG_ACCEPT_BASELINES=1 to create them");
        var committed = Directory.GetFiles(folder, "*.txt").Select(f => Path.GetFileName(f)!).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(committed, files.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList());
        foreach (var (name, text) in files)
        {
            var expected = File.ReadAllText(Path.Combine(folder, name)).Replace("\r\n", "\n");
            if (expected != text)
            {
                var expectedLines = expected.Split('\n');
                var actualLines = text.Split('\n');
                var line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i]);
                Assert.Fail($"{name} differs from its baseline at line {line + 1}:\n  baseline:  {expectedLines.ElementAtOrDefault(line)}\n  generated: {actualLines.ElementAtOrDefault(line)}\n"
                    + "Review the change, then accept it with DSG_ACCEPT_BASELINES=1 dotnet test.");
            }
        }
    }
}
