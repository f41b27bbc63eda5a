using System.Data.Common;
using System.Text;

namespace DicomSpecGen.Archive.Index;

/// <summary>The SQL dialects the index speaks.</summary>
public enum SqlDialect
{
    Sqlite,
    PostgreSql,
}

/// <summary>The one definition of the index's tables, rendered for each dialect, applied as numbered migrations
/// recorded in table <c>schema_version</c>. Every step is CREATE … IF NOT EXISTS, so an index file written before the
/// version table existed (tables already there) is brought up to date without losing rows.</summary>
public static class IndexSchema
{
    public enum ColumnType
    {
        Text,
        Integer,
        BigInteger,
        Blob,
    }

    public sealed record Column(string Name, ColumnType Type, bool NotNull = false, string? References = null);

    public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<string> PrimaryKey);

    /// <summary>A secondary index on one column; <paramref name="Folded"/>: on <see cref="FoldedText"/> of the column
    /// (for case-insensitive and wild card matching by prefix) instead of the column itself.</summary>
    public sealed record TableIndex(string Name, string Table, string Column, bool Folded = false);

    public sealed record Migration(int Version, string Description, IReadOnlyList<Table> Tables, IReadOnlyList<TableIndex> Indexes);

    private static Column T(string name, bool notNull = false, string? references = null) => new(name, ColumnType.Text, notNull, references);

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "patient, study, series, instance",
        [
            new("patient", [T("patient_id"), T("patient_name"), T("birth_date"), T("sex")], ["patient_id"]),
            new("study", [T("study_uid"), T("patient_id", true, "patient(patient_id)"), T("study_date"), T("study_time"), T("accession"), T("study_id"), T("study_description")], ["study_uid"]),
            new("series", [T("series_uid"), T("study_uid", true, "study(study_uid)"), T("modality"), T("series_number"), T("series_description")], ["series_uid"]),
            new("instance", [T("sop_uid"), T("series_uid", true, "series(series_uid)"), T("sop_class", true), T("instance_number"), T("transfer_syntax", true), T("path", true), new("size", ColumnType.BigInteger, true)], ["sop_uid"]),
        ],
        [new("study_patient", "study", "patient_id"), new("series_study", "series", "study_uid"), new("instance_series", "instance", "series_uid")]),
        new(2, "indexed sequences: one side table per sequence, one row per item",
            [.. IndexedAttributes.Sequences.Select(q => new Table(q.Table,
                [T(q.OwnerColumn, true), new("item", ColumnType.Integer, true), .. q.ItemKeys.Select(k => T(k.Column))], [q.OwnerColumn, "item"]))],
            []),
        new(3, "mpps: MPPS instances (listed columns + the attribute set)",
        [
            new("mpps", [T("sop_uid"), T("status", true), T("patient_id"), T("patient_name"), T("pps_id"), T("modality"), T("start_date"), T("start_time"),
                T("created", true), T("updated", true), new("attributes", ColumnType.Blob, true)], ["sop_uid"]),
        ], []),
        new(4, "indexes for C-FIND on a large archive: study date, patient name folded",
        [],
        [
            // STUDY-level C-FIND by Study Date (single value or range, e.g. "20230101-20230107"): without it every
            // date query reads the whole study table.
            new("study_date", "study", "study_date"),
            // C-FIND by Patient's Name, wild card ("SMITH*") or case-insensitive single value: the literal prefix of
            // the key becomes a range over the trimmed, ASCII-upper-cased name (SqlInstanceIndex.Clause).
            new("patient_name_folded", "patient", "patient_name", Folded: true),
        ]),
    ];

    /// <summary>The columns that have an index on <see cref="FoldedText"/>.</summary>
    public static IReadOnlySet<string> FoldedColumns { get; } = Migrations.SelectMany(m => m.Indexes).Where(i => i.Folded).Select(i => i.Column).ToHashSet(StringComparer.Ordinal);

    /// <summary>A text column trimmed of spaces and with ASCII letters upper-cased, as <see cref="AttributeMatcher"/>
    /// compares PN ignoring case; the same expression in the index and in the query, so the database uses the index.
    /// SQLite's upper() folds ASCII letters only (no ICU in the bundled SQLite); PostgreSQL folds with translate().</summary>
    public static string FoldedText(string column, SqlDialect dialect) => dialect == SqlDialect.PostgreSql
        ? $"translate(btrim(coalesce({column}, ''), ' '), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"
        : $"upper(trim({column}, ' '))";

    public static int CurrentVersion => Migrations[^1].Version;

    private static string TypeName(ColumnType type, SqlDialect dialect) => (type, dialect) switch
    {
        // Byte order ("C") for text in PostgreSQL: ORDER BY, ranges and LIKE then agree with SQLite's binary text.
        (ColumnType.Text, SqlDialect.PostgreSql) => "TEXT COLLATE \"C\"",
        (ColumnType.Text, _) => "TEXT",
        (ColumnType.Integer, _) => "INTEGER",
        (ColumnType.BigInteger, SqlDialect.PostgreSql) => "BIGINT",
        (ColumnType.BigInteger, _) => "INTEGER",
        (ColumnType.Blob, SqlDialect.PostgreSql) => "BYTEA",
        (ColumnType.Blob, _) => "BLOB",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The statements of one migration in a dialect.</summary>
    public static IEnumerable<string> Statements(Migration migration, SqlDialect dialect)
    {
        foreach (var table in migration.Tables)
        {
            var sql = new StringBuilder($"CREATE TABLE IF NOT EXISTS {table.Name}(");
            sql.AppendJoin(", ", table.Columns.Select(c => $"{c.Name} {TypeName(c.Type, dialect)}{(c.NotNull ? " NOT NULL" : "")}{(c.References != null ? " REFERENCES " + c.References : "")}"));
            sql.Append($", PRIMARY KEY({string.Join(", ", table.PrimaryKey)}))");
            yield return sql.ToString();
        }
        foreach (var index in migration.Indexes)
            yield return $"CREATE INDEX IF NOT EXISTS {index.Name} ON {index.Table}({(index.Folded ? FoldedText(index.Column, dialect) : index.Column)})";
    }

    /// <summary>Applies the migrations newer than the recorded version, in one transaction. Several processes may start
    /// at once against one database: PostgreSQL serialises them with an advisory lock, SQLite with its write lock.</summary>
    public static async Task MigrateAsync(DbConnection connection, SqlDialect dialect, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        async Task<object?> Run(string sql)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
        // A fixed key: the migration of this schema, whatever else shares the database.
        if (dialect == SqlDialect.PostgreSql) await Run("SELECT pg_advisory_xact_lock(7236401)").ConfigureAwait(false);
        await Run("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied TEXT NOT NULL)").ConfigureAwait(false);
        var current = await Run("SELECT max(version) FROM schema_version").ConfigureAwait(false) is { } v and not DBNull ? Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (current > CurrentVersion)
            throw new InvalidOperationException($"the index's schema is version {current}, newer than the {CurrentVersion} this version of DicomSpecGen.Archive knows; use a newer dsg");
        foreach (var migration in Migrations.Where(m => m.Version > current))
        {
            foreach (var statement in Statements(migration, dialect)) await Run(statement).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.Transaction = tx;
            record.CommandText = "INSERT INTO schema_version(version, description, applied) VALUES(@v, @d, @a)";
            Sql.Add(record, "@v", migration.Version);
            Sql.Add(record, "@d", migration.Description);
            Sql.Add(record, "@a", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>ADO.NET helpers shared by the dialects.</summary>
internal static class Sql
{
    public static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
