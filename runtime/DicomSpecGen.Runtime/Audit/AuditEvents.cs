using System.Net;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Audit;

/// <summary>Who we are in the messages: the process (UserID, A.5.2.1), our AE titles (AlternativeUserID, A.5.2.2),
/// the node (AuditSourceID and NetworkAccessPointID, A.5.2.4: one name for every message of the node).</summary>
public sealed record AuditIdentity(string AeTitle, string ProcessName = "dsg")
{
    public string UserId { get; } = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string Node { get; } = Dns.GetHostName();
}

/// <summary>A peer as an association shows it: its AE title and network address (null when not known).</summary>
public sealed record AuditPeer(string AeTitle, string? Address);

/// <summary>A stored or sent instance with the patient and study it belongs to.</summary>
public sealed record AuditInstance(string SopClassUid, string SopInstanceUid, string StudyInstanceUid, string PatientId, string? PatientName = null);

/// <summary>Builds the messages of PS3.15 A.5.3 that dsg emits, every code from <see cref="AuditSpec"/>.</summary>
public sealed class AuditEvents(AuditIdentity us, AuditSpec? spec = null)
{
    private readonly AuditSpec _spec = spec ?? AuditSpec.Current;

    public AuditIdentity Us => us;

    private string Outcome(string name) => _spec.Value("EventOutcomeIndicator", name);

    private AuditParticipant Local(bool requestor, string? role)
        => new(us.UserId, requestor, role == null ? null : _spec.Code(role), "AETITLES=" + us.AeTitle, us.ProcessName, us.Node, _spec.Value("NetworkAccessPointTypeCode", "machine-name"));

    private AuditParticipant Remote(AuditPeer peer, bool requestor, string? role)
    {
        var (address, _) = SplitEndpoint(peer.Address);
        return new(peer.AeTitle, requestor, role == null ? null : _spec.Code(role), "AETITLES=" + peer.AeTitle, null,
            address, address == null ? null : _spec.Value("NetworkAccessPointTypeCode", "ip-address"));
    }

    /// <summary>"127.0.0.1:1234" → ("127.0.0.1", 1234); "[::1]:5" → ("::1", 5).</summary>
    public static (string? Host, int? Port) SplitEndpoint(string? endpoint)
    {
        if (string.IsNullOrEmpty(endpoint)) return (null, null);
        if (IPEndPoint.TryParse(endpoint, out var ep)) return (ep.Address.ToString(), ep.Port == 0 ? null : ep.Port);
        return (endpoint, null);
    }

    private AuditMessage Message(string kind, string action, string outcome, string? typeCode, IReadOnlyList<AuditParticipant> participants,
        IReadOnlyList<AuditObject> objects, string? description = null)
    {
        var k = _spec.Event(kind);
        if (!k.Actions.Contains(action)) throw new InvalidOperationException($"{k.Source} does not allow EventActionCode {action}");
        var type = typeCode == null ? null : _spec.Code(typeCode);
        if (type != null && k.TypeCodes.Count > 0 && !k.TypeCodes.Contains(type)) throw new InvalidOperationException($"{k.Source} does not allow EventTypeCode {type.Code}");
        return new AuditMessage(k, action, DateTimeOffset.Now, Outcome(outcome), type, participants, us.Node,
            _spec.Value("AuditSourceTypeCode", "application-server"), objects, description);
    }

    /// <summary>Application Activity: we started or stopped.</summary>
    /// <remarks>PS3.15 A.5.3.1 Application Activity Message (2020)</remarks>
    public AuditMessage ApplicationActivity(bool start)
        => Message("application-activity", "E", "success", start ? "application-start" : "application-stop",
            [Local(false, "application"), new AuditParticipant(Environment.UserName, true, _spec.Code("application-launcher"))], []);

    /// <summary>Security Alert, Node Authentication failed: an association refused, or a TLS handshake that failed
    /// The alert subject is the peer node; the detail says why.</summary>
    /// <remarks>PS3.15 A.5.3.11 Audit Message for Security Alert (2020)</remarks>
    public AuditMessage NodeAuthenticationFailure(string? peerAddress, string why, bool serious)
    {
        var (host, _) = SplitEndpoint(peerAddress);
        var subject = new AuditObject(host ?? "unknown", _spec.Code("node-id"), _spec.Value("ParticipantObjectTypeCode", "system-object"),
            _spec.Value("ParticipantObjectTypeCodeRole", "security-resource"),
            Details: [(_spec.DetailTypes["alert-description"], System.Text.Encoding.UTF8.GetBytes(why))]);
        return Message("security-alert", "E", serious ? "serious-failure" : "minor-failure", "node-authentication", [Local(false, null)], [subject], why);
    }

