using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using Microsoft.Data.Sqlite;

namespace DicomSpecGen.Services.ProcedureStep;

/// <summary>MPPS instances in a table <c>mpps</c> of the archive's SQLite index (<c>index.sqlite</c>), beside the
/// patient/study/series/instance tables: the listed columns plus the whole attribute set (Explicit VR Little Endian).</summary>
public sealed class SqliteMppsStore : IMppsStore, IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS mpps(sop_uid TEXT PRIMARY KEY, status TEXT NOT NULL, patient_id TEXT, patient_name TEXT,
          pps_id TEXT, modality TEXT, start_date TEXT, start_time TEXT, created TEXT NOT NULL, updated TEXT NOT NULL, attributes BLOB NOT NULL);
        """;

    private readonly SqliteConnection _connection;

    public SqliteMppsStore(string databasePath)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>The store in the index of the archive in <paramref name="archiveFolder"/> (as <c>DicomArchive.Open</c> lays it out).</summary>
    public static SqliteMppsStore ForArchive(string archiveFolder)
    {
        Directory.CreateDirectory(archiveFolder);
        return new SqliteMppsStore(Path.Combine(archiveFolder, "index.sqlite"));
    }

    public async Task<bool> TryAddAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        using var command = _connection.CreateCommand();
        command.CommandText = "INSERT OR IGNORE INTO mpps VALUES($uid,$status,$pid,$pname,$ppsid,$modality,$date,$time,$created,$updated,$attributes)";
        Bind(command, MppsRecord.Of(sopInstanceUid, attributes, now, now));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async Task<MppsRecord?> GetAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT sop_uid, created, updated, attributes FROM mpps WHERE sop_uid = $uid";
        command.Parameters.AddWithValue("$uid", sopInstanceUid);
        var rows = await ReadAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task UpdateAsync(string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(sopInstanceUid, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"MPPS instance {sopInstanceUid} is not stored");
        using var command = _connection.CreateCommand();
        command.CommandText = "REPLACE INTO mpps VALUES($uid,$status,$pid,$pname,$ppsid,$modality,$date,$time,$created,$updated,$attributes)";
        Bind(command, MppsRecord.Of(sopInstanceUid, attributes, existing.Created, DateTimeOffset.UtcNow));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<MppsRecord>> ListAsync(CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT sop_uid, created, updated, attributes FROM mpps ORDER BY created, sop_uid";
        return await ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static void Bind(SqliteCommand command, MppsRecord r)
    {
        command.Parameters.AddWithValue("$uid", r.SopInstanceUid);
        command.Parameters.AddWithValue("$status", r.Status);
        command.Parameters.AddWithValue("$pid", (object?)r.PatientId ?? DBNull.Value);
        command.Parameters.AddWithValue("$pname", (object?)r.PatientName ?? DBNull.Value);
        command.Parameters.AddWithValue("$ppsid", (object?)r.PerformedProcedureStepId ?? DBNull.Value);
        command.Parameters.AddWithValue("$modality", (object?)r.Modality ?? DBNull.Value);
        command.Parameters.AddWithValue("$date", (object?)r.StartDate ?? DBNull.Value);
        command.Parameters.AddWithValue("$time", (object?)r.StartTime ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", r.Created.ToString("O"));
        command.Parameters.AddWithValue("$updated", r.Updated.ToString("O"));
        command.Parameters.AddWithValue("$attributes", r.Attributes.Encode(TransferSyntax.ExplicitVRLittleEndian));
    }

    private static async Task<List<MppsRecord>> ReadAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<MppsRecord>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var attributes = DicomDataset.Decode((byte[])reader.GetValue(3), TransferSyntax.ExplicitVRLittleEndian);
            rows.Add(MppsRecord.Of(reader.GetString(0), attributes,
                DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture)));
        }
        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
