using System.Data.Common;
using System.Text;
using DicomSpecGen.Archive.Index;
using Npgsql;

namespace DicomSpecGen.Archive;

/// <summary>The index in PostgreSQL, for several archive nodes sharing one database: every operation takes a pooled
/// connection, so concurrency (two nodes storing the same instance at once) is the database's: the primary keys and
/// INSERT … ON CONFLICT leave one row.</summary>
public sealed class PostgresInstanceIndex : SqlInstanceIndex
{
    private readonly NpgsqlDataSource _dataSource;

    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Port=…;Database=…;Username=…;Password=…</c>).</param>
    public PostgresInstanceIndex(string connectionString) : base(SqlDialect.PostgreSql)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        using var connection = _dataSource.OpenConnection();
        IndexSchema.MigrateAsync(connection, SqlDialect.PostgreSql, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Whether an --index value is a PostgreSQL connection string (has key=value pairs) rather than a file path.</summary>
    public static bool IsConnectionString(string value) => value.Contains('=') && value.Contains("Host", StringComparison.OrdinalIgnoreCase);

    internal NpgsqlDataSource DataSource => _dataSource;

    protected override async Task<Lease> AcquireAsync(CancellationToken cancellationToken)
        => new PooledLease(await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>LIKE with the key's "*" and "?" as "%" and "_" (LIKE's own wild cards and the escape taken literally),
    /// both sides trimmed of spaces; case folding of ASCII letters only, as <see cref="AttributeMatcher"/> does.</summary>
    protected override string Match(string column, string pattern, bool ignoreCase, Func<object?, string> parameter)
    {
        var like = new StringBuilder();
        foreach (var c in pattern.Trim())
        {
            like.Append(c switch
            {
                '*' => "%",
                '?' => "_",
                '%' or '_' or '\\' => "\\" + c,
                _ => ignoreCase && c is >= 'a' and <= 'z' ? char.ToUpperInvariant(c).ToString() : c.ToString(),
            });
        }
        var value = ignoreCase ? IndexSchema.FoldedText(column, SqlDialect.PostgreSql) : $"btrim(coalesce({column}, ''), ' ')";
        return $"{value} LIKE {parameter(like.ToString())} ESCAPE '\\'";
    }

    protected override string DistinctList(string expression) => $"string_agg(DISTINCT {expression}, ',')";

    protected override string JsonItems(IEnumerable<string> columns, string from, string orderBy)
        => $"(SELECT coalesce(json_agg(json_build_array({string.Join(", ", columns)}) ORDER BY {orderBy}), '[]'::json) FROM {from})";

    private sealed class PooledLease(NpgsqlConnection connection) : Lease
    {
        private NpgsqlBatch? _batch;

        public override DbConnection Connection => connection;

        public override DbCommand Command(string sql) => new NpgsqlCommand(sql, connection);

        /// <summary>A write-behind batch's statements in one NpgsqlBatch: one round trip instead of one per statement.</summary>
        public override bool TryDefer()
        {
            _batch = new NpgsqlBatch(connection);
            return true;
        }

        public override bool Deferring => _batch != null;

        public override void Defer(string sql, object?[] values)
        {
            var command = new NpgsqlBatchCommand(sql);
            for (var i = 0; i < values.Length; i++) command.Parameters.AddWithValue("v" + (i + 1), values[i] ?? DBNull.Value);
            _batch!.BatchCommands.Add(command);
        }

        public override async Task FlushAsync(DbTransaction tx, CancellationToken cancellationToken)
        {
            var batch = _batch!;
            _batch = null;
            await using (batch.ConfigureAwait(false))
            {
                if (batch.BatchCommands.Count == 0) return;
                batch.Transaction = (NpgsqlTransaction)tx;
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (_batch != null) await _batch.DisposeAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override void Dispose() => _dataSource.Dispose();
}
