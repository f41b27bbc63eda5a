using System.Text;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Tools.WireTrace;

/// <summary>Renders a decoded PDU as an indented tree: every field by its spec name, its decoded value and the
/// spec row it comes from (from the generated <c>DescribeFields()</c>), nested items and list elements indented.</summary>
public sealed class PduTreeRenderer
{
    private readonly Func<Type, string?> _structureCitation;
    private readonly QualifiedValues? _qualified;

    /// <param name="structureCitation">The citation of a generated structure type (e.g. from the XML docs), or null.</param>
    /// <param name="qualified">Meanings of values qualified by another field (RJ Reason by Source), or null.</param>
    public PduTreeRenderer(Func<Type, string?>? structureCitation = null, QualifiedValues? qualified = null)
    {
        _structureCitation = structureCitation ?? (_ => null);
        _qualified = qualified;
    }

    public string Render(IPduStructure structure)
    {
        var sb = new StringBuilder();
        Render(sb, structure, 0);
        return sb.ToString();
    }

    private void Render(StringBuilder sb, IPduStructure s, int depth)
    {
        var cite = _structureCitation(s.GetType());
        Line(sb, depth, $"{s.Title} ({s.GetEncodedLength()} bytes)", cite);
        Fields(sb, s.DescribeFields(), depth + 1, s);
    }

    private void Fields(StringBuilder sb, IEnumerable<PduFieldValue> fields, int depth, IPduStructure? owner = null)
    {
        var list = fields.ToList();
        var width = list.Where(f => f.Value is string).Select(f => f.Name.Length).DefaultIfEmpty(0).Max();
        var index = 0;
        foreach (var f in list)
        {
            switch (f.Value)
            {
                case IPduStructure nested:
                    Render(sb, nested, depth + 1);
                    break;
                case IEnumerable<PduFieldValue> element:
                    Line(sb, depth + 1, $"{f.Name}[{index++}]", f.Citation);
                    Fields(sb, element, depth + 2);
                    break;
                default:
                    Line(sb, depth, $"{f.Name.PadRight(width)} = {f.Value}", f.Citation);
                    if (owner != null && _qualified?.Describe(owner, f.Name) is { } meaning)
                    {
                        Line(sb, depth, $"{new string(' ', width)}   ({meaning.Meaning})", meaning.Citation);
                    }
                    break;
            }
        }
    }

    private static void Line(StringBuilder sb, int depth, string text, string? citation)
    {
        var line = new string(' ', depth * 2) + text;
        sb.Append(citation == null ? line : line.PadRight(64) + "  [" + citation + "]").Append('\n');
    }
}
