using System.Text;
using System.Xml.Linq;
using DicomSpecGen.Audit;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Audit;

/// <summary>Every kind of audit message dsg emits is valid under the PS3.15 A.5.1.1 schema and carries the codes its
/// A.5.3 table requires; the schema check itself refuses broken messages.</summary>
public class AuditMessageSchemaTests
{
    private static readonly AuditEvents Events = new(new AuditIdentity("DSGSCP"));
    private static readonly AuditPeer Peer = new("STORESCU", "127.0.0.1:40000");
    private static readonly AuditInstance[] Instances =
    [
        new(DicomUids.CTImageStorage, "1.2.3.1", "1.2.3", "P1", "DOE^JOHN"),
        new(DicomUids.CTImageStorage, "1.2.3.2", "1.2.3", "P1", "DOE^JOHN"),
        new(DicomUids.MRImageStorage, "1.2.4.1", "1.2.4", "P1", "DOE^JOHN"),
    ];

    public static TheoryData<string> Kinds() => ["start", "stop", "alert", "alerts", "login", "login-refused", "stored", "store-failed", "sent", "moved", "begin", "begin-move",
        "query-received", "query-issued", "accessed", "procedure-create", "procedure-update-unknown"];

    private static AuditMessage Build(string kind)
    {
        var identifier = new DicomDataset();
        identifier.SetString(DicomTags.QueryRetrieveLevel, "STUDY");
        identifier.SetString(DicomTags.PatientID, "P1");
        return kind switch
        {
            "start" => Events.ApplicationActivity(true),
            "stop" => Events.ApplicationActivity(false),
            "alert" => Events.NodeAuthenticationFailure("127.0.0.1:40000", "calling AE title not recognized", serious: false),
            "login" => Events.UserLogin("alice", Peer, true, null),
            "login-refused" => Events.UserLogin("alice", Peer, false, "bad passcode"),
            "stored" => Events.InstancesTransferred(Instances, Peer, weSent: false, peerIsRequestor: true, success: true),
            "store-failed" => Events.InstancesTransferred(Instances[..1], Peer, weSent: false, peerIsRequestor: true, success: false, "C-STORE status A700H"),
            "sent" => Events.InstancesTransferred(Instances, Peer, weSent: true, peerIsRequestor: false, success: true),
            "begin" => Events.BeginTransferring(Instances, Peer, null),
            "begin-move" => Events.BeginTransferring(Instances, Peer, new AuditPeer("DEST", "10.0.0.2:104")),
            "query-received" => Events.Query(DicomUids.StudyRootQueryRetrieveInformationModelFind, identifier, Peer, weQueried: false),
            "query-issued" => Events.Query(DicomUids.StudyRootQueryRetrieveInformationModelFind, identifier, Peer, weQueried: true),
            "alerts" => Events.NodeAuthenticationFailures(["10.0.0.1", "10.0.0.2"], "7 further 'malformed-pdu' alert(s) held back"),
            "moved" => Events.InstancesMoved(Instances, new AuditPeer("DEST", "10.0.0.2:104"), Peer, success: false, "1 C-STORE sub-operation(s) failed (status A700H)"),
            "accessed" => Events.InstancesAccessed(Instances, Peer, success: true, "storage commitment request for 3 instance(s), 3 held"),
            "procedure-create" => Events.ProcedureRecord(true, "P1", "DOE^JOHN", ["1.2.3", "1.2.4", "1.2.3"], Peer, weRequested: false, success: true),
            "procedure-update-unknown" => Events.ProcedureRecord(false, null, null, [], Peer, weRequested: true, success: false, "N-SET status 0110H"),
            _ => throw new ArgumentException(kind),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    [SpecRow("PS3.15 A.5.1.1")]
    public void Each_message_kind_is_valid_under_the_schema(string kind)
    {
        var xml = Build(kind).ToXml();
        Assert.Empty(AuditSchema.Errors(xml));
    }

    [Fact]
    [SpecRow("PS3.15 A.5.1.1")]
    public void The_schema_check_refuses_broken_messages()
    {
        var good = Build("stored").ToXml();
        Assert.NotEmpty(AuditSchema.Errors(good.Replace("EventOutcomeIndicator=\"0\"", "EventOutcomeIndicator=\"3\"")));
        Assert.NotEmpty(AuditSchema.Errors(good.Replace(" UserIsRequestor=\"true\"", "")));
        Assert.NotEmpty(AuditSchema.Errors(good.Replace("ParticipantObjectTypeCodeRole=\"3\"", "ParticipantObjectTypeCodeRole=\"27\"")));
        var doc = XDocument.Parse(good);
        doc.Root!.Element("AuditSourceIdentification")!.Remove();
        Assert.NotEmpty(AuditSchema.Errors(doc.ToString()));
    }

    private static XElement Root(string kind) => XDocument.Parse(Build(kind).ToXml()).Root!;

    private static string Code(XElement? e) => e?.Attribute("csd-code")?.Value ?? "(none)";

    private static IEnumerable<string> Roles(XElement root) => root.Elements("ActiveParticipant").Select(p => Code(p.Element("RoleIDCode")));

    [Fact]
    [SpecRow("PS3.15 A.5.3.1")]
    public void Application_activity_has_start_or_stop_and_the_application_role()
    {
        var start = Root("start");
        Assert.Equal("110100", Code(start.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal("E", start.Element("EventIdentification")!.Attribute("EventActionCode")!.Value);
        Assert.Equal("110120", Code(start.Element("EventIdentification")!.Element("EventTypeCode")));
        Assert.Equal("110121", Code(Root("stop").Element("EventIdentification")!.Element("EventTypeCode")));
        Assert.Equal(["110150", "110151"], Roles(start));
        Assert.Equal("AETITLES=DSGSCP", start.Element("ActiveParticipant")!.Attribute("AlternativeUserID")!.Value);
        Assert.Empty(start.Elements("ParticipantObjectIdentification"));
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.7")]
    [SpecRow("PS3.15 A.5.1.2.4")]
    [SpecRow("PS3.15 A.5.1.2.2")]
    public void Instances_transferred_names_source_destination_studies_and_patient()
    {
        var stored = Root("stored");
        Assert.Equal("110104", Code(stored.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal(["110153", "110152"], Roles(stored));
        Assert.Equal("STORESCU", stored.Elements("ActiveParticipant").First().Attribute("UserID")!.Value);
        var objects = stored.Elements("ParticipantObjectIdentification").ToList();
        Assert.Equal(["1.2.3", "1.2.4", "P1"], objects.Select(o => o.Attribute("ParticipantObjectID")!.Value));
        Assert.Equal(["110180", "110180", "2"], objects.Select(o => Code(o.Element("ParticipantObjectIDTypeCode"))));
        Assert.Equal(["3", "3", "1"], objects.Select(o => o.Attribute("ParticipantObjectTypeCodeRole")!.Value));
        Assert.Equal("2", objects[0].Element("ParticipantObjectDescription")!.Element("SOPClass")!.Attribute("NumberOfInstances")!.Value);
        var sent = Root("sent");
        Assert.Equal(["110153", "110152"], Roles(sent));
        Assert.Equal(Environment.ProcessId.ToString(), sent.Elements("ActiveParticipant").First().Attribute("UserID")!.Value);
        Assert.Equal("4", Root("store-failed").Element("EventIdentification")!.Attribute("EventOutcomeIndicator")!.Value);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.10")]
    public void Query_carries_the_identifier_and_its_transfer_syntax()
    {
        var query = Root("query-received");
        Assert.Equal("110112", Code(query.Element("EventIdentification")!.Element("EventID")));
        var o = query.Element("ParticipantObjectIdentification")!;
        Assert.Equal("110181", Code(o.Element("ParticipantObjectIDTypeCode")));
        Assert.Equal(DicomUids.StudyRootQueryRetrieveInformationModelFind, o.Attribute("ParticipantObjectID")!.Value);
        var identifier = DicomDataset.Decode(Convert.FromBase64String(o.Element("ParticipantObjectQuery")!.Value), TransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("P1", identifier.GetString(DicomTags.PatientID)?.Trim());
        var detail = o.Element("ParticipantObjectDetail")!;
        Assert.Equal("TransferSyntax", detail.Attribute("type")!.Value);
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, Encoding.ASCII.GetString(Convert.FromBase64String(detail.Attribute("value")!.Value)));
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public void Security_alert_names_the_node_and_describes_the_alert()
    {
        var alert = Root("alert");
        Assert.Equal("110113", Code(alert.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal("110126", Code(alert.Element("EventIdentification")!.Element("EventTypeCode")));
        Assert.Equal("4", alert.Element("EventIdentification")!.Attribute("EventOutcomeIndicator")!.Value);
        var o = alert.Element("ParticipantObjectIdentification")!;
        Assert.Equal("127.0.0.1", o.Attribute("ParticipantObjectID")!.Value);
        Assert.Equal("110182", Code(o.Element("ParticipantObjectIDTypeCode")));
        var detail = o.Element("ParticipantObjectDetail")!;
        Assert.Equal("Alert Description", detail.Attribute("type")!.Value);
        Assert.Equal("calling AE title not recognized", Encoding.UTF8.GetString(Convert.FromBase64String(detail.Attribute("value")!.Value)));
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.12")]
    public void User_authentication_is_a_login_with_the_network_access_point()
    {
        var login = Root("login-refused");
        Assert.Equal("110114", Code(login.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal("110122", Code(login.Element("EventIdentification")!.Element("EventTypeCode")));
        Assert.Equal("4", login.Element("EventIdentification")!.Attribute("EventOutcomeIndicator")!.Value);
        var user = login.Element("ActiveParticipant")!;
        Assert.Equal("alice", user.Attribute("UserID")!.Value);
        Assert.Equal("127.0.0.1", user.Attribute("NetworkAccessPointID")!.Value);
        Assert.Equal("2", user.Attribute("NetworkAccessPointTypeCode")!.Value);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.3")]
    public void Begin_transferring_names_the_requestor_of_a_move_as_a_third_party()
    {
        var begin = Root("begin-move");
        Assert.Equal("110102", Code(begin.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal(["110153", "110152", "(none)"], Roles(begin));
        Assert.Equal("true", begin.Elements("ActiveParticipant").Last().Attribute("UserIsRequestor")!.Value);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.7")]
    public void Instances_moved_names_the_move_destination_and_the_requestor_as_a_third_party()
    {
        var moved = Root("moved");
        Assert.Equal("110104", Code(moved.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal(["110153", "110152", "(none)"], Roles(moved));
        var participants = moved.Elements("ActiveParticipant").ToList();
        Assert.Equal("AETITLES=DSGSCP", participants[0].Attribute("AlternativeUserID")!.Value);
        Assert.Equal(("DEST", "false", "10.0.0.2"), (participants[1].Attribute("UserID")!.Value, participants[1].Attribute("UserIsRequestor")!.Value, participants[1].Attribute("NetworkAccessPointID")!.Value));
        Assert.Equal(("STORESCU", "true"), (participants[2].Attribute("UserID")!.Value, participants[2].Attribute("UserIsRequestor")!.Value));
        Assert.Equal("4", moved.Element("EventIdentification")!.Attribute("EventOutcomeIndicator")!.Value);
        Assert.Contains("A700H", moved.Element("EventIdentification")!.Element("EventOutcomeDescription")!.Value);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.6")]
    public void Instances_accessed_is_a_read_by_the_requestor_of_studies_and_one_patient()
    {
        var accessed = Root("accessed");
        Assert.Equal("110103", Code(accessed.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal("R", accessed.Element("EventIdentification")!.Attribute("EventActionCode")!.Value);
        Assert.Equal(["true", "false"], accessed.Elements("ActiveParticipant").Select(p => p.Attribute("UserIsRequestor")!.Value));
        Assert.Equal(["1.2.3", "1.2.4", "P1"], accessed.Elements("ParticipantObjectIdentification").Select(o => o.Attribute("ParticipantObjectID")!.Value));
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.15")]
    public void Procedure_record_is_create_or_update_with_its_studies_and_the_patient()
    {
        var create = Root("procedure-create");
        Assert.Equal("110111", Code(create.Element("EventIdentification")!.Element("EventID")));
        Assert.Equal("C", create.Element("EventIdentification")!.Attribute("EventActionCode")!.Value);
        var objects = create.Elements("ParticipantObjectIdentification").ToList();
        // The study named twice by the scheduled steps is one object.
        Assert.Equal(["1.2.3", "1.2.4", "P1"], objects.Select(o => o.Attribute("ParticipantObjectID")!.Value));
        Assert.Equal(["110180", "110180", "2"], objects.Select(o => Code(o.Element("ParticipantObjectIDTypeCode"))));
        Assert.Equal("DOE^JOHN", objects[2].Element("ParticipantObjectName")!.Value);
        Assert.Equal("STORESCU", create.Elements("ActiveParticipant").First().Attribute("UserID")!.Value);
        var update = Root("procedure-update-unknown");
        Assert.Equal("U", update.Element("EventIdentification")!.Attribute("EventActionCode")!.Value);
        Assert.Equal("4", update.Element("EventIdentification")!.Attribute("EventOutcomeIndicator")!.Value);
        Assert.Equal(["unknown"], update.Elements("ParticipantObjectIdentification").Select(o => o.Attribute("ParticipantObjectID")!.Value));
        Assert.Equal("true", update.Elements("ActiveParticipant").First().Attribute("UserIsRequestor")!.Value);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public void An_aggregate_security_alert_names_each_node_as_an_alert_subject()
    {
        var alerts = Root("alerts");
        Assert.Equal("110126", Code(alerts.Element("EventIdentification")!.Element("EventTypeCode")));
        Assert.Equal(["10.0.0.1", "10.0.0.2"], alerts.Elements("ParticipantObjectIdentification").Select(o => o.Attribute("ParticipantObjectID")!.Value));
        Assert.All(alerts.Elements("ParticipantObjectIdentification"), o => Assert.Equal("13", o.Attribute("ParticipantObjectTypeCodeRole")!.Value));
    }

    [Fact]
    public void Mpps_studies_come_from_the_scheduled_step_attributes()
    {
        var attributes = new DicomDataset();
        attributes.AddSequence(DicomTags.ScheduledStepAttributesSequence,
            new DicomDataset().SetString(DicomTags.StudyInstanceUID, "1.2.3"), new DicomDataset().SetString(DicomTags.StudyInstanceUID, "1.2.4"));
        Assert.Equal(["1.2.3", "1.2.4"], AuditEvents.MppsStudies(attributes));
        Assert.Empty(AuditEvents.MppsStudies(null));
    }
}
