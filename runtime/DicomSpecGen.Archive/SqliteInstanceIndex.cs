using System.Text;
using Microsoft.Data.Sqlite;

namespace DicomSpecGen.Archive;

/// <summary>The index in SQLite: one table per Query/Retrieve level (patient, study, series, instance), each row
/// pointing at its parent, so C-FIND at any level is a join and C-MOVE/C-GET resolve to instance rows.</summary>
public sealed class SqliteInstanceIndex : IInstanceIndex, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private const string Schema = """
        PRAGMA journal_mode=WAL;
        PRAGMA synchronous=NORMAL;
        CREATE TABLE IF NOT EXISTS patient(patient_id TEXT PRIMARY KEY, patient_name TEXT, birth_date TEXT, sex TEXT);
        CREATE TABLE IF NOT EXISTS study(study_uid TEXT PRIMARY KEY, patient_id TEXT NOT NULL REFERENCES patient(patient_id),
            study_date TEXT, study_time TEXT, accession TEXT, study_id TEXT, study_description TEXT);
        CREATE TABLE IF NOT EXISTS series(series_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL REFERENCES study(study_uid),
            modality TEXT, series_number TEXT, series_description TEXT);
        CREATE TABLE IF NOT EXISTS instance(sop_uid TEXT PRIMARY KEY, series_uid TEXT NOT NULL REFERENCES series(series_uid),
            sop_class TEXT NOT NULL, instance_number TEXT, transfer_syntax TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS study_patient ON study(patient_id);
        CREATE INDEX IF NOT EXISTS series_study ON series(study_uid);
        CREATE INDEX IF NOT EXISTS instance_series ON instance(series_uid);
        """;

    /// <summary>One side table per indexed sequence, one row per item. CREATE IF NOT EXISTS also adds them to an
    /// index file written before they existed; the studies already in it have no items until stored again.</summary>
    private static string SequenceSchema() => string.Concat(IndexedAttributes.Sequences.Select(q =>
        $"CREATE TABLE IF NOT EXISTS {q.Table}({q.OwnerColumn} TEXT NOT NULL, item INTEGER NOT NULL, " +
        string.Concat(q.ItemKeys.Select(k => k.Column + " TEXT, ")) + $"PRIMARY KEY({q.OwnerColumn}, item));\n"));

    public SqliteInstanceIndex(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema + SequenceSchema();
        command.ExecuteNonQuery();
        // Text matching runs the same code as in-memory matching (PS3.4 C.2.2.2.1, C.2.2.2.4).
        _connection.CreateFunction("dsg_match", (string? value, string pattern, long ignoreCase) => AttributeMatcher.Wildcard(value, pattern, ignoreCase != 0), isDeterministic: true);
    }

    public async Task AddAsync(InstanceRecord r, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var tx = _connection.BeginTransaction();
            _upserts ??= Prepare();
            Execute(_upserts[0], tx, r.PatientId, r.PatientName, r.PatientBirthDate, r.PatientSex);
            Execute(_upserts[1], tx, r.StudyInstanceUid, r.PatientId, r.StudyDate, r.StudyTime, r.AccessionNumber, r.StudyId, r.StudyDescription);
            Execute(_upserts[2], tx, r.SeriesInstanceUid, r.StudyInstanceUid, r.Modality, r.SeriesNumber, r.SeriesDescription);
            Execute(_upserts[3], tx, r.SopInstanceUid, r.SeriesInstanceUid, r.SopClassUid, r.InstanceNumber, r.TransferSyntaxUid, r.RelativePath, r.Size);
            // A sequence is an attribute of its entity: the items of the last stored instance that has the sequence
            // replace the earlier ones; an instance without it leaves them.
            for (var q = 0; q < IndexedAttributes.Sequences.Count; q++)
            {
                var sequence = IndexedAttributes.Sequences[q];
                if (!r.SequenceItems.TryGetValue(sequence.Tag, out var items)) continue;
                var owner = sequence.Level == QueryLevel.Study ? r.StudyInstanceUid : sequence.Level == QueryLevel.Series ? r.SeriesInstanceUid : r.SopInstanceUid;
                Execute(_upserts[4 + 2 * q], tx, owner);
                for (var i = 0; i < items.Count; i++)
                {
                    object?[] values = [owner, i, .. sequence.ItemKeys.Select(k => items[i].TryGetValue(k.Tag, out var v) && v.Length > 0 ? v : null)];
                    Execute(_upserts[5 + 2 * q], tx, values);
                }
            }
            tx.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The four upserts (patient, study, series, instance), prepared once and reused for every instance.</summary>
    private static readonly string[] UpsertSql =
    [
        """
                INSERT INTO patient(patient_id, patient_name, birth_date, sex) VALUES($1, $2, $3, $4)
                ON CONFLICT(patient_id) DO UPDATE SET patient_name = excluded.patient_name, birth_date = excluded.birth_date, sex = excluded.sex
                """,
        """
                INSERT INTO study(study_uid, patient_id, study_date, study_time, accession, study_id, study_description) VALUES($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT(study_uid) DO UPDATE SET patient_id = excluded.patient_id, study_date = excluded.study_date, study_time = excluded.study_time,
                  accession = excluded.accession, study_id = excluded.study_id, study_description = excluded.study_description
                """,
        """
                INSERT INTO series(series_uid, study_uid, modality, series_number, series_description) VALUES($1, $2, $3, $4, $5)
                ON CONFLICT(series_uid) DO UPDATE SET study_uid = excluded.study_uid, modality = excluded.modality,
                  series_number = excluded.series_number, series_description = excluded.series_description
                """,
        """
                INSERT INTO instance(sop_uid, series_uid, sop_class, instance_number, transfer_syntax, path, size) VALUES($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT(sop_uid) DO UPDATE SET series_uid = excluded.series_uid, sop_class = excluded.sop_class, instance_number = excluded.instance_number,
                  transfer_syntax = excluded.transfer_syntax, path = excluded.path, size = excluded.size
                """,
    ];

    private SqliteCommand[]? _upserts;

    /// <summary>Per indexed sequence: delete the owner's items, insert one item.</summary>
    private static IEnumerable<string> SequenceSql() => IndexedAttributes.Sequences.SelectMany(q => new[]
    {
        $"DELETE FROM {q.Table} WHERE {q.OwnerColumn} = $1",
        $"INSERT INTO {q.Table}({q.OwnerColumn}, item, {string.Join(", ", q.ItemKeys.Select(k => k.Column))}) VALUES($1, $2, " +
            string.Join(", ", q.ItemKeys.Select((_, i) => "$" + (i + 3))) + ")",
    });

    private SqliteCommand[] Prepare() => UpsertSql.Concat(SequenceSql()).Select(sql =>
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        var count = sql.Split('$').Length - 1;
        for (var i = 1; i <= count; i++) command.Parameters.Add(new SqliteParameter("$" + i, null));
        return command;
    }).ToArray();

    private static void Execute(SqliteCommand command, SqliteTransaction tx, params object?[] values)
    {
        command.Transaction = tx;
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
        command.Transaction = null;
    }

    private const string Joined = "patient p JOIN study s ON s.patient_id = p.patient_id JOIN series se ON se.study_uid = s.study_uid JOIN instance i ON i.series_uid = se.series_uid";

    private static readonly string[] PatientColumns = ["p.patient_id", "p.patient_name", "p.birth_date", "p.sex"];
    private static readonly string[] StudyColumns = ["s.study_uid", "s.study_date", "s.study_time", "s.accession", "s.study_id", "s.study_description"];
    private static readonly string[] SeriesColumns = ["se.series_uid", "se.modality", "se.series_number", "se.series_description"];
    private static readonly string[] ImageColumns = ["i.sop_uid", "i.sop_class", "i.instance_number"];

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        var columns = new List<string>(PatientColumns);
        if (level >= QueryLevel.Study) columns.AddRange(StudyColumns);
        if (level >= QueryLevel.Series) columns.AddRange(SeriesColumns);
        if (level >= QueryLevel.Image) columns.AddRange(ImageColumns);
        // Derived keys of the level (PS3.4 C.6.1.1.3, C.6.1.1.4): instance counts, modalities and SOP classes in study.
        var derived = level switch
        {
            QueryLevel.Patient => "count(DISTINCT s.study_uid) AS patient_studies, count(DISTINCT se.series_uid) AS patient_series, count(i.sop_uid) AS patient_instances",
            QueryLevel.Study => "count(i.sop_uid) AS study_instances, count(DISTINCT se.series_uid) AS study_series, group_concat(DISTINCT se.modality) AS modalities, group_concat(DISTINCT i.sop_class) AS sop_classes",
            QueryLevel.Series => "count(i.sop_uid) AS series_instances",
            _ => null,
        };
        var sql = new StringBuilder("SELECT ").AppendJoin(", ", columns);
        if (derived != null) sql.Append(", ").Append(derived);
        // The items of each indexed sequence of the level and above, as a JSON array of arrays (item key order).
        foreach (var q in IndexedAttributes.Sequences.Where(q => q.Level <= level))
        {
            sql.Append($", (SELECT json_group_array(json_array({string.Join(", ", q.ItemKeys.Select(k => "x." + k.Column))})) FROM {q.Table} x WHERE x.{q.OwnerColumn} = {Qualified(q.OwnerColumn)}) AS {SequenceColumn(q)}");
        }
        sql.Append(" FROM ").Append(Joined);
        using var command = _connection.CreateCommand();
        AppendWhere(sql, command, conditions);
        sql.Append(" GROUP BY ").AppendJoin(", ", columns).Append(" ORDER BY ").AppendJoin(", ", columns);
        command.CommandText = sql.ToString();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        // CreateCommand (outside the gate) may have picked up the transaction of a concurrent AddAsync, now gone.
        command.Transaction = null;
        try
        {
            var rows = new List<IReadOnlyDictionary<string, string?>>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = new Dictionary<string, string?>();
                for (var i = 0; i < reader.FieldCount; i++)
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                rows.Add(row);
            }
            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT s.study_uid, se.series_uid, i.sop_uid, i.sop_class, i.transfer_syntax, i.path, i.size, p.patient_id FROM ").Append(Joined);
        using var command = _connection.CreateCommand();
        AppendWhere(sql, command, conditions);
        sql.Append(" ORDER BY s.study_uid, se.series_number, i.instance_number, i.sop_uid");
        command.CommandText = sql.ToString();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        command.Transaction = null;
        try
        {
            var list = new List<InstanceRecord>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                list.Add(new InstanceRecord
                {
                    StudyInstanceUid = reader.GetString(0),
                    SeriesInstanceUid = reader.GetString(1),
                    SopInstanceUid = reader.GetString(2),
                    SopClassUid = reader.GetString(3),
                    TransferSyntaxUid = reader.GetString(4),
                    RelativePath = reader.GetString(5),
                    Size = reader.GetInt64(6),
                    PatientId = reader.GetString(7),
                });
            }
            return list;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The result column holding a sequence's items (JSON).</summary>
    public static string SequenceColumn(IndexedAttributes.Sequence sequence) => sequence.ResultColumn;

    /// <summary>Turns matching conditions into SQL with parameters (values never enter the SQL text).</summary>
    private static void AppendWhere(StringBuilder sql, SqliteCommand command, IReadOnlyList<KeyCondition> conditions)
    {
        var clauses = conditions.Select(c => Clause(c, Qualified(c.Column), command)).Where(c => c.Length > 0).ToList();
        if (clauses.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", clauses);
    }

    private static string Clause(KeyCondition c, string column, SqliteCommand command)
    {
        string Param(string value)
        {
            var name = "$p" + command.Parameters.Count;
            command.Parameters.AddWithValue(name, value);
            return name;
        }
        // Only PN single values (no wild cards, so exact but for case) and wild cards need the function.
        string Text(string value) => c.IgnoreCase || c.Match == KeyMatch.Wildcard
            ? $"dsg_match({column}, {Param(value)}, {(c.IgnoreCase ? 1 : 0)})"
            : $"{column} = {Param(value.Trim())}";
        switch (c.Match)
        {
            case KeyMatch.Single:
            case KeyMatch.Wildcard:
                return Text(c.Values[0]);
            case KeyMatch.UidList:
                return $"{column} IN ({string.Join(", ", c.Values.Select(Param))})";
            case KeyMatch.Range:
                var range = new List<string>();
                if (c.Values[0].Length > 0) range.Add($"{column} >= {Param(c.Values[0])}");
                // An upper bound covers the values that start with it (PS3.4 C.2.2.2.5).
                if (c.Values[1].Length > 0) range.Add($"substr({column}, 1, {c.Values[1].Length}) <= {Param(c.Values[1])}");
                return string.Join(" AND ", range);
            case KeyMatch.AnyOf when c.Column == IndexedAttributes.ModalitiesInStudyColumn:
                // A study matches when one of its series has one of the modalities (PS3.4 C.3.4, Modalities in Study).
                var any = string.Join(" OR ", c.Values.Select(v => v.Contains('*') || v.Contains('?') ? $"dsg_match(m.modality, {Param(v)}, 0)" : $"m.modality = {Param(v)}"));
                return $"EXISTS (SELECT 1 FROM series m WHERE m.study_uid = s.study_uid AND ({any}))";
            case KeyMatch.Sequence:
                var sequence = IndexedAttributes.Sequences.First(q => q.Table == c.Column);
                var items = (c.Items ?? []).Select(i => Clause(i, "x." + i.Column, command)).Where(i => i.Length > 0).ToList();
                if (items.Count == 0) return "";
                return $"EXISTS (SELECT 1 FROM {sequence.Table} x WHERE x.{sequence.OwnerColumn} = {Qualified(sequence.OwnerColumn)} AND {string.Join(" AND ", items)})";
            default:
                throw new ArgumentException($"no SQL for {c.Match} on {c.Column}");
        }
    }

    private static string Qualified(string column)
    {
        if (column == IndexedAttributes.ModalitiesInStudyColumn || IndexedAttributes.Sequences.Any(q => q.Table == column)) return column;
        var key = IndexedAttributes.All.FirstOrDefault(k => k.Column == column) ?? throw new ArgumentException($"unknown index column {column}");
        return key.Level switch
        {
            QueryLevel.Patient => "p.",
            QueryLevel.Study => "s.",
            QueryLevel.Series => "se.",
            _ => "i.",
        } + key.Column;
    }

    public void Dispose()
    {
        foreach (var command in _upserts ?? []) command.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }
}
