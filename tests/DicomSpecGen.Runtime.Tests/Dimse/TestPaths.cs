namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Finds the repository (for spec/) and the shared reference facts (TSV files).</summary>
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

    /// <summary>shared/reference: DSG_REFERENCE_DIR, or a shared/reference folder beside or above the repository.</summary>
    public static string ReferenceDir
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("DSG_REFERENCE_DIR");
            if (!string.IsNullOrEmpty(env)) return env;
            for (var dir = new DirectoryInfo(RepoRoot); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "reference");
                if (File.Exists(Path.Combine(candidate, "statuses.tsv"))) return candidate;
            }
            throw new InvalidOperationException("shared/reference (statuses.tsv) not found; set DSG_REFERENCE_DIR");
        }
    }

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
