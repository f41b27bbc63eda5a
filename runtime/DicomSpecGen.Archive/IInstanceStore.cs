using System.IO.Pipelines;
using DicomSpecGen.Data.Part10;

namespace DicomSpecGen.Archive;

/// <summary>A file written and flushed to disk under a temporary name, not yet visible in the store.</summary>
public sealed record StagedFile(string TempPath, string RelativePath, long Size);

/// <summary>Where stored instances live as Part 10 files.</summary>
public interface IInstanceStore
{
    /// <summary>Writes the File Meta Information and then the data set bytes read from <paramref name="dataSet"/>
    /// (already encoded in the meta's transfer syntax) to a temporary file and flushes it to disk.</summary>
    Task<StagedFile> StageAsync(DicomFileMeta meta, PipeReader dataSet, CancellationToken cancellationToken);

    /// <summary>Makes a staged file visible under its final name, atomically replacing an older copy.</summary>
    void Commit(StagedFile staged);

    /// <summary><see cref="Commit"/>, completing once the new name is durable where the store promises durability.</summary>
    Task CommitAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        Commit(staged);
        return Task.CompletedTask;
    }

    void Discard(StagedFile staged);

    Stream OpenRead(string relativePath);
}

/// <summary>The searchable index of stored instances.</summary>
public interface IInstanceIndex
{
    Task AddAsync(InstanceRecord record, CancellationToken cancellationToken);

    /// <summary>Rows matching the conditions at the level, keyed by column name, with the columns of the level and those above it.</summary>
    Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken);

    /// <summary>The instances under every entity matching the conditions.</summary>
    Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken);
}
