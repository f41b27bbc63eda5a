using System.IO.Pipelines;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data.Part10;

namespace DicomSpecGen.Archive;

/// <summary>A file written and flushed to disk under a temporary name, not yet visible in the store.</summary>
/// <param name="TempPath">Where it is staged.</param>
/// <param name="RelativePath">Its name once placed.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="IntentPath">Where the store recorded that this file is about to be placed under <paramref name="RelativePath"/>
/// (kept until the index row is written, so a writer killed in between is found on the next start); null when the
/// store keeps none. For <see cref="FileSystemInstanceStore"/>: "{placement log}#{record id}".</param>
public sealed record StagedFile(string TempPath, string RelativePath, long Size, string? IntentPath = null)
{
    /// <summary>The placement log holding this file's record (<see cref="FileSystemInstanceStore"/>), and the record's id in it.</summary>
    internal PlacementLog? Log { get; init; }

    internal long RecordId { get; init; }

    /// <summary>Its bytes are in the store's journal (durable there), the file itself not yet fsynced.</summary>
    internal bool Journaled { get; init; }
}

/// <summary>A placement begun by a process of this node that is gone (or that gave up): the file under
/// <paramref name="RelativePath"/> may be in place without an index row, or still be in its staging file.</summary>
/// <param name="IntentPath">Where the record is (for <see cref="FileSystemInstanceStore"/>: "{placement log}#{record id}").</param>
/// <param name="RelativePath">The file it names.</param>
/// <param name="SourcePath">Its staging file relative to the store's root (null in records of earlier versions).</param>
public sealed record UnsettledPlacement(string IntentPath, string RelativePath, string? SourcePath = null);

/// <summary>Where stored instances live as Part 10 files.</summary>
public interface IInstanceStore
{
    /// <summary>Writes the File Meta Information and then the data set bytes read from <paramref name="dataSet"/>
    /// (already encoded in the meta's transfer syntax) to a temporary file and flushes it to disk.</summary>
    Task<StagedFile> StageAsync(DicomFileMeta meta, PipeReader dataSet, CancellationToken cancellationToken);

    /// <summary>Makes a staged file visible under its final name, atomically replacing an older copy.</summary>
    void Commit(StagedFile staged);

    /// <summary><see cref="Commit"/>; the new name is durable once <see cref="SyncPlacedAsync"/> covering it completed.</summary>
    Task CommitAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        Commit(staged);
        return Task.CompletedTask;
    }

    /// <summary>With <see cref="DuplicatePolicy.Replace"/>, <see cref="CommitAsync(StagedFile, CancellationToken)"/>; with
    /// <see cref="DuplicatePolicy.KeepFirst"/>, the file is placed only if none has its name (atomically: of several
    /// writers one wins) and otherwise discarded. True when the staged file became the stored one.</summary>
    async Task<bool> CommitAsync(StagedFile staged, DuplicatePolicy policy, CancellationToken cancellationToken)
    {
        if (policy != DuplicatePolicy.Replace) throw new NotSupportedException($"{GetType().Name} has no duplicate policy {policy}");
        await CommitAsync(staged, cancellationToken).ConfigureAwait(false);
        return true;
    }

    void Discard(StagedFile staged);

    /// <summary>Makes the names of files committed before durable (where the store promises durability); the archive
    /// calls it for a batch before settling its records.</summary>
    Task SyncPlacedAsync(IReadOnlyList<StagedFile> placed, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><see cref="Settle(StagedFile)"/> of each.</summary>
    void Settle(IReadOnlyList<StagedFile> settled)
    {
        foreach (var staged in settled) Settle(staged);
    }

    /// <summary>Recovery: places an unsettled record's staging file (if it is still there) under its name. True when placed.</summary>
    Task<bool> PlaceUnsettledAsync(UnsettledPlacement placement, bool replace, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The staged file is placed and indexed (or given up): its placement record goes.</summary>
    void Settle(StagedFile staged)
    {
    }

    /// <summary>The staged file may be placed but its index row was not written (the index failed): its placement record
    /// stays for the next <see cref="Unsettled"/> pass.</summary>
    void Abandon(StagedFile staged)
    {
    }

    /// <summary>Placements begun by processes of this node that are gone, or by this process and given up, not settled.</summary>
    IReadOnlyList<UnsettledPlacement> Unsettled() => [];

    void Settle(UnsettledPlacement placement)
    {
    }

    /// <summary>Moves a stored file that cannot be read out of the store (kept aside, not deleted), unless it changed
    /// since <paramref name="length"/> and <paramref name="lastWriteUtc"/> were seen. True when moved.</summary>
    bool SetAside(string relativePath, long length, DateTime lastWriteUtc) => false;

    Stream OpenRead(string relativePath);
}

/// <summary>The searchable index of stored instances.</summary>
public interface IInstanceIndex
{
    Task AddAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>Adds the record; with <see cref="DuplicatePolicy.KeepFirst"/> an instance already indexed is left as it is.
    /// True when the instance row was written.</summary>
    async Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken)
    {
        if (policy != DuplicatePolicy.Replace) throw new NotSupportedException($"{GetType().Name} has no duplicate policy {policy}");
        await AddAsync(record, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Adds each record with its policy, in order (one transaction where the index has them); per record, whether
    /// its instance row was written.</summary>
    async Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
    {
        var written = new bool[records.Count];
        for (var i = 0; i < records.Count; i++) written[i] = await AddAsync(records[i].Record, records[i].Policy, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Rows matching the conditions at the level, keyed by column name, with the columns of the level and those above it.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken);

    /// <summary>The instances under every entity matching the conditions.</summary>
    Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken);
}
