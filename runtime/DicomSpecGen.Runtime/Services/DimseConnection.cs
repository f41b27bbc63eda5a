using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading.Channels;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services;

/// <summary>DIMSE messaging over one established association, for both roles at once: sends requests and
/// routes their responses back by Message ID, and hands requests from the peer (a C-STORE from a C-GET SCP
/// too) to an <see cref="IDimseRequestHandler"/> (usually a <see cref="ServiceRegistry"/>, which picks the service by
/// SOP class). No service policy lives here: the handler says how each request is delivered. Messages are fragmented
/// and reassembled by the DIMSE layer (PS3.8 Annex E); data sets stream both ways. The negotiated asynchronous
/// operations window (PS3.7 D.3.3.3; 1/1 when not negotiated) bounds both directions: at most that many of our
/// requests are outstanding (more wait to be sent), and at most that many of the peer's run at once (beyond it the
/// next request is not read until one of them has sent its final response).</summary>
public sealed class DimseConnection : IAsyncDisposable
{
    private readonly DicomAssociation _association;
    private readonly IDimseRequestHandler? _handler;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<ushort, Channel<DimseResponse>> _pending = new();
    /// <summary>Requests that want only their final response (<see cref="SendRequestAsync"/>): completed from
    /// <see cref="Route"/> without a channel.</summary>
    private readonly ConcurrentDictionary<ushort, FinalResponseSink> _finals = new();
    private readonly ConcurrentDictionary<ushort, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<Task, byte> _handlers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _ended = new();
    private readonly Task _reader;
    /// <summary>Free places for our outstanding requests; null when unlimited.</summary>
    private readonly SemaphoreSlim? _invokeSlots;
    /// <summary>Free places for the peer's requests being performed; null when unlimited.</summary>
    private readonly SemaphoreSlim? _performSlots;
    /// <summary>Synchronous in the performing direction: inline requests run in order on the read loop.</summary>
    private readonly bool _performInOrder;
    private int _nextMessageId;

    private DimseConnection(DicomAssociation association, IDimseRequestHandler? handler, ILogger? logger)
    {
        _association = association;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        var (perform, invoke) = (association.AsyncOperationLimits ?? AsyncOperationLimits.Synchronous).ForSide(association.IsRequestor);
        PerformWindow = perform;
        InvokeWindow = invoke;
        _performSlots = perform is { } p ? new SemaphoreSlim(p, p) : null;
        _invokeSlots = invoke is { } i ? new SemaphoreSlim(i, i) : null;
        _performInOrder = perform == 1;
        association.Completion.ContinueWith(_ => _ended.Cancel(), TaskScheduler.Default);
        // The reader cancels _stop when it ends: requests still waiting for a final response then fail.
        _stop.Token.Register(static c => ((DimseConnection)c!).FailFinals(), this);
        // Assigned before the loop can run: on an acceptor the first request may already be waiting, and a handler it
        // starts (a C-GET sending its C-STOREs) reads _reader.
        var reader = new Task<Task>(ReadLoopAsync);
        _reader = reader.Unwrap();
        reader.Start(TaskScheduler.Default);
    }

    public static DimseConnection Start(DicomAssociation association, IDimseRequestHandler? handler = null, ILogger? logger = null)
        => new(association, handler, logger);

    public DicomAssociation Association => _association;

    /// <summary>How many of our requests may be outstanding at once on this association (null: unlimited).</summary>
    /// <remarks>PS3.7 D.3.3.3</remarks>
    public int? InvokeWindow { get; }

    /// <summary>How many of the peer's requests this side performs at once (null: unlimited).</summary>
    /// <remarks>PS3.7 D.3.3.3</remarks>
    public int? PerformWindow { get; }

    /// <summary>Completes when the association has ended and every request handler has finished.</summary>
    public Task Completion => _reader;

    /// <summary>A Message ID not used by another outstanding request (PS3.7 9.3.1.1: unique among them).</summary>
    public ushort NextMessageId()
    {
        while (true)
        {
            var id = (ushort)Interlocked.Increment(ref _nextMessageId);
            if (id != 0 && !_pending.ContainsKey(id) && !_finals.ContainsKey(id)) return id;
        }
    }

