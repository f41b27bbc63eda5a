using System.Data.Common;
using DicomSpecGen.Archive.Index;
using Microsoft.Data.Sqlite;

namespace DicomSpecGen.Archive;

/// <summary>The index in an embedded SQLite file (the default; <c>index.sqlite</c> beside the files): one connection,
/// one operation at a time, statements prepared once. WAL checkpoints run on a thread of their own (see
/// <see cref="CheckpointPages"/>), not in the writer's commit.</summary>
public sealed class SqliteInstanceIndex : SqlInstanceIndex
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteLease _lease;
    private readonly string _databasePath;
    private readonly bool _durable;
    private readonly int _checkpointPages;
    private readonly Thread _checkpointer;
    private readonly AutoResetEvent _checkpointDue = new(false);
    private volatile bool _closing;
    private long _walPagesAtSignal;

    /// <param name="databasePath">The SQLite file (created and migrated when needed).</param>
    /// <param name="durable">Each commit reaches the disk before it returns (synchronous=FULL): a row the archive
    /// answered Success for survives a power loss. False (the archive's <c>--no-fsync</c>) keeps synchronous=NORMAL,
    /// where WAL commits since the last checkpoint may roll back after a power loss (not after a killed process).</param>
    public SqliteInstanceIndex(string databasePath, bool durable = true) : this(databasePath, durable, CheckpointPages)
    {
    }

    /// <param name="databasePath">As above.</param>
    /// <param name="durable">As above.</param>
    /// <param name="checkpointPages">WAL pages between background checkpoints (tests use a few).</param>
    /// <param name="cacheKiB">The writer's page cache (index-scale tries others).</param>
    /// <param name="writerFactor">The writer's own checkpoint, in checkpointPages (index-scale tries others).</param>
    internal SqliteInstanceIndex(string databasePath, bool durable, int checkpointPages, int cacheKiB = CacheKiB, int writerFactor = WriterCheckpointFactor) : base(SqlDialect.Sqlite)
    {
        (_databasePath, _durable, _checkpointPages) = (databasePath, durable, checkpointPages);
        _connection = Open(databasePath, durable, cacheKiB: cacheKiB);
        using (var pragma = _connection.CreateCommand())
        {
            // The writer checkpoints itself only if the background checkpointer falls far behind.
            pragma.CommandText = $"PRAGMA wal_autocheckpoint={writerFactor * checkpointPages};";
            pragma.ExecuteNonQuery();
        }
        // Text matching runs the same code as in-memory matching (PS3.4 C.2.2.2.1, C.2.2.2.4).
        _connection.CreateFunction("dsg_match", (string? value, string pattern, long ignoreCase) => AttributeMatcher.Wildcard(value, pattern, ignoreCase != 0), isDeterministic: true);
        _lease = new SqliteLease(this);
        _checkpointer = new Thread(CheckpointLoop) { IsBackground = true, Name = CheckpointThreadName };
        _checkpointer.Start();
    }

    /// <summary>Pages the writer appends to the WAL before the background checkpointer copies them into the database
    /// file (16 MB). SQLite's own automatic checkpoint (1000 pages) runs inside the commit that crosses it: the
    /// writer then waits for the copy and, synchronous, two fsyncs. At 1,000,000 instances a batch dirties about a page
    /// per instance (the random SOP Instance UID key), so that came every one or two batches; on its own connection
    /// and thread (a PASSIVE checkpoint, which never blocks the writer) it overlaps the next batches instead.</summary>
    internal const int CheckpointPages = 4096;

    /// <summary>WAL pages, in <see cref="CheckpointPages"/>, at which the writer checkpoints in its own commit (SQLite's
    /// wal_autocheckpoint): only when the background checkpoints have not kept the WAL short, e.g. a reader held it.</summary>
    internal const int WriterCheckpointFactor = 8;

    /// <summary>Background checkpoints run so far (for tests).</summary>
    internal int Checkpoints => Volatile.Read(ref _checkpoints);

    private int _checkpoints;

    /// <summary>Called after each operation on the writer's connection: counts the pages it wrote to the WAL
    /// (SQLITE_DBSTATUS_CACHE_WRITE) and wakes the checkpointer every <see cref="CheckpointPages"/> of them.</summary>
    private void AfterOperation()
    {
        if (SQLitePCL.raw.sqlite3_db_status(_connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 0) != SQLitePCL.raw.SQLITE_OK) return;
        if (written - _walPagesAtSignal < _checkpointPages) return;
        _walPagesAtSignal = written;
        _checkpointDue.Set();
    }

    /// <summary>The writer connection's pages written to the WAL and page-cache misses (pages read from the file) so
    /// far, for index-scale's per-insert figures.</summary>
    internal (long WalPagesWritten, long CacheMisses) PageCounts()
    {
        SQLitePCL.raw.sqlite3_db_status(_connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var written, out _, 0);
        SQLitePCL.raw.sqlite3_db_status(_connection.Handle, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_MISS, out var missed, out _, 0);
        return (written, missed);
    }

    /// <summary>The name of the checkpointer's thread (Linux shows its first 15 characters in /proc/PID/task/TID/comm).</summary>
    internal const string CheckpointThreadName = "dsg index checkpoint";

    private void CheckpointLoop()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                _checkpointDue.WaitOne();
                if (_closing) return;
                try
                {
                    // The same synchronous setting as the writer's: it decides whether the checkpoint fsyncs.
                    connection ??= Open(_databasePath, _durable, migrate: false, cacheKiB: 2048);
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                    checkpoint.ExecuteNonQuery();
                    Interlocked.Increment(ref _checkpoints);
                }
                catch (SqliteException)
                {
                    // Tried again at the next signal; meanwhile the writer's own checkpoint (WriterCheckpointFactor) bounds the WAL.
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>The writer connection's page cache at most, in KiB (SQLite's default is 2 MB; it fills only as pages are
    /// read, so a small index uses little). At 1,000,000 instances (about 350 MB of file) the B-trees an insert reaches
    /// at random places (the UID keys) need more than 64 MB: index-scale counted 0.72 page reads from the file per
    /// insert with 64 MB, 0.09 with 128 MB.</summary>
    internal const int CacheKiB = 128 * 1024;

    /// <summary>A connection to the index file with WAL journaling and the schema migrated.</summary>
    internal static SqliteConnection Open(string databasePath, bool durable = true, bool migrate = true, int cacheKiB = CacheKiB)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The default page cache (2 MB) holds a small fraction of a large index's B-trees, so each insert at a
            // random UID reads its pages back from the OS; cacheKiB bounds what the connection may keep.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + (durable ? "FULL;" : "NORMAL;") + $" PRAGMA cache_size=-{cacheKiB};";
            pragma.ExecuteNonQuery();
        }
        if (migrate) IndexSchema.MigrateAsync(connection, SqlDialect.Sqlite, CancellationToken.None).GetAwaiter().GetResult();
        return connection;
    }

    /// <summary>The connection's PRAGMA synchronous (1 NORMAL, 2 FULL), for tests of the durability setting.</summary>
    internal async Task<long> SynchronousModeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var pragma = _connection.CreateCommand();
            pragma.CommandText = "PRAGMA synchronous;";
            return (long)(await pragma.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The result column holding a sequence's items (JSON).</summary>
    public static string SequenceColumn(IndexedAttributes.Sequence sequence) => sequence.ResultColumn;

    protected override async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _lease;
    }

    protected override string Match(string column, string pattern, bool ignoreCase, Func<object?, string> parameter)
        => $"dsg_match({column}, {parameter(pattern)}, {(ignoreCase ? 1 : 0)})";

    // Without statistics the planner guesses a range on an expression index unselective and scans the instances.
    protected override string Selective(string condition) => $"likelihood({condition}, 0.001)";

    protected override string DistinctList(string expression) => $"group_concat(DISTINCT {expression})";

    protected override string JsonItems(IEnumerable<string> columns, string from, string orderBy)
        => $"(SELECT json_group_array(json_array({string.Join(", ", columns)})) FROM {from})";

    private sealed class SqliteLease(SqliteInstanceIndex owner) : Lease
    {
        private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);

        public override DbConnection Connection => owner._connection;

        public override DbCommand Command(string sql)
        {
            if (!_prepared.TryGetValue(sql, out var command))
            {
                command = owner._connection.CreateCommand();
                command.CommandText = sql;
                _prepared[sql] = command;
            }
            return command;
        }

        public override ValueTask DisposeAsync()
        {
            owner.AfterOperation();
            owner._gate.Release();
            return ValueTask.CompletedTask;
        }

        public void DisposeCommands()
        {
            foreach (var command in _prepared.Values) command.Dispose();
        }
    }

    public override void Dispose()
    {
        if (_closing) return;
        _closing = true;
        _checkpointDue.Set();
        _checkpointer.Join();
        _checkpointDue.Dispose();
        _lease.DisposeCommands();
        _connection.Dispose();
        _gate.Dispose();
    }
}
