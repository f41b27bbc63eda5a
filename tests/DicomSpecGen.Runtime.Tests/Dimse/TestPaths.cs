namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Finds the repository (for spec/) and its reference facts (tests/reference, TSV files).</summary>
internal static class TestPaths
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) return dir.FullName;
            }
            throw new InvalidOperationException("repository root (DicomSpecGen.sln) not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The reference facts (TSV files): DSG_REFERENCE_DIR, else tests/reference of this clone.</summary>
    public static string ReferenceDir =>
        Environment.GetEnvironmentVariable("DSG_REFERENCE_DIR") is { Length: > 0 } env ? env : Path.Combine(RepoRoot, "tests", "reference");

    /// <summary>Rows of a reference TSV as column-name → value maps.</summary>
    public static List<Dictionary<string, string>> ReadTsv(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(ReferenceDir, name)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split('\t');
        return lines.Skip(1).Select(l =>
        {
            var cells = l.Split('\t');
            return header.Select((h, i) => (h, v: i < cells.Length ? cells[i] : "")).ToDictionary(x => x.h, x => x.v);
        }).ToList();
    }
}
