using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Services.ProcedureStep;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>Where an archive test keeps its index: the same tests run against each.</summary>
public abstract class IndexBackend
{
    /// <summary>The --index value for an archive in <paramref name="folder"/> (null: index.sqlite in the folder).
    /// The same folder gives the same index, so a test can reopen it.</summary>
    public abstract string? IndexFor(string folder);

    public DicomArchive Open(string folder, string aeTitle, ArchiveQueryOptions? queryOptions = null, DuplicatePolicy duplicates = DuplicatePolicy.Replace)
        => DicomArchive.Open(folder, aeTitle, queryOptions: queryOptions, index: IndexFor(folder), duplicates: duplicates);

    public SqlMppsStore Mpps(string folder) => SqlMppsStore.Open(folder, IndexFor(folder));

    public static IndexBackend Sqlite { get; } = new SqliteBackend();

    private sealed class SqliteBackend : IndexBackend
    {
        public override string? IndexFor(string folder) => null;
    }
}

/// <summary>One database of the shared throwaway cluster per archive folder.</summary>
public sealed class PostgresBackend(PostgresCluster cluster) : IndexBackend
{
    private readonly Dictionary<string, string> _byFolder = new(StringComparer.Ordinal);

    public override string? IndexFor(string folder)
    {
        lock (_byFolder)
        {
            if (!_byFolder.TryGetValue(Path.GetFullPath(folder), out var connection))
                _byFolder[Path.GetFullPath(folder)] = connection = cluster.NewDatabase();
            return connection;
        }
    }
}
