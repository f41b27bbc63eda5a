using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.QueryRetrieve;

/// <summary>The Query/Retrieve service class SCP for the patient and study root models: C-FIND, C-MOVE (sub-operations
/// on an association to the destination, opened by an <see cref="AeConnector"/>) and C-GET (sub-operations on this
/// association) over an <see cref="IQueryService"/> (none: Refused: SOP Class Not Supported). Each request runs in its
/// own task, so the requestor can cancel it.</summary>
/// <remarks>PS3.4 C.4.1.3 (C-FIND SCP), C.4.2.3 (C-MOVE SCP), C.4.3.3 (C-GET SCP).</remarks>
public sealed class QueryRetrieveService(IQueryService? query, AeConnector moveDestinations, ILogger? logger = null)
    : IDicomService, ICFindHandler, ICMoveHandler, ICGetHandler, IServiceStatuses
{
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } =
    [
        new("C-FIND", DimseService.QueryRetrieveFind, DimseStatus.QueryRetrieveFind.MatchesAreContinuingCurrentMatchSupplied, "one per match, with the match"),
        new("C-FIND", DimseService.QueryRetrieveFind, DimseStatus.Success, "all matches sent"),
        new("C-FIND", DimseService.QueryRetrieveFind, DimseStatus.Cancel, "after a C-CANCEL"),
        new("C-FIND", DimseService.QueryRetrieveFind, DimseStatus.QueryRetrieveFind.IdentifierDoesNotMatchSopClass, "no identifier, or one the query keys refuse"),
        new("C-FIND", DimseService.QueryRetrieveFind, DimseStatus.RefusedSOPClassNotSupported, "no query backend is configured"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.QueryRetrieveMove.SubOperationsAreContinuing, "after each C-STORE sub-operation"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.Success, "every sub-operation succeeded"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.QueryRetrieveMove.SubOperationsCompletedOneOrMoreFailures, "one or more sub-operations failed or warned"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.Cancel, "after a C-CANCEL"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.QueryRetrieveMove.MoveDestinationUnknown, "the Move Destination is not a configured AE"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.QueryRetrieveMove.RefusedOutOfResourcesUnableToPerformSubOperations, "the move destination cannot be associated with"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.QueryRetrieveMove.IdentifierDoesNotMatchSopClass, "no identifier, or one the query keys refuse"),
        new("C-MOVE", DimseService.QueryRetrieveMove, DimseStatus.RefusedSOPClassNotSupported, "no query backend is configured"),
        new("C-GET", DimseService.QueryRetrieveGet, DimseStatus.QueryRetrieveGet.SubOperationsAreContinuing, "after each C-STORE sub-operation"),
        new("C-GET", DimseService.QueryRetrieveGet, DimseStatus.Success, "every sub-operation succeeded"),
        new("C-GET", DimseService.QueryRetrieveGet, DimseStatus.QueryRetrieveGet.SubOperationsCompleteOneOrMoreFailuresOrWarnings, "one or more sub-operations failed or warned"),
        new("C-GET", DimseService.QueryRetrieveGet, DimseStatus.Cancel, "after a C-CANCEL"),
        new("C-GET", DimseService.QueryRetrieveGet, DimseStatus.QueryRetrieveGet.IdentifierDoesNotMatchSopClass, "no identifier, or one the query keys refuse"),
        new("C-GET", DimseService.QueryRetrieveGet, DimseStatus.RefusedSOPClassNotSupported, "no query backend is configured"),
    ];

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The patient and study root query/retrieve models (FIND, MOVE, GET).</summary>
    public static IReadOnlyList<string> Models { get; } =
    [
        DicomUids.PatientRootQueryRetrieveInformationModelFind, DicomUids.PatientRootQueryRetrieveInformationModelMove, DicomUids.PatientRootQueryRetrieveInformationModelGet,
        DicomUids.StudyRootQueryRetrieveInformationModelFind, DicomUids.StudyRootQueryRetrieveInformationModelMove, DicomUids.StudyRootQueryRetrieveInformationModelGet,
    ];

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = Models.Select(m => new ServedSopClass(m)).ToList();

    public async Task OnCFindAsync(DimseRequestContext request, CFindRq find, CancellationToken cancellationToken)
    {
        var identifier = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        if (query == null || identifier == null)
        {
            await request.RespondAsync(find.CreateResponse(query == null ? DimseStatus.RefusedSOPClassNotSupported : DimseStatus.QueryRetrieveFind.IdentifierDoesNotMatchSopClass), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        ushort final = DimseStatus.Success;
        try
        {
            await foreach (var match in query.FindAsync(find.AffectedSOPClassUID ?? "", identifier, cancellationToken).ConfigureAwait(false))
            {
                if (request.Cancelled.IsCancellationRequested)
                {
                    final = DimseStatus.Cancel;
                    break;
                }
                await request.RespondAsync(find.CreateResponse(DimseStatus.QueryRetrieveFind.MatchesAreContinuingCurrentMatchSupplied), match, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (QueryException e)
        {
            _logger.LogWarning("C-FIND identifier refused: {Error}", e.Message);
            final = DimseStatus.QueryRetrieveFind.IdentifierDoesNotMatchSopClass;
        }
        if (request.Cancelled.IsCancellationRequested) final = DimseStatus.Cancel;
        await request.RespondAsync(find.CreateResponse(final), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IReadOnlyList<RetrievableInstance>? Instances, ushort Refusal)> ResolveAsync(DimseRequestContext request, string model, ushort identifierMismatch, CancellationToken cancellationToken)
    {
        var identifier = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        if (query == null) return (null, DimseStatus.RefusedSOPClassNotSupported);
        if (identifier == null) return (null, identifierMismatch);
        try
        {
            return (await query.ResolveAsync(model, identifier, cancellationToken).ConfigureAwait(false), 0);
        }
        catch (QueryException e)
        {
            _logger.LogWarning("retrieve identifier refused: {Error}", e.Message);
            return (null, identifierMismatch);
        }
    }

    public async Task OnCMoveAsync(DimseRequestContext request, CMoveRq move, CancellationToken cancellationToken)
    {
        var (instances, refusal) = await ResolveAsync(request, move.AffectedSOPClassUID ?? "", DimseStatus.QueryRetrieveMove.IdentifierDoesNotMatchSopClass, cancellationToken).ConfigureAwait(false);
        if (instances == null)
        {
            await request.RespondAsync(move.CreateResponse(refusal), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (moveDestinations.Find(move.MoveDestination ?? "") is not { } destination)
        {
            _logger.LogWarning("C-MOVE destination {Destination} is not configured", move.MoveDestination);
            await request.RespondAsync(move.CreateResponse(DimseStatus.QueryRetrieveMove.MoveDestinationUnknown), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        var counts = new SubOperationCounts(instances.Count, DimseStatus.QueryRetrieveMove.SubOperationsCompletedOneOrMoreFailures);
        if (instances.Count > 0)
        {
            DimseConnection sub;
            try
            {
                sub = await moveDestinations.OpenAsync(destination, SubAssociationContexts(instances), null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is AssociationRejectedException or AssociationAbortedException or TimeoutException)
            {
                _logger.LogWarning("cannot associate with move destination {Destination}: {Error}", destination.AeTitle, e.Message);
                await request.RespondAsync(move.CreateResponse(DimseStatus.QueryRetrieveMove.RefusedOutOfResourcesUnableToPerformSubOperations), null, cancellationToken).ConfigureAwait(false);
                return;
            }
            await using (sub.ConfigureAwait(false))
            {
                await RunSubOperationsAsync(request, move, instances, counts, sub, destination, cancellationToken).ConfigureAwait(false);
                try
                {
                    await sub.ReleaseAsync(moveDestinations.Options.Timeout, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is TimeoutException or AssociationAbortedException or IOException)
                {
                    // The sub-operations are done and counted; a destination that does not release (it is aborted
                    // instead) does not change their outcome (PS3.4 C.4.2.1.5).
                    _logger.LogWarning("move destination {Destination} did not release the sub-association: {Error}", destination.AeTitle, e.Message);
                }
            }
        }
        var final = move.CreateResponse(counts.Final(request.Cancelled.IsCancellationRequested));
        counts.Apply(final);
        // A final C-MOVE response carries no Remaining count unless cancelled (PS3.4 C.4.2.1.5).
        if (final.Status != DimseStatus.Cancel) final.NumberOfRemainingSuboperations = null;
        await request.RespondAsync(final, null, cancellationToken).ConfigureAwait(false);
    }

    public async Task OnCGetAsync(DimseRequestContext request, CGetRq get, CancellationToken cancellationToken)
    {
        var (instances, refusal) = await ResolveAsync(request, get.AffectedSOPClassUID ?? "", DimseStatus.QueryRetrieveGet.IdentifierDoesNotMatchSopClass, cancellationToken).ConfigureAwait(false);
        if (instances == null)
        {
            await request.RespondAsync(get.CreateResponse(refusal), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        var counts = new SubOperationCounts(instances.Count, DimseStatus.QueryRetrieveGet.SubOperationsCompleteOneOrMoreFailuresOrWarnings);
        await RunSubOperationsAsync(request, get, instances, counts, request.Connection, null, cancellationToken).ConfigureAwait(false);
        var final = get.CreateResponse(counts.Final(request.Cancelled.IsCancellationRequested));
        counts.Apply(final);
        if (final.Status != DimseStatus.Cancel) final.NumberOfRemainingSuboperations = null;
        await request.RespondAsync(final, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends each instance as a C-STORE sub-operation and a pending response after each, the last included (PS3.4 C.4.2.2, C.4.3.2).</summary>
    private async Task RunSubOperationsAsync(DimseRequestContext request, DimseMessage retrieve, IReadOnlyList<RetrievableInstance> instances,
        SubOperationCounts counts, DimseConnection target, KnownAe? moveDestination, CancellationToken cancellationToken)
    {
        var originator = request.Connection.Association.CallingAeTitle;
        var observer = query as IRetrieveObserver;
        var outcomes = observer == null ? null : new List<(RetrievableInstance, ushort)>(instances.Count);
        observer?.SubOperationsStarting(request, moveDestination, instances);
        try
        {
            foreach (var instance in instances)
            {
                if (request.Cancelled.IsCancellationRequested) break;
                ushort status;
                try
                {
                    await using var file = instance.OpenFile();
                    var response = await InstanceSender.SendFileAsync(target, file, retrieve is CMoveRq ? originator : null,
                        retrieve is CMoveRq ? request.MessageId : null, cancellationToken).ConfigureAwait(false);
                    status = response.Status;
                }
                catch (Exception e) when (e is PresentationContextNotAcceptedException or IOException or DicomDataException)
                {
                    _logger.LogWarning("sub-operation for {Sop} failed: {Error}", instance.SopInstanceUid, e.Message);
                    status = DimseStatus.ProcessingFailure;
                }
                counts.Count(status);
                outcomes?.Add((instance, status));
                // After the last one too (Remaining 0), before the sub-association is released, as DCMTK and
                // pynetdicom do: GDCM's move SCU reads the sub-association again only after a C-MOVE response.
                var pending = retrieve.CreateResponse(retrieve is CGetRq ? DimseStatus.QueryRetrieveGet.SubOperationsAreContinuing : DimseStatus.QueryRetrieveMove.SubOperationsAreContinuing);
                counts.Apply(pending);
                await request.RespondAsync(pending, null, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (observer != null && outcomes!.Count > 0) observer.SubOperationsEnded(request, moveDestination, outcomes);
        }
    }

    /// <summary>One presentation context per SOP class and transfer syntax to send, also offering Explicit/Implicit
    /// VR Little Endian for native data so the destination can pick (PS3.4 C.4.2.2.1 sub-association).</summary>
    private static List<PresentationContextProposal> SubAssociationContexts(IReadOnlyList<RetrievableInstance> instances)
    {
        var contexts = new List<PresentationContextProposal>();
        byte id = 1;
        foreach (var group in instances.GroupBy(i => (i.SopClassUid, i.TransferSyntaxUid)))
        {
            if (id > 253) break;
            var syntaxes = new List<string> { group.Key.TransferSyntaxUid };
            if (TransferSyntax.TryGet(group.Key.TransferSyntaxUid, out var ts) && !ts.IsEncapsulated)
            {
                foreach (var native in new[] { DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian })
                    if (!syntaxes.Contains(native)) syntaxes.Add(native);
            }
            contexts.Add(new PresentationContextProposal(id, group.Key.SopClassUid, syntaxes));
            id += 2;
        }
        return contexts;
    }
}
