using System.Collections.Concurrent;
using System.Net;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Workflow;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Services.StorageCommitment;

/// <summary>One instance referenced in a storage commitment request.</summary>
public sealed record CommitmentReference(string SopClassUid, string SopInstanceUid);

/// <summary>What a storage commitment request came to: the N-ACTION status and, when a report came, its event
/// type, the committed instances and the failed ones with their Failure Reason.</summary>
public sealed record CommitmentResult(string TransactionUid, ushort ActionStatus, ushort? EventType, IReadOnlyList<CommitmentReference> Committed,
    IReadOnlyList<(CommitmentReference Reference, ushort Reason)> Failed, ReportAssociation? ReportedOn);

/// <summary>Receives Storage Commitment reports (N-EVENT-REPORT) for the requests it waits for, by Transaction UID.</summary>
/// <remarks>PS3.4 J.3.3.1.2 (SCU behaviour: the report may come on the request's association or a new one).</remarks>
public sealed class CommitmentReportReceiver : IDicomService, INEventReportHandler
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(ushort, DicomDataset)>> _waiting = new(StringComparer.Ordinal);

    /// <summary>The SOP class, with the SCP role a reporting requestor proposes on a new association accepted.</summary>
    public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(StorageCommitmentService.SopClassUid, ServedSopClass.UncompressedLittleEndian, RequestorMayBeScp: true)];

    public Task<(ushort EventType, DicomDataset Report)> WaitAsync(string transactionUid)
        => _waiting.GetOrAdd(transactionUid, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public Task<NormalizedResult> OnNEventReportAsync(NormalizedRequest<NEventReportRq> request, CancellationToken cancellationToken)
    {
        var data = request.DataSet ?? new DicomDataset();
        var transaction = data.GetString(DicomTags.TransactionUID)?.TrimEnd('\0', ' ');
        if (transaction == null) return Task.FromResult(new NormalizedResult(DimseStatus.MissingAttribute));
        if (!StorageCommitmentSpec.Events.Any(e => e.Id == request.Message.EventTypeID)) return Task.FromResult(new NormalizedResult(DimseStatus.NoSuchEventType));
        // Signalled once the response is sent: a waiter may release the association at once, and the SCP (which
        // waits for this response before answering a release) must have it first.
        var waiter = _waiting.GetOrAdd(transaction, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var eventType = request.Message.EventTypeID ?? 0;
        return Task.FromResult(new NormalizedResult(DimseStatus.Success, null, _ =>
        {
            waiter.TrySetResult((eventType, data));
            return Task.CompletedTask;
        }));
    }
}

/// <summary>The Storage Commitment Push Model SCU: N-ACTION (Action Type 1, a new Transaction UID, the Referenced SOP
/// Sequence), then the report on the same association, or on a new one accepted on <c>listen</c>.</summary>
/// <remarks>PS3.4 J.3.2.1.2 and J.3.3.1.2.</remarks>
public static class StorageCommitmentScu
{
    /// <summary>The Action Information of Table J.3-1.</summary>
    public static DicomDataset ActionInformation(string transactionUid, IEnumerable<CommitmentReference> references)
    {
        var sequence = new DicomSequence(DicomTags.ReferencedSOPSequence);
        foreach (var r in references)
            sequence.Items.Add(new DicomDataset().SetString(DicomTags.ReferencedSOPClassUID, r.SopClassUid).SetString(DicomTags.ReferencedSOPInstanceUID, r.SopInstanceUid));
        return new DicomDataset().SetString(DicomTags.TransactionUID, transactionUid).Set(sequence);
    }

    /// <summary>Requests commitment of <paramref name="references"/> from the peer of <paramref name="options"/> and
    /// waits up to <paramref name="timeout"/> for the report: on the same association, or with <paramref name="listen"/>
    /// on a new association accepted there (our AE title: the calling one of <paramref name="options"/>).</summary>
    public static async Task<CommitmentResult> RequestAsync(RequestorOptions options, IReadOnlyList<CommitmentReference> references, TimeSpan timeout,
        IPEndPoint? listen = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var receiver = new CommitmentReportReceiver();
        var registry = new ServiceRegistry(logger).Add(receiver);
        await using var server = listen == null ? null : DicomServer.Start(listen.Address, listen.Port, new AcceptorOptions
        {
            Policy = new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = options.CallingAeTitle }),
            Transport = options.Transport,
        }, registry, logger);
        var transaction = Services.ProcedureStep.MppsService.NewUid();
        var report = receiver.WaitAsync(transaction);
        var proposals = options.PresentationContexts.Any(p => p.AbstractSyntax == StorageCommitmentService.SopClassUid) ? options
            : options with { PresentationContexts = [new PresentationContextProposal(1, StorageCommitmentService.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])] };
        await using var client = await DicomClient.ConnectAsync(proposals, registry, logger, cancellationToken).ConfigureAwait(false);
        var response = await client.RequestAsync(new NActionRq
        {
            RequestedSOPClassUID = StorageCommitmentService.SopClassUid,
            RequestedSOPInstanceUID = StorageCommitmentService.WellKnownInstanceUid,
            MessageID = client.Connection.NextMessageId(),
            ActionTypeID = StorageCommitmentSpec.Actions.Single(a => a.Name == "RequestStorageCommitment").Id,
        }, ActionInformation(transaction, references), cancellationToken).ConfigureAwait(false);
        if (response.Status != DimseStatus.Success)
        {
            await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            return new CommitmentResult(transaction, response.Status, null, [], [], null);
        }
        // On a new association the SCP reports once we have released ours (PS3.4 J.3.3).
        if (listen != null) await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        (ushort EventType, DicomDataset Report)? got = null;
        try
        {
            got = await report.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
        if (listen == null) await client.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        if (got is not { } r) return new CommitmentResult(transaction, response.Status, null, [], [], null);
        var committed = (r.Report.GetSequence(DicomTags.ReferencedSOPSequence)?.Items ?? []).Select(Reference).ToList();
        var failed = (r.Report.GetSequence(DicomTags.FailedSOPSequence)?.Items ?? []).Select(i => (Reference(i), i.GetUInt16(DicomTags.FailureReason) ?? 0)).ToList();
        return new CommitmentResult(transaction, response.Status, r.EventType, committed, failed, listen == null ? ReportAssociation.Same : ReportAssociation.New);
    }

    private static CommitmentReference Reference(DicomDataset item)
        => new(item.GetString(DicomTags.ReferencedSOPClassUID)?.TrimEnd('\0', ' ') ?? "", item.GetString(DicomTags.ReferencedSOPInstanceUID)?.TrimEnd('\0', ' ') ?? "");
}
