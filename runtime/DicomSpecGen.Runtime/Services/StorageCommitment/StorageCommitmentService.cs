using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.StorageCommitment;

/// <summary>Which association a Storage Commitment report goes on (PS3.4 J.3.3: the SCP may send it on the
/// association of the request, or on one it opens to the SCU).</summary>
public enum ReportAssociation
{
    Same,
    New,
}

/// <summary>What the archive holds, as Storage Commitment checks it: the SOP class of each stored instance.</summary>
public interface ICommitmentArchive
{
    /// <summary>SOP Class UID by SOP Instance UID, for those of <paramref name="sopInstanceUids"/> that are stored.</summary>
    Task<IReadOnlyDictionary<string, string>> SopClassesAsync(IReadOnlyList<string> sopInstanceUids, CancellationToken cancellationToken);
}

/// <summary>Configuration of a <see cref="StorageCommitmentService"/>.</summary>
public sealed record StorageCommitmentOptions
{
    /// <summary>Where reports go unless <see cref="ReportAssociationByAe"/> names the requestor.</summary>
    public ReportAssociation ReportAssociation { get; init; } = ReportAssociation.Same;

    /// <summary>Per calling AE title: where its reports go.</summary>
    public IReadOnlyDictionary<string, ReportAssociation> ReportAssociationByAe { get; init; } = new Dictionary<string, ReportAssociation>();

    /// <summary>Opens the new associations (its known AEs give the requestors' host and port).</summary>
    public AeConnector? Connector { get; init; }

    /// <summary>Wait before sending the report.</summary>
    public TimeSpan ReportDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Tries of a report on a new association (bounded), <see cref="RetryInterval"/> apart.</summary>
    public int ReportAttempts { get; init; } = 3;

    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>The Storage Commitment Push Model SCP: answers N-ACTION (Action Type 1), then checks each referenced
/// instance against the archive (stored, with the same SOP class) and sends the N-EVENT-REPORT: event type 1 when
/// all are committed, 2 with a Failed SOP Sequence otherwise (Failure Reasons 0112 no such instance, 0119 class
/// conflict), on the same association or on a new one to the requestor's AE. Types, events, attributes and failure
/// reasons come from spec/part04/storage-commitment.yaml (<see cref="StorageCommitmentSpec"/>).</summary>
/// <remarks>PS3.4 J.3.2 (N-ACTION), J.3.3 (N-EVENT-REPORT), Tables J.3-1 and J.3-2.</remarks>
public sealed class StorageCommitmentService(ICommitmentArchive archive, StorageCommitmentOptions? options = null, ILogger? logger = null) : IDicomService, INActionHandler, IServiceStatuses
{
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } =
    [
        new("N-ACTION", DimseService.StorageCommitmentPushModel, DimseStatus.Success, "the request is taken; the result follows in an N-EVENT-REPORT"),
        new("N-ACTION", DimseService.StorageCommitmentPushModel, DimseStatus.NoSuchActionType, "an Action Type ID that PS3.4 Table J.3-1 lacks"),
        new("N-ACTION", DimseService.StorageCommitmentPushModel, DimseStatus.NoSuchSOPInstance, "a Requested SOP Instance other than the well-known instance (PS3.4 J.3.5)"),
        new("N-ACTION", DimseService.StorageCommitmentPushModel, DimseStatus.MissingAttribute, "Transaction UID or Referenced SOP Sequence absent"),
        new("N-ACTION", DimseService.StorageCommitmentPushModel, DimseStatus.MissingAttributeValue, "Transaction UID, Referenced SOP Sequence or an item's UIDs empty (Attribute List)"),
    ];

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public StorageCommitmentOptions Options { get; } = options ?? new();

    public static string SopClassUid => StorageCommitmentSpec.SopClasses.Single(s => s.Name == "StorageCommitmentPushModel").Uid;

