using System.Collections.Concurrent;
using DicomSpecGen.Data;

namespace DicomSpecGen.Services.ProcedureStep;

/// <summary>MPPS instances kept in memory only (lost when the process ends): for tests and for describing the service.</summary>
public sealed class MemoryMppsStore : IMppsStore
{
    private readonly ConcurrentDictionary<string, MppsRecord> _records = new(StringComparer.Ordinal);

    public Task<bool> TryAddAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        return Task.FromResult(_records.TryAdd(sopInstanceUid, MppsRecord.Of(sopInstanceUid, attributes, now, now)));
    }

    public Task<MppsRecord?> GetAsync(string sopInstanceUid, CancellationToken cancellationToken)
        => Task.FromResult(_records.TryGetValue(sopInstanceUid, out var r) ? r : null);

    public Task UpdateAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken)
    {
        var existing = _records[sopInstanceUid];
        _records[sopInstanceUid] = MppsRecord.Of(sopInstanceUid, attributes, existing.Created, DateTimeOffset.UtcNow);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<MppsRecord>> ListAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<MppsRecord>>([.. _records.Values.OrderBy(r => r.Created)]);
}
