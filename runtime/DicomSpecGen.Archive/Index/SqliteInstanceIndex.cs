using System.Data.Common;
using DicomSpecGen.Archive.Index;
using Microsoft.Data.Sqlite;

namespace DicomSpecGen.Archive;

/// <summary>The index in an embedded SQLite file (the default; <c>index.sqlite</c> beside the files): one connection,
/// one operation at a time, statements prepared once.</summary>
public sealed class SqliteInstanceIndex : SqlInstanceIndex
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SqliteLease _lease;

    /// <param name="databasePath">The SQLite file (created and migrated when needed).</param>
    /// <param name="durable">Each commit reaches the disk before it returns (synchronous=FULL): a row the archive
    /// answered Success for survives a power loss. False (the archive's <c>--no-fsync</c>) keeps synchronous=NORMAL,
    /// where WAL commits since the last checkpoint may roll back after a power loss (not after a killed process).</param>
    public SqliteInstanceIndex(string databasePath, bool durable = true) : base(SqlDialect.Sqlite)
    {
        _connection = Open(databasePath, durable);
        // Text matching runs the same code as in-memory matching (PS3.4 C.2.2.2.1, C.2.2.2.4).
        _connection.CreateFunction("dsg_match", (string? value, string pattern, long ignoreCase) => AttributeMatcher.Wildcard(value, pattern, ignoreCase != 0), isDeterministic: true);
        _lease = new SqliteLease(this);
    }

    /// <summary>The connection's page cache, in KiB (SQLite's default is 2 MB).</summary>
    internal const int CacheKiB = 64 * 1024;

    /// <summary>A connection to the index file with WAL journaling and the schema migrated.</summary>
    internal static SqliteConnection Open(string databasePath, bool durable = true)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // The default page cache (2 MB) holds a small fraction of a large index's B-trees, so each insert at a
            // random UID reads its pages back from the OS; CachePages bounds what the connection may keep.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + (durable ? "FULL;" : "NORMAL;") + $" PRAGMA cache_size=-{CacheKiB};";
            pragma.ExecuteNonQuery();
        }
        IndexSchema.MigrateAsync(connection, SqlDialect.Sqlite, CancellationToken.None).GetAwaiter().GetResult();
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
        _lease.DisposeCommands();
        _connection.Dispose();
        _gate.Dispose();
    }
}
