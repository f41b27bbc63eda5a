using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace DicomSpecGen.Runtime.Tests.Audit;

/// <summary>Validates audit messages against tests/reference/ps3.15/audit-message.xsd (the hand conversion of the
/// PS3.15 A.5.1.1 RELAX NG schema).</summary>
public static class AuditSchema
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(TestPaths.RepoRoot(), "tests", "reference", "ps3.15", "audit-message.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>The schema's complaints about <paramref name="xml"/>; empty when it is valid.</summary>
    public static List<string> Errors(string xml)
    {
        var errors = new List<string>();
        var document = XDocument.Parse(xml);
        document.Validate(Schemas.Value, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        return errors;
    }
}
