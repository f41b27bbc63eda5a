using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.Worklist;

/// <summary>Where a <see cref="WorklistService"/> finds its worklist items: one data set per Requested Procedure with
/// its Scheduled Procedure Step Sequence (the entities of the Modality Worklist Information Model, PS3.4 K.6.1.1).</summary>
public interface IWorklistSource
{
    /// <summary>The items as they are now; each query reads them afresh, so added or removed items show at once.</summary>
    IAsyncEnumerable<DicomDataset> GetItemsAsync(CancellationToken cancellationToken);
}

/// <summary>Worklist items as Part 10 files in a folder, DCMTK's <c>.wl</c> layout (one item per file, as
/// wlmscpfs reads them). A file that cannot be read is logged and skipped; the others are still served.</summary>
public sealed class FolderWorklistSource(string folder, ILogger? logger = null) : IWorklistSource
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>The file name patterns read (DCMTK's wlmscpfs reads "*.wl").</summary>
    public IReadOnlyList<string> Patterns { get; init; } = ["*.wl"];

    public string Folder { get; } = folder;

    public async IAsyncEnumerable<DicomDataset> GetItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder)) throw new DirectoryNotFoundException($"worklist folder {Folder} does not exist");
        var files = Patterns.SelectMany(p => Directory.EnumerateFiles(Folder, p)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var path in files)
        {
            DicomDataset? item = null;
            try
            {
                await using var stream = File.OpenRead(path);
                item = (await DicomFile.ReadAsync(stream, cancellationToken).ConfigureAwait(false)).Dataset;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomDataException)
            {
                _logger.LogWarning("worklist file {Path} skipped: {Error}", path, e.Message);
            }
            if (item != null) yield return item;
        }
    }
}

/// <summary>Worklist items held in memory, added and removed through the library API (e.g. from an HL7 order feed).</summary>
public sealed class InMemoryWorklistSource : IWorklistSource
{
    private readonly ConcurrentDictionary<long, DicomDataset> _items = new();
    private long _next;

    /// <summary>Adds an item; returns its handle for <see cref="Remove"/>.</summary>
    public long Add(DicomDataset item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var id = Interlocked.Increment(ref _next);
        _items[id] = item;
        return id;
    }

    public bool Remove(long handle) => _items.TryRemove(handle, out _);

    public int Count => _items.Count;

    public void Clear() => _items.Clear();

    public async IAsyncEnumerable<DicomDataset> GetItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var pair in _items.OrderBy(p => p.Key))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return pair.Value;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