    /// <summary>User Authentication, Login, for an A-ASSOCIATE-RQ carrying a user identity (PS3.7 D.3.3.7): success
    /// when the association was accepted, minor failure when refused.</summary>
    /// <remarks>PS3.15 A.5.3.12 Audit Message for User Authentication (2020)</remarks>
    public AuditMessage UserLogin(string user, AuditPeer peer, bool accepted, string? why)
    {
        var (host, _) = SplitEndpoint(peer.Address);
        var person = new AuditParticipant(user, true, null, "AETITLES=" + peer.AeTitle, null, host ?? "unknown", _spec.Value("NetworkAccessPointTypeCode", host == null ? "machine-name" : "ip-address"));
        return Message("user-authentication", "E", accepted ? "success" : "minor-failure", "login", [person, Local(false, null)], [], accepted ? null : why);
    }

    private IReadOnlyList<AuditObject> StudiesAndPatient(IReadOnlyList<AuditInstance> instances)
    {
        var studies = instances.GroupBy(i => i.StudyInstanceUid, StringComparer.Ordinal).Select(g => new AuditObject(g.Key, _spec.Code("study-instance-uid"),
            _spec.Value("ParticipantObjectTypeCode", "system-object"), _spec.Value("ParticipantObjectTypeCodeRole", "report"),
            SopClasses: g.GroupBy(i => i.SopClassUid, StringComparer.Ordinal).Select(c => (c.Key, c.Count())).ToList()));
        var first = instances[0];
        var patient = new AuditObject(first.PatientId, _spec.Code("patient-number"), _spec.Value("ParticipantObjectTypeCode", "person"),
            _spec.Value("ParticipantObjectTypeCodeRole", "patient"), Name: string.IsNullOrEmpty(first.PatientName) ? null : first.PatientName);
        return [.. studies, patient];
    }

    /// <summary>DICOM Instances Transferred, one patient's instances. <paramref name="weSent"/>: we are the source; else the
    /// destination. Action R: the audit source does not check whether the receiver held copies before.</summary>
    /// <remarks>PS3.15 A.5.3.7 Audit Message for DICOM Instances Transferred (2020)</remarks>
    public AuditMessage InstancesTransferred(IReadOnlyList<AuditInstance> instances, AuditPeer peer, bool weSent, bool peerIsRequestor, bool success, string? failure = null)
        => Message("instances-transferred", "R", success ? "success" : "minor-failure", null,
            weSent ? [Local(!peerIsRequestor, "source"), Remote(peer, peerIsRequestor, "destination")]
                   : [Remote(peer, peerIsRequestor, "source"), Local(!peerIsRequestor, "destination")],
            StudiesAndPatient(instances), failure);

    /// <summary>DICOM Instances Transferred by a C-MOVE we performed: we the source, the move destination the
    /// destination, the C-MOVE requestor a third party ("Other Participants", the requestor).</summary>
    /// <remarks>PS3.15 A.5.3.7 Audit Message for DICOM Instances Transferred (2020)</remarks>
    public AuditMessage InstancesMoved(IReadOnlyList<AuditInstance> instances, AuditPeer destination, AuditPeer requestor, bool success, string? failure = null)
        => Message("instances-transferred", "R", success ? "success" : "minor-failure", null,
            [Local(false, "source"), Remote(destination, false, "destination"), Remote(requestor, true, null)],
            StudiesAndPatient(instances), failure);

    /// <summary>DICOM Instances Accessed, action R, one patient's instances: a storage commitment request we checked
    /// against the archive (the requestor asked, we read). PS3.15 has no message of its own for storage commitment;
    /// A.5.3.6 covers instances being "utilized".</summary>
    /// <remarks>PS3.15 A.5.3.6 Audit Message for DICOM Instances Accessed (2020)</remarks>
    public AuditMessage InstancesAccessed(IReadOnlyList<AuditInstance> instances, AuditPeer requestor, bool success, string? description = null)
        => Message("instances-accessed", "R", success ? "success" : "minor-failure", null,
            [Remote(requestor, true, null), Local(false, null)], StudiesAndPatient(instances), description);

