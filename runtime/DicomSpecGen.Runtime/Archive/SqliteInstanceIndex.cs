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

    public SqliteInstanceIndex(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
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

    private SqliteCommand[] Prepare() => UpsertSql.Select(sql =>
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
            QueryLevel.Patient => "count(DISTINCT s.study_uid) AS patient_studies, count(i.sop_uid) AS patient_instances",
            QueryLevel.Study => "count(i.sop_uid) AS study_instances, count(DISTINCT se.series_uid) AS study_series, group_concat(DISTINCT se.modality) AS modalities, group_concat(DISTINCT i.sop_class) AS sop_classes",
            QueryLevel.Series => "count(i.sop_uid) AS series_instances",
            _ => null,
        };
        var sql = new StringBuilder("SELECT ").AppendJoin(", ", columns);
        if (derived != null) sql.Append(", ").Append(derived);
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

    /// <summary>Turns matching conditions into SQL with parameters (values never enter the SQL text).</summary>
    private static void AppendWhere(StringBuilder sql, SqliteCommand command, IReadOnlyList<KeyCondition> conditions)
    {
        var clauses = new List<string>();
        foreach (var c in conditions)
        {
            var column = Qualified(c.Column);
            string Param(string value)
            {
                var name = "$p" + command.Parameters.Count;
                command.Parameters.AddWithValue(name, value);
                return name;
            }
            switch (c.Match)
            {
                case KeyMatch.Single:
                    clauses.Add($"{column} = {Param(c.Values[0])}");
                    break;
                case KeyMatch.UidList:
                    clauses.Add($"{column} IN ({string.Join(", ", c.Values.Select(Param))})");
                    break;
                case KeyMatch.Wildcard:
                    // DICOM * and ? are GLOB's; a literal [ must be escaped as [[] for GLOB.
                    clauses.Add($"{column} GLOB {Param(c.Values[0].Replace("[", "[[]"))}");
                    break;
                case KeyMatch.Range:
                    if (c.Values[0].Length > 0) clauses.Add($"{column} >= {Param(c.Values[0])}");
                    if (c.Values[1].Length > 0) clauses.Add($"{column} <= {Param(c.Values[1])}");
                    break;
            }
        }
        if (clauses.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", clauses);
    }

    private static string Qualified(string column)
    {
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
