using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>An index that fails every write, as a process killed before its index rows would: the files are placed,
/// their placement records stay open. Reads go to <paramref name="inner"/>.</summary>
internal sealed class IndexDiesOnWrite(IInstanceIndex inner) : IInstanceIndex
{
    public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => throw new IOException("killed before the index row");

    public Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken) => throw new IOException("killed before the index row");

    public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
        => inner.QueryAsync(level, conditions, cancellationToken);

    public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
        => inner.InstancesAsync(conditions, cancellationToken);
}
