using System.IO.Pipelines;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Services.Worklist;

namespace DicomSpecGen.Audit;

/// <summary>Finds the patient and study of stored instances by SOP Instance UID (the archive's index).</summary>
public delegate Task<IReadOnlyList<AuditInstance>> AuditInstanceResolver(IReadOnlyList<string> sopInstanceUids, CancellationToken cancellationToken);

/// <summary>Wraps the acceptor's policy: every refused A-ASSOCIATE-RQ is a Security Alert (Node Authentication failed),
/// through <paramref name="alerts"/> (the rate limit) when given, and a request carrying a user identity is a User
/// Authentication (Login), success or failure.</summary>
public sealed class AuditingPolicy(IAssociationPolicy inner, AuditTrail trail, SecurityAlertLimiter? alerts = null) : IAssociationPolicy
{
    public AssociationDecision Decide(AssociateRequestInfo request)
    {
        var decision = inner.Decide(request);
        var why = $"association {request.CallingAeTitle} → {request.CalledAeTitle} from {request.RemoteAddress ?? "?"} rejected: {decision.Explanation.Summary}";
        if (!decision.IsAccepted)
        {
            if (alerts != null) alerts.Alert("association-rejected", request.RemoteAddress, why);
            else trail.TryPost(() => trail.Events.NodeAuthenticationFailure(request.RemoteAddress, why, serious: false));
        }
        if (request.UserIdentity is { } user)
            trail.TryPost(() => trail.Events.UserLogin(user.Primary, new AuditPeer(request.CallingAeTitle, request.RemoteAddress), decision.IsAccepted, decision.IsAccepted ? null : why));
        return decision;
    }
}

/// <summary>Finds an MPPS instance's attributes by its SOP Instance UID (the MPPS store), for an N-SET's patient.</summary>
public delegate Task<DicomDataset?> AuditMppsLookup(string sopInstanceUid, CancellationToken cancellationToken);

/// <summary>Wraps the SCP's request handler: makes the association's peer known to the storage and query decorators
/// below (an async-local value flowing into the handler's task), and audits the workflow requests once handled, from
/// the request, the data set the service read and the status it answered: a Modality Worklist C-FIND is a Query
/// (PS3.15 A.5.3.10), an MPPS N-CREATE/N-SET a Procedure Record C/U (A.5.3.15), a storage commitment N-ACTION a DICOM
/// Instances Accessed R (A.5.3.6) per patient of the instances found in <paramref name="resolve"/>.</summary>
public sealed class AuditingRequestHandler(IDimseRequestHandler inner, AuditTrail? trail = null, AuditInstanceResolver? resolve = null,
    AuditMppsLookup? mpps = null) : IDimseRequestHandler
{
    private static readonly AsyncLocal<AuditPeer?> CurrentPeer = new();

    /// <summary>The requestor of the request being handled on this flow, when known.</summary>
    public static AuditPeer? Peer => CurrentPeer.Value;

    public RequestDelivery DeliveryOf(DimseMessage request) => inner.DeliveryOf(request);

    // async: the value is set in this method's own flow, not in the caller's (the association's read loop).
    public async Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken)
    {
        var association = request.Connection.Association;
        var peer = new AuditPeer(association.CallingAeTitle, association.RemoteAddress);
        CurrentPeer.Value = peer;
        await inner.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        if (trail != null) Audit(trail, request, peer);
    }

    private void Audit(AuditTrail trail, DimseRequestContext request, AuditPeer peer)
    {
        var data = request.ReceivedDataSet;
        var status = request.LastStatus;
        // Success and warning statuses (PS3.7 C.1.2): the request was performed.
        var done = status is { } s && DimseStatus.ClassOf(s) is StatusClass.Success or StatusClass.Warning;
        var failure = done ? null : status is { } code ? $"status {code:X4}H" : "no response status";
        switch (request.Request)
        {
            case CFindRq find when find.AffectedSOPClassUID == WorklistService.SopClassUid && data != null:
                trail.TryPost(() => trail.Events.Query(find.AffectedSOPClassUID!, data, peer, weQueried: false));
                break;
            case NCreateRq create when create.AffectedSOPClassUID == MppsScu.SopClassUid:
                trail.TryPost(() => trail.Events.ProcedureRecord(true, data?.GetString(DicomTags.PatientID)?.Trim(), data?.GetString(DicomTags.PatientName)?.Trim(),
                    AuditEvents.MppsStudies(data), peer, weRequested: false, done, failure));
                break;
            case NSetRq set when set.RequestedSOPClassUID == MppsScu.SopClassUid:
                var uid = set.RequestedSOPInstanceUID ?? "";
                trail.Post(async ct =>
                {
                    // The N-SET's modifications rarely repeat the patient: the stored instance has it.
                    var stored = mpps != null ? await mpps(uid, ct).ConfigureAwait(false) : null;
                    return [trail.Events.ProcedureRecord(false, stored?.GetString(DicomTags.PatientID)?.Trim(), stored?.GetString(DicomTags.PatientName)?.Trim(),
                        AuditEvents.MppsStudies(stored), peer, weRequested: false, done, failure)];
                });
                break;
            case NActionRq action when action.RequestedSOPClassUID == StorageCommitmentService.SopClassUid && resolve != null && data != null:
                var uids = (data.GetSequence(DicomTags.ReferencedSOPSequence)?.Items ?? [])
                    .Select(i => i.GetString(DicomTags.ReferencedSOPInstanceUID)?.Trim() ?? "").Where(u => u.Length > 0).ToList();
                if (uids.Count == 0) break;
                trail.Post(async ct =>
                {
                    var found = await resolve(uids, ct).ConfigureAwait(false);
                    var description = $"storage commitment request for {uids.Count} instance(s), {found.Count} held";
                    return found.GroupBy(i => i.PatientId, StringComparer.Ordinal)
                        .Select(p => trail.Events.InstancesAccessed(p.ToList(), peer, done, description)).ToList();
                });
                break;
        }
    }

}

