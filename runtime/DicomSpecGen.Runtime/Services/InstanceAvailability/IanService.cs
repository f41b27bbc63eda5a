using System.Collections.Concurrent;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.InstanceAvailability;

/// <summary>A notification the SCP accepted: who sent it, its SOP instance UID and its attributes.</summary>
public sealed record IanNotification(string CallingAeTitle, string SopInstanceUid, string StudyInstanceUid, int SeriesCount, int InstanceCount,
    IReadOnlyList<string> Availabilities, IReadOnlyList<string> RetrieveAeTitles, DicomDataset Attributes, DateTimeOffset ReceivedAt)
{
    /// <summary>One line for logs and the console.</summary>
    public override string ToString()
        => $"IAN {SopInstanceUid} from {CallingAeTitle}: study {StudyInstanceUid}, {InstanceCount} instance(s) in {SeriesCount} series, {string.Join("/", Availabilities)} at {string.Join("/", RetrieveAeTitles)}";
}

/// <summary>The Instance Availability Notification SOP class SCP: accepts an N-CREATE whose attributes meet the SCU
/// column of Table R.3.2-1 (spec/part04/ian.yaml), keeps it in <see cref="Received"/> and hands it to
/// <see cref="IanServiceOptions.OnReceived"/>. What it does with a notification beyond that is the application's
/// (R.1.1: "These types of policies are outside the scope of this Standard").</summary>
/// <remarks>PS3.4 R.3.2.1 (N-CREATE), Table R.3.2-1; R.3.2.1.4 (no specific status codes: PS3.7 Annex C).</remarks>
public sealed class IanService(IanServiceOptions? options = null, ILogger? logger = null) : IDicomService, INCreateHandler, IServiceStatuses
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly ConcurrentDictionary<string, IanNotification> _received = new(StringComparer.Ordinal);

    public IanServiceOptions Options { get; } = options ?? new IanServiceOptions();

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = [.. IanSpec.SopClasses.Select(s => new ServedSopClass(s.Uid))];

    /// <summary>The general statuses the N-CREATE answers (R.3.2.1.4 names no specific ones).</summary>
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } =
    [
        new("N-CREATE", DimseService.InstanceAvailabilityNotification, DimseStatus.Success, "the notification is accepted and kept", "PS3.4 R.3.2.1.3"),
        new("N-CREATE", DimseService.InstanceAvailabilityNotification, DimseStatus.MissingAttribute, "a type 1 or 2 attribute of Table R.3.2-1 (SCU column) is absent", "PS3.4 Table R.3.2-1"),
        new("N-CREATE", DimseService.InstanceAvailabilityNotification, DimseStatus.MissingAttributeValue, "a type 1 attribute of Table R.3.2-1 is empty", "PS3.4 Table R.3.2-1"),
        new("N-CREATE", DimseService.InstanceAvailabilityNotification, DimseStatus.InvalidAttributeValue, "Instance Availability is not one of its values", "PS3.3 C.4.23.1.1"),
        new("N-CREATE", DimseService.InstanceAvailabilityNotification, DimseStatus.DuplicateSOPInstance, "a notification with the Affected SOP Instance UID was received before", "PS3.7 Annex C.5.8"),
    ];

    /// <summary>The notifications accepted, oldest first.</summary>
    public IReadOnlyList<IanNotification> Received => [.. _received.Values.OrderBy(n => n.ReceivedAt)];

    /// <summary>The N-CREATE: the attributes are checked against Table R.3.2-1's SCU column (type 1: present with a
    /// value, 0120/0121; type 2: present, 0120; 1C and 3 not checked), Instance Availability against its values
    /// (0106 with the attribute as Attribute List); a known SOP Instance UID is 0111. Attributes beyond the table
    /// (R.3.2.1.2 forbids them to the SCU) are logged and ignored. Without a UID the SCP allocates one (PS3.7 10.1.5.1.4).</summary>
    /// <remarks>PS3.4 R.3.2.1.2, R.3.2.1.3.</remarks>
    public Task<NormalizedResult> OnNCreateAsync(NormalizedRequest<NCreateRq> request, CancellationToken cancellationToken)
    {
        var caller = request.Context.Connection.Association.CallingAeTitle.Trim();
        var attributes = request.DataSet ?? new DicomDataset();
        var uid = request.Message.AffectedSOPInstanceUID ?? MppsService.NewUid();
        NormalizedResult Answer(ushort status, DicomDataset? list = null) => new(status, list) { Amend = r => ((NCreateRsp)r).AffectedSOPInstanceUID = uid };

        if (Check(attributes, null, "") is { } problem)
        {
            _logger.LogWarning("IAN N-CREATE {Uid} from {Caller} refused (0x{Status:X4}): {Problem}", uid, caller, problem.Status, problem.Text);
            return Task.FromResult(Answer(problem.Status, problem.AttributeList));
        }
        var extra = attributes.Where(i => !IanSpec.Children(null).Any(r => r.Tag == i.Tag.Value)).Select(i => i.Tag.ToString()).ToList();
        if (extra.Count > 0) _logger.LogWarning("IAN N-CREATE {Uid} from {Caller} has attributes Table R.3.2-1 does not list (PS3.4 R.3.2.1.2 forbids them): {Tags}", uid, caller, string.Join(", ", extra));

        var series = attributes.GetSequence(DicomTags.ReferencedSeriesSequence)!.Items;
        var sops = series.SelectMany(s => s.GetSequence(DicomTags.ReferencedSOPSequence)!.Items).ToList();
        var notification = new IanNotification(caller, uid, attributes.GetString(DicomTags.StudyInstanceUID)!.Trim(), series.Count, sops.Count,
            [.. sops.Select(s => s.GetString(DicomTags.InstanceAvailability)!.Trim()).Distinct()],
            [.. sops.SelectMany(s => s.GetStrings(DicomTags.RetrieveAETitle)).Select(a => a.Trim()).Distinct()], attributes, DateTimeOffset.UtcNow);
        if (!_received.TryAdd(uid, notification))
        {
            _logger.LogWarning("IAN N-CREATE refused: notification {Uid} exists (PS3.7 C.5.8)", uid);
            return Task.FromResult(Answer(DimseStatus.DuplicateSOPInstance));
        }
        _logger.LogInformation("{Notification}", notification);
        Options.OnReceived?.Invoke(notification);
        return Task.FromResult(Answer(DimseStatus.Success));
    }

    private sealed record Problem(ushort Status, string Text, DicomDataset? AttributeList = null);

    /// <summary>The first breach of Table R.3.2-1's SCU column in <paramref name="dataset"/> (an item of
    /// <paramref name="parent"/>; null: the top level), or null.</summary>
    private static Problem? Check(DicomDataset dataset, string? parent, string where)
    {
        foreach (var row in IanSpec.Children(parent))
        {
            var item = dataset[new DicomTag(row.Tag)];
            var name = where + row.Keyword;
            if (row.Scu is "1" or "2" && item == null) return new(DimseStatus.MissingAttribute, $"{name} is absent (type {row.Scu}, {row.Source})");
            if (item == null) continue;
            var empty = item is DicomSequence s ? s.Items.Count == 0 : string.IsNullOrWhiteSpace(dataset.GetString(item.Tag));
            if (row.Scu == "1" && empty) return new(DimseStatus.MissingAttributeValue, $"{name} is empty (type 1, {row.Source})");
            if (item.Tag == DicomTags.InstanceAvailability && !empty && !IanSpec.InstanceAvailability.Any(v => v.Value == dataset.GetString(item.Tag)!.Trim()))
                return new(DimseStatus.InvalidAttributeValue, $"{name} '{dataset.GetString(item.Tag)}' is not one of {string.Join(", ", IanSpec.InstanceAvailability.Select(v => v.Value))} ({IanSpec.InstanceAvailability[0].Source})",
                    new DicomDataset().Set(item));
            if (item is DicomSequence sequence)
            {
                for (var i = 0; i < sequence.Items.Count; i++)
                    if (Check(sequence.Items[i], IanSpec.PathOf(row), $"{name}[{i}].") is { } inner) return inner;
            }
        }
        return null;
    }
}

/// <summary>Configuration of an <see cref="IanService"/>.</summary>
public sealed record IanServiceOptions
{
    /// <summary>Called with each accepted notification (e.g. to print it).</summary>
    public Action<IanNotification>? OnReceived { get; init; }
}
