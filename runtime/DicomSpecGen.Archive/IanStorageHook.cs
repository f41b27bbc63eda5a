using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Services.InstanceAvailability;

/// <summary>The archive's storage with the IAN SCU hooked in: each instance the archive accepts (status 0000 or a
/// warning) restarts its study's quiet period in <paramref name="notifier"/>. The study is looked up in the index
/// after the store, so the notification names what the archive holds.</summary>
/// <remarks>PS3.4 R.3.2.1.2 (the SCU chooses when to notify).</remarks>
public sealed class IanStorageHook(DicomArchive archive, IanNotifier notifier) : IStorageService
{
    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var status = await archive.StoreAsync(context, dataSet, transferSyntax, cancellationToken).ConfigureAwait(false);
        // Success, or a warning of PS3.4 Table B.2-1 (Bxxx): the instance is stored.
        if (status == DimseStatus.Success || status >> 12 == 0xB)
        {
            var records = await archive.Index.InstancesAsync([new KeyCondition("sop_uid", KeyMatch.Single, [context.SopInstanceUid])], cancellationToken).ConfigureAwait(false);
            if (records.Count > 0) notifier.InstanceStored(records[0].StudyInstanceUid);
        }
        return status;
    }

    /// <summary>The study's instances in the index, for <see cref="IanNotifierOptions.StudyInstances"/>.</summary>
    public static async Task<IReadOnlyList<IanInstance>> StudyInstancesAsync(IInstanceIndex index, string studyInstanceUid, CancellationToken cancellationToken)
    {
        var records = await index.InstancesAsync([new KeyCondition("study_uid", KeyMatch.Single, [studyInstanceUid])], cancellationToken).ConfigureAwait(false);
        return [.. records.Select(r => new IanInstance(r.SeriesInstanceUid, r.SopClassUid, r.SopInstanceUid))];
    }
}
