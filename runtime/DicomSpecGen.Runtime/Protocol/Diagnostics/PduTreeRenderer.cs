using System.Text;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Protocol.Diagnostics;

/// <summary>Renders a decoded PDU as an indented tree: every field by its spec name, its decoded value and the
/// spec row it comes from (from the generated <c>DescribeFields()</c>), nested items and list elements indented.
/// The one PDU printer: <c>dsg --trace</c> and <c>dsgtool decode</c> both use it.</summary>
public sealed class PduTreeRenderer
{
    private readonly Func<Type, string?> _structureCitation;
    private readonly Func<IPduStructure, string, (string Meaning, string Citation)?> _fieldMeaning;

    /// <param name="structureCitation">The citation of a generated structure type (e.g. from the XML docs), or null.</param>
    /// <param name="fieldMeaning">The meaning and row of a field's value when its table depends on another field
    /// (A-ASSOCIATE-RJ Reason/Diag. by Source), or null; printed on a line of its own under the field.</param>
    public PduTreeRenderer(Func<Type, string?>? structureCitation = null, Func<IPduStructure, string, (string Meaning, string Citation)?>? fieldMeaning = null)
    {
        _structureCitation = structureCitation ?? (_ => null);
        _fieldMeaning = fieldMeaning ?? ((_, _) => null);
    }

    /// <summary>The tree, one line per field, each ending in '\n'. A <paramref name="label"/> (e.g. "&gt;&gt; " for a PDU
    /// sent) starts the first line; the lines under it are indented by its width.</summary>
    public string Render(IPduStructure structure, string? label = null)
    {
        var sb = new StringBuilder();
        Render(sb, structure, 0, label ?? "", new string(' ', label?.Length ?? 0));
        return sb.ToString();
    }

    private void Render(StringBuilder sb, IPduStructure s, int depth, string label, string margin)
    {
        var cite = _structureCitation(s.GetType());
        Line(sb, label, depth, $"{s.Title} ({s.GetEncodedLength()} bytes)", cite);
        Fields(sb, s.DescribeFields(), depth + 1, margin, s);
    }

    private void Fields(StringBuilder sb, IEnumerable<PduFieldValue> fields, int depth, string margin, IPduStructure? owner = null)
    {
        var list = fields.ToList();
        var width = list.Where(f => f.Value is string).Select(f => f.Name.Length).DefaultIfEmpty(0).Max();
        var index = 0;
        foreach (var f in list)
        {
            switch (f.Value)
            {
                case IPduStructure nested:
                    Render(sb, nested, depth + 1, margin, margin);
                    break;
                case IEnumerable<PduFieldValue> element:
                    Line(sb, margin, depth + 1, $"{f.Name}[{index++}]", f.Citation);
                    Fields(sb, element, depth + 2, margin);
                    break;
                default:
                    Line(sb, margin, depth, $"{f.Name.PadRight(width)} = {f.Value}", f.Citation);
                    if (owner != null && _fieldMeaning(owner, f.Name) is { } meaning)
                    {
                        Line(sb, margin, depth, $"{new string(' ', width)}   ({meaning.Meaning})", meaning.Citation);
                    }
                    break;
            }
        }
    }

    private static void Line(StringBuilder sb, string margin, int depth, string text, string? citation)
    {
        var line = margin + new string(' ', depth * 2) + text;
        sb.Append(citation == null ? line : line.PadRight(64 + margin.Length) + "  [" + citation + "]").Append('\n');
    }
}
