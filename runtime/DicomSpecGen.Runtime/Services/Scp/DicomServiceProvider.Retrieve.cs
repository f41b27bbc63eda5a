using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Services.Scp;

public sealed partial class DicomServiceProvider
{
    /// <summary>Sub-operation counters of a C-MOVE/C-GET (PS3.4 C.4.2.1.5, C.4.3.1.5).</summary>
    private sealed class SubOperations(int total)
    {
        public int Remaining = total, Completed, Failed, Warning;

        public void Apply(DimseMessage response)
        {
            var (remaining, completed, failed, warning) = ((ushort)Remaining, (ushort)Completed, (ushort)Failed, (ushort)Warning);
            if (response is IDimseSubOperationCounts c)
                (c.NumberOfRemainingSuboperations, c.NumberOfCompletedSuboperations, c.NumberOfFailedSuboperations, c.NumberOfWarningSuboperations) = (remaining, completed, failed, warning);
        }

        public void Count(ushort status)
        {
            Remaining--;
            switch (DimseStatus.ClassOf(status))
            {
                case StatusClass.Success: Completed++; break;
                case StatusClass.Warning: Warning++; break;
                default: Failed++; break;
            }
        }

        /// <summary>The final status: success, or B000 when any sub-operation failed (PS3.4 Table C.4-2).</summary>
        public ushort Final(bool cancelled) => cancelled ? DimseStatus.Cancel : Failed > 0 || Warning > 0 ? ServiceStatus.SubOperationsFailed : DimseStatus.Success;
    }

    private async Task<(IReadOnlyList<RetrievableInstance>? Instances, ushort Refusal)> ResolveAsync(DimseRequestContext request, string model, CancellationToken cancellationToken)
    {
        var identifier = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        if (Options.Query == null) return (null, DimseStatus.RefusedSOPClassNotSupported);
        if (identifier == null) return (null, ServiceStatus.IdentifierDoesNotMatchSopClass);
        try
        {
            return (await Options.Query.ResolveAsync(model, identifier, cancellationToken).ConfigureAwait(false), 0);
        }
        catch (QueryException e)
        {
            _logger.LogWarning("retrieve identifier refused: {Error}", e.Message);
            return (null, ServiceStatus.IdentifierDoesNotMatchSopClass);
        }
    }

    private async Task MoveAsync(DimseRequestContext request, CMoveRq move, CancellationToken cancellationToken)
    {
        var (instances, refusal) = await ResolveAsync(request, move.AffectedSOPClassUID ?? "", cancellationToken).ConfigureAwait(false);
        if (instances == null)
        {
            await request.RespondAsync(move.CreateResponse(refusal), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!Options.MoveDestinations.TryGetValue((move.MoveDestination ?? "").Trim(), out var destination))
        {
            _logger.LogWarning("C-MOVE destination {Destination} is not configured", move.MoveDestination);
            await request.RespondAsync(move.CreateResponse(ServiceStatus.MoveDestinationUnknown), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        var counts = new SubOperations(instances.Count);
        if (instances.Count > 0)
        {
            DimseConnection sub;
            try
            {
                var association = await DicomAssociation.RequestAsync(SubAssociationOptions(destination, instances), _logger, cancellationToken).ConfigureAwait(false);
                sub = DimseConnection.Start(association, null, _logger);
            }
            catch (Exception e) when (e is AssociationRejectedException or AssociationAbortedException or TimeoutException)
            {
                _logger.LogWarning("cannot associate with move destination {Destination}: {Error}", destination.AeTitle, e.Message);
                await request.RespondAsync(move.CreateResponse(ServiceStatus.UnableToPerformSubOperations), null, cancellationToken).ConfigureAwait(false);
                return;
            }
            await using (sub.ConfigureAwait(false))
            {
                await RunSubOperationsAsync(request, move, instances, counts, sub, cancellationToken).ConfigureAwait(false);
                try
                {
                    await sub.ReleaseAsync(Options.SubAssociationTimeout, cancellationToken).ConfigureAwait(false);
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
        if (final is CMoveRsp fm && fm.Status != DimseStatus.Cancel) fm.NumberOfRemainingSuboperations = null;
        await request.RespondAsync(final, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task GetAsync(DimseRequestContext request, CGetRq get, CancellationToken cancellationToken)
    {
        var (instances, refusal) = await ResolveAsync(request, get.AffectedSOPClassUID ?? "", cancellationToken).ConfigureAwait(false);
        if (instances == null)
        {
            await request.RespondAsync(get.CreateResponse(refusal), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        var counts = new SubOperations(instances.Count);
        await RunSubOperationsAsync(request, get, instances, counts, request.Connection, cancellationToken).ConfigureAwait(false);
        var final = get.CreateResponse(counts.Final(request.Cancelled.IsCancellationRequested));
        counts.Apply(final);
        if (final is CGetRsp fg && fg.Status != DimseStatus.Cancel) fg.NumberOfRemainingSuboperations = null;
        await request.RespondAsync(final, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends each instance as a C-STORE sub-operation and a pending response after each, the last included (PS3.4 C.4.2.2, C.4.3.2).</summary>
    private async Task RunSubOperationsAsync(DimseRequestContext request, DimseMessage retrieve, IReadOnlyList<RetrievableInstance> instances,
        SubOperations counts, DimseConnection target, CancellationToken cancellationToken)
    {
        var originator = request.Connection.Association.CallingAeTitle;
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
            // After the last one too (Remaining 0), before the sub-association is released, as DCMTK and
            // pynetdicom do: GDCM's move SCU reads the sub-association again only after a C-MOVE response.
            var pending = retrieve.CreateResponse(ServiceStatus.Pending);
            counts.Apply(pending);
            await request.RespondAsync(pending, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One presentation context per SOP class and transfer syntax to send, also offering Explicit/Implicit
    /// VR Little Endian for native data so the destination can pick (PS3.4 C.4.2.2.1 sub-association).</summary>
    private AssociationOptions SubAssociationOptions(MoveDestination destination, IReadOnlyList<RetrievableInstance> instances)
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
        var common = Options.CommonOptions;
        return new AssociationOptions
        {
            Host = destination.Host,
            Port = destination.Port,
            CallingAeTitle = Options.AeTitle,
            CalledAeTitle = destination.AeTitle,
            PresentationContexts = contexts,
            AssociateTimeout = Options.SubAssociationTimeout,
            Transport = common?.Transport ?? new(),
            Engine = common?.Engine ?? Dul.DulEngine.Generated,
            Trace = common?.Trace,
        };
    }
}
