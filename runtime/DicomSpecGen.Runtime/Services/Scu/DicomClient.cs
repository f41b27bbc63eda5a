using System.Buffers;
using System.Runtime.CompilerServices;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Telemetry;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Services.Scu;

/// <summary>The SCU side of the DIMSE services over one association: C-ECHO, C-STORE (streamed from files),
/// C-FIND, C-MOVE, C-GET (its C-STORE sub-operations go to the handler given at connect), C-CANCEL, and N-*
/// requests at the message level. Its methods may be called concurrently: up to the negotiated asynchronous operations
/// window of requests is outstanding at once (PS3.7 D.3.3.3), further ones wait to be sent, and each response reaches
/// its caller by Message ID Being Responded To.</summary>
public sealed class DicomClient : IAsyncDisposable
{
    private readonly RequestorOptions _options;

    private DicomClient(DimseConnection connection, RequestorOptions options)
    {
        Connection = connection;
        _options = options;
    }

    public DimseConnection Connection { get; }

    public DicomAssociation Association => Connection.Association;

    /// <summary>Requests an association; <paramref name="handler"/> serves requests the peer sends us (C-STOREs of a C-GET).</summary>
    public static async Task<DicomClient> ConnectAsync(RequestorOptions options, IDimseRequestHandler? handler = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var association = await DicomAssociation.RequestAsync(options, logger, cancellationToken).ConfigureAwait(false);
        return new DicomClient(DimseConnection.Start(association, handler, logger), options);
    }

    /// <summary>C-ECHO (PS3.7 9.1.5); returns the status.</summary>
    public async Task<ushort> EchoAsync(CancellationToken cancellationToken = default)
    {
        var context = Association.GetAcceptedContextId(DicomUids.Verification);
        var request = new CEchoRq { AffectedSOPClassUID = DicomUids.Verification, MessageID = Connection.NextMessageId() };
        var response = await MeasuredAsync(request, () => Connection.RequestFinalAsync(context, request, null, cancellationToken)).ConfigureAwait(false);
        return response.Status;
    }

    /// <summary>Files up to this size are read into memory in one read before sending.</summary>
    private const int SmallFileLimit = 256 * 1024;

    /// <summary>C-STORE of a Part 10 file (PS3.7 9.1.1); the data set streams from the file.</summary>
    public async Task<DimseResponse> StoreFileAsync(string path, CancellationToken cancellationToken = default)
    {
        // The SOP class is read from the file by the sender; the response names it (PS3.7 Table 9.3-2).
        var operation = DimseOperationTelemetry.Start(performer: false, "C-STORE", null, null, Association);
        try
        {
            var response = await StoreFileCoreAsync(path, cancellationToken).ConfigureAwait(false);
            operation.SopClass = (response.Message as CStoreRsp)?.AffectedSOPClassUID;
            operation.Complete(response.Status);
            return response;
        }
        catch (Exception e)
        {
            operation.Complete(null, e);
            throw;
        }
    }

    private async Task<DimseResponse> StoreFileCoreAsync(string path, CancellationToken cancellationToken)
    {
        // Synchronous reads: cheaper per fragment than thread-pool async file I/O. A small file is read whole into a
        // pooled array (one read, no per-file stream buffer); a larger one streams through a 64 KiB buffer whose
        // refills also read synchronously (SynchronousReadStream: no thread switch per 64 KiB).
        await using var file = SynchronousReadStream.OpenFile(path);
        if (file.Length > SmallFileLimit)
        {
            await using var buffered = new BufferedStream(file, 64 * 1024);
            return await InstanceSender.SendFileAsync(Connection, buffered, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        var length = (int)file.Length;
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            file.ReadExactly(bytes, 0, length);
            using var memory = new MemoryStream(bytes, 0, length, writable: false, publiclyVisible: true);
            return await InstanceSender.SendFileAsync(Connection, memory, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>The result of one C-STORE of <see cref="StoreFilesAsync"/>: the final response, or why none came.</summary>
    public sealed record StoreOutcome(string Path, DimseResponse? Response, Exception? Error);

    /// <summary>With an unlimited window (0 negotiated), how many C-STOREs <see cref="StoreFilesAsync"/> keeps outstanding.</summary>
    public const int UnlimitedWindowStores = 32;

    /// <summary>C-STORE of many files, keeping as many outstanding as the negotiated window allows (one in the
    /// synchronous mode); yields each outcome when its final response arrives, so in any order. A file that cannot be
    /// read or has no accepted context is an outcome with <see cref="StoreOutcome.Error"/>; a lost association throws.</summary>
    /// <remarks>PS3.7 D.3.3.3 (window), 9.1.1 (C-STORE), 9.3.1.2 (responses matched by Message ID Being Responded To)</remarks>
    public async IAsyncEnumerable<StoreOutcome> StoreFilesAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = Connection.InvokeWindow ?? UnlimitedWindowStores;
        var running = new List<Task<StoreOutcome>>(window);
        foreach (var path in paths)
        {
            if (running.Count >= window) yield return await NextAsync(running).ConfigureAwait(false);
            running.Add(StoreOneAsync(path, cancellationToken));
        }
        while (running.Count > 0) yield return await NextAsync(running).ConfigureAwait(false);

        static async Task<StoreOutcome> NextAsync(List<Task<StoreOutcome>> running)
        {
            var done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            return await done.ConfigureAwait(false);
        }
    }

    private async Task<StoreOutcome> StoreOneAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return new StoreOutcome(path, await StoreFileAsync(path, cancellationToken).ConfigureAwait(false), null);
        }
        catch (Exception e) when (e is PresentationContextNotAcceptedException or DicomDataException
            || (e is IOException && !Association.Completion.IsCompleted))
        {
            return new StoreOutcome(path, null, e);
        }
    }

    /// <summary>C-FIND (PS3.7 9.1.2): yields each matching identifier; <paramref name="final"/> receives the final response.</summary>
    public async IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, Action<DimseResponse>? final = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var context = Association.GetAcceptedContextId(informationModel);
        var request = new CFindRq { AffectedSOPClassUID = informationModel, MessageID = Connection.NextMessageId(), Priority = Priority.Medium };
        var operation = DimseOperationTelemetry.Start(performer: false, request, Association);
        ushort? status = null;
        try
        {
            await foreach (var response in Connection.RequestAsync(context, request, identifier, cancellationToken).ConfigureAwait(false))
            {
                if (response.IsPending && response.DataSet != null) yield return response.DataSet;
                else if (!response.IsPending)
                {
                    status = response.Status;
                    final?.Invoke(response);
                }
            }
        }
        finally
        {
            // Also when the caller stops enumerating early: then no final status was seen.
            operation.Complete(status);
        }
    }

