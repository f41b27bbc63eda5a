using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Tools.Trace;

/// <summary>Every row of a spec folder: pdus.yaml through the generator's parser, other files generically.</summary>
public static class SpecRows
{
    public static (IReadOnlyList<TraceRow> Rows, IReadOnlyList<SpecDiagnostic> Diagnostics) Load(string specDir)
    {
        var rows = new List<TraceRow>();
        var diagnostics = new List<SpecDiagnostic>();
        foreach (var path in Directory.EnumerateFiles(specDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(specDir, path).Replace('\\', '/');
            rows.AddRange(Path.GetFileName(path) == PduRowSource.FileName
                ? PduRowSource.Read(path, relative, diagnostics)
                : GenericRowSource.Read(path, relative));
        }
        return (rows, diagnostics);
    }
}
