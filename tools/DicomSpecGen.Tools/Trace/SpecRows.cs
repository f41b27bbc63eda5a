using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Tools.Trace;

/// <summary>Every row of a spec folder, each file read by its area's parser; files of areas without one, generically.</summary>
public static class SpecRows
{
    public static (IReadOnlyList<TraceRow> Rows, IReadOnlyList<SpecDiagnostic> Diagnostics) Load(string specDir)
    {
        var rows = new List<TraceRow>();
        var diagnostics = new List<SpecDiagnostic>();
        rows.AddRange(AreaRowSources.Dul(specDir, diagnostics));
        rows.AddRange(AreaRowSources.Dimse(specDir, diagnostics));
        rows.AddRange(AreaRowSources.Registry(specDir, diagnostics));
        var read = rows.Select(r => r.File).ToHashSet();
        foreach (var path in Directory.EnumerateFiles(specDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(specDir, path).Replace('\\', '/');
            if (Path.GetFileName(path) == PduRowSource.FileName) rows.AddRange(PduRowSource.Read(path, relative, diagnostics));
            else if (!read.Contains(relative)) rows.AddRange(GenericRowSource.Read(path, relative)); // an area without a loader here
        }
        return (rows, diagnostics);
    }
}