    /// <summary>C-MOVE (PS3.7 9.1.4) to <paramref name="destination"/>; pending responses go to <paramref name="progress"/>.</summary>
    public Task<DimseResponse> MoveAsync(string informationModel, string destination, DicomDataset identifier, Action<DimseResponse>? progress = null, CancellationToken cancellationToken = default)
    {
        var request = new CMoveRq { AffectedSOPClassUID = informationModel, MessageID = Connection.NextMessageId(), Priority = Priority.Medium, MoveDestination = destination };
        return RetrieveAsync(informationModel, request, identifier, progress, cancellationToken);
    }

    /// <summary>C-GET (PS3.7 9.1.3); the C-STORE sub-operations arrive at the handler given to <see cref="ConnectAsync"/>.</summary>
    public Task<DimseResponse> GetAsync(string informationModel, DicomDataset identifier, Action<DimseResponse>? progress = null, CancellationToken cancellationToken = default)
    {
        var request = new CGetRq { AffectedSOPClassUID = informationModel, MessageID = Connection.NextMessageId(), Priority = Priority.Medium };
        return RetrieveAsync(informationModel, request, identifier, progress, cancellationToken);
    }

    private async Task<DimseResponse> RetrieveAsync(string informationModel, DimseMessage request, DicomDataset identifier, Action<DimseResponse>? progress, CancellationToken cancellationToken)
    {
        var context = Association.GetAcceptedContextId(informationModel);
        return await MeasuredAsync(request, async () =>
        {
            DimseResponse? last = null;
            await foreach (var response in Connection.RequestAsync(context, request, identifier, cancellationToken).ConfigureAwait(false))
            {
                if (response.IsPending) progress?.Invoke(response);
                last = response;
            }
            return last!;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs one operation with its telemetry (<see cref="DimseOperationTelemetry"/>): the final status, or the error.</summary>
    private async Task<DimseResponse> MeasuredAsync(DimseMessage request, Func<Task<DimseResponse>> run)
    {
        var operation = DimseOperationTelemetry.Start(performer: false, request, Association);
        try
        {
            var response = await run().ConfigureAwait(false);
            operation.Complete(response.Status);
            return response;
        }
        catch (Exception e)
        {
            operation.Complete(null, e);
            throw;
        }
    }

    /// <summary>C-CANCEL of an outstanding C-FIND/C-MOVE/C-GET (PS3.7 9.3.2.3).</summary>
    public Task CancelAsync(string informationModel, ushort messageId, CancellationToken cancellationToken = default)
        => Connection.SendAsync(Association.GetAcceptedContextId(informationModel), new CCancelRq { MessageIDBeingRespondedTo = messageId }, (DicomDataset?)null, cancellationToken);

    /// <summary>Any N-* request at the message level (PS3.7 10.1): sends it with its data set and returns the response.</summary>
    public Task<DimseResponse> RequestAsync(DimseMessage request, DicomDataset? dataSet, CancellationToken cancellationToken = default)
    {
        var sopClass = request.RequestSOPClassUID ?? throw new ArgumentException($"{request.Title} names no SOP class", nameof(request));
        var context = Association.GetAcceptedContextId(sopClass);
        return MeasuredAsync(request, () => Connection.RequestFinalAsync(context, request, dataSet, cancellationToken));
    }

    public Task ReleaseAsync(CancellationToken cancellationToken = default) => Connection.ReleaseAsync(_options.ReleaseTimeout, cancellationToken);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
