using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>spec/part07 read by the same parser the generator uses.</summary>
internal static class SpecFiles
{
    private static readonly Lazy<DimseSpec> Spec = new(() =>
    {
        var dir = Path.Combine(TestPaths.RepoRoot, "spec", "part07");
        var files = Directory.GetFiles(dir, "*.yaml").Where(DimseSpecParser.IsDimseFile).Select(p => (p, File.ReadAllText(p)));
        var spec = DimseSpecParser.Parse(files);
        Assert.Empty(spec.Diagnostics);
        return spec;
    });

    public static DimseSpec Load() => Spec.Value;
}