/// <summary>C-STORE received: DICOM Instances Transferred (PS3.15 A.5.3.7), we the destination, after the store.</summary>
public sealed class AuditingStorageService(IStorageService inner, AuditTrail trail, AuditInstanceResolver? resolve) : IStorageService
{
    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var status = await inner.StoreAsync(context, dataSet, transferSyntax, cancellationToken).ConfigureAwait(false);
        var peer = AuditingRequestHandler.Peer ?? new AuditPeer(context.CallingAeTitle, null);
        // Success and warnings (PS3.7 Annex C status classes) stored the instance.
        var stored = DimseStatus.ClassOf(status) is StatusClass.Success or StatusClass.Warning;
        trail.Post(async ct =>
        {
            var instances = stored && resolve != null ? await resolve([context.SopInstanceUid], ct).ConfigureAwait(false) : [];
            IReadOnlyList<AuditInstance> found = instances.Count > 0 ? instances : [new AuditInstance(context.SopClassUid, context.SopInstanceUid, "unknown", "unknown")];
            return [trail.Events.InstancesTransferred(found, peer, weSent: false, peerIsRequestor: true, stored, stored ? null : $"C-STORE status {status:X4}H")];
        });
        return status;
    }
}

/// <summary>C-FIND received: Query (PS3.15 A.5.3.10). C-MOVE/C-GET: Begin Transferring DICOM Instances (A.5.3.3)
/// as the sub-operations start and DICOM Instances Transferred (A.5.3.7) once they end, one message per patient of the
/// instances (one for those stored, one for those that failed); for C-MOVE the move destination is the destination and
/// the requestor a third party.</summary>
public sealed class AuditingQueryService(IQueryService inner, AuditTrail trail, AuditInstanceResolver? resolve) : IQueryService, IRetrieveObserver
{
    public IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
    {
        var peer = AuditingRequestHandler.Peer ?? new AuditPeer("unknown", null);
        trail.TryPost(() => trail.Events.Query(informationModel, identifier, peer, weQueried: false));
        return inner.FindAsync(informationModel, identifier, cancellationToken);
    }

    public Task<IReadOnlyList<RetrievableInstance>> ResolveAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
        => inner.ResolveAsync(informationModel, identifier, cancellationToken);

