using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Archive;

/// <summary>The SCP's default archive: C-STORE writes Part 10 files to an <see cref="IInstanceStore"/> and indexes
/// them in an <see cref="IInstanceIndex"/>; C-FIND/C-MOVE/C-GET match against that index (PS3.4 C.2.2.2, C.6).
/// A C-STORE's Success waits for its file and placement record (durable when the store is), not for its index row:
/// the row is written behind (<see cref="IndexWriter"/>), and every read through <see cref="Index"/> first waits for
/// the rows of the stores answered before it.</summary>
public sealed class DicomArchive : IStorageService, IQueryService, IDisposable
{
    private readonly ILogger _logger;
    private readonly string _aeTitle;
    private readonly IndexWriter _writer;

    public DicomArchive(IInstanceStore store, IInstanceIndex index, string aeTitle, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _aeTitle = aeTitle;
        Store = store;
        IndexBackend = index;
        _writer = new IndexWriter(store, index, _logger);
        Index = new ReadYourWritesIndex(index, _writer);
    }

    /// <summary>Index rows queued behind answered stores beyond which a store waits for the index (its Success then
    /// waits for the writer to catch up).</summary>
    internal const int MaxIndexBacklog = 1024;

    /// <summary>How many leading bytes of each data set are kept in memory for the index record.</summary>
    internal const int IndexPrefixLimit = 64 * 1024;

    public IInstanceStore Store { get; }

    /// <summary>The index with read-your-writes: each call first waits until every C-STORE answered before it is
    /// indexed (committed, or given up and left to reconciliation).</summary>
    public IInstanceIndex Index { get; }

    /// <summary>The index itself (no waiting for the write-behind rows).</summary>
    public IInstanceIndex IndexBackend { get; }

    /// <summary>Completes once every C-STORE answered before the call is indexed.</summary>
    public Task IndexedAsync(CancellationToken cancellationToken) => _writer.WaitAsync(cancellationToken);

    /// <summary>How identifiers are matched (PN case).</summary>
    public ArchiveQueryOptions QueryOptions { get; init; } = new();

    /// <summary>What a second copy of a stored instance does (default: replaces the first).</summary>
    public DuplicatePolicy Duplicates { get; init; } = DuplicatePolicy.Replace;

    /// <summary>An archive in a folder: files under it, the index in <c>index.sqlite</c> beside them, or in the
    /// PostgreSQL database of <paramref name="index"/> when that is a connection string (<c>Host=…;Database=…</c>),
    /// or in the SQLite file it names.</summary>
    public static DicomArchive Open(string folder, string aeTitle, ILogger? logger = null, bool flushToDisk = true, ArchiveQueryOptions? queryOptions = null,
        string? index = null, DuplicatePolicy duplicates = DuplicatePolicy.Replace)
    {
        var store = new FileSystemInstanceStore(folder, flushToDisk);
        return new DicomArchive(store, OpenIndex(store.Root, index, flushToDisk), aeTitle, logger)
        {
            QueryOptions = queryOptions ?? new(),
            Duplicates = duplicates,
        };
    }

