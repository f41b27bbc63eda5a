using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>An association aborted (its store's token cancelled) after the received file was renamed into place but
/// before its index row: the row is still written and the placement record settled, so the whole file does not stay
/// invisible to queries until the next start's reconciliation. Found by the soak
/// (tests/DicomSpecGen.Interop.Tests/Reliability/SoakTests.cs: 8 unsettled records in 75 s of aborts).</summary>
public class AbortAfterPlacementTests
{
    /// <summary>Cancels the store's token as the index write begins, like an A-ABORT arriving at that moment, and honours
    /// the token it is given.</summary>
    private sealed class AbortOnIndexWrite(IInstanceIndex inner, CancellationTokenSource association) : IInstanceIndex
    {
        public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken)
        {
            association.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return inner.AddAsync(record, cancellationToken);
        }

        public Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken)
        {
            association.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return inner.AddAsync(record, policy, cancellationToken);
        }

        public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.QueryAsync(level, conditions, cancellationToken);

        public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.InstancesAsync(conditions, cancellationToken);
    }

    [Theory]
    [InlineData(DuplicatePolicy.Replace)]
    [InlineData(DuplicatePolicy.KeepFirst)]
    public async Task A_placed_file_is_indexed_even_when_the_association_ends_before_its_row(DuplicatePolicy policy)
    {
        var folder = TestFiles.TempDir();
        var sent = Assert.Single(await TestFiles.CreateAsync(TestFiles.TempDir(), 1));
        using var association = new CancellationTokenSource();
        using var real = DicomArchive.OpenIndex(folder, null);
        var archive = new DicomArchive(new FileSystemInstanceStore(folder, flushToDisk: false), new AbortOnIndexWrite(real, association), "SCP") { Duplicates = policy };

        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, sent.Path, cancellationToken: association.Token));

        // The row is written behind, by the archive's writer, whatever the association's token says.
        await archive.IndexedAsync(CancellationToken.None);
        Assert.True(association.IsCancellationRequested);
        var row = Assert.Single(await real.InstancesAsync([], CancellationToken.None));
        Assert.Equal(sent.SopInstanceUid, row.SopInstanceUid);
        Assert.True(File.Exists(Path.Combine(folder, row.RelativePath)));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
    }
}
