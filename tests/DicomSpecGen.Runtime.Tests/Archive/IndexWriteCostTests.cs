using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>A record as a C-STORE of the given patient, study and series hands it to the index.</summary>
internal static class IndexRecords
{
    public static InstanceRecord Make(int sop, string patientName = "DOE^JOHN", string study = "1.2.3.1", string studyDescription = "CT chest",
        string series = "1.2.3.1.1") => new()
        {
            PatientId = "PID1",
            PatientName = patientName,
            StudyInstanceUid = study,
            StudyDescription = studyDescription,
            SeriesInstanceUid = series,
            Modality = "CT",
            SopInstanceUid = $"1.2.3.9.{sop}",
            SopClassUid = DicomUids.CTImageStorage,
            InstanceNumber = sop.ToString(System.Globalization.CultureInfo.InvariantCulture),
            TransferSyntaxUid = DicomUids.ExplicitVRLittleEndian,
            RelativePath = $"x/{sop}.dcm",
            Size = 100,
        };
}

/// <summary>One write-behind batch skips the parent (patient, study, series) statements that would rewrite a row
/// exactly as the batch already wrote it; the result must be what one statement per instance gives: the last stored
/// instance's values win, a kept-first duplicate changes nothing.</summary>
public abstract class IndexBatchParentTests
{
    protected abstract IndexBackend Backend { get; }

    private SqlInstanceIndex Open()
    {
        var folder = TestFiles.TempDir();
        return DicomArchive.OpenIndex(folder, Backend.IndexFor(folder), durable: false);
    }

    private static async Task<(string? Name, string? Description)> PatientAndStudyAsync(SqlInstanceIndex index)
    {
        var row = Assert.Single(await index.QueryAsync(QueryLevel.Study, [], CancellationToken.None));
        return (row["patient_name"], row["study_description"]);
    }