    private static AuditPeer Requestor(DimseRequestContext request)
        => new(request.Connection.Association.CallingAeTitle, request.Connection.Association.RemoteAddress);

    private static AuditPeer? Destination(KnownAe? ae) => ae == null ? null : new AuditPeer(ae.AeTitle, $"{ae.Host}:{ae.Port}");

    public void SubOperationsStarting(DimseRequestContext request, KnownAe? moveDestination, IReadOnlyList<RetrievableInstance> instances)
    {
        if (resolve == null || instances.Count == 0) return;
        var (requestor, destination) = (Requestor(request), Destination(moveDestination));
        var uids = instances.Select(i => i.SopInstanceUid).ToList();
        trail.Post(async ct => (await resolve(uids, ct).ConfigureAwait(false)).GroupBy(i => i.PatientId, StringComparer.Ordinal)
            .Select(p => trail.Events.BeginTransferring(p.ToList(), requestor, destination)).ToList());
    }

    public void SubOperationsEnded(DimseRequestContext request, KnownAe? moveDestination, IReadOnlyList<(RetrievableInstance Instance, ushort Status)> outcomes)
    {
        if (resolve == null) return;
        var (requestor, destination) = (Requestor(request), Destination(moveDestination));
        foreach (var stored in new[] { true, false })
        {
            // Success and warnings (PS3.4 C.4.2.1.5: warning sub-operations stored the instance).
            var part = outcomes.Where(o => (DimseStatus.ClassOf(o.Status) is StatusClass.Success or StatusClass.Warning) == stored).ToList();
            if (part.Count == 0) continue;
            var uids = part.Select(o => o.Instance.SopInstanceUid).ToList();
            var failure = stored ? null : $"{part.Count} C-STORE sub-operation(s) failed (status {string.Join(", ", part.Select(o => $"{o.Status:X4}H").Distinct())})";
            trail.Post(async ct => (await resolve(uids, ct).ConfigureAwait(false)).GroupBy(i => i.PatientId, StringComparer.Ordinal)
                .Select(p => destination == null
                    ? trail.Events.InstancesTransferred(p.ToList(), requestor, weSent: true, peerIsRequestor: true, stored, failure)
                    : trail.Events.InstancesMoved(p.ToList(), destination, requestor, stored, failure)).ToList());
        }
    }
}

/// <summary>An SCU's storage for instances it retrieves (C-GET, or C-MOVE to itself): records what was stored, to
/// report it after the retrieve as DICOM Instances Transferred (PS3.15 A.5.3.7), we the destination and the requestor,
/// one message per patient.</summary>
public sealed class AuditingRetrieveStorage(IStorageService inner) : IStorageService, IDisposable
{
    private readonly List<string> _stored = [];

    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var status = await inner.StoreAsync(context, dataSet, transferSyntax, cancellationToken).ConfigureAwait(false);
        if (DimseStatus.ClassOf(status) is StatusClass.Success or StatusClass.Warning)
            lock (_stored) _stored.Add(context.SopInstanceUid);
        return status;
    }

    /// <summary>The SOP Instance UIDs stored so far.</summary>
    public IReadOnlyList<string> Stored
    {
        get { lock (_stored) return [.. _stored]; }
    }

    /// <summary>Posts the messages (after the retrieve, off the DICOM path): <paramref name="resolve"/> finds each
    /// stored instance's patient and study now, while the storage is still open.</summary>
    public async Task ReportAsync(AuditTrail trail, AuditPeer source, AuditInstanceResolver resolve, CancellationToken cancellationToken)
    {
        var uids = Stored;
        if (uids.Count == 0) return;
        IReadOnlyList<AuditInstance> found;
        try
        {
            found = await resolve(uids, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            trail.TryPost(() => throw new InvalidOperationException("resolving the retrieved instances failed: " + e.Message, e));
            return;
        }
        foreach (var patient in found.GroupBy(i => i.PatientId, StringComparer.Ordinal))
            trail.TryPost(() => trail.Events.InstancesTransferred(patient.ToList(), source, weSent: false, peerIsRequestor: false, success: true));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
