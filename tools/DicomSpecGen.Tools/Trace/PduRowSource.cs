using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Pdu;

namespace DicomSpecGen.Tools.Trace;

/// <summary>Rows of pdus.yaml, read with the generator's own parser and validator, each scoped to the
/// generated type that must implement it.</summary>
public static class PduRowSource
{
    public const string FileName = "pdus.yaml";

    public static IEnumerable<TraceRow> Read(string path, string relativePath, List<SpecDiagnostic> diagnostics)
    {
        var spec = PduParser.Parse(relativePath, File.ReadAllText(path));
        diagnostics.AddRange(spec.Diagnostics);
        var file = relativePath;
        foreach (var s in spec.Structures)
        {
            yield return Row($"{file}#{s.Name}", "structure", file, s.Line, s.Source, [s.Name]);
            foreach (var f in s.Fields)
            {
                yield return Row($"{file}#{s.Name}.{f.Name}", "field", file, f.Line, f.Source, [s.Name]);
                foreach (var b in f.Bits)
                {
                    yield return Row($"{file}#{s.Name}.{f.Name}.{b.Name}", "bit", file, f.Line, b.Source, [f.Name]);
                }
            }
        }
        foreach (var e in spec.Enums)
        {
            string[] scope = [e.Name, e.Name + "Info"];
            yield return Row($"{file}#{e.Name}", "enum", file, e.Line, e.Source, scope);
            foreach (var v in e.Values)
            {
                yield return Row($"{file}#{e.Name}.{v.Name}", "enum-value", file, v.Line, v.Source, scope);
            }
        }
    }

    private static TraceRow Row(string id, string kind, string file, int line, Citation c, string[] scope)
        => new(id, kind, file, line, c.Text, c.Edition, scope);
}
