using DicomSpecGen.Archive;

namespace DicomSpecGen.Services.StorageCommitment;

/// <summary>The archive's index as what Storage Commitment checks.</summary>
public sealed class IndexCommitmentArchive(IInstanceIndex index) : ICommitmentArchive
{
    public async Task<IReadOnlyDictionary<string, string>> SopClassesAsync(IReadOnlyList<string> sopInstanceUids, CancellationToken cancellationToken)
    {
        if (sopInstanceUids.Count == 0) return new Dictionary<string, string>();
        var records = await index.InstancesAsync([new KeyCondition("sop_uid", KeyMatch.UidList, sopInstanceUids)], cancellationToken).ConfigureAwait(false);
        return records.ToDictionary(r => r.SopInstanceUid, r => r.SopClassUid, StringComparer.Ordinal);
    }
}
