using System.Xml.Linq;
using System.Xml.Schema;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Audit;

/// <summary>The audit message inside a received syslog line, checked against tests/reference/ps3.15/audit-message.xsd
/// (the hand conversion of the PS3.15 A.5.1.1 schema).</summary>
public static class AuditXml
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, Path.Combine(RepoFolders.Root, "tests", "reference", "ps3.15", "audit-message.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>The XML of a syslog line ("&lt;85&gt;1 ... IHE+RFC-3881 - [BOM]&lt;AuditMessage&gt;...").</summary>
    public static XElement Parse(string line)
    {
        var xml = line[line.IndexOf("<AuditMessage>", StringComparison.Ordinal)..];
        var document = XDocument.Parse(xml);
        var errors = new List<string>();
        document.Validate(Schemas.Value, (_, e) => errors.Add(e.Message));
        Assert.True(errors.Count == 0, $"not valid under PS3.15 A.5.1.1: {string.Join("; ", errors)}\n{xml}");
        return document.Root!;
    }

    public static string EventId(XElement message) => message.Element("EventIdentification")!.Element("EventID")!.Attribute("csd-code")!.Value;

    public static string? EventType(XElement message) => message.Element("EventIdentification")!.Element("EventTypeCode")?.Attribute("csd-code")!.Value;

    public static string Outcome(XElement message) => message.Element("EventIdentification")!.Attribute("EventOutcomeIndicator")!.Value;

    public static IEnumerable<string> ObjectIds(XElement message)
        => message.Elements("ParticipantObjectIdentification").Select(o => o.Attribute("ParticipantObjectID")!.Value);

    /// <summary>The RoleIDCode of each ActiveParticipant, "(none)" where it has none.</summary>
    public static IEnumerable<string> Roles(XElement message)
        => message.Elements("ActiveParticipant").Select(p => p.Element("RoleIDCode")?.Attribute("csd-code")!.Value ?? "(none)");

    /// <summary>The RFC 5424 PROCID of a syslog line (the sending process).</summary>
    public static int ProcId(string line) => int.Parse(line.Split(' ')[4], System.Globalization.CultureInfo.InvariantCulture);
}