    /// <summary>Sends one message (command set, then the data set read from the stream) on a context.</summary>
    public async Task SendAsync(byte contextId, DimseMessage message, Stream? dataSet, CancellationToken cancellationToken)
    {
        // Fragments of two messages must not interleave (PS3.8 E.1).
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _logger.LogDebug("sending {Message} on context #{Context}", message.Title, contextId);
            if (message.HasDataSet && dataSet is MemoryStream memory && memory.TryGetBuffer(out var buffer)
                && TryEncode(contextId, message, buffer.AsMemory().Slice((int)memory.Position, (int)(memory.Length - memory.Position))) is { } small)
            {
                memory.Position = memory.Length;
                using (small) await WriteEncodedAsync(small, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (!message.HasDataSet && dataSet == null && TryEncodeCommand(contextId, message) is { } commandOnly)
            {
                // A response or a request without a data set: one PDU, no fragmenter or batch.
                using (commandOnly) await WriteEncodedAsync(commandOnly, cancellationToken).ConfigureAwait(false);
                return;
            }
            var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = _association.PeerMaxPduLength });
            var batch = new PduBatch(_association, fragmenter.MaxFragmentLength);
            try
            {
                await fragmenter.SendAsync(contextId, message, dataSet, batch.AddAsync, cancellationToken).ConfigureAwait(false);
                batch.Write();
            }
            finally
            {
                batch.Dispose();
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>P-DATA-TF PDUs encoded one after the other into one buffer and written with one socket send once it
    /// holds about <see cref="BatchBytes"/> (a large data set) or the message ends: a few system calls per megabyte
    /// instead of one per PDU. Each PDU stays within the peer's limit and has its own DUL event (Evt9), fired as it is
    /// encoded, while its fragment is valid.</summary>
    /// <remarks>PS3.8 9.3.5 (one or more PDVs per P-DATA-TF, here one), Annex E.1 (2013)</remarks>
    private sealed class PduBatch(DicomAssociation association, int maxFragmentLength) : IDisposable
    {
        private readonly int _capacity = Math.Max(BatchBytes, maxFragmentLength + 2 * PdvLayout.ItemOverhead);
        private Transport.PooledPduBuffer? _buffer;
        private bool _slot;

        public async ValueTask AddAsync(PdvFragment pdv, CancellationToken cancellationToken)
        {
            if (_buffer == null)
            {
                // The place in the send queue is taken before the PDUs' events fire, so nothing waits in between.
                await association.WaitForPDataSlotAsync(cancellationToken).ConfigureAwait(false);
                _slot = true;
                _buffer = new Transport.PooledPduBuffer(_capacity);
            }
            var pdu = DimseFragmenter.ToPDataTf(pdv);
            pdu.Write(_buffer);
            association.FireEncodedPData(pdu);
            if (_buffer.Length + maxFragmentLength + 2 * PdvLayout.ItemOverhead > _capacity) Write();
        }

        /// <summary>Writes what is gathered.</summary>
        public void Write()
        {
            if (_buffer is not { } buffer) return;
            _buffer = null;
            _slot = false;
            association.WriteEncodedPData(buffer);
        }

        public void Dispose()
        {
            _buffer?.Return();
            _buffer = null;
            if (_slot) association.ReleasePDataSlot();
            _slot = false;
        }
    }

    /// <summary>About how many bytes of PDUs one socket send of a large message carries.</summary>
    internal const int BatchBytes = 256 * 1024;

    /// <summary>A message with its data set in memory, encoded ahead of sending (see <see cref="TryEncode"/>): its
    /// P-DATA-TF PDUs in one buffer, written with one send, and the PDUs themselves for their DUL events and the trace.
    /// The data set's memory must stay unchanged until it is sent or disposed.</summary>
    internal sealed class EncodedMessage : IDisposable
    {
        private Transport.PooledPduBuffer? _bytes;

        internal EncodedMessage(DimseMessage message, byte contextId, PDataTf[] pdus, Transport.PooledPduBuffer bytes)
        {
            Message = message;
            ContextId = contextId;
            Pdus = pdus;
            _bytes = bytes;
        }

        public DimseMessage Message { get; }

        public byte ContextId { get; }

        internal PDataTf[] Pdus { get; }

        /// <summary>The encoded bytes, once: whoever takes them writes or returns them.</summary>
        internal Transport.PooledPduBuffer? Take() => Interlocked.Exchange(ref _bytes, null);

        public void Dispose() => Take()?.Return();
    }

    /// <summary>Encodes a message whose data set is in memory, up to <see cref="EncodeLimit"/> bytes: when the command set
    /// and the data set each fit one PDV within the peer's Maximum Length Received and <see cref="SmallLimit"/>, by
    /// default a P-DATA-TF PDU with the command PDV, then one with the data set PDV, and with
    /// <see cref="Transport.TransportOptions.CombineCommandAndDataPdvs"/> both PDVs in one PDU; a larger one as the
    /// fragmenter would send it (one PDV per PDU, each within the peer's limit). Null when the data set is larger, or odd
    /// (then the fragmenter sends it from a stream).</summary>
    /// <remarks>PS3.8 Section 9.3.5 (a P-DATA-TF carries one or more PDVs), Annex D.1 (the peer's limit; 0 = none) and
    /// E.1 (2013): even fragments, the command's last fragment before the data's. Separate PDUs are what DCMTK and
    /// pynetdicom send, and what peers that read one PDV per PDU (GDCM) need.</remarks>
    internal EncodedMessage? TryEncode(byte contextId, DimseMessage message, ReadOnlyMemory<byte> data)
    {
        if (!message.HasDataSet || (data.Length & 1) != 0 || data.Length > EncodeLimit) return null;
        var peerMax = _association.PeerMaxPduLength;
        var command = message.ToArray();
        var combined = CombineCommandAndData;
        long largest = combined ? 2L * PdvLayout.ItemOverhead + command.Length + data.Length : PdvLayout.ItemOverhead + (long)Math.Max(command.Length, data.Length);
        PDataTf[] pdus;
        if ((combined ? largest : command.Length + data.Length) <= SmallLimit && (peerMax == 0 || largest <= peerMax))
        {
            var commandPdv = new PdvFragment(contextId, true, true, command).ToPresentationDataValue();
            var dataPdv = new PdvFragment(contextId, false, true, data).ToPresentationDataValue();
            pdus = combined ? [new PDataTf { Values = [commandPdv, dataPdv] }] : [new PDataTf { Values = [commandPdv] }, new PDataTf { Values = [dataPdv] }];
        }
        else
        {
            var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = peerMax });
            var max = fragmenter.MaxFragmentLength;
            var list = new List<PDataTf>(2 + data.Length / max);
            foreach (var pdv in fragmenter.FragmentCommand(contextId, command).Concat(fragmenter.FragmentDataSet(contextId, data)))
                list.Add(DimseFragmenter.ToPDataTf(pdv));
            pdus = [.. list];
        }
        return Encode(message, contextId, pdus);
    }

