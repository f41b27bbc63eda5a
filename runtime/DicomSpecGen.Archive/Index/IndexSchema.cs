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
/// recorded in table <c>schema_version</c>. Every table and index is CREATE … IF NOT EXISTS, so an index file written
/// before the version table existed (tables already there) is brought up to date without losing rows; the columns
/// migration 6 adds (ALTER TABLE, not repeatable) are added once, as the recorded version says.</summary>
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

    /// <summary>A table; <paramref name="Clustered"/>: stored in its primary key's B-tree (SQLite WITHOUT ROWID), for a
    /// small table always read and written by that key.</summary>
    public sealed record Table(string Name, IReadOnlyList<Column> Columns, IReadOnlyList<string> PrimaryKey, bool Clustered = false);

    /// <summary>A secondary index on one column; <paramref name="Folded"/>: on <see cref="FoldedText"/> of the column
    /// (for case-insensitive and wild card matching by prefix) instead of the column itself.</summary>
    public sealed record TableIndex(string Name, string Table, string Column, bool Folded = false);

    /// <summary>One numbered step; <paramref name="Statements"/>: further statements of the dialect (triggers, filling a new
    /// table from the rows already there), run after the tables and indexes.</summary>
    public sealed record Migration(int Version, string Description, IReadOnlyList<Table> Tables, IReadOnlyList<TableIndex> Indexes,
        Func<SqlDialect, IReadOnlyList<string>>? Statements = null);

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
        new(5, "series_sop_class: instances per series and SOP Class, kept by triggers on instance",
        [
            new("series_sop_class", [T("series_uid", true), T("sop_class", true), new("instances", ColumnType.Integer, true)], ["series_uid", "sop_class"], Clustered: true),
        ],
        [],
        dialect => CountTriggers(dialect, "series_sop_class", "series_uid")),
        new(6, $"series_key: an integer key per series (assigned in order), by which instance rows and {SeriesCounts} refer to their series",
        [
            new(SeriesCounts, [new("series_key", ColumnType.BigInteger, true), T("sop_class", true), new("instances", ColumnType.Integer, true)], ["series_key", "sop_class"], Clustered: true),
        ],
        [],
        SeriesKeys),
    ];

    /// <summary>Migration 6. A series UID is random text, so an index keyed by it (instance_series, series_sop_class)
    /// takes each new series at a random place of its B-tree: at 1,000,000 instances those places are spread over
    /// tens of thousands of pages, and each batch writes a page per new series to each (issue 20, item 4: the insert
    /// rate at 1M). A key assigned in order puts a new series at the end of both. instance.series_uid stays (the
    /// FOREIGN KEY, and readable without a join); the joins and counts use series_key.</summary>
    private static IReadOnlyList<string> SeriesKeys(SqlDialect dialect)
    {
        var pg = dialect == SqlDialect.PostgreSql;
        return
        [
            // PostgreSQL numbers the rows already there and each new row from an identity sequence; SQLite from the
            // rows' order of insertion, each new row by NewSeriesKey.
            pg ? "ALTER TABLE series ADD COLUMN IF NOT EXISTS series_key BIGINT GENERATED BY DEFAULT AS IDENTITY" : "ALTER TABLE series ADD COLUMN series_key INTEGER",
            .. pg ? (string[])[] : ["UPDATE series SET series_key = rowid"],
            "CREATE UNIQUE INDEX IF NOT EXISTS series_key ON series(series_key)",
            pg ? "ALTER TABLE instance ADD COLUMN IF NOT EXISTS series_key BIGINT" : "ALTER TABLE instance ADD COLUMN series_key INTEGER",
            "UPDATE instance SET series_key = (SELECT se.series_key FROM series se WHERE se.series_uid = instance.series_uid)",
            "DROP INDEX IF EXISTS instance_series",
            "CREATE INDEX IF NOT EXISTS instance_series_key ON instance(series_key)",
            .. pg
                ? (string[])["DROP TRIGGER IF EXISTS instance_count_insert_delete ON instance", "DROP TRIGGER IF EXISTS instance_count_update ON instance"]
                : ["DROP TRIGGER IF EXISTS instance_count_insert", "DROP TRIGGER IF EXISTS instance_count_delete", "DROP TRIGGER IF EXISTS instance_count_update"],
            "DROP TABLE IF EXISTS series_sop_class",
            .. CountTriggers(dialect, SeriesCounts, "series_key"),
        ];
    }

    /// <summary>The value of series_key in a new series row: PostgreSQL's identity sequence (safe with several writers);
    /// in SQLite, whose writer holds the file's lock for the transaction, one more than the largest (the unique index's
    /// last entry).</summary>
    internal static string NewSeriesKey(SqlDialect dialect) => dialect == SqlDialect.PostgreSql ? "DEFAULT" : "(SELECT coalesce(max(series_key), 0) + 1 FROM series)";

    /// <summary>The table of instance counts per series (by series_key) and SOP Class: the derived keys of a C-FIND (Number of … Related
    /// Instances/Series, SOP Classes in Study, which series have instances) read a few of its rows per matched entity
    /// instead of every instance row below it (issue 20, item 4: at 1,000,000 instances that cost ~0.1 ms of CPU per
    /// matched study).</summary>
    public const string SeriesCounts = "series_class_count";

    /// <summary>Triggers on instance that keep a count table (<paramref name="table"/>, by <paramref name="key"/> and
    /// sop_class) in the inserting transaction, whichever code writes instance rows (an insert adds one, a delete
    /// removes one, moving an instance to another series or SOP Class moves its count; a row reaching zero is deleted);
    /// then the counts of the rows already there. Migration 5 made them by series_uid, 6 by series_key.</summary>
    private static IReadOnlyList<string> CountTriggers(SqlDialect dialect, string table, string key)
    {
        var add = $"""
            INSERT INTO {table}({key}, sop_class, instances) VALUES(NEW.{key}, NEW.sop_class, 1)
              ON CONFLICT({key}, sop_class) DO UPDATE SET instances = {table}.instances + 1;
            """;
        var remove = $"""
            UPDATE {table} SET instances = instances - 1 WHERE {key} = OLD.{key} AND sop_class = OLD.sop_class;
              DELETE FROM {table} WHERE {key} = OLD.{key} AND sop_class = OLD.sop_class AND instances <= 0;
            """;
        var fill = $"INSERT INTO {table}({key}, sop_class, instances) SELECT {key}, sop_class, count(*) FROM instance GROUP BY {key}, sop_class";
        if (dialect == SqlDialect.PostgreSql)
        {
            return
            [
                $"""
                CREATE OR REPLACE FUNCTION dsg_instance_count() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP <> 'INSERT' THEN
                    {remove}
                  END IF;
                  IF TG_OP <> 'DELETE' THEN
                    {add}
                  END IF;
                  RETURN NULL;
                END $$
                """,
                "CREATE OR REPLACE TRIGGER instance_count_insert_delete AFTER INSERT OR DELETE ON instance FOR EACH ROW EXECUTE FUNCTION dsg_instance_count()",
                $"CREATE OR REPLACE TRIGGER instance_count_update AFTER UPDATE OF {key}, sop_class ON instance FOR EACH ROW " +
                    $"WHEN (OLD.{key} IS DISTINCT FROM NEW.{key} OR OLD.sop_class IS DISTINCT FROM NEW.sop_class) EXECUTE FUNCTION dsg_instance_count()",
                fill,
            ];
        }
        return
        [
            $"CREATE TRIGGER IF NOT EXISTS instance_count_insert AFTER INSERT ON instance BEGIN {add} END",
            $"CREATE TRIGGER IF NOT EXISTS instance_count_delete AFTER DELETE ON instance BEGIN {remove} END",
            $"CREATE TRIGGER IF NOT EXISTS instance_count_update AFTER UPDATE OF {key}, sop_class ON instance " +
                $"WHEN OLD.{key} IS NOT NEW.{key} OR OLD.sop_class IS NOT NEW.sop_class BEGIN {remove} {add} END",
            fill,
        ];
    }

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
            if (table.Clustered && dialect == SqlDialect.Sqlite) sql.Append(" WITHOUT ROWID");
            yield return sql.ToString();
        }
        foreach (var index in migration.Indexes)
            yield return $"CREATE INDEX IF NOT EXISTS {index.Name} ON {index.Table}({(index.Folded ? FoldedText(index.Column, dialect) : index.Column)})";
        foreach (var statement in migration.Statements?.Invoke(dialect) ?? []) yield return statement;
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