    [Fact]
    public async Task Values_that_change_and_change_back_within_a_batch_end_as_the_last_instance_says()
    {
        using var index = Open();
        await index.AddBatchAsync(
        [
            (IndexRecords.Make(1, "SMITH^A", studyDescription: "one"), DuplicatePolicy.Replace),
            (IndexRecords.Make(2, "SMITH^B", studyDescription: "two"), DuplicatePolicy.Replace),
            (IndexRecords.Make(3, "SMITH^A", studyDescription: "one"), DuplicatePolicy.Replace),
        ], CancellationToken.None);
        Assert.Equal(("SMITH^A", "one"), await PatientAndStudyAsync(index));

        await index.AddBatchAsync(
        [
            (IndexRecords.Make(4, "SMITH^A", studyDescription: "one"), DuplicatePolicy.Replace),
            (IndexRecords.Make(5, "SMITH^C", studyDescription: "three"), DuplicatePolicy.Replace),
        ], CancellationToken.None);
        Assert.Equal(("SMITH^C", "three"), await PatientAndStudyAsync(index));
        Assert.Equal(5, (await index.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_kept_first_duplicate_in_a_batch_changes_nothing_and_a_new_instance_after_it_updates_its_parents()
    {
        using var index = Open();
        var written = await index.AddBatchAsync(
        [
            (IndexRecords.Make(1, "FIRST^NAME", studyDescription: "one"), DuplicatePolicy.KeepFirst),
            (IndexRecords.Make(1, "DUPLICATE^NAME", studyDescription: "dup") with { RelativePath = "y/1.dcm" }, DuplicatePolicy.KeepFirst),
            (IndexRecords.Make(2, "FIRST^NAME", studyDescription: "one"), DuplicatePolicy.KeepFirst),
        ], CancellationToken.None);
        Assert.Equal([true, false, true], written);
        Assert.Equal(("FIRST^NAME", "one"), await PatientAndStudyAsync(index));
        var paths = (await index.InstancesAsync([], CancellationToken.None)).Select(r => r.RelativePath).Order(StringComparer.Ordinal);
        Assert.Equal(["x/1.dcm", "x/2.dcm"], paths);

        // A kept-first batch where the parents' values return to those an earlier (existing) row had.
        written = await index.AddBatchAsync(
        [
            (IndexRecords.Make(3, "OTHER^NAME", studyDescription: "two"), DuplicatePolicy.KeepFirst),
            (IndexRecords.Make(1, "FIRST^NAME", studyDescription: "one"), DuplicatePolicy.KeepFirst),
        ], CancellationToken.None);
        Assert.Equal([true, false], written);
        Assert.Equal(("OTHER^NAME", "two"), await PatientAndStudyAsync(index));
    }
}

public sealed class SqliteIndexBatchParentTests : IndexBatchParentTests
{
    protected override IndexBackend Backend => IndexBackend.Sqlite;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresIndexBatchParentTests(PostgresCluster cluster) : IndexBatchParentTests
{
    protected override IndexBackend Backend { get; } = new PostgresBackend(cluster);
}

/// <summary>The SQLite index copies its WAL into the database file on a background connection once the writer has
/// written the set number of pages (instead of inside a commit), and leaves every row in the file when closed.</summary>
public class SqliteCheckpointTests
{
    private static async Task AddAsync(SqliteInstanceIndex index, int batches, int perBatch)
    {
        for (var b = 0; b < batches; b++)
            await index.AddBatchAsync([.. Enumerable.Range(b * perBatch, perBatch).Select(i => (IndexRecords.Make(i, series: $"1.2.3.1.{i % 7}"), DuplicatePolicy.Replace))], CancellationToken.None);
    }

    private static long Rows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM instance";
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public async Task The_wal_is_copied_into_the_database_file_in_the_background_while_the_writer_stays_open()
    {
        var path = Path.Combine(TestFiles.TempDir(), "index.sqlite");
        using var index = new SqliteInstanceIndex(path, durable: true, checkpointPages: 16);
        var empty = new FileInfo(path).Length;
        // A few dozen pages: far below SQLite's own automatic checkpoint (1000 pages), which would copy nothing yet.
        await AddAsync(index, 20, 25);
        for (var i = 0; i < 300 && index.Checkpoints == 0; i++) await Task.Delay(100);
        Assert.True(index.Checkpoints > 0, "no background checkpoint ran");
        Assert.True(new FileInfo(path).Length > empty, $"the database file is still {empty} bytes: nothing was checkpointed into it");
        Assert.Equal(500, Rows(path));
    }

    [Fact]
    public async Task Closing_the_index_stops_the_checkpointer_and_leaves_every_row_in_the_database_file()
    {
        var path = Path.Combine(TestFiles.TempDir(), "index.sqlite");
        using (var index = new SqliteInstanceIndex(path, durable: true, checkpointPages: 8))
            await AddAsync(index, 10, 30);
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0, "the WAL was left behind");
        Assert.Equal(300, Rows(path));
    }
}

/// <summary>The write-behind writer gathers the stores of a steady stream into few transactions, commits soon after
/// the stream pauses, and never makes a reader wait for its gathering.</summary>
public class IndexWriterBatchingTests
{
    /// <summary>The real SQLite index, counting the batches it commits.</summary>
    private sealed class CountingIndex(SqliteInstanceIndex inner) : IInstanceIndex
    {
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);

        public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => inner.AddAsync(record, cancellationToken);

        public Task<bool> AddAsync(InstanceRecord record, DuplicatePolicy policy, CancellationToken cancellationToken) => inner.AddAsync(record, policy, cancellationToken);

        public async Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
        {
            var written = await inner.AddBatchAsync(records, cancellationToken);
            Interlocked.Increment(ref _batches);
            return written;
        }

        public Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.QueryAsync(level, conditions, cancellationToken);

        public Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
            => inner.InstancesAsync(conditions, cancellationToken);
    }

    private static (IndexWriter Writer, CountingIndex Index, SqliteInstanceIndex Sqlite) Open(TimeSpan linger, TimeSpan idleGap)
    {
        var folder = TestFiles.TempDir();
        var sqlite = new SqliteInstanceIndex(Path.Combine(folder, "index.sqlite"), durable: false);
        var index = new CountingIndex(sqlite);
        return (new IndexWriter(new FileSystemInstanceStore(folder, flushToDisk: false), index, NullLogger.Instance) { Linger = linger, IdleGap = idleGap }, index, sqlite);
    }

    private static async Task DrainedAsync(IndexWriter writer)
    {
        for (var i = 0; i < 600 && writer.Backlog > 0; i++) await Task.Delay(50);
        Assert.Equal(0, writer.Backlog);
    }

    [Fact]
    public async Task A_steady_stream_of_stores_is_committed_in_a_few_transactions_not_one_per_few_stores()
    {
        var (writer, index, sqlite) = Open(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        using (sqlite)
        using (writer)
        {
            // 100 stores about 2 ms apart (a single association's pace): with the earlier fixed 5 ms window about 40 batches.
            for (var i = 0; i < 100; i++)
            {
                writer.Enqueue(IndexRecords.Make(i), DuplicatePolicy.Replace, null);
                await Task.Delay(2);
            }
            await DrainedAsync(writer);
            Assert.True(index.Batches <= 5, $"{index.Batches} batches for 100 records");
        }
    }

    [Fact]
    public async Task A_pause_in_the_stream_commits_the_batch_without_waiting_for_the_linger()
    {
        var (writer, index, sqlite) = Open(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(50));
        using (sqlite)
        using (writer)
        {
            writer.Enqueue(IndexRecords.Make(1), DuplicatePolicy.Replace, null);
            await DrainedAsync(writer);
            Assert.Equal(1, index.Batches);
            Assert.Single(await sqlite.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_reader_does_not_wait_for_the_gathering()
    {
        var (writer, _, sqlite) = Open(TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        using (sqlite)
        using (writer)
        {
            writer.Enqueue(IndexRecords.Make(1), DuplicatePolicy.Replace, null);
            writer.Enqueue(IndexRecords.Make(2), DuplicatePolicy.Replace, null);
            await writer.WaitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, (await sqlite.QueryAsync(QueryLevel.Image, [], CancellationToken.None)).Count);
        }
    }
}