    /// <summary>The PDUs of a message written into one pooled buffer.</summary>
    private static EncodedMessage Encode(DimseMessage message, byte contextId, PDataTf[] pdus)
    {
        var size = 0;
        foreach (var pdu in pdus) size += pdu.GetEncodedLength();
        var bytes = new Transport.PooledPduBuffer(size);
        foreach (var pdu in pdus) pdu.Write(bytes);
        return new EncodedMessage(message, contextId, pdus, bytes);
    }

    /// <summary>Encodes a message without a data set as one P-DATA-TF PDU holding its command set in one PDV, when that
    /// fits the peer's Maximum Length Received (else null: the fragmenter splits it).</summary>
    /// <remarks>PS3.8 Section 9.3.5, Annex D.1 and E.1 (2013)</remarks>
    private EncodedMessage? TryEncodeCommand(byte contextId, DimseMessage message)
    {
        var peerMax = _association.PeerMaxPduLength;
        var command = message.ToArray();
        if (command.Length > SmallLimit || (peerMax != 0 && PdvLayout.ItemOverhead + (long)command.Length > peerMax)) return null;
        return Encode(message, contextId, [new PDataTf { Values = [new PdvFragment(contextId, true, true, command).ToPresentationDataValue()] }]);
    }

    /// <summary>The largest data set <see cref="TryEncode"/> encodes ahead in memory.</summary>
    internal const int EncodeLimit = 1 << 20;

