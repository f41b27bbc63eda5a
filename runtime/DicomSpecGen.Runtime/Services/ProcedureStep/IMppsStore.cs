using DicomSpecGen.Data;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Services.ProcedureStep;

/// <summary>One stored Modality Performed Procedure Step instance: its attributes as created and set, with the
/// columns a listing shows.</summary>
public sealed record MppsRecord(string SopInstanceUid, string Status, string? PatientId, string? PatientName, string? PerformedProcedureStepId,
    string? Modality, string? StartDate, string? StartTime, DateTimeOffset Created, DateTimeOffset Updated, DicomDataset Attributes)
{
    /// <summary>The record of <paramref name="attributes"/> (the listed columns are read from them).</summary>
    public static MppsRecord Of(string uid, DicomDataset attributes, DateTimeOffset created, DateTimeOffset updated) => new(uid,
        attributes.GetString(DicomTags.PerformedProcedureStepStatus)?.Trim() ?? "", attributes.GetString(DicomTags.PatientID)?.Trim(),
        attributes.GetString(DicomTags.PatientName)?.Trim(), attributes.GetString(DicomTags.PerformedProcedureStepID)?.Trim(),
        attributes.GetString(DicomTags.Modality)?.Trim(), attributes.GetString(DicomTags.PerformedProcedureStepStartDate)?.Trim(),
        attributes.GetString(DicomTags.PerformedProcedureStepStartTime)?.Trim(), created, updated, attributes);
}

/// <summary>Where an MPPS SCP keeps its instances (durably: an N-SET may come on a later association, PS3.4 F.7.2.2).
/// The service serialises its calls per store, so an implementation need not guard a read-then-write.</summary>
public interface IMppsStore
{
    /// <summary>Adds a new instance; false (nothing changed) when the UID is already stored.</summary>
    Task<bool> TryAddAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken);

    /// <summary>The instance, or null when none has this UID.</summary>
    Task<MppsRecord?> GetAsync(string sopInstanceUid, CancellationToken cancellationToken);

    /// <summary>Replaces the attributes of a stored instance.</summary>
    Task UpdateAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken);

    /// <summary>Every instance, oldest first.</summary>
    Task<IReadOnlyList<MppsRecord>> ListAsync(CancellationToken cancellationToken);
}
