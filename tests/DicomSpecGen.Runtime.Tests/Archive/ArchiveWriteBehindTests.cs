using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.StorageCommitment;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The archive's write-behind index: a C-STORE's Success does not wait for its index row, and every read
/// through the archive (C-FIND, C-MOVE/C-GET resolution, Storage Commitment) waits for the rows of the stores answered
/// before it, so it finds them. docs/scale-out.md "The store path".</summary>
public abstract class ArchiveWriteBehindTests
{
    protected abstract IndexBackend Backend { get; }

    /// <summary>The real index, each batch held until <see cref="Release"/> (or delayed by <paramref name="delayMs"/>).</summary>
    private sealed class HeldIndex(IInstanceIndex inner, bool held, int delayMs = 0) : IInstanceIndex
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);

        public void Release() => _release.TrySetResult();

        public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

        public Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken) => inner.AddAsync(record, policy, cancellationToken);

        public async Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
        {
            if (held) await _release.Task;
            if (delayMs > 0) await Task.Delay(delayMs, cancellationToken);
            Interlocked.Increment(ref _batches);
            return await inner.AddBatchAsync(records, cancellationToken);
        }

        public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.QueryAsync(level, conditions, cancellationToken);

        public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.InstancesAsync(conditions, cancellationToken);
    }

    private static DicomDataset ImageKeys(TestFiles.Instance f) => new DicomDataset()
        .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "IMAGE")
        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, f.StudyUid)
        .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, f.SeriesUid)
        .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, f.SopInstanceUid);

    private static async Task<List<string>> FindAsync(DicomArchive archive, TestFiles.Instance f)
    {
        var found = new List<string>();
        await foreach (var r in archive.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, ImageKeys(f), CancellationToken.None))
            found.Add(r.GetString(DicomTags.SOPInstanceUID)!);
        return found;
    }

    [Fact]
    public async Task Success_does_not_wait_for_the_row_and_a_find_right_after_it_waits_for_the_row_and_sees_it()
    {
        var folder = TestFiles.TempDir();
        var index = new HeldIndex(DicomArchive.OpenIndex(folder, Backend.IndexFor(folder)), held: true);
        using var archive = new DicomArchive(new FileSystemInstanceStore(folder, flushToDisk: false), index, "SCP");
        var f = Assert.Single(await TestFiles.CreateAsync(TestFiles.TempDir(), 1));
        // Answered while the index cannot commit anything.
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
        Assert.Equal(0, index.Batches);
        var find = FindAsync(archive, f);
        var resolve = archive.ResolveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, ImageKeys(f), CancellationToken.None);
        var commitment = new IndexCommitmentArchive(archive.Index).SopClassesAsync([f.SopInstanceUid], CancellationToken.None);
        await Task.Delay(200);
        Assert.False(find.IsCompleted, "the C-FIND did not wait for the row");
        Assert.False(resolve.IsCompleted, "the retrieve did not wait for the row");
        Assert.False(commitment.IsCompleted, "the commitment lookup did not wait for the row");
        index.Release();
        Assert.Equal([f.SopInstanceUid], await find);
        Assert.Equal(f.SopInstanceUid, Assert.Single(await resolve).SopInstanceUid);
        Assert.Contains(f.SopInstanceUid, (await commitment).Keys);
    }

    [Fact]
    public async Task Concurrent_stores_each_followed_by_a_find_all_see_their_instance_and_rows_are_batched()
    {
        var folder = TestFiles.TempDir();
        var index = new HeldIndex(DicomArchive.OpenIndex(folder, Backend.IndexFor(folder)), held: false, delayMs: 20);
        using var archive = new DicomArchive(new FileSystemInstanceStore(folder, flushToDisk: false), index, "SCP");
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 24);
        var misses = await Task.WhenAll(files.Chunk(3).Select(chunk => Task.Run(async () =>
        {
            var missed = new List<string>();
            foreach (var f in chunk)
            {
                Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
                if (!(await FindAsync(archive, f)).Contains(f.SopInstanceUid)) missed.Add(f.SopInstanceUid);
            }
            return missed;
        })));
        Assert.Empty(misses.SelectMany(m => m));
        Assert.Equal(24, (await archive.Index.InstancesAsync([], CancellationToken.None)).Count);
        // Eight associations at once against a 20 ms commit: rows shared transactions.
        Assert.InRange(index.Batches, 1, 23);
        Assert.Empty(((FileSystemInstanceStore)archive.Store).Unsettled());
    }
}

public sealed class SqliteArchiveWriteBehindTests : ArchiveWriteBehindTests
{
    protected override IndexBackend Backend => IndexBackend.Sqlite;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresArchiveWriteBehindTests(PostgresCluster cluster) : ArchiveWriteBehindTests
{
    protected override IndexBackend Backend { get; } = new PostgresBackend(cluster);
}
