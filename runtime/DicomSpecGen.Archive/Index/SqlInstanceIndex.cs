using System.Data.Common;
using System.Text;

namespace DicomSpecGen.Archive.Index;

/// <summary>What to do when an instance already stored is stored again (the same SOP Instance UID).</summary>
public enum DuplicatePolicy
{
    /// <summary>The new copy replaces the file and the index row (default).</summary>
    Replace,

    /// <summary>The first copy stays; later ones are answered Success and dropped.</summary>
    KeepFirst,
}

/// <summary>The index in SQL: one table per Query/Retrieve level (patient, study, series, instance), each row pointing
/// at its parent, so C-FIND at any level is a join and C-MOVE/C-GET resolve to instance rows. The queries are the same
/// for every dialect but for text matching, string aggregation and the JSON of sequence items.</summary>
public abstract class SqlInstanceIndex : IInstanceIndex, IDisposable
{
    protected SqlInstanceIndex(SqlDialect dialect)
    {
        Dialect = dialect;
        _upsertSql = UpsertSql(dialect);
        _insertParentIfNew = InsertParentIfNew(dialect);
    }

    public SqlDialect Dialect { get; }

    /// <summary>A connection for one operation, with the dialect's command cache; disposing gives it back.</summary>
    protected abstract class Lease : IAsyncDisposable
    {
        public abstract DbConnection Connection { get; }

        /// <summary>A command for fixed SQL text (parameters named @v1…@n); reused where the connection lives on.</summary>
        public abstract DbCommand Command(string sql);

        public abstract ValueTask DisposeAsync();

        /// <summary>Starts queueing statements (<see cref="Defer"/>) to send them in one round trip at <see cref="FlushAsync"/>;
        /// false where the dialect gains nothing by it (SQLite runs in-process).</summary>
        public virtual bool TryDefer() => false;

        public virtual bool Deferring => false;

        /// <summary>Queues a statement whose result is not needed (an upsert: one row).</summary>
        public virtual void Defer(string sql, object?[] values) => throw new NotSupportedException();

