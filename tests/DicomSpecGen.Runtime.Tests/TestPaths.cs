namespace DicomSpecGen.Runtime.Tests;

/// <summary>Locations in the repository, found from the test binary (the folder holding DicomSpecGen.sln).</summary>
internal static class TestPaths
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DicomSpecGen.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Corpus(string area) => Path.Combine(RepoRoot(), "tests", "corpus", area);
}
