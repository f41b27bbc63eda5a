using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Spec.Pdu;

namespace DicomSpecGen.Tools.WireTrace;

/// <summary>Meanings of fields whose value table depends on another field (A-ASSOCIATE-RJ Reason/Diag. by Source),
/// read from pdus.yaml: a value table with <c>qualifiedBy:</c> applies to the field citing the same row, in a
/// structure that also has a field of the qualifying table. Values are read from the generated properties.</summary>
public sealed class QualifiedValues
{
    private readonly Dictionary<(string Structure, string Field), (string QualifierField, EnumSpec Table)> _fields = new();

    public QualifiedValues(PduSpec spec)
    {
        foreach (var table in spec.Enums.Where(e => e.QualifiedBy != null))
        {
            foreach (var s in spec.Structures)
            {
                var field = s.Fields.FirstOrDefault(f => f.Source.Text == table.Source.Text && f.Enum == null);
                var qualifier = s.Fields.FirstOrDefault(f => f.Enum == table.QualifiedBy);
                if (field != null && qualifier != null) _fields[(s.Name, field.Name)] = (qualifier.Name, table);
            }
        }
    }

    public static QualifiedValues Load(string pdusYaml) => new(PduParser.Parse(pdusYaml, File.ReadAllText(pdusYaml)));

    /// <summary>"meaning [value row citation]" for a qualified field of a structure, or null.</summary>
    public (string Meaning, string Citation)? Describe(IPduStructure structure, string field)
    {
        if (!_fields.TryGetValue((structure.GetType().Name, field), out var q)) return null;
        var value = Convert.ToInt64(structure.GetType().GetProperty(field)?.GetValue(structure));
        var qualifier = Convert.ToInt64(structure.GetType().GetProperty(q.QualifierField)?.GetValue(structure));
        var row = q.Table.Values.FirstOrDefault(v => v.Value == value && v.Qualifier == qualifier);
        return row == null ? ($"not defined for {q.QualifierField} {qualifier}", q.Table.Source.ToString()) : (row.Meaning, row.Source.ToString());
    }
}
