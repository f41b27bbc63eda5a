using System.Numerics;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Dimse;
using DicomSpecGen.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.ProcedureStep;

/// <summary>The Modality Performed Procedure Step SOP class SCP: N-CREATE and N-SET of instances kept in an
/// <see cref="IMppsStore"/>. States, transitions, refusals and the N-SET attribute usage come from
/// spec/part04/mpps.yaml (<see cref="MppsSpec"/>).</summary>
/// <remarks>PS3.4 F.7.2.1 (N-CREATE), F.7.2.2 (N-SET), Table F.7.2-1, Table F.7.2-2.</remarks>
public sealed class MppsService(IMppsStore store, ILogger? logger = null) : IDicomService, INCreateHandler, INSetHandler, IServiceStatuses
{
    /// <summary>The statuses of the two operations; the refusals of the state model are the rules of spec/part04/mpps.yaml.</summary>
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } =
    [
        new("N-CREATE", DimseService.ModalityPerformedProcedureStep, DimseStatus.Success, "the instance is created IN PROGRESS"),
        .. MppsSpec.Rules.Where(r => r.By == "N-CREATE").Select(r => new ServiceStatusUse(r.By, DimseService.ModalityPerformedProcedureStep, r.Status, r.Description, r.Source)),
        new("N-CREATE", DimseService.ModalityPerformedProcedureStep, DimseStatus.DuplicateSOPInstance, "an instance with the Affected SOP Instance UID exists"),
        new("N-SET", DimseService.ModalityPerformedProcedureStep, DimseStatus.Success, "the attributes are replaced"),
        new("N-SET", DimseService.ModalityPerformedProcedureStep, DimseStatus.NoSuchSOPInstance, "no instance with the Requested SOP Instance UID"),
        .. MppsSpec.Rules.Where(r => r.By == "N-SET").Select(r => new ServiceStatusUse(r.By, DimseService.ModalityPerformedProcedureStep, r.Status,
            r.ErrorComment is { } name && MppsSpec.ErrorComments.FirstOrDefault(c => c.Name == name) is { } comment
                ? $"{r.Description} Error Comment \"{comment.ErrorComment}\", Error ID {comment.ErrorId:X4}H ({comment.Source})." : r.Description, r.Source)),
        new("N-SET", DimseService.ModalityPerformedProcedureStep, DimseStatus.InvalidAttributeValue, "an attribute Table F.7.2-1 does not allow in N-SET, or a status no transition reaches (Modification List)"),
    ];

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = [.. MppsSpec.SopClasses.Select(s => new ServedSopClass(s.Uid))];

    public IMppsStore Store { get; } = store;

    /// <summary>The N-CREATE: the status must be the initial state's value (rule CreateNotInProgress: 0106 with the
    /// offending attribute as Attribute List); an existing UID is 0111 (PS3.7 C.5.8); without a UID the SCP
    /// allocates one and returns it (PS3.7 10.1.5.1.4).</summary>
    /// <remarks>PS3.4 F.7.2.1.3.</remarks>
    public async Task<NormalizedResult> OnNCreateAsync(NormalizedRequest<NCreateRq> request, CancellationToken cancellationToken)
    {
        var attributes = request.DataSet ?? new DicomDataset();
        var status = attributes.GetString(DicomTags.PerformedProcedureStepStatus)?.Trim();
        var initial = MppsSpec.States.Single(s => s.Initial);
        if (status != initial.Value)
        {
            var rule = Rule("N-CREATE");
            _logger.LogWarning("MPPS N-CREATE refused ({Rule}, {Source}): Performed Procedure Step Status '{Status}'", rule.Name, rule.Source, status);
            return new NormalizedResult(rule.Status, rule.AttributeList ? Only(attributes, DicomTags.PerformedProcedureStepStatus) : null);
        }
        var uid = request.Message.AffectedSOPInstanceUID ?? NewUid();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!await Store.TryAddAsync(uid, attributes, cancellationToken).ConfigureAwait(false))
            {
                _logger.LogWarning("MPPS N-CREATE refused: instance {Uid} exists (PS3.7 C.5.8)", uid);
                return new NormalizedResult(DimseStatus.DuplicateSOPInstance) { Amend = r => ((NCreateRsp)r).AffectedSOPInstanceUID = uid };
            }
        }
        finally
        {
            _gate.Release();
        }
        _logger.LogInformation("MPPS {Uid} created {Status}", uid, status);
        return new NormalizedResult(DimseStatus.Success) { Amend = r => ((NCreateRsp)r).AffectedSOPInstanceUID = uid };
    }

    /// <summary>The N-SET: an unknown instance is 0112 (PS3.7 C.5.19); one in a final state is refused by rule
    /// SetAfterFinal (0110 with the Table F.7.2-2 Error Comment and Error ID); attributes Table F.7.2-1 does not allow in
    /// N-SET, and a status no transition reaches, are 0106 Invalid Attribute Value with those attributes as the
    /// Modification List (PS3.7 C.5.11). Else the attributes replace the stored ones, a sequence with all its items
    /// (PS3.4 F.7.2.2.2); Specific Character Set is kept (F.7.2.2.3: the N-SET value does not replace it).</summary>
    /// <remarks>PS3.4 F.7.2.2.3.</remarks>
    public async Task<NormalizedResult> OnNSetAsync(NormalizedRequest<NSetRq> request, CancellationToken cancellationToken)
    {
        var uid = request.Message.RequestedSOPInstanceUID ?? "";
        var modifications = request.DataSet ?? new DicomDataset();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await Store.GetAsync(uid, cancellationToken).ConfigureAwait(false);
            if (existing == null)
            {
                _logger.LogWarning("MPPS N-SET refused: no instance {Uid} (PS3.7 C.5.19)", uid);
                return new NormalizedResult(DimseStatus.NoSuchSOPInstance) { Amend = r => ((NSetRsp)r).AffectedSOPInstanceUID = uid };
            }
            if (MppsSpec.StateOf(existing.Status) is not { } current || !MppsSpec.Transitions.Any(t => t.By == "N-SET" && t.From == current.Name))
            {
                var rule = Rule("N-SET");
                var comment = MppsSpec.ErrorComments.Single(c => c.Name == rule.ErrorComment);
                _logger.LogWarning("MPPS N-SET of {Uid} refused ({Rule}, {Source}): its status is {Status}", uid, rule.Name, rule.Source, existing.Status);
                return new NormalizedResult(rule.Status)
                {
                    Amend = r =>
                    {
                        var rsp = (NSetRsp)r;
                        rsp.ErrorComment = comment.ErrorComment;
                        rsp.ErrorID = comment.ErrorId;
                        rsp.AffectedSOPInstanceUID = uid;
                    },
                };
            }
            var invalid = new DicomDataset();
            foreach (var item in modifications)
            {
                var row = MppsSpec.Attributes.FirstOrDefault(a => a.Parent == null && a.Tag == item.Tag.Value);
                if (row is { NSetScu: "-" }) invalid.Set(item);
            }
            var newStatus = modifications.GetString(DicomTags.PerformedProcedureStepStatus)?.Trim();
            if (modifications.Contains(DicomTags.PerformedProcedureStepStatus) && (newStatus == null || !MppsSpec.CanSet(existing.Status, newStatus)))
                invalid.Set(modifications[DicomTags.PerformedProcedureStepStatus]!);
            if (invalid.Any())
            {
                _logger.LogWarning("MPPS N-SET of {Uid} refused (PS3.4 Table F.7.2-1, PS3.7 C.5.11): {Tags} may not be set so", uid, string.Join(", ", invalid.Select(i => i.Tag)));
                return new NormalizedResult(DimseStatus.InvalidAttributeValue, invalid);
            }
            var updated = existing.Attributes;
            foreach (var item in modifications)
            {
                if (item.Tag == DicomTags.SpecificCharacterSet && updated.Contains(DicomTags.SpecificCharacterSet)) continue;
                updated.Set(item);
            }
            await Store.UpdateAsync(uid, updated, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("MPPS {Uid} set: status {Status}", uid, updated.GetString(DicomTags.PerformedProcedureStepStatus)?.Trim());
            return new NormalizedResult(DimseStatus.Success) { Amend = r => ((NSetRsp)r).AffectedSOPInstanceUID = uid };
        }
        finally
        {
            _gate.Release();
        }
    }

    private static MppsRuleRow Rule(string by) => MppsSpec.Rules.Single(r => r.By == by);

    private static DicomDataset Only(DicomDataset source, DicomTag tag)
    {
        var result = new DicomDataset();
        if (source[tag] is { } item) result.Set(item);
        return result;
    }

    /// <summary>A UID derived from a UUID (PS3.5 B.2).</summary>
    public static string NewUid() => "2.25." + new BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true);
}