        /// <summary>Runs the queued statements in the transaction and stops queueing.</summary>
        public virtual Task FlushAsync(DbTransaction tx, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    protected abstract Task<Lease> AcquireAsync(CancellationToken cancellationToken);

    /// <summary>Wild card or case-insensitive single value matching of a column against a key value (PS3.4
    /// C.2.2.2.1, C.2.2.2.4), exactly as <see cref="AttributeMatcher.Wildcard"/> decides it.</summary>
    protected abstract string Match(string column, string pattern, bool ignoreCase, Func<object?, string> parameter);

    /// <summary>A condition marked as true for few rows, where the dialect takes such a hint (so that a range over a
    /// name prefix or a date starts the join instead of being checked last).</summary>
    protected virtual string Selective(string condition) => condition;

    /// <summary>The distinct values of an expression over the group, comma-separated.</summary>
    protected abstract string DistinctList(string expression);

    /// <summary>A scalar subquery: the rows of <paramref name="from"/> as a JSON array of arrays of <paramref name="columns"/>, in item order.</summary>
    protected abstract string JsonItems(IEnumerable<string> columns, string from, string orderBy);

    public Task AddAsync(InstanceRecord record, CancellationToken cancellationToken) => AddAsync(record, DuplicatePolicy.Replace, cancellationToken);

    /// <summary>Adds or (with <see cref="DuplicatePolicy.Replace"/>) replaces the instance's row and updates its patient,
    /// study and series in one transaction; with <see cref="DuplicatePolicy.KeepFirst"/> an existing instance row (and
    /// the entities above it) is left as it is. True when the instance row was written.</summary>
    public async Task<bool> AddAsync(InstanceRecord r, DuplicatePolicy policy, CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var written = await AddAsync(lease, tx, r, policy, new ParentRows(), cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Each record as <see cref="AddAsync(InstanceRecord, DuplicatePolicy, CancellationToken)"/> would add it, in
    /// order, all in ONE transaction (one commit, so one log flush, for the batch); all or none.</summary>
    public async Task<IReadOnlyList<bool>> AddBatchAsync(IReadOnlyList<(InstanceRecord Record, DuplicatePolicy Policy)> records, CancellationToken cancellationToken)
    {
        var written = new bool[records.Count];
        if (records.Count == 0) return written;
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var tx = await lease.Connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var parents = new ParentRows();
        // Replacing needs no statement's result, so its statements can go in one round trip (PostgreSQL); keeping the
        // first needs each insert's row count before the next statement.
        var deferred = records.All(r => r.Policy == DuplicatePolicy.Replace) && lease.TryDefer();
        for (var i = 0; i < records.Count; i++)
            written[i] = await AddAsync(lease, tx, records[i].Record, records[i].Policy, parents, cancellationToken).ConfigureAwait(false);
        if (deferred) await lease.FlushAsync(tx, cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Per parent table (patient, study, series), the values of the row this transaction last wrote there. The
    /// instances of a batch mostly share their series, study and patient: a statement that would write a row exactly as
    /// it already is in this transaction is skipped (three statements of four per instance, and the CPU they cost).</summary>
    private sealed class ParentRows
    {
        private readonly object?[]?[] _rows = new object?[]?[3];

        public bool Unchanged(int table, object?[] values) => _rows[table] is { } row && row.AsSpan().SequenceEqual(values);

        public void Wrote(int table, object?[] values) => _rows[table] = values;
    }

    /// <summary>Runs a parent row's insert-if-new or upsert unless <paramref name="parents"/> shows the row already has
    /// <paramref name="values"/> in this transaction (then either statement would leave it as it is).</summary>
    private static async Task ParentAsync(Lease lease, DbTransaction tx, string sql, int table, ParentRows parents, CancellationToken cancellationToken, params object?[] values)
    {
        if (parents.Unchanged(table, values)) return;
        // 0 rows: an insert-if-new found the row there, values unknown; the cached row (another key, or this key
        // with values that statement did not change) stays true.
        if (await RunAsync(lease, sql, tx, cancellationToken, values).ConfigureAwait(false) > 0) parents.Wrote(table, values);
    }

    private async Task<bool> AddAsync(Lease lease, DbTransaction tx, InstanceRecord r, DuplicatePolicy policy, ParentRows parents, CancellationToken cancellationToken)
    {
        if (policy == DuplicatePolicy.KeepFirst)
        {
            // The parents first (FOREIGN KEY), then the instance unless stored already: a duplicate changes nothing.
            await ParentAsync(lease, tx, _insertParentIfNew[0], 0, parents, cancellationToken, r.PatientId, r.PatientName, r.PatientBirthDate, r.PatientSex).ConfigureAwait(false);
            await ParentAsync(lease, tx, _insertParentIfNew[1], 1, parents, cancellationToken, r.StudyInstanceUid, r.PatientId, r.StudyDate, r.StudyTime, r.AccessionNumber, r.StudyId, r.StudyDescription).ConfigureAwait(false);
            await ParentAsync(lease, tx, _insertParentIfNew[2], 2, parents, cancellationToken, r.SeriesInstanceUid, r.StudyInstanceUid, r.Modality, r.SeriesNumber, r.SeriesDescription).ConfigureAwait(false);
            if (await ExecuteAsync(lease.Command(InsertInstanceIfNew), tx, cancellationToken, r.SopInstanceUid, r.SeriesInstanceUid, r.SopClassUid, r.InstanceNumber, r.TransferSyntaxUid, r.RelativePath, r.Size).ConfigureAwait(false) == 0)
                return false;
        }
        // A new instance (or, replacing, any) updates its patient, study and series as the last one stored says.
        await ParentAsync(lease, tx, _upsertSql[0], 0, parents, cancellationToken, r.PatientId, r.PatientName, r.PatientBirthDate, r.PatientSex).ConfigureAwait(false);
        await ParentAsync(lease, tx, _upsertSql[1], 1, parents, cancellationToken, r.StudyInstanceUid, r.PatientId, r.StudyDate, r.StudyTime, r.AccessionNumber, r.StudyId, r.StudyDescription).ConfigureAwait(false);
        await ParentAsync(lease, tx, _upsertSql[2], 2, parents, cancellationToken, r.SeriesInstanceUid, r.StudyInstanceUid, r.Modality, r.SeriesNumber, r.SeriesDescription).ConfigureAwait(false);
        if (policy == DuplicatePolicy.Replace)
            await RunAsync(lease, _upsertSql[3], tx, cancellationToken, r.SopInstanceUid, r.SeriesInstanceUid, r.SopClassUid, r.InstanceNumber, r.TransferSyntaxUid, r.RelativePath, r.Size).ConfigureAwait(false);
        // A sequence is an attribute of its entity: the items of the last stored instance that has the sequence
        // replace the earlier ones; an instance without it leaves them.
        var sequenceSql = SequenceSql;
        for (var q = 0; q < IndexedAttributes.Sequences.Count; q++)
        {
            var sequence = IndexedAttributes.Sequences[q];
            if (!r.SequenceItems.TryGetValue(sequence.Tag, out var items)) continue;
            var owner = sequence.Level == QueryLevel.Study ? r.StudyInstanceUid : sequence.Level == QueryLevel.Series ? r.SeriesInstanceUid : r.SopInstanceUid;
            await RunAsync(lease, sequenceSql[2 * q], tx, cancellationToken, owner).ConfigureAwait(false);
            for (var i = 0; i < items.Count; i++)
            {
                object?[] values = [owner, i, .. sequence.ItemKeys.Select(k => items[i].TryGetValue(k.Tag, out var v) && v.Length > 0 ? v : null)];
                await RunAsync(lease, sequenceSql[2 * q + 1], tx, cancellationToken, values).ConfigureAwait(false);
            }
        }
        return true;
    }

    private readonly string[] _upsertSql;
    private readonly string[] _insertParentIfNew;

    // A new series row gets the next series_key (IndexSchema migration 6); an instance row takes its series' key, found
    // by the series UID (@v2) in the row the series statement just wrote or left.
    private const string InstanceSeriesKey = "(SELECT se.series_key FROM series se WHERE se.series_uid = @v2)";

    /// <summary>The four upserts (patient, study, series, instance).</summary>
    private static string[] UpsertSql(SqlDialect dialect) =>
    [
        """
                INSERT INTO patient(patient_id, patient_name, birth_date, sex) VALUES(@v1, @v2, @v3, @v4)
                ON CONFLICT(patient_id) DO UPDATE SET patient_name = excluded.patient_name, birth_date = excluded.birth_date, sex = excluded.sex
                """,
        """
                INSERT INTO study(study_uid, patient_id, study_date, study_time, accession, study_id, study_description) VALUES(@v1, @v2, @v3, @v4, @v5, @v6, @v7)
                ON CONFLICT(study_uid) DO UPDATE SET patient_id = excluded.patient_id, study_date = excluded.study_date, study_time = excluded.study_time,
                  accession = excluded.accession, study_id = excluded.study_id, study_description = excluded.study_description
                """,
        $"""
                INSERT INTO series(series_uid, study_uid, modality, series_number, series_description, series_key) VALUES(@v1, @v2, @v3, @v4, @v5, {IndexSchema.NewSeriesKey(dialect)})
                ON CONFLICT(series_uid) DO UPDATE SET study_uid = excluded.study_uid, modality = excluded.modality,
                  series_number = excluded.series_number, series_description = excluded.series_description
                """,
        $"""
                INSERT INTO instance(sop_uid, series_uid, series_key, sop_class, instance_number, transfer_syntax, path, size) VALUES(@v1, @v2, {InstanceSeriesKey}, @v3, @v4, @v5, @v6, @v7)
                ON CONFLICT(sop_uid) DO UPDATE SET series_uid = excluded.series_uid, series_key = excluded.series_key, sop_class = excluded.sop_class, instance_number = excluded.instance_number,
                  transfer_syntax = excluded.transfer_syntax, path = excluded.path, size = excluded.size
                """,
    ];

    private static string[] InsertParentIfNew(SqlDialect dialect) =>
    [
        "INSERT INTO patient(patient_id, patient_name, birth_date, sex) VALUES(@v1, @v2, @v3, @v4) ON CONFLICT(patient_id) DO NOTHING",
        "INSERT INTO study(study_uid, patient_id, study_date, study_time, accession, study_id, study_description) VALUES(@v1, @v2, @v3, @v4, @v5, @v6, @v7) ON CONFLICT(study_uid) DO NOTHING",
        $"INSERT INTO series(series_uid, study_uid, modality, series_number, series_description, series_key) VALUES(@v1, @v2, @v3, @v4, @v5, {IndexSchema.NewSeriesKey(dialect)}) ON CONFLICT(series_uid) DO NOTHING",
    ];

    private const string InsertInstanceIfNew =
        $"INSERT INTO instance(sop_uid, series_uid, series_key, sop_class, instance_number, transfer_syntax, path, size) VALUES(@v1, @v2, {InstanceSeriesKey}, @v3, @v4, @v5, @v6, @v7) ON CONFLICT(sop_uid) DO NOTHING";

    /// <summary>Per indexed sequence: delete the owner's items, insert one item.</summary>
    private static readonly string[] SequenceSql = [.. IndexedAttributes.Sequences.SelectMany(q => new[]
    {
        $"DELETE FROM {q.Table} WHERE {q.OwnerColumn} = @v1",
        $"INSERT INTO {q.Table}({q.OwnerColumn}, item, {string.Join(", ", q.ItemKeys.Select(k => k.Column))}) VALUES(@v1, @v2, " +
            string.Join(", ", q.ItemKeys.Select((_, i) => "@v" + (i + 3))) + ")",
    })];

    /// <summary>Runs the statement now, or queues it when the lease is deferring (then it counts as one row: only
    /// upserts and deletes whose counts are not read are run while deferring).</summary>
    private static async Task<int> RunAsync(Lease lease, string sql, DbTransaction tx, CancellationToken cancellationToken, params object?[] values)
    {
        if (!lease.Deferring) return await ExecuteAsync(lease.Command(sql), tx, cancellationToken, values).ConfigureAwait(false);
        lease.Defer(sql, values);
        return 1;
    }

    /// <summary>Binds @v1…@n in order and runs the command in the transaction.</summary>
    private static async Task<int> ExecuteAsync(DbCommand command, DbTransaction tx, CancellationToken cancellationToken, params object?[] values)
    {
        command.Transaction = tx;
        if (command.Parameters.Count == 0)
            for (var i = 0; i < values.Length; i++) Sql.Add(command, "@v" + (i + 1), null);
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
        try
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            command.Transaction = null;
        }
    }

    private const string Joined = "patient p JOIN study s ON s.patient_id = p.patient_id JOIN series se ON se.study_uid = s.study_uid JOIN instance i ON i.series_key = se.series_key";

    private static readonly string[] PatientColumns = ["p.patient_id", "p.patient_name", "p.birth_date", "p.sex"];
    private static readonly string[] StudyColumns = ["s.study_uid", "s.study_date", "s.study_time", "s.accession", "s.study_id", "s.study_description"];
    private static readonly string[] SeriesColumns = ["se.series_uid", "se.modality", "se.series_number", "se.series_description"];
    private static readonly string[] ImageColumns = ["i.sop_uid", "i.sop_class", "i.instance_number"];

    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string?>>> QueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        var (sql, parameters) = QuerySql(level, conditions);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Adhoc(lease, sql, parameters);
        var rows = new List<IReadOnlyDictionary<string, string?>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Dictionary<string, string?>();
            for (var i = 0; i < reader.FieldCount; i++)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The database's plan for the query <see cref="QueryAsync"/> would run (SQLite: EXPLAIN QUERY PLAN, one
    /// line per step; PostgreSQL: EXPLAIN), to check which indexes a query uses.</summary>
    public async Task<IReadOnlyList<string>> ExplainQueryAsync(QueryLevel level, IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        var (sql, parameters) = QuerySql(level, conditions);
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Adhoc(lease, (Dialect == SqlDialect.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + sql, parameters);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) lines.Add(reader.GetString(reader.FieldCount - 1));
        return lines;
    }

    private (string Sql, List<object?> Parameters) QuerySql(QueryLevel level, IReadOnlyList<KeyCondition> conditions)
    {
        var columns = new List<string>(PatientColumns);
        if (level >= QueryLevel.Study) columns.AddRange(StudyColumns);
        if (level >= QueryLevel.Series) columns.AddRange(SeriesColumns);
        if (level >= QueryLevel.Image) columns.AddRange(ImageColumns);
        // Keys of a level below the query's restrict the rows counted, so only the join of every instance row answers those.
        var counted = level < QueryLevel.Image && conditions.All(c => ConditionLevel(c) <= level);
        // Derived keys of the level (PS3.4 C.6.1.1.3, C.6.1.1.4): instance counts, modalities and SOP classes in study.
        // With only keys of the level and above, one row per entity, the derived keys from the per-series counts
        // (IndexSchema.SeriesCounts, a few rows per entity); otherwise grouped over the joined instance rows.
        var derived = (level, counted) switch
        {
            (QueryLevel.Patient, true) =>
                $"(SELECT count(DISTINCT y.study_uid) {PatientCounts}) AS patient_studies, (SELECT count(DISTINCT c.series_key) {PatientCounts}) AS patient_series, " +
                $"(SELECT sum(c.instances) {PatientCounts}) AS patient_instances",
            (QueryLevel.Study, true) =>
                $"(SELECT sum(c.instances) {StudyCounts}) AS study_instances, (SELECT count(DISTINCT c.series_key) {StudyCounts}) AS study_series, " +
                $"(SELECT {DistinctList("x.modality")} {StudyCounts}) AS modalities, (SELECT {DistinctList("c.sop_class")} {StudyCounts}) AS sop_classes",
            (QueryLevel.Series, true) => $"(SELECT sum(c.instances) {SeriesCountsOf}) AS series_instances",
            (QueryLevel.Patient, _) => "count(DISTINCT s.study_uid) AS patient_studies, count(DISTINCT se.series_uid) AS patient_series, count(i.sop_uid) AS patient_instances",
            (QueryLevel.Study, _) => $"count(i.sop_uid) AS study_instances, count(DISTINCT se.series_uid) AS study_series, {DistinctList("se.modality")} AS modalities, {DistinctList("i.sop_class")} AS sop_classes",
            (QueryLevel.Series, _) => "count(i.sop_uid) AS series_instances",
            _ => null,
        };
        var sql = new StringBuilder("SELECT ").AppendJoin(", ", columns);
        if (derived != null) sql.Append(", ").Append(derived);
        // The items of each indexed sequence of the level and above, as a JSON array of arrays (item key order).
        foreach (var q in IndexedAttributes.Sequences.Where(q => q.Level <= level))
        {
            sql.Append(", ").Append(JsonItems(q.ItemKeys.Select(k => "x." + k.Column), $"{q.Table} x WHERE x.{q.OwnerColumn} = {Qualified(q.OwnerColumn)}", "x.item"))
                .Append(" AS ").Append(q.ResultColumn);
        }
        var parameters = new List<object?>();
        if (counted)
        {
            // An entity is listed when it has an instance, as the join of the instance rows lists it.
            sql.Append(" FROM ").Append(level switch
            {
                QueryLevel.Patient => "patient p",
                QueryLevel.Study => "patient p JOIN study s ON s.patient_id = p.patient_id",
                _ => "patient p JOIN study s ON s.patient_id = p.patient_id JOIN series se ON se.study_uid = s.study_uid",
            });
            var has = level switch
            {
                QueryLevel.Patient => $"EXISTS (SELECT 1 {PatientCounts})",
                QueryLevel.Study => $"EXISTS (SELECT 1 {StudyCounts})",
                _ => $"EXISTS (SELECT 1 {SeriesCountsOf})",
            };
            AppendWhere(sql, parameters, conditions, has);
            sql.Append(" ORDER BY ").AppendJoin(", ", columns);
            return (sql.ToString(), parameters);
        }
        sql.Append(" FROM ").Append(Joined);
        AppendWhere(sql, parameters, conditions);
        sql.Append(" GROUP BY ").AppendJoin(", ", columns).Append(" ORDER BY ").AppendJoin(", ", columns);
        return (sql.ToString(), parameters);
    }

    // The per-series counts below one patient, study or series (correlated with p, s, se of the outer query).
    private const string PatientCounts = $"FROM study y JOIN series x ON x.study_uid = y.study_uid JOIN {IndexSchema.SeriesCounts} c ON c.series_key = x.series_key WHERE y.patient_id = p.patient_id";
    private const string StudyCounts = $"FROM series x JOIN {IndexSchema.SeriesCounts} c ON c.series_key = x.series_key WHERE x.study_uid = s.study_uid";
    private const string SeriesCountsOf = $"FROM {IndexSchema.SeriesCounts} c WHERE c.series_key = se.series_key";

    /// <summary>The Query/Retrieve level of the entity a condition is on.</summary>
    private static QueryLevel ConditionLevel(KeyCondition c)
    {
        if (c.Column == IndexedAttributes.ModalitiesInStudyColumn) return QueryLevel.Study;
        if (IndexedAttributes.Sequences.FirstOrDefault(q => q.Table == c.Column) is { } sequence) return sequence.Level;
        return IndexedAttributes.All.FirstOrDefault(k => k.Column == c.Column)?.Level ?? QueryLevel.Image;
    }

    public async Task<IReadOnlyList<InstanceRecord>> InstancesAsync(IReadOnlyList<KeyCondition> conditions, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder("SELECT s.study_uid, se.series_uid, i.sop_uid, i.sop_class, i.transfer_syntax, i.path, i.size, p.patient_id FROM ").Append(Joined);
        var parameters = new List<object?>();
        AppendWhere(sql, parameters, conditions);
        sql.Append(" ORDER BY s.study_uid, se.series_number, i.instance_number, i.sop_uid");
        await using var lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Adhoc(lease, sql.ToString(), parameters);
        var list = new List<InstanceRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

    private static DbCommand Adhoc(Lease lease, string sql, List<object?> parameters)
    {
        var command = lease.Connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Count; i++) Sql.Add(command, "@p" + i, parameters[i]);
        return command;
    }

    /// <summary>Turns matching conditions into SQL with parameters (values never enter the SQL text).</summary>
    private void AppendWhere(StringBuilder sql, List<object?> parameters, IReadOnlyList<KeyCondition> conditions, string? also = null)
    {
        var clauses = conditions.Select(c => Clause(c, Qualified(c.Column), parameters)).Where(c => c.Length > 0).ToList();
        if (also != null) clauses.Add(also);
        if (clauses.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", clauses);
    }

    private string Clause(KeyCondition c, string column, List<object?> parameters)
    {
        string Param(object? value)
        {
            parameters.Add(value);
            return "@p" + (parameters.Count - 1);
        }
        // Only PN single values (no wild cards, so exact but for case) and wild cards need the matcher.
        string Text(string value)
        {
            if (!c.IgnoreCase && c.Match != KeyMatch.Wildcard) return $"{column} = {Param(value.Trim())}";
            var match = Match(column, value, c.IgnoreCase, Param);
            // A column with a folded index: the key's literal prefix, folded, bounds the folded value, a range the
            // index serves (every value the matcher accepts, with or without case, is in it); the matcher decides.
            if (!IndexSchema.FoldedColumns.Contains(c.Column) || FoldedPrefix(value) is not { } prefix) return match;
            var folded = IndexSchema.FoldedText(column, Dialect);
            var bounds = Selective($"{folded} >= {Param(prefix)}");
            if (Successor(prefix) is { } above) bounds += $" AND {folded} < {Param(above)}";
            return $"{bounds} AND {match}";
        }
        switch (c.Match)
        {
            case KeyMatch.Single:
            case KeyMatch.Wildcard:
                return Text(c.Values[0]);
            case KeyMatch.UidList:
                return $"{column} IN ({string.Join(", ", c.Values.Select(v => Param(v)))})";
            case KeyMatch.Range:
                var range = new List<string>();
                // Marked selective: a date range (even open, "since …") selects few studies of a large archive.
                if (c.Values[0].Length > 0) range.Add(Selective($"{column} >= {Param(c.Values[0])}"));
                // An upper bound covers the values that start with it (PS3.4 C.2.2.2.5). Such values are all below the
                // bound's successor: that comparison lets an index on the column serve the range; substr() decides.
                if (c.Values[1].Length > 0)
                {
                    if (Successor(c.Values[1]) is { } above) range.Add(Selective($"{column} < {Param(above)}"));
                    range.Add($"substr({column}, 1, {c.Values[1].Length}) <= {Param(c.Values[1])}");
                }
                return string.Join(" AND ", range);
            case KeyMatch.AnyOf when c.Column == IndexedAttributes.ModalitiesInStudyColumn:
                // A study matches when one of its series has one of the modalities (PS3.4 C.3.4, Modalities in Study).
                var any = string.Join(" OR ", c.Values.Select(v => v.Contains('*') || v.Contains('?') ? Match("m.modality", v, false, Param) : $"m.modality = {Param(v)}"));
                return $"EXISTS (SELECT 1 FROM series m WHERE m.study_uid = s.study_uid AND ({any}))";
            case KeyMatch.Sequence:
                var sequence = IndexedAttributes.Sequences.First(q => q.Table == c.Column);
                var items = (c.Items ?? []).Select(i => Clause(i, "x." + i.Column, parameters)).Where(i => i.Length > 0).ToList();
                if (items.Count == 0) return "";
                return $"EXISTS (SELECT 1 FROM {sequence.Table} x WHERE x.{sequence.OwnerColumn} = {Qualified(sequence.OwnerColumn)} AND {string.Join(" AND ", items)})";
            default:
                throw new ArgumentException($"no SQL for {c.Match} on {c.Column}");
        }
    }

    /// <summary>The literal start of a key value (before its first wild card), trimmed as the matcher trims it, ASCII
    /// letters upper-cased, cut before the first non-ASCII or control character (text compares as UTF-8 bytes in SQLite and as
    /// bytes in PostgreSQL's "C" collation, so only an ASCII prefix orders the same as the string); null if empty.</summary>
    private static string? FoldedPrefix(string value)
    {
        var prefix = new StringBuilder();
        foreach (var ch in value.TrimStart())
        {
            if (ch is '*' or '?' || ch >= 0x80 || ch < 0x20) break;
            prefix.Append(ch is >= 'a' and <= 'z' ? (char)(ch - 32) : ch);
        }
        return prefix.Length > 0 ? prefix.ToString() : null;
    }

    /// <summary>The least string above every string that starts with an ASCII <paramref name="prefix"/> (its last
    /// character plus one); null when there is none to give (a DEL or non-ASCII last character).</summary>
    private static string? Successor(string prefix)
        => prefix.Length > 0 && prefix[^1] < 0x7F ? prefix[..^1] + (char)(prefix[^1] + 1) : null;

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

    public abstract void Dispose();
}
