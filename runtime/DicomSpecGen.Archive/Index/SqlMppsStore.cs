using System.Data.Common;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace DicomSpecGen.Services.ProcedureStep;

/// <summary>MPPS instances in table <c>mpps</c> of the archive's index (schema in <see cref="IndexSchema"/>), beside the
/// patient/study/series/instance tables: the listed columns plus the whole attribute set (Explicit VR Little Endian).
/// The SQL is the same for SQLite and PostgreSQL.</summary>
public abstract class SqlMppsStore : IMppsStore, IDisposable
{
    private const string Columns = "sop_uid, status, patient_id, patient_name, pps_id, modality, start_date, start_time, created, updated, attributes";
    private const string Values = "@uid, @status, @pid, @pname, @ppsid, @modality, @date, @time, @created, @updated, @attributes";

    /// <summary>A connection for one call; disposing the lease gives it back.</summary>
    protected abstract Task<(DbConnection Connection, IAsyncDisposable Lease)> AcquireAsync(CancellationToken cancellationToken);

    public async Task<bool> TryAddAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var (connection, lease) = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = lease;
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO mpps({Columns}) VALUES({Values}) ON CONFLICT(sop_uid) DO NOTHING";
        Bind(command, MppsRecord.Of(sopInstanceUid, attributes, now, now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<MppsRecord?> GetAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        var (connection, lease) = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = lease;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sop_uid, created, updated, attributes FROM mpps WHERE sop_uid = @uid";
        Sql.Add(command, "@uid", sopInstanceUid);
        var rows = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task UpdateAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"MPPS instance {sopInstanceUid} is not stored");
        var (connection, lease) = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = lease;
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE mpps SET status = @status, patient_id = @pid, patient_name = @pname, pps_id = @ppsid, modality = @modality, " +
            "start_date = @date, start_time = @time, created = @created, updated = @updated, attributes = @attributes WHERE sop_uid = @uid";
        Bind(command, MppsRecord.Of(sopInstanceUid, attributes, existing.Created, DateTimeOffset.UtcNow));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MppsRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var (connection, lease) = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        await using var _ = lease;
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sop_uid, created, updated, attributes FROM mpps ORDER BY created, sop_uid";
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static void Bind(DbCommand command, MppsRecord r)
    {
        Sql.Add(command, "@uid", r.SopInstanceUid);
        Sql.Add(command, "@status", r.Status);
        Sql.Add(command, "@pid", r.PatientId);
        Sql.Add(command, "@pname", r.PatientName);
        Sql.Add(command, "@ppsid", r.PerformedProcedureStepId);
        Sql.Add(command, "@modality", r.Modality);
        Sql.Add(command, "@date", r.StartDate);
        Sql.Add(command, "@time", r.StartTime);
        Sql.Add(command, "@created", r.Created.ToString("O"));
        Sql.Add(command, "@updated", r.Updated.ToString("O"));
        Sql.Add(command, "@attributes", r.Attributes.Encode(TransferSyntax.ExplicitVRLittleEndian));
    }

    private static async Task<List<MppsRecord>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<MppsRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var attributes = DicomDataset.Decode((byte[])reader.GetValue(3), TransferSyntax.ExplicitVRLittleEndian);
            rows.Add(MppsRecord.Of(reader.GetString(0), attributes,
                DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    public abstract void Dispose();

    /// <summary>The MPPS store of an archive: in the PostgreSQL database of a connection string, else in the SQLite
    /// index of the folder (or the given file).</summary>
    public static SqlMppsStore Open(string archiveFolder, string? index = null)
        => index != null && PostgresInstanceIndexIsConnection(index) ? new PostgresMppsStore(index)
            : index != null ? new SqliteMppsStore(index) : SqliteMppsStore.ForArchive(archiveFolder);

    private static bool PostgresInstanceIndexIsConnection(string index) => DicomSpecGen.Archive.PostgresInstanceIndex.IsConnectionString(index);
}

/// <summary>The MPPS table in the archive's SQLite index (<c>index.sqlite</c>): one connection, calls serialised by the service.</summary>
public sealed class SqliteMppsStore : SqlMppsStore
{
    private readonly SqliteConnection _connection;

    public SqliteMppsStore(string databasePath) => _connection = DicomSpecGen.Archive.SqliteInstanceIndex.Open(databasePath);

    /// <summary>The store in the index of the archive in <paramref name="archiveFolder"/> (as <c>DicomArchive.Open</c> lays it out).</summary>
    public static SqliteMppsStore ForArchive(string archiveFolder)
    {
        Directory.CreateDirectory(archiveFolder);
        return new SqliteMppsStore(Path.Combine(archiveFolder, "index.sqlite"));
    }

    protected override Task<(DbConnection Connection, IAsyncDisposable Lease)> AcquireAsync(CancellationToken cancellationToken)
        => Task.FromResult<(DbConnection, IAsyncDisposable)>((_connection, NoLease.Instance));

    private sealed class NoLease : IAsyncDisposable
    {
        public static readonly NoLease Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public override void Dispose() => _connection.Dispose();
}

/// <summary>The MPPS table in the archive's PostgreSQL index, shared by every node using that database.</summary>
public sealed class PostgresMppsStore : SqlMppsStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresMppsStore(string connectionString)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        using var connection = _dataSource.OpenConnection();
        IndexSchema.MigrateAsync(connection, SqlDialect.PostgreSql, CancellationToken.None).GetAwaiter().GetResult();
    }

    protected override async Task<(DbConnection Connection, IAsyncDisposable Lease)> AcquireAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return (connection, connection);
    }

    public override void Dispose() => _dataSource.Dispose();
}