    private bool CombineCommandAndData => _association.Connection?.Options.CombineCommandAndDataPdvs == true;

    /// <summary>Sends an encoded message: its PDUs' DUL events, then one socket send (call under <see cref="_sendLock"/>).</summary>
    private async Task WriteEncodedAsync(EncodedMessage message, CancellationToken cancellationToken)
    {
        var bytes = message.Take() ?? throw new InvalidOperationException($"{message.Message.Title} was already sent");
        try
        {
            await _association.WaitForPDataSlotAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            bytes.Return();
            throw;
        }
        try
        {
            foreach (var pdu in message.Pdus) _association.FireEncodedPData(pdu);
        }
        catch
        {
            bytes.Return();
            _association.ReleasePDataSlot();
            throw;
        }
        _association.WriteEncodedPData(bytes);
    }

    /// <summary>The largest small message (command and data set bytes) sent whole from memory, also when the peer
    /// sets no limit.</summary>
    private const int SmallLimit = 256 * 1024;

    /// <summary>Sends one message with an in-memory data set, encoded in the context's transfer syntax.</summary>
    public Task SendAsync(byte contextId, DimseMessage message, DicomDataset? dataSet, CancellationToken cancellationToken)
    {
        message.HasDataSet = dataSet != null;
        if (dataSet == null) return SendAsync(contextId, message, (Stream?)null, cancellationToken);
        var bytes = dataSet.Encode(_association.GetTransferSyntax(contextId));
        return SendAsync(contextId, message, new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true), cancellationToken);
    }

    /// <summary>Where the final response of a request sent with <see cref="SendRequestAsync"/> goes: called on the
    /// reader's thread as the response is read (keep it short), or with the error when the association ends first.
    /// Pending responses (PS3.7 9.1.2-9.1.4; not defined for the requests sent this way) are not passed on.</summary>
    internal abstract class FinalResponseSink
    {
        /// <summary>Whether the request holds a place in the window, given back when its final response arrives.</summary>
        internal bool HoldsSlot;

        public abstract void OnResponse(DimseResponse response);

        public abstract void OnFailure(Exception error);
    }

    /// <summary>Sends a request (an encoded one when <paramref name="encoded"/> is given, else with the data set read
    /// from <paramref name="dataSet"/>) and returns once it is sent; its final response goes to
    /// <paramref name="sink"/>. Waits first for a place in the window (PS3.7 D.3.3.3); the place is given back as the
    /// final response is routed, before the sink runs, so the sink may send the next request at once.</summary>
    /// <remarks>PS3.7 9.3.1.2 (responses matched by Message ID Being Responded To), D.3.3.3</remarks>
    internal async Task SendRequestAsync(byte contextId, DimseMessage request, Stream? dataSet, EncodedMessage? encoded, FinalResponseSink sink, CancellationToken cancellationToken)
    {
        var id = request.RequestMessageID ?? throw new ArgumentException($"{request.Title} has no Message ID", nameof(request));
        if (_pending.ContainsKey(id) || !_finals.TryAdd(id, sink)) throw new InvalidOperationException($"Message ID {id} is already outstanding");
        try
        {
            // After the registration: either the reader's end (FailFinals) sees the sink, or we see the end here.
            if (_reader.IsCompleted || _stop.IsCancellationRequested) throw Ended();
            if (_invokeSlots != null)
            {
                await _invokeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                sink.HoldsSlot = true;
                if (_reader.IsCompleted || _ended.IsCancellationRequested) throw Ended();
            }
            if (encoded == null)
            {
                await SendAsync(contextId, request, dataSet, cancellationToken).ConfigureAwait(false);
                return;
            }
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await WriteEncodedAsync(encoded, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch
        {
            Forget(id, sink);
            throw;
        }
    }

    /// <summary>Stops waiting for a request's final response (it failed to go out, or its caller gave up).</summary>
    private bool Forget(ushort id, FinalResponseSink sink)
    {
        if (!_finals.TryRemove(new KeyValuePair<ushort, FinalResponseSink>(id, sink))) return false;
        if (sink.HoldsSlot) _invokeSlots?.Release();
        return true;
    }

    /// <summary>The reader has ended: every request still waiting for its final response fails (on the thread pool, not
    /// inside the reader's cancellation).</summary>
    private void FailFinals()
    {
        if (_finals.IsEmpty) return;
        ThreadPool.UnsafeQueueUserWorkItem(static c =>
        {
            foreach (var (id, sink) in c._finals)
                if (c._finals.TryRemove(new KeyValuePair<ushort, FinalResponseSink>(id, sink))) sink.OnFailure(c.Ended());
        }, this, preferLocal: false);
    }

    /// <summary>A final response awaited as a task; the awaiting requester continues on the reader's thread.</summary>
    private sealed class TaskSink : FinalResponseSink
    {
        public readonly TaskCompletionSource<DimseResponse> Completion = new();

        public override void OnResponse(DimseResponse response) => Completion.TrySetResult(response);

        public override void OnFailure(Exception error) => Completion.TrySetException(error);
    }

    /// <summary>Sends a request and yields its responses up to the final (non-pending) one.</summary>
    public async IAsyncEnumerable<DimseResponse> RequestAsync(byte contextId, DimseMessage request, Stream? dataSet,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var id = request.RequestMessageID ?? throw new ArgumentException($"{request.Title} has no Message ID", nameof(request));
        // The requester continues on the reader's thread (no hand-off per response); it only awaits, so the
        // reader resumes at the requester's next await.
        // Also with several requests outstanding: the next request a requester sends from here only awaits the send.
        var responses = Channel.CreateUnbounded<DimseResponse>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
        if (_finals.ContainsKey(id) || !_pending.TryAdd(id, responses)) throw new InvalidOperationException($"Message ID {id} is already outstanding");
        var slot = false;
        try
        {
            if (_reader.IsCompleted) throw Ended();
            if (_invokeSlots != null)
            {
                // PS3.7 D.3.3.3: no more outstanding requests than the window.
                await _invokeSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                slot = true;
                // The reader may have closed every response channel while we waited; ours would then never close.
                if (_reader.IsCompleted || _ended.IsCancellationRequested) throw Ended();
            }
            await SendAsync(contextId, request, dataSet, cancellationToken).ConfigureAwait(false);
            while (true)
            {
                DimseResponse response;
                try
                {
                    response = await responses.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (ChannelClosedException)
                {
                    throw Ended();
                }
                yield return response;
                if (!response.IsPending) yield break;
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
            if (slot) _invokeSlots!.Release();
        }
    }

    /// <summary>Sends a request with an in-memory data set and yields its responses.</summary>
    public IAsyncEnumerable<DimseResponse> RequestAsync(byte contextId, DimseMessage request, DicomDataset? dataSet, CancellationToken cancellationToken = default)
    {
        request.HasDataSet = dataSet != null;
        return RequestAsync(contextId, request, dataSet == null ? null : InMemory(dataSet.Encode(_association.GetTransferSyntax(contextId))), cancellationToken);
    }

    private static MemoryStream InMemory(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    /// <summary>Sends a request and returns its final response.</summary>
    public async Task<DimseResponse> RequestFinalAsync(byte contextId, DimseMessage request, DicomDataset? dataSet, CancellationToken cancellationToken = default)
    {
        request.HasDataSet = dataSet != null;
        var sink = new TaskSink();
        var id = request.RequestMessageID ?? throw new ArgumentException($"{request.Title} has no Message ID", nameof(request));
        await SendRequestAsync(contextId, request, dataSet == null ? null : InMemory(dataSet.Encode(_association.GetTransferSyntax(contextId))), null, sink, cancellationToken).ConfigureAwait(false);
        if (!cancellationToken.CanBeCanceled) return await sink.Completion.Task.ConfigureAwait(false);
        await using var _ = cancellationToken.Register(() =>
        {
            if (Forget(id, sink)) sink.Completion.TrySetCanceled(cancellationToken);
        }).ConfigureAwait(false);
        return await sink.Completion.Task.ConfigureAwait(false);
    }

    private AssociationAbortedException Ended()
        => new("the association ended before the response arrived" + (_association.Failure is { } f ? ": " + f.Message : ""), _association.Failure);

    private async Task ReadLoopAsync()
    {
        var reassembler = new DimseReassembler();
        IncomingData? incoming = null;
        Exception? failure = null;
        try
        {
            while (await _association.ReceiveAsync(CancellationToken.None).ConfigureAwait(false) is { } received)
            {
                if (received is AssociationEvent.ReleaseRequested)
                {
                    // Finish what the peer asked before confirming the release (PS3.8 7.2: no data after A-RELEASE-RP).
                    await Task.WhenAll(_handlers.Keys).ConfigureAwait(false);
                    await _association.RespondReleaseAsync().ConfigureAwait(false);
                    continue;
                }
                using var data = ((AssociationEvent.Data)received).PData;
                foreach (var pdv in data.Values)
                {
                    var e = reassembler.Accept(new PdvFragment(pdv.PresentationContextId, pdv.IsCommand, pdv.IsLast, pdv.Data));
                    if (e.Kind == ReassemblyEventKind.Command && e.Command is { } command)
                        incoming = await AcceptCommandAsync(e.PresentationContextId, command, e.MessageComplete).ConfigureAwait(false);
                    else if (e.Kind == ReassemblyEventKind.DataFragment && incoming != null)
                        incoming = await incoming.AcceptAsync(this, e.Data, e.MessageComplete).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_ended.IsCancellationRequested)
        {
            // The association ended while a request waited for a place in the window.
        }
        catch (DimseReassemblyException e)
        {
            failure = e;
            _logger.LogWarning("DIMSE encapsulation error ({Rule}): {Message}; aborting", e.Rule, e.Message);
            await _association.AbortAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is DimseException or DicomDataException)
        {
            failure = e;
            _logger.LogWarning("cannot decode a received message: {Message}; aborting", e.Message);
            await _association.AbortAsync().ConfigureAwait(false);
        }
        finally
        {
            failure ??= _association.Failure;
            foreach (var pending in _pending.Values) pending.Writer.TryComplete();
            // Before the pipe fails: an inline handler reading it goes on at once, and must see the association stopped.
            _stop.Cancel();
            if (incoming is StreamedRequest streamed)
                await streamed.Pipe.Writer.CompleteAsync(failure ?? new AssociationAbortedException("the association ended inside a data set")).ConfigureAwait(false);
            await Task.WhenAll(_handlers.Keys).ConfigureAwait(false);
        }
    }

    /// <summary>Routes a received command set: a response by the Message ID it answers, a C-CANCEL to the running
    /// request it names, any other request to the handler, which says how it wants the request delivered.
    /// Returns where the message's data set goes, if one follows.</summary>
    /// <remarks>PS3.7 9.3.1.2 (Message ID Being Responded To), 9.3.2.3 (C-CANCEL).</remarks>
    private async Task<IncomingData?> AcceptCommandAsync(byte contextId, DimseMessage command, bool complete)
    {
        if (command.IsResponse)
        {
            if (complete)
            {
                Route(command, null);
                return null;
            }
            return new ResponseData(contextId, command);
        }
        if (command is CCancelRq cancel)
        {
            if (cancel.MessageIDBeingRespondedTo is { } target && _running.TryGetValue(target, out var cts)) cts.Cancel();
            return null;
        }
        // PS3.7 D.3.3.3 bounds what the peer may invoke but names no action when it invokes more: such a request
        // waits here, unread behind it, until an operation in the window sends its final response.
        var slot = await OperationSlot.TakeAsync(_performSlots, _ended.Token).ConfigureAwait(false);
        var delivery = _handler?.DeliveryOf(command) ?? RequestDelivery.Concurrent;
        // Inline requests run to completion on the read loop only in the synchronous mode; in a wider window the loop
        // goes on once the handler waits.
        var inline = delivery == RequestDelivery.Inline && _performInOrder;
        if (complete)
        {
            if (inline) await RunHandlerAsync(contextId, command, null, slot).ConfigureAwait(false);
            else if (delivery == RequestDelivery.Inline) _ = StartInline(contextId, command, null, slot);
            else Dispatch(contextId, command, null, slot);
            return null;
        }
        return delivery == RequestDelivery.Inline ? new InlineRequest(contextId, command, slot) : StartStreamed(contextId, command, slot);
    }

    /// <summary>The pipe of an inline request's data set in several fragments: each fragment the read loop writes runs
    /// the waiting handler on at once on the same thread (no thread wake per PDV), and a handler freeing room resumes
    /// the read loop on its own thread. Pausing at 1 MiB bounds memory for any size of data set.</summary>
    private static readonly PipeOptions InlinePipe = new(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
        pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19, useSynchronizationContext: false);

    /// <summary>Starts the handler task of a request whose data set streams to it through a pipe.</summary>
    private StreamedRequest StartStreamed(byte contextId, DimseMessage request, OperationSlot slot)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        Dispatch(contextId, request, pipe.Reader, slot);
        return new StreamedRequest(pipe);
    }

    /// <summary>Where the data fragments of the message being received go.</summary>
    private abstract class IncomingData
    {
        /// <summary>Takes one fragment; returns where the next one goes (null once the message is complete).</summary>
        public abstract ValueTask<IncomingData?> AcceptAsync(DimseConnection connection, ReadOnlySequence<byte> data, bool last);
    }

    /// <summary>The data set of a response: decoded whole, then routed with it.</summary>
    private sealed class ResponseData(byte contextId, DimseMessage response) : IncomingData
    {
        private readonly ArrayBufferWriter<byte> _buffer = new();

        public override ValueTask<IncomingData?> AcceptAsync(DimseConnection connection, ReadOnlySequence<byte> data, bool last)
        {
            foreach (var segment in data) _buffer.Write(segment.Span);
            if (!last) return new(this);
            connection.Route(response, DicomDataset.Decode(_buffer.WrittenMemory, connection._association.GetTransferSyntax(contextId)));
            return new((IncomingData?)null);
        }
    }

    /// <summary>The data set of an inline request, handled on the read loop without a task or a thread wake per
    /// fragment. Whole in its first fragment (a small instance): the handler reads it where it was received (in the
    /// synchronous mode, which keeps the received PDU until the handler has finished) or from one pooled copy (in a
    /// wider window, where the handler may outlive this PDU). Otherwise the handler starts on the read loop at once and
    /// the fragments stream to it through an inline pipe as they are read.</summary>
    private sealed class InlineRequest(byte contextId, DimseMessage request, OperationSlot slot) : IncomingData
    {
        public override async ValueTask<IncomingData?> AcceptAsync(DimseConnection connection, ReadOnlySequence<byte> data, bool last)
        {
            if (!last)
            {
                var pipe = new Pipe(InlinePipe);
                _ = connection.StartInline(contextId, request, pipe.Reader, slot);
                return await new StreamedRequest(pipe).AcceptAsync(connection, data, last).ConfigureAwait(false);
            }
            if (connection._performInOrder)
            {
                await connection.RunHandlerAsync(contextId, request, PipeReader.Create(data), slot).ConfigureAwait(false);
                return null;
            }
            var length = checked((int)data.Length);
            var copy = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            data.CopyTo(copy);
            var handler = connection.StartInline(contextId, request, PipeReader.Create(new ReadOnlySequence<byte>(copy, 0, length)), slot);
            if (handler.IsCompleted) ArrayPool<byte>.Shared.Return(copy);
            else _ = handler.ContinueWith(static (_, state) => ArrayPool<byte>.Shared.Return((byte[])state!), copy, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return null;
        }
    }

    /// <summary>The data set of a request streaming to its handler task.</summary>
    private sealed class StreamedRequest(Pipe pipe) : IncomingData
    {
        public Pipe Pipe { get; } = pipe;

        public override async ValueTask<IncomingData?> AcceptAsync(DimseConnection connection, ReadOnlySequence<byte> data, bool last)
        {
            foreach (var segment in data) Pipe.Writer.Write(segment.Span);
            await Pipe.Writer.FlushAsync().ConfigureAwait(false);
            if (!last) return this;
            await Pipe.Writer.CompleteAsync().ConfigureAwait(false);
            return null;
        }
    }

    private void Route(DimseMessage response, DicomDataset? dataSet)
    {
        var id = response.RespondedToMessageID;
        if (id is { } wanted && _finals.TryGetValue(wanted, out var sink))
        {
            if (DimseStatus.ClassOf(response.ResponseStatus ?? 0) == StatusClass.Pending)
                _logger.LogWarning("{Message} answers Message ID {Id} with a pending status, which its request does not have; ignored", response.Title, wanted);
            else if (Forget(wanted, sink)) sink.OnResponse(new DimseResponse(response, dataSet));
            return;
        }
        if (id is { } key && _pending.TryGetValue(key, out var channel))
        {
            channel.Writer.TryWrite(new DimseResponse(response, dataSet));
            if (DimseStatus.ClassOf(response.ResponseStatus ?? 0) != StatusClass.Pending) channel.Writer.TryComplete();
            return;
        }
        _logger.LogWarning("{Message} answers Message ID {Id}, which is not outstanding; ignored", response.Title, id);
    }

    /// <summary>Runs the handler of a request concurrently with reading (it may stream a large data set, or be a
    /// C-FIND/C-MOVE/C-GET the peer can cancel while it runs).</summary>
    private void Dispatch(byte contextId, DimseMessage request, PipeReader? dataSet, OperationSlot slot)
    {
        var task = Task.Run(() => RunHandlerAsync(contextId, request, dataSet, slot));
        _handlers[task] = 0;
        task.ContinueWith(static (t, state) => ((DimseConnection)state!)._handlers.TryRemove(t, out _), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>An inline request whose handler may outlive this step of the read loop (in a window wider than 1, or with
    /// a data set still streaming in): it starts on the read loop, which goes on reading once the handler first waits
    /// (for the next fragment, or e.g. a durable store's fsync), so several run at once without a task hop each.</summary>
    /// <remarks>The bookkeeping continuation runs where the handler ends (no thread-pool work item per request).</remarks>
    private Task StartInline(byte contextId, DimseMessage request, PipeReader? dataSet, OperationSlot slot)
    {
        var task = RunHandlerAsync(contextId, request, dataSet, slot);
        if (task.IsCompleted) return task;
        _handlers[task] = 0;
        task.ContinueWith(static (t, state) => ((DimseConnection)state!)._handlers.TryRemove(t, out _), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    private async Task RunHandlerAsync(byte contextId, DimseMessage request, PipeReader? dataSet, OperationSlot slot)
    {
        var id = request.RequestMessageID ?? 0;
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _running[id] = cancel;
        var context = new DimseRequestContext(this, contextId, request, dataSet, _association.GetTransferSyntax(contextId), cancel.Token, slot);
        try
        {
            if (_handler == null)
            {
                // No service here: PS3.7 C.5.3 "Unrecognized operation" (0211H) for any request.
                await context.RespondAsync(request.CreateResponse(DimseStatus.UnrecognizedOperation), null, _stop.Token).ConfigureAwait(false);
            }
            else
            {
                await _handler.HandleAsync(context, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or AssociationAbortedException && _stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogError(e, "handling {Message} failed", request.Title);
            try
            {
                await context.RespondAsync(request.CreateResponse(DimseStatus.ProcessingFailure), null, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception inner) when (inner is AssociationAbortedException or OperationCanceledException or InvalidOperationException)
            {
            }
        }
        finally
        {
            _running.TryRemove(id, out _);
            slot.Release();
            cancel.Dispose();
            if (dataSet != null) await dataSet.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A place in the window of requests performed, held by one of the peer's requests from when it is read
    /// until its final response is sent (or its handler ends): an operation is outstanding until then, and a handler
    /// may go on after it (e.g. with an N-EVENT-REPORT) without holding the window.</summary>
    /// <remarks>PS3.7 D.3.3.3</remarks>
    internal sealed class OperationSlot
    {
        private static readonly OperationSlot Unlimited = new(null);
        private SemaphoreSlim? _slots;

        private OperationSlot(SemaphoreSlim? slots) => _slots = slots;

        public static async ValueTask<OperationSlot> TakeAsync(SemaphoreSlim? slots, CancellationToken cancellationToken)
        {
            if (slots == null) return Unlimited;
            await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            return new OperationSlot(slots);
        }

        public void Release() => Interlocked.Exchange(ref _slots, null)?.Release();
    }

    /// <summary>Releases the association (when we requested it) and waits for the reader to finish.</summary>
    public async Task ReleaseAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        await _association.ReleaseAsync(timeout, cancellationToken).ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _association.DisposeAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _stop.Dispose();
    }
}
