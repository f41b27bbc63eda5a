using DicomSpecGen.Archive;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The durable archive (the default) settles a placement record only after its index row is on disk: its
/// SQLite index commits (one commit per write-behind batch) with synchronous=FULL, since WAL commits under NORMAL may
/// roll back after a power loss while the file and its settled placement record survive. <c>--no-fsync</c> keeps NORMAL.
/// The order itself is checked in <see cref="GroupCommitTests"/>.</summary>
public class IndexDurabilityTests
{
    [Theory]
    [InlineData(true, 2L)]
    [InlineData(false, 1L)]
    public async Task The_archive_index_commits_to_disk_exactly_when_the_archive_is_durable(bool flushToDisk, long expectedMode)
    {
        using var archive = DicomArchive.Open(TestFiles.TempDir(), "SCP", flushToDisk: flushToDisk);
        var index = Assert.IsType<SqliteInstanceIndex>(archive.IndexBackend);
        Assert.Equal(expectedMode, await index.SynchronousModeAsync(CancellationToken.None));
    }
}
