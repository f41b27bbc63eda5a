namespace DicomSpecGen.Tools;

/// <summary>Finds the repository (the folder holding DicomSpecGen.sln) and its conventional paths.</summary>
public static class RepoPaths
{
    public static string Root(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory()); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) return dir.FullName;
        }
        // Fall back to the tool's own location (dotnet run from elsewhere).
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("DicomSpecGen.sln not found above the current directory; pass --spec");
    }

    /// <summary>The built test assemblies under tests/ (tests/X/bin/*/net10.0/X.dll), newest build of each.</summary>
    public static IReadOnlyList<string> TestAssemblies(string root)
    {
        var result = new List<string>();
        var tests = Path.Combine(root, "tests");
        if (!Directory.Exists(tests)) return result;
        foreach (var project in Directory.EnumerateDirectories(tests).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(project);
            var bin = Path.Combine(project, "bin");
            if (!Directory.Exists(bin)) continue;
            var dll = Directory.EnumerateFiles(bin, name + ".dll", SearchOption.AllDirectories)
                .Where(p => !p.Contains(Path.DirectorySeparatorChar + "ref" + Path.DirectorySeparatorChar))
                .OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault();
            if (dll != null) result.Add(dll);
        }
        return result;
    }
}