    /// <summary>The index an <c>--index</c> value names: a PostgreSQL connection string, a SQLite file, or (null)
    /// <c>index.sqlite</c> in the folder. <paramref name="durable"/>: SQLite commits reach the disk before they return
    /// (PostgreSQL's commits do by default).</summary>
    public static SqlInstanceIndex OpenIndex(string folder, string? index, bool durable = true)
        => index != null && PostgresInstanceIndex.IsConnectionString(index) ? new PostgresInstanceIndex(index)
            : new SqliteInstanceIndex(index ?? Path.Combine(folder, "index.sqlite"), durable);

    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var meta = new DicomFileMeta(context.SopClassUid, context.SopInstanceUid, transferSyntax.Uid, SourceApplicationEntityTitle: context.CallingAeTitle);
        // The indexed attributes sit near the start: keep the first bytes as they stream past and parse those,
        // re-reading the staged file only when they end before the last indexed tag.
        using var capture = new PrefixCapturingReader(dataSet, IndexPrefixLimit);
        var staged = await Store.StageAsync(meta, capture, cancellationToken).ConfigureAwait(false);
        try
        {
            var record = await InstanceRecordReader.TryReadDataSetAsync(capture.Prefix, capture.Truncated, meta, staged.RelativePath, staged.Size, cancellationToken).ConfigureAwait(false);
            if (record == null)
            {
                await using var file = new FileStream(staged.TempPath, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.Asynchronous);
                record = await InstanceRecordReader.ReadAsync(file, staged.RelativePath, staged.Size, cancellationToken).ConfigureAwait(false);
            }
            if (record.SopInstanceUid != context.SopInstanceUid)
            {
                _logger.LogWarning("C-STORE of {Affected} carries SOP Instance UID {InData}", context.SopInstanceUid, record.SopInstanceUid);
                Store.Discard(staged);
                return DimseStatus.Storage.CannotUnderstand;
            }
            // Once the file is in place its row is written by the index writer whatever the association does next (an
            // A-ABORT cancels the token), and its record settled only when the name and the row are durable.
            if (!await Store.CommitAsync(staged, Duplicates, cancellationToken).ConfigureAwait(false))
            {
                // Another copy (maybe another node's, a moment ago) holds the name: keep it, and make sure it is indexed
                // (its writer may have died between the rename and the index) from the kept file itself.
                await using (var kept = Store.OpenRead(staged.RelativePath))
                    record = await InstanceRecordReader.ReadAsync(kept, staged.RelativePath, kept.Length, cancellationToken).ConfigureAwait(false);
                _writer.Enqueue(record, Duplicates, staged);
                _logger.LogInformation("{Sop} from {Calling} is stored already; the first copy is kept", record.SopInstanceUid, context.CallingAeTitle);
                return DimseStatus.Success;
            }
            _writer.Enqueue(record, Duplicates, staged);
            // Back-pressure: stores may run ahead of the index by a few batches, not without bound.
            if (_writer.Backlog > MaxIndexBacklog) await _writer.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Information))
                _logger.LogInformation("stored {Sop} from {Calling} ({Size} bytes)", record.SopInstanceUid, context.CallingAeTitle, record.Size);
            return DimseStatus.Success;
        }
        catch
        {
            // Not yet placed: the copy goes. Placed (or a kept copy found) but not indexed: the next reconciliation indexes it.
            if (File.Exists(staged.TempPath)) Store.Discard(staged);
            else Store.Abandon(staged);
            throw;
        }
    }

    /// <summary>Reconciliation of placements this node began and did not finish (a process killed, or an index failure,
    /// between the rename of a file into place and its index row): each whole file is indexed if it has no row yet
    /// (insert only: a row written meanwhile by any node stays, so running this twice, or beside a live writer, changes
    /// nothing), a file that cannot be read to its end is set aside in ".damaged/", a placement that never happened
    /// is dropped. Run on start (before serving) and may be run again at any time.</summary>
    /// <returns>How many files were indexed and how many set aside.</returns>
    public async Task<(int Indexed, int SetAside)> ReconcileAsync(CancellationToken cancellationToken)
    {
        var (indexed, setAside) = (0, 0);
        // Rows of stores answered before come first (a record of this process given up is re-checked here).
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        foreach (var placement in Store.Unsettled())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var expected = Path.GetFileNameWithoutExtension(placement.RelativePath);
            // The staging file still there (its record durable, the writer stopped before or at the rename): if whole,
            // it is the newest copy, answered Success maybe; it is placed (as the archive's duplicate policy places)
            // and indexed. Otherwise the file in place, if any, is what is indexed.
            var staged = placement.SourcePath != null ? await ReadStagedAsync(placement.SourcePath, cancellationToken).ConfigureAwait(false) : null;
            if (staged != null && FileSystemInstanceStore.SafeRelativePath(staged.SopInstanceUid) != placement.RelativePath) staged = null;
            if (staged != null && await Store.PlaceUnsettledAsync(placement, Duplicates == DuplicatePolicy.Replace, cancellationToken).ConfigureAwait(false))
            {
                if (await IndexBackend.AddAsync(staged with { RelativePath = placement.RelativePath }, Duplicates, cancellationToken).ConfigureAwait(false))
                {
                    indexed++;
                    _logger.LogWarning("reconciled {Sop}: its writer stopped before placing it; placed from its staging file and indexed", staged.SopInstanceUid);
                }
                Store.Settle(placement);
                continue;
            }
            InstanceRecord? record = null;
            long length;
            DateTime written;
            try
            {
                await using var file = Store.OpenRead(placement.RelativePath);
                length = file.Length;
                written = file is FileStream fs ? File.GetLastWriteTimeUtc(fs.SafeFileHandle) : default;
                record = await ReadWholeAsync(file, placement.RelativePath, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException)
            {
                // Killed before the rename: nothing was placed (its staging file goes with the dead writer's).
                Store.Settle(placement);
                continue;
            }
            catch (DirectoryNotFoundException)
            {
                Store.Settle(placement);
                continue;
            }
            if (record != null && FileSystemInstanceStore.SafeRelativePath(record.SopInstanceUid) == placement.RelativePath)
            {
                if (await IndexBackend.AddAsync(record, DuplicatePolicy.KeepFirst, cancellationToken).ConfigureAwait(false))
                {
                    indexed++;
                    _logger.LogWarning("reconciled {Sop}: placed by a writer that stopped before indexing it; indexed now", record.SopInstanceUid);
                }
            }
            else if (Store.SetAside(placement.RelativePath, length, written))
            {
                setAside++;
                _logger.LogWarning("{Path} (placement of {Sop} not finished) cannot be read to its end: set aside in .damaged/", placement.RelativePath, expected);
                // With keep-first the damaged copy held the name against a whole staged one (a journaled store whose
                // placed file was lost before its fsync): the staged copy takes the name now.
                if (staged != null && await Store.PlaceUnsettledAsync(placement, replace: false, cancellationToken).ConfigureAwait(false)
                    && await IndexBackend.AddAsync(staged with { RelativePath = placement.RelativePath }, DuplicatePolicy.KeepFirst, cancellationToken).ConfigureAwait(false))
                    indexed++;
            }
            Store.Settle(placement);
        }
        return (indexed, setAside);
    }

    /// <summary>The record of a staging file read to its end; null when it is gone, cut short or damaged.</summary>
    private async Task<InstanceRecord?> ReadStagedAsync(string sourcePath, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = Store.OpenRead(sourcePath);
            return await ReadWholeAsync(file, sourcePath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The index record of a Part 10 file read to its end; null when it is not one (truncated, damaged).</summary>
    private static async Task<InstanceRecord?> ReadWholeAsync(Stream file, string relativePath, CancellationToken cancellationToken)
    {
        try
        {
            var record = await InstanceRecordReader.ReadAsync(file, relativePath, file.Length, cancellationToken).ConfigureAwait(false);
            file.Position = 0;
            await using var reader = await DicomFileReader.OpenAsync(file, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            while (await reader.Dataset.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
            }
            return record;
        }
        catch (Exception e) when (e is DicomDataException or EndOfStreamException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (level, conditions) = QueryTranslator.Translate(informationModel, identifier, QueryOptions);
        foreach (var row in await Index.QueryAsync(level, conditions, cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return QueryTranslator.Response(identifier, level, row, _aeTitle, QueryOptions);
        }
    }

    public async Task<IReadOnlyList<RetrievableInstance>> ResolveAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
    {
        var (_, conditions) = QueryTranslator.Translate(informationModel, identifier, QueryOptions);
        var instances = await Index.InstancesAsync(conditions, cancellationToken).ConfigureAwait(false);
        return instances.Select(i => new RetrievableInstance(i.SopClassUid, i.SopInstanceUid, i.TransferSyntaxUid, () => Store.OpenRead(i.RelativePath))).ToList();
    }

    /// <summary>Waits (bounded) for the rows written behind, then closes the index.</summary>
    public void Dispose()
    {
        _writer.Dispose();
        (IndexBackend as IDisposable)?.Dispose();
    }
}