    /// <summary>Procedure Record: an MPPS instance created (N-CREATE, action C) or updated (N-SET, action U), by the
    /// requestor (<paramref name="weRequested"/>: us, as SCU) on the performer. The patient (one) and the studies of the
    /// procedure step are the objects; an unknown patient ID is written "unknown".</summary>
    /// <remarks>PS3.15 A.5.3.15 Audit Message for Procedure Record (2020)</remarks>
    public AuditMessage ProcedureRecord(bool create, string? patientId, string? patientName, IReadOnlyList<string> studyInstanceUids, AuditPeer peer, bool weRequested,
        bool success, string? description = null)
    {
        var studies = studyInstanceUids.Where(u => u.Length > 0).Distinct(StringComparer.Ordinal).Select(u => new AuditObject(u, _spec.Code("study-instance-uid"),
            _spec.Value("ParticipantObjectTypeCode", "system-object"), _spec.Value("ParticipantObjectTypeCodeRole", "report")));
        var patient = new AuditObject(string.IsNullOrEmpty(patientId) ? "unknown" : patientId, _spec.Code("patient-number"), _spec.Value("ParticipantObjectTypeCode", "person"),
            _spec.Value("ParticipantObjectTypeCodeRole", "patient"), Name: string.IsNullOrEmpty(patientName) ? null : patientName);
        return Message("procedure-record", create ? "C" : "U", success ? "success" : "minor-failure", null,
            weRequested ? [Local(true, null), Remote(peer, false, null)] : [Remote(peer, true, null), Local(false, null)],
            [.. studies, patient], description);
    }

    /// <summary>The Study Instance UIDs of an MPPS instance's Scheduled Step Attributes Sequence (PS3.4 F.7.2), for
    /// <see cref="ProcedureRecord"/>.</summary>
    public static IReadOnlyList<string> MppsStudies(DicomDataset? attributes)
        => (attributes?.GetSequence(DicomTags.ScheduledStepAttributesSequence)?.Items ?? [])
            .Select(i => i.GetString(DicomTags.StudyInstanceUID)?.Trim() ?? "").Where(u => u.Length > 0).ToList();

    /// <summary>Security Alert, Node Authentication, for several peer nodes at once (an aggregate of alerts held back
    /// by the rate limit): each node an alert subject, the detail says how many and why.</summary>
    /// <remarks>PS3.15 A.5.3.11 Audit Message for Security Alert (2020): Alert Subject (0..N)</remarks>
    public AuditMessage NodeAuthenticationFailures(IReadOnlyList<string> nodes, string why)
    {
        var subjects = nodes.Select(node => new AuditObject(node, _spec.Code("node-id"), _spec.Value("ParticipantObjectTypeCode", "system-object"),
            _spec.Value("ParticipantObjectTypeCodeRole", "security-resource"),
            Details: [(_spec.DetailTypes["alert-description"], System.Text.Encoding.UTF8.GetBytes(why))])).ToList();
        return Message("security-alert", "E", "minor-failure", "node-authentication", [Local(false, null)], subjects, why);
    }

    /// <summary>Begin Transferring DICOM Instances, one patient's instances, as a C-MOVE/C-GET starts: we send, the
    /// requestor (a third party for C-MOVE) asked.</summary>
    /// <remarks>PS3.15 A.5.3.3 Audit Message for Begin Transferring DICOM Instances (2020)</remarks>
    public AuditMessage BeginTransferring(IReadOnlyList<AuditInstance> instances, AuditPeer requestor, AuditPeer? destination)
        => Message("begin-transferring", "E", "success", null,
            destination == null
                ? [Local(false, "source"), Remote(requestor, true, "destination")]
                : [Local(false, "source"), Remote(destination, false, "destination"), Remote(requestor, true, null)],
            StudiesAndPatient(instances));

    /// <summary>Query: a C-FIND issued (<paramref name="weQueried"/>) or received. The object is the SOP class queried,
    /// with the identifier as the query (Explicit VR Little Endian) and its transfer syntax as a detail.</summary>
    /// <remarks>PS3.15 A.5.3.10 Audit Message for Query (2020)</remarks>
    public AuditMessage Query(string sopClassUid, DicomDataset identifier, AuditPeer peer, bool weQueried)
    {
        var query = new AuditObject(sopClassUid, _spec.Code("sop-class-uid"), _spec.Value("ParticipantObjectTypeCode", "system-object"),
            _spec.Value("ParticipantObjectTypeCodeRole", "report"), Query: identifier.Encode(TransferSyntax.ExplicitVRLittleEndian),
            Details: [(_spec.DetailTypes["transfer-syntax"], System.Text.Encoding.ASCII.GetBytes(DicomUids.ExplicitVRLittleEndian))]);
        return Message("query", "E", "success", null,
            weQueried ? [Local(true, "source"), Remote(peer, false, "destination")] : [Remote(peer, true, "source"), Local(false, "destination")],
            [query]);
    }
}
