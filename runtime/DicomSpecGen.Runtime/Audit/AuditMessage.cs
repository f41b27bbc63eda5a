using System.Text;
using System.Xml;

namespace DicomSpecGen.Audit;

/// <summary>An ActiveParticipant (PS3.15 A.5.1.1 ActiveParticipantContents; A.5.2.1-A.5.2.3 for the identifiers).</summary>
public sealed record AuditParticipant(string UserId, bool IsRequestor, AuditCode? Role = null, string? AlternativeUserId = null, string? UserName = null,
    string? NetworkAccessPointId = null, string? NetworkAccessPointTypeCode = null);

/// <summary>A ParticipantObjectIdentification (PS3.15 A.5.1.1 ParticipantObjectIdentificationContents).</summary>
public sealed record AuditObject(string Id, AuditCode IdTypeCode, string? TypeCode, string? TypeCodeRole, string? Name = null, byte[]? Query = null,
    IReadOnlyList<(string Type, byte[] Value)>? Details = null, IReadOnlyList<(string SopClassUid, int Count)>? SopClasses = null);

/// <summary>One audit message (PS3.15 A.5.1.1 "message"), written as the schema's XML by <see cref="ToXml"/>.</summary>
public sealed record AuditMessage(AuditEventKind Kind, string Action, DateTimeOffset When, string Outcome, AuditCode? TypeCode,
    IReadOnlyList<AuditParticipant> Participants, string AuditSourceId, string AuditSourceTypeCode, IReadOnlyList<AuditObject> Objects,
    string? OutcomeDescription = null)
{
    /// <summary>The message as one line of XML (no declaration, no indentation: a syslog MSG or a line of the file sink).</summary>
    /// <remarks>PS3.15 A.5.1.1: element order of AuditMessage, EventIdentification, ActiveParticipant, ParticipantObjectIdentification.</remarks>
    public string ToXml()
    {
        var text = new StringBuilder();
        using (var w = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false }))
        {
            w.WriteStartElement("AuditMessage");
            w.WriteStartElement("EventIdentification");
            w.WriteAttributeString("EventActionCode", Action);
            w.WriteAttributeString("EventDateTime", When.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteAttributeString("EventOutcomeIndicator", Outcome);
            Code(w, "EventID", Kind.Id);
            if (TypeCode != null) Code(w, "EventTypeCode", TypeCode);
            if (OutcomeDescription != null) w.WriteElementString("EventOutcomeDescription", OutcomeDescription);
            w.WriteEndElement();
            foreach (var p in Participants)
            {
                w.WriteStartElement("ActiveParticipant");
                w.WriteAttributeString("UserID", p.UserId);
                if (p.AlternativeUserId != null) w.WriteAttributeString("AlternativeUserID", p.AlternativeUserId);
                if (p.UserName != null) w.WriteAttributeString("UserName", p.UserName);
                w.WriteAttributeString("UserIsRequestor", p.IsRequestor ? "true" : "false");
                if (p.NetworkAccessPointId != null && p.NetworkAccessPointTypeCode != null)
                {
                    w.WriteAttributeString("NetworkAccessPointID", p.NetworkAccessPointId);
                    w.WriteAttributeString("NetworkAccessPointTypeCode", p.NetworkAccessPointTypeCode);
                }
                if (p.Role != null) Code(w, "RoleIDCode", p.Role);
                w.WriteEndElement();
            }
            w.WriteStartElement("AuditSourceIdentification");
            w.WriteAttributeString("AuditSourceID", AuditSourceId);
            w.WriteStartElement("AuditSourceTypeCode");
            w.WriteAttributeString("csd-code", AuditSourceTypeCode);
            w.WriteEndElement();
            w.WriteEndElement();
            foreach (var o in Objects)
            {
                w.WriteStartElement("ParticipantObjectIdentification");
                w.WriteAttributeString("ParticipantObjectID", o.Id);
                if (o.TypeCode != null) w.WriteAttributeString("ParticipantObjectTypeCode", o.TypeCode);
                if (o.TypeCodeRole != null) w.WriteAttributeString("ParticipantObjectTypeCodeRole", o.TypeCodeRole);
                Code(w, "ParticipantObjectIDTypeCode", o.IdTypeCode);
                // The schema requires a name or a query.
                if (o.Query != null) w.WriteElementString("ParticipantObjectQuery", Convert.ToBase64String(o.Query));
                else w.WriteElementString("ParticipantObjectName", o.Name ?? o.Id);
                foreach (var (type, value) in o.Details ?? [])
                {
                    w.WriteStartElement("ParticipantObjectDetail");
                    w.WriteAttributeString("type", type);
                    w.WriteAttributeString("value", Convert.ToBase64String(value));
                    w.WriteEndElement();
                }
                if (o.SopClasses is { Count: > 0 } classes)
                {
                    w.WriteStartElement("ParticipantObjectDescription");
                    foreach (var (uid, count) in classes)
                    {
                        w.WriteStartElement("SOPClass");
                        w.WriteAttributeString("UID", uid);
                        w.WriteAttributeString("NumberOfInstances", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        w.WriteEndElement();
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return text.ToString();
    }

    private static void Code(XmlWriter w, string element, AuditCode code)
    {
        w.WriteStartElement(element);
        w.WriteAttributeString("csd-code", code.Code);
        w.WriteAttributeString("codeSystemName", code.Scheme);
        w.WriteAttributeString("originalText", code.Meaning);
        w.WriteEndElement();
    }
}
