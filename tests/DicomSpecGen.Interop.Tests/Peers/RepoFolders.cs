namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Folders of the clone the tests were built in: everything the tests need lives inside it
/// (tests/peers/vendor for pynetdicom, tests/reference for the reference facts), so a fresh clone is enough.</summary>
public static class RepoFolders
{
    private static readonly Lazy<string> RootFolder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("repository root (the folder holding DicomSpecGen.sln) not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The folder holding DicomSpecGen.sln.</summary>
    public static string Root => RootFolder.Value;

    /// <summary>The vendored pynetdicom (its folder goes on PYTHONPATH; the package is its pynetdicom/ subfolder).</summary>
    public static string PynetdicomVendor => Path.Combine(Root, "tests", "peers", "vendor", "pynetdicom-2.0.2");

    /// <summary>The test script that installs the peers and runs every test.</summary>
    public static string RunAllScript => Path.Combine(Root, "tests", "run-all.sh");

    /// <summary>Reference facts: DSG_REFERENCE_DIR, else tests/reference of this clone.</summary>
    public static string ReferenceDir =>
        Environment.GetEnvironmentVariable("DSG_REFERENCE_DIR") is { Length: > 0 } env ? env : Path.Combine(Root, "tests", "reference");
}
