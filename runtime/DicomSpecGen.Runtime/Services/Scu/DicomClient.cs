using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
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
    public sealed record StoreOutcome(string Path, DimseResponse? Response, Exception? Error)
    {
        /// <summary>The file's size in bytes (0 when it could not be opened).</summary>
        public long Length { get; init; }
    }

    /// <summary>With an unlimited window (0 negotiated), how many C-STOREs <see cref="StoreFilesAsync"/> keeps outstanding.</summary>
    public const int UnlimitedWindowStores = 32;

    /// <summary>C-STORE of many files in the order given, keeping as many outstanding as the negotiated window allows
    /// (one in the synchronous mode); yields each outcome when its final response arrives, so in any order. The next
    /// file is read and its request encoded while the sent ones are outstanding, so a final response is followed at
    /// once by one socket send of the next request (the PDUs of a file up to 1 MiB are encoded ahead; a larger one
    /// streams when its turn comes, only its first 256 KiB read ahead). A file that cannot be read or has no accepted context is an
    /// outcome with <see cref="StoreOutcome.Error"/>; a lost association throws, and nothing more is sent.</summary>
    /// <remarks>PS3.7 D.3.3.3 (window), 9.1.1 (C-STORE), 9.3.1.2 (responses matched by Message ID Being Responded To)</remarks>
    public async IAsyncEnumerable<StoreOutcome> StoreFilesAsync(IEnumerable<string> paths, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var window = Connection.InvokeWindow ?? UnlimitedWindowStores;
        var done = Channel.CreateUnbounded<StoreDone>(new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
        var contexts = new Dictionary<(string SopClass, string Syntax), (byte ContextId, bool Raw)>();
        using var files = paths.GetEnumerator();
        PreparedStore? next = null;
        var outstanding = 0;
        try
        {
            while (true)
            {
                while (outstanding < window)
                {
                    next ??= await PrepareNextAsync(files, contexts, cancellationToken).ConfigureAwait(false);
                    if (next == null) break;
                    var item = next;
                    next = null;
                    if (item.Outcome is { } unreadable)
                    {
                        yield return unreadable;
                        continue;
                    }
                    if (item.Transcode)
                    {
                        // Not sent as it is stored: through the transcoding sender (rare; no read-ahead).
                        yield return await StoreOneAsync(item.Path, cancellationToken).ConfigureAwait(false) with { Length = item.Length };
                        continue;
                    }
                    if (await SendPreparedAsync(item, done.Writer, cancellationToken).ConfigureAwait(false) is { } failed) yield return failed;
                    else outstanding++;
                }
                if (outstanding == 0) break;
                // One file ahead, read and encoded while the peer works on what was sent.
                next ??= await PrepareNextAsync(files, contexts, cancellationToken).ConfigureAwait(false);
                var finished = await done.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (finished.Failure is { } lost) throw lost;
                outstanding--;
                // The freed place goes to the prepared file before anything else (one socket send), then the outcome.
                if (next is { Outcome: null, Transcode: false } ready)
                {
                    next = null;
                    if (await SendPreparedAsync(ready, done.Writer, cancellationToken).ConfigureAwait(false) is { } failed)
                    {
                        yield return finished.Outcome!;
                        yield return failed;
                        continue;
                    }
                    outstanding++;
                }
                yield return finished.Outcome!;
            }
        }
        finally
        {
            next?.Dispose();
        }
    }

    /// <summary>A final response (or the end of the association) of <see cref="StoreFilesAsync"/>.</summary>
    private readonly record struct StoreDone(StoreOutcome? Outcome, Exception? Failure);

    /// <summary>A file read and its C-STORE request built ahead of its turn: a small file's PDUs encoded in memory, a
    /// larger one's stream positioned at its data set; or the outcome of a file that cannot be sent.</summary>
    private sealed class PreparedStore(string path) : IDisposable
    {
        public string Path { get; } = path;
        public long Length;
        public StoreOutcome? Outcome;
        public bool Transcode;
        public byte ContextId;
        public CStoreRq? Request;
        public DimseConnection.EncodedMessage? Encoded;
        public byte[]? Bytes;
        public Stream? Stream;

        public void Dispose()
        {
            Encoded?.Dispose();
            Encoded = null;
            if (Bytes != null) ArrayPool<byte>.Shared.Return(Bytes);
            Bytes = null;
            Stream?.Dispose();
            Stream = null;
        }
    }

    /// <summary>Reads the next file and builds its request (the Message ID is taken now; IDs only need to be unique
    /// among outstanding requests, PS3.7 9.3.1.1); null when no file is left.</summary>
    private async ValueTask<PreparedStore?> PrepareNextAsync(IEnumerator<string> files, Dictionary<(string SopClass, string Syntax), (byte ContextId, bool Raw)> contexts, CancellationToken cancellationToken)
    {
        if (!files.MoveNext()) return null;
        var prepared = new PreparedStore(files.Current);
        try
        {
            await PrepareAsync(prepared, contexts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PresentationContextNotAcceptedException or DicomDataException or IOException or UnauthorizedAccessException)
        {
            prepared.Dispose();
            prepared.Outcome = new StoreOutcome(prepared.Path, null, e) { Length = prepared.Length };
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
        return prepared;
    }

    private async ValueTask PrepareAsync(PreparedStore prepared, Dictionary<(string SopClass, string Syntax), (byte ContextId, bool Raw)> contexts, CancellationToken cancellationToken)
    {
        // Synchronous reads: cheaper than thread-pool file I/O, and off the critical path here.
        var handle = File.OpenHandle(prepared.Path);
        try
        {
            prepared.Length = RandomAccess.GetLength(handle);
            if (prepared.Length <= DimseConnection.EncodeLimit)
            {
                // A file up to 1 MiB is read whole, in one read, into a pooled array; its meta is parsed and its PDUs
                // are encoded from it.
                var length = (int)prepared.Length;
                prepared.Bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                // A file shorter than its length when opened (cut since) is an I/O error.
                FileBytes.ReadExactlyAt(handle, prepared.Bytes.AsSpan(0, length), 0, "the file");
                var head = DicomFileReader.TryReadHead(prepared.Bytes.AsMemory(0, length), wholeFile: true)!;   // the whole file: a result or a throw
                if (!Choose(prepared, contexts, head.Meta, head.TransferSyntax)) return;
                var offset = (int)head.DataSetOffset;
                prepared.Encoded = Connection.TryEncode(prepared.ContextId, prepared.Request!, prepared.Bytes.AsMemory(offset, length - offset));
                // Not encodable as one small message (odd length, over the peer's limit): the fragmenter sends it.
                if (prepared.Encoded == null) prepared.Stream = new MemoryStream(prepared.Bytes, offset, length - offset, writable: false);
                return;
            }
            // A larger file streams through a buffer whose refills read synchronously (SynchronousReadStream, which takes
            // the handle); only its first buffer is read ahead.
            var source = new BufferedStream(new SynchronousReadStream(new FileStream(handle, FileAccess.Read, 1)), LargeReadBuffer);
            handle = null;
            prepared.Stream = source;
            var reader = await DicomFileReader.OpenAsync(source, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using var _ = reader.ConfigureAwait(false);
            if (!Choose(prepared, contexts, reader.Meta, reader.TransferSyntax)) return;
            source.Position = reader.DataSetOffset;
        }
        finally
        {
            handle?.Dispose();
        }
    }

    /// <summary>Picks the presentation context for the file and builds its request; false when it is to be sent
    /// through the transcoding sender instead (then the prepared file is released).</summary>
    private bool Choose(PreparedStore prepared, Dictionary<(string SopClass, string Syntax), (byte ContextId, bool Raw)> contexts, DicomFileMeta meta, TransferSyntax syntax)
    {
        var key = (meta.MediaStorageSopClassUid, syntax.Uid);
        if (!contexts.TryGetValue(key, out var choice)) contexts[key] = choice = InstanceSender.ChooseContext(Association, meta.MediaStorageSopClassUid, syntax);
        if (!choice.Raw)
        {
            prepared.Transcode = true;
            prepared.Dispose();
            return false;
        }
        prepared.ContextId = choice.ContextId;
        // The response names the SOP class and instance (PS3.7 Table 9-3).
        prepared.Request = new CStoreRq
        {
            AffectedSOPClassUID = meta.MediaStorageSopClassUid,
            MessageID = Connection.NextMessageId(),
            Priority = Priority.Medium,
            AffectedSOPInstanceUID = meta.MediaStorageSopInstanceUid,
            HasDataSet = true,
        };
        return true;
    }

    /// <summary>Sends a prepared C-STORE; its final response is written to <paramref name="done"/>. Returns the
    /// outcome of a file that failed while its data set was being read, null once sent.</summary>
    private async ValueTask<StoreOutcome?> SendPreparedAsync(PreparedStore prepared, ChannelWriter<StoreDone> done, CancellationToken cancellationToken)
    {
        var request = prepared.Request!;
        var sink = new StoreSink(prepared.Path, prepared.Length, done,
            DimseOperationTelemetry.Start(performer: false, "C-STORE", request.AffectedSOPClassUID, request.MessageID, Association));
        try
        {
            await Connection.SendRequestAsync(prepared.ContextId, request, prepared.Stream, prepared.Encoded, sink, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (IOException e) when (!Association.Completion.IsCompleted)
        {
            // The file could not be read to its end; the association goes on.
            sink.Operation.Complete(null, e);
            return new StoreOutcome(prepared.Path, null, e) { Length = prepared.Length };
        }
        catch (Exception e)
        {
            sink.Operation.Complete(null, e);
            throw;
        }
        finally
        {
            prepared.Dispose();
        }
    }

    /// <summary>Turns the final response of one of <see cref="StoreFilesAsync"/>'s requests into its outcome (on the
    /// reader's thread: the requester continues there and sends the next request at once).</summary>
    private sealed class StoreSink(string path, long length, ChannelWriter<StoreDone> done, DimseOperationTelemetry operation) : DimseConnection.FinalResponseSink
    {
        public DimseOperationTelemetry Operation => operation;

        public override void OnResponse(DimseResponse response)
        {
            operation.Complete(response.Status);
            done.TryWrite(new StoreDone(new StoreOutcome(path, response, null) { Length = length }, null));
        }

        public override void OnFailure(Exception error)
        {
            operation.Complete(null, error);
            done.TryWrite(new StoreDone(null, error));
        }
    }

    /// <summary>The read buffer of a file above <see cref="DimseConnection.EncodeLimit"/>: a few large reads per megabyte.</summary>
    private const int LargeReadBuffer = 256 * 1024;

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
