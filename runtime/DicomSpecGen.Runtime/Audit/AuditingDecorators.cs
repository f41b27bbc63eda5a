using System.IO.Pipelines;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Audit;

/// <summary>Finds the patient and study of stored instances by SOP Instance UID (the archive's index).</summary>
public delegate Task<IReadOnlyList<AuditInstance>> AuditInstanceResolver(IReadOnlyList<string> sopInstanceUids, CancellationToken cancellationToken);

/// <summary>Wraps the acceptor's policy: every refused A-ASSOCIATE-RQ is a Security Alert (Node Authentication failed),
/// and a request carrying a user identity is a User Authentication (Login), success or failure.</summary>
public sealed class AuditingPolicy(IAssociationPolicy inner, AuditTrail trail) : IAssociationPolicy
{
    public AssociationDecision Decide(AssociateRequestInfo request)
    {
        var decision = inner.Decide(request);
        var why = $"association {request.CallingAeTitle} → {request.CalledAeTitle} from {request.RemoteAddress ?? "?"} rejected: {decision.Explanation.Summary}";
        if (!decision.IsAccepted) trail.TryPost(() => trail.Events.NodeAuthenticationFailure(request.RemoteAddress, why, serious: false));
        if (request.UserIdentity is { } user)
            trail.TryPost(() => trail.Events.UserLogin(user.Primary, new AuditPeer(request.CallingAeTitle, request.RemoteAddress), decision.IsAccepted, decision.IsAccepted ? null : why));
        return decision;
    }
}

/// <summary>Wraps the SCP's request handler to make the association's peer known to the storage and query
/// decorators below (an async-local value flowing into the handler's task).</summary>
public sealed class AuditingRequestHandler(IDimseRequestHandler inner) : IDimseRequestHandler
{
    private static readonly AsyncLocal<AuditPeer?> CurrentPeer = new();

    /// <summary>The requestor of the request being handled on this flow, when known.</summary>
    public static AuditPeer? Peer => CurrentPeer.Value;

    public RequestDelivery DeliveryOf(DimseMessage request) => inner.DeliveryOf(request);

    // async: the value is set in this method's own flow, not in the caller's (the association's read loop).
    public async Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken)
    {
        var association = request.Connection.Association;
        CurrentPeer.Value = new AuditPeer(association.CallingAeTitle, association.RemoteAddress);
        await inner.HandleAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>C-STORE received: DICOM Instances Transferred (PS3.15 A.5.3.7), we the destination, after the store.</summary>
public sealed class AuditingStorageService(IStorageService inner, AuditTrail trail, AuditInstanceResolver? resolve) : IStorageService
{
    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var status = await inner.StoreAsync(context, dataSet, transferSyntax, cancellationToken).ConfigureAwait(false);
        var peer = AuditingRequestHandler.Peer ?? new AuditPeer(context.CallingAeTitle, null);
        // Success and warnings (0000, 0001, Bxxx: PS3.7 C.4) stored the instance.
        var stored = status == 0 || status == 1 || (status & 0xF000) == 0xB000;
        trail.Post(async ct =>
        {
            var instances = stored && resolve != null ? await resolve([context.SopInstanceUid], ct).ConfigureAwait(false) : [];
            IReadOnlyList<AuditInstance> found = instances.Count > 0 ? instances : [new AuditInstance(context.SopClassUid, context.SopInstanceUid, "unknown", "unknown")];
            return [trail.Events.InstancesTransferred(found, peer, weSent: false, peerIsRequestor: true, stored, stored ? null : $"C-STORE status {status:X4}H")];
        });
        return status;
    }
}

/// <summary>C-FIND received: Query (PS3.15 A.5.3.10). C-MOVE/C-GET: Begin Transferring DICOM Instances (A.5.3.3), one
/// message per patient of the instances resolved.</summary>
public sealed class AuditingQueryService(IQueryService inner, AuditTrail trail, AuditInstanceResolver? resolve) : IQueryService
{
    public IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
    {
        var peer = AuditingRequestHandler.Peer ?? new AuditPeer("unknown", null);
        trail.TryPost(() => trail.Events.Query(informationModel, identifier, peer, weQueried: false));
        return inner.FindAsync(informationModel, identifier, cancellationToken);
    }

    public async Task<IReadOnlyList<RetrievableInstance>> ResolveAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
    {
        var found = await inner.ResolveAsync(informationModel, identifier, cancellationToken).ConfigureAwait(false);
        var peer = AuditingRequestHandler.Peer ?? new AuditPeer("unknown", null);
        if (found.Count > 0 && resolve != null)
        {
            var uids = found.Select(i => i.SopInstanceUid).ToList();
            trail.Post(async ct =>
            {
                var instances = await resolve(uids, ct).ConfigureAwait(false);
                return instances.GroupBy(i => i.PatientId, StringComparer.Ordinal)
                    .Select(p => trail.Events.BeginTransferring(p.ToList(), peer, null)).ToList();
            });
        }
        return found;
    }
}