    /// <summary>The well-known SOP instance every N-ACTION names (PS3.4 J.3.5).</summary>
    public static string WellKnownInstanceUid => StorageCommitmentSpec.SopClasses.Single(s => s.Name == "StorageCommitmentPushModelInstance").Uid;

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(SopClassUid)];

    /// <summary>Reports sent (for logs and tests): the transaction, event type and association used.</summary>
    public event Action<string, ushort, ReportAssociation>? Reported;

    /// <summary>The N-ACTION. Its statuses are the PS3.7 Annex C general ones (PS3.4 J.3.2.1.4 defines none):
    /// 0123 for an action type Table J.3-1 lacks, 0112 for another instance than the well-known one, 0120 when Transaction
    /// UID or Referenced SOP Sequence is absent, 0121 (with those attributes as Attribute List) when one is empty or an
    /// item lacks its class or instance UID. A refused request changes nothing and sends no report.</summary>
    public Task<NormalizedResult> OnNActionAsync(NormalizedRequest<NActionRq> request, CancellationToken cancellationToken)
    {
        var action = request.Message.ActionTypeID;
        if (!StorageCommitmentSpec.Actions.Any(a => a.Id == action))
            return Refuse(DimseStatus.NoSuchActionType, $"Action Type ID {action} is not in PS3.4 Table J.3-1");
        if (request.Message.RequestedSOPInstanceUID?.TrimEnd('\0', ' ') != WellKnownInstanceUid)
            return Refuse(DimseStatus.NoSuchSOPInstance, $"Requested SOP Instance {request.Message.RequestedSOPInstanceUID} is not the well-known instance (PS3.4 J.3.5)");
        var data = request.DataSet ?? new DicomDataset();
        var transaction = data.GetString(DicomTags.TransactionUID)?.TrimEnd('\0', ' ');
        var sequence = data.GetSequence(DicomTags.ReferencedSOPSequence);
        if (!data.Contains(DicomTags.TransactionUID) || sequence == null)
            return Refuse(DimseStatus.MissingAttribute, "Transaction UID and Referenced SOP Sequence are type 1 (PS3.4 Table J.3-1)");
        var missing = new DicomDataset();
        if (string.IsNullOrEmpty(transaction)) missing.Set(data[DicomTags.TransactionUID]!);
        var references = new List<(string Class, string Instance)>();
        foreach (var item in sequence.Items)
        {
            var sop = item.GetString(DicomTags.ReferencedSOPClassUID)?.TrimEnd('\0', ' ');
            var uid = item.GetString(DicomTags.ReferencedSOPInstanceUID)?.TrimEnd('\0', ' ');
            if (string.IsNullOrEmpty(sop) || string.IsNullOrEmpty(uid)) missing.Set(sequence);
            else references.Add((sop, uid));
        }
        if (sequence.Items.Count == 0) missing.Set(sequence);
        if (missing.Any())
            return Refuse(DimseStatus.MissingAttributeValue, "Transaction UID, Referenced SOP Sequence and its items' UIDs are type 1 (PS3.4 Table J.3-1)", missing);

        var caller = request.Context.Connection.Association.CallingAeTitle.Trim();
        var where = Options.ReportAssociationByAe.TryGetValue(caller, out var byAe) ? byAe : Options.ReportAssociation;
        _logger.LogInformation("Storage commitment {Transaction} from {Caller}: {Count} instance(s); report on the {Where} association", transaction, caller, references.Count, where);
        return Task.FromResult(new NormalizedResult(DimseStatus.Success, null, ct => ReportAsync(request, caller, transaction!, references, where, ct)));

        Task<NormalizedResult> Refuse(ushort status, string why, DicomDataset? list = null)
        {
            _logger.LogWarning("Storage commitment N-ACTION refused {Status}: {Why}", $"0x{status:X4}", why);
            return Task.FromResult(new NormalizedResult(status, list));
        }
    }

    /// <summary>The report's event type and data set (Table J.3-2).</summary>
    public async Task<(ushort EventType, DicomDataset DataSet)> BuildReportAsync(string transaction, IReadOnlyList<(string Class, string Instance)> references, CancellationToken cancellationToken)
    {
        var stored = await archive.SopClassesAsync([.. references.Select(r => r.Instance).Distinct()], cancellationToken).ConfigureAwait(false);
        var committed = new DicomSequence(DicomTags.ReferencedSOPSequence);
        var failed = new DicomSequence(DicomTags.FailedSOPSequence);
        foreach (var (sop, uid) in references)
        {
            var item = new DicomDataset().SetString(DicomTags.ReferencedSOPClassUID, sop).SetString(DicomTags.ReferencedSOPInstanceUID, uid);
            string? reason = !stored.TryGetValue(uid, out var storedClass) ? "NoSuchObjectInstance" : storedClass != sop ? "ClassInstanceConflict" : null;
            if (reason == null) committed.Items.Add(item);
            else failed.Items.Add(item.SetUInt16(DicomTags.FailureReason, StorageCommitmentSpec.FailureReasons.Single(f => f.Name == reason).Code));
        }
        var eventType = StorageCommitmentSpec.Events.Single(e => e.Name == (failed.Items.Count == 0 ? "StorageCommitmentRequestSuccessful" : "StorageCommitmentRequestCompleteFailuresExist")).Id;
        var report = new DicomDataset().SetString(DicomTags.TransactionUID, transaction);
        // Event 2: Referenced SOP Sequence only when something was committed (Table J.3-2, 1C).
        if (committed.Items.Count > 0) report.Set(committed);
        if (failed.Items.Count > 0) report.Set(failed);
        return (eventType, report);
    }

    private async Task ReportAsync(NormalizedRequest<NActionRq> request, string caller, string transaction, IReadOnlyList<(string, string)> references,
        ReportAssociation where, CancellationToken cancellationToken)
    {
        try
        {
            if (Options.ReportDelay > TimeSpan.Zero) await Task.Delay(Options.ReportDelay, cancellationToken).ConfigureAwait(false);
            var (eventType, report) = await BuildReportAsync(transaction, references, cancellationToken).ConfigureAwait(false);
            if (where == ReportAssociation.Same)
            {
                var response = await request.Context.SendRequestAsync(EventReport(request.Context.Connection, eventType), report, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Storage commitment {Transaction}: event {Event} reported on the same association: 0x{Status:X4}", transaction, eventType, response.Status);
            }
            else
            {
                await ReportOnNewAssociationAsync(caller, transaction, eventType, report, cancellationToken).ConfigureAwait(false);
            }
            Reported?.Invoke(transaction, eventType, where);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Storage commitment {Transaction}: the report could not be sent", transaction);
        }
    }

    private static NEventReportRq EventReport(DimseConnection connection, ushort eventType) => new()
    {
        AffectedSOPClassUID = SopClassUid,
        AffectedSOPInstanceUID = WellKnownInstanceUid,
        MessageID = connection.NextMessageId(),
        EventTypeID = eventType,
    };

    /// <summary>Opens an association to the requestor's AE proposing the SCP role for the SOP class and sends the
    /// report there; tried <see cref="StorageCommitmentOptions.ReportAttempts"/> times.</summary>
    /// <remarks>PS3.4 J.3.3 (report on a new association; SCP/SCU Role Selection, PS3.7 D.3.3.4).</remarks>
    private async Task ReportOnNewAssociationAsync(string caller, string transaction, ushort eventType, DicomDataset report, CancellationToken cancellationToken)
    {
        var connector = Options.Connector ?? throw new InvalidOperationException("reports on a new association need StorageCommitmentOptions.Connector");
        var ae = connector.Find(caller) ?? throw new InvalidOperationException($"calling AE {caller} is not a known AE: its report cannot be sent on a new association");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await connector.OpenAsync(ae,
                    [new PresentationContextProposal(1, SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: false, ScpRole: true)],
                    null, cancellationToken).ConfigureAwait(false);
                var response = await connection.RequestFinalAsync(connection.Association.GetAcceptedContextId(SopClassUid), EventReport(connection, eventType), report, cancellationToken).ConfigureAwait(false);
                await connection.ReleaseAsync(connector.Options.Timeout, cancellationToken).ConfigureAwait(false);
                _logger.LogInformation("Storage commitment {Transaction}: event {Event} reported to {Ae} on a new association: 0x{Status:X4}", transaction, eventType, ae.AeTitle, response.Status);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Options.ReportAttempts)
            {
                _logger.LogWarning("Storage commitment {Transaction}: report to {Ae} failed (try {Attempt} of {Max}): {Error}", transaction, ae.AeTitle, attempt, Options.ReportAttempts, e.Message);
                await Task.Delay(Options.RetryInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
