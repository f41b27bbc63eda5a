using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Threading.Tasks.Sources;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Association;

/// <summary>One DICOM association, requestor or acceptor. Every event — a PDU read from the socket, a request
/// of the local user, a transport indication, ARTIM — goes through the DUL state machine (PS3.8 Table 9-10,
/// generated or interpreted engine); the machine's actions reach the network through this class's
/// <see cref="IDulPort"/>. Split: .Port.cs (the port), .Negotiation.cs (contexts), .Requestor.cs, .Acceptor.cs.</summary>
public sealed partial class DicomAssociation : IAsyncDisposable
{
    private readonly DulStateMachine _dul;
    private readonly ILogger _logger;
    private readonly AssociationCommonOptions _options;
    private readonly TaskCompletionSource<DulPrimitive> _established = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Written only by FlushInbox, never inside a DUL step, so the receiver may continue inline on the writer's thread.
    private readonly Channel<AssociationEvent> _inbox = Channel.CreateUnbounded<AssociationEvent>(new UnboundedChannelOptions { SingleWriter = true, AllowSynchronousContinuations = true });
    private readonly ConcurrentQueue<AssociationEvent?> _pendingInbox = new();
    private readonly object _flushGate = new();
    private volatile bool _inboxClosing;
    private int _readLoopThread = -1;
    private readonly SemaphoreSlim _inboxSlots = new(16);
    /// <summary>Completed once the receiver waits in <see cref="ReceiveAsync"/> on an empty inbox (then a P-DATA the
    /// reading thread delivers continues the receiver on that thread).</summary>
    private readonly TaskCompletionSource _receiverWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _firstPDataRead;
    private Action? _releaseInboxSlot;
    private PduConnection? _connection;
    private Task? _readLoop;
    private Exception? _failure;

    private DicomAssociation(AssociationCommonOptions options, ILogger? logger)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _dul = new DulStateMachine(new Port(this), new DulOptions { Engine = options.Engine, ArtimTimeout = options.ArtimTimeout },
            logger as ILogger<DulStateMachine>);
    }

    /// <summary>The DUL state (PS3.8 Table 9-10).</summary>
    public DulState State => _dul.State;

    /// <summary>True on the side that sent the A-ASSOCIATE-RQ.</summary>
    public bool IsRequestor { get; private set; }

    public string CallingAeTitle { get; private set; } = "";

    public string CalledAeTitle { get; private set; } = "";

    public string? RemoteAddress => _connection?.RemoteEndPoint?.ToString();

    /// <summary>The transport connection (for diagnostics and tests).</summary>
    internal PduConnection? Connection => _connection;

    /// <summary>Completes when the association has ended (released, aborted or the connection lost).</summary>
    public Task Completion => _ended.Task;

    /// <summary>Why the association ended abnormally; null after a normal release.</summary>
    public Exception? Failure => _failure;

    private DulStepResult Fire(DulEvent evt, object? payload = null)
    {
        var result = _dul.Fire(evt, payload);
        if (!result.IsDefined && !result.Deferred)
            _logger.LogDebug("DUL ignored {Event} in {State}", evt, result.From);
        return result;
    }

    private void Attach(PduConnection connection)
    {
        connection.Trace = _options.Trace;
        _connection = connection;
    }

    private void StartReading() => _readLoop = Task.Run(ReadLoopAsync);

    /// <summary>The acceptor reads on a thread of its own for the association's life, with blocking receives (plain
    /// TCP, <see cref="PduConnection.ReadOnCallingThread"/>): each PDU wakes this thread straight from the kernel and is
    /// handled here, up to the DIMSE layer, which continues on this thread (see <see cref="FireFromReadLoop"/>); no
    /// thread-pool thread is needed to read, to answer the A-ASSOCIATE-RQ or to keep reading while a handler waits.
    /// One thread per association (bounded by the listener's accept and the acceptor's association limit).</summary>
    private void StartReadingOnOwnThread()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                ReadLoopOnThread();
                done.TrySetResult();
            }
            catch (Exception e)
            {
                done.TrySetException(e);
            }
        }) { IsBackground = true, Name = "DICOM association reader" };
        _readLoop = done.Task;
        thread.Start();
    }

    /// <summary>Reads PDUs and turns each into its DUL event (PS3.8 9.2.1), on a thread-pool thread between awaits.</summary>
    private async Task ReadLoopAsync()
    {
        var connection = _connection!;
        while (true)
        {
            Pdu? pdu;
            try
            {
                pdu = await connection.ReadAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                if (ReadFailed(connection, e) is not { } drain) throw;
                if (drain) await connection.DrainAsync().ConfigureAwait(false);
                pdu = null;
            }
            if (pdu is PDataTf data)
            {
                // Copied out of the receive buffer first: the buffer is reused by the next read.
                var copy = ReceivedPData.CopyFrom(data);
                await _inboxSlots.WaitAsync().ConfigureAwait(false);
                DeliverPData(data, copy);
                continue;
            }
            if (!Received(pdu)) return;
        }
    }

    /// <summary>The same loop on the acceptor's own thread (<see cref="StartReadingOnOwnThread"/>): it blocks where
    /// <see cref="ReadLoopAsync"/> awaits, so it never moves to another thread.</summary>
    private void ReadLoopOnThread()
    {
        var connection = _connection!;
        connection.ReadOnCallingThread();
        while (true)
        {
            Pdu? pdu;
            try
            {
                pdu = connection.Read();
            }
            catch (Exception e)
            {
                if (ReadFailed(connection, e) is not { } drain) throw;
                if (drain) connection.Drain();
                pdu = null;
            }
            if (pdu is PDataTf data)
            {
                var copy = ReceivedPData.CopyFrom(data);
                if (!_firstPDataRead)
                {
                    // The receiver (the DIMSE layer) starts on a pool thread once the association is established; a
                    // first request queued before it waits would be handled on that thread, away from this one (no
                    // gathered answer, no inline streaming). It is waited for, bounded, once per association.
                    _firstPDataRead = true;
                    connection.FlushGathered();
                    _receiverWaiting.Task.Wait(FirstReceiverWait);
                }
                if (!_inboxSlots.Wait(0))
                {
                    // About to wait for the DIMSE layer: what this thread sent goes out first.
                    connection.FlushGathered();
                    _inboxSlots.Wait();
                }
                using (ReadingThread.Delivering(connection)) DeliverPData(data, copy);
                continue;
            }
            if (!Received(pdu)) return;
            if (_answer is { } answer && _established.Task.IsCompletedSuccessfully)
            {
                // The A-ASSOCIATE-RQ was indicated: answer it here, not on a pool thread (PS3.8 Table 9-6, AE-6 then AE-7/AE-8).
                _answer = null;
                answer(_established.Task.Result);
            }
        }
    }

    /// <summary>How long the reading thread waits, before its first P-DATA, for the receiver to wait on the inbox. The
    /// receiver cannot take the P-DATA before it reads anyway; a receiver that never reads only has what follows it
    /// read this much later. Generous, for a busy pool and a process's first association (JIT).</summary>
    internal static readonly TimeSpan FirstReceiverWait = TimeSpan.FromSeconds(1);

    /// <summary>Set by the acceptor: decides on the A-ASSOCIATE indication and sends the A-ASSOCIATE-AC or -RJ; run by
    /// the read thread right after the step that indicated it.</summary>
    private Action<DulPrimitive>? _answer;

    /// <summary>A failed read: reports it and fires its DUL event; returns whether to drain the connection, or null for
    /// an exception that is not a read failure (rethrown).</summary>
    private bool? ReadFailed(PduConnection connection, Exception error)
    {
        switch (error)
        {
            case PduFormatException e:
                _logger.LogWarning("malformed PDU from {Peer}: {Error}", connection.RemoteEndPoint, e.Message);
                _failure ??= new AssociationAbortedException("received a malformed PDU: " + e.Message, e);
                ReportIncident(AssociationIncidentKind.MalformedPdu, "malformed PDU, association aborted: " + e.Message);
                var (invalid, why) = DulProtocolBridge.ForInvalid(e);
                Fire(invalid, why);
                return true;
            case TimeoutException e:
                _logger.LogWarning("{Peer}: {Error}; aborting", connection.RemoteEndPoint, e.Message);
                _failure ??= new AssociationAbortedException(e.Message, e);
                ReportIncident(AssociationIncidentKind.IdleTimeout, e.Message + "; association aborted");
                Fire(DulEvent.Evt15);
                _ended.TrySetResult();
                return true;
            case IOException or System.Net.Sockets.SocketException or ObjectDisposedException:
                return false;
            default:
                return null;
        }
    }

    /// <summary>Hands a copied P-DATA-TF (its inbox slot taken) to the DUL as Evt10.</summary>
    private void DeliverPData(PDataTf data, ReceivedPData copy)
    {
        copy.OnRelease(_releaseInboxSlot ??= () => _inboxSlots.Release());
        FireFromReadLoop(DulProtocolBridge.ForReceived(data).Event, copy);
        if (!copy.Delivered) copy.Dispose();
    }

    /// <summary>Any other PDU (or the end of the connection, null) into its DUL event; false once the loop is to end.</summary>
    private bool Received(Pdu? pdu)
    {
        if (pdu == null)
        {
            // Evt17 where its cell is defined (Table 9-10); in the blank cell (Sta1, no connection) it would only be ignored.
            if (DulTransitions.Lookup(_dul.State, DulEvent.Evt17).IsDefined) Fire(DulEvent.Evt17);
            Ended(null);
            return false;
        }
        var (evt, payload) = DulProtocolBridge.ForReceived(pdu);
        FireFromReadLoop(evt, payload);
        return true;
    }

    /// <summary>Runs a received PDU's event, then hands what it delivered to the receiver on this thread (outside
    /// the DUL step): the DIMSE layer processes it without a thread hand-off and this loop reads on when it awaits.</summary>
    private void FireFromReadLoop(DulEvent evt, object? payload)
    {
        Volatile.Write(ref _readLoopThread, Environment.CurrentManagedThreadId);
        try
        {
            Fire(evt, payload);
        }
        finally
        {
            Volatile.Write(ref _readLoopThread, -1);
        }
        FlushInbox();
    }

    /// <summary>Queues an indication for <see cref="ReceiveAsync"/> (called inside DUL steps); false once the inbox is closed.</summary>
    private bool Post(AssociationEvent e)
    {
        if (_inboxClosing) return false;
        _pendingInbox.Enqueue(e);
        ScheduleFlush();
        return true;
    }

    private void CloseInbox()
    {
        if (_inboxClosing) return;
        _inboxClosing = true;
        _pendingInbox.Enqueue(null);
        ScheduleFlush();
    }

    /// <summary>The read loop flushes right after its own step; any other caller may be inside a DUL step, so the
    /// flush (which may run the receiver inline) goes to the thread pool.</summary>
    private void ScheduleFlush()
    {
        if (Environment.CurrentManagedThreadId == Volatile.Read(ref _readLoopThread)) return;
        ThreadPool.UnsafeQueueUserWorkItem(static owner => owner.FlushInbox(), this, preferLocal: false);
    }

    private void FlushInbox()
    {
        lock (_flushGate)
        {
            while (_pendingInbox.TryDequeue(out var e))
            {
                if (e == null) _inbox.Writer.TryComplete();
                else if (!_inbox.Writer.TryWrite(e) && e is AssociationEvent.Data d) d.PData.Dispose();
            }
        }
    }

    /// <summary>The next P-DATA indication or release request; null when the association has ended (then
    /// <see cref="Failure"/> says why, if abnormally).</summary>
    public ValueTask<AssociationEvent?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var next = _inbox.Reader.ReadAsync(cancellationToken);
        if (next.IsCompletedSuccessfully) return new(next.Result);
        if (next.IsCompleted || _receiverWaiting.Task.IsCompleted) return ClosedAsNullAsync(next);
        return (_firstWait ??= new FirstWait(_receiverWaiting)).Relay(next);
    }

    private static async ValueTask<AssociationEvent?> ClosedAsNullAsync(ValueTask<AssociationEvent> next)
    {
        try
        {
            return await next.ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    private FirstWait? _firstWait;

    /// <summary>The receiver's first wait on an empty inbox, relayed so that <paramref name="waiting"/> is completed only
    /// once the caller's continuation is registered: the reading thread, which waits for that before delivering its first
    /// P-DATA, then runs the caller on. Signalled any earlier, a P-DATA written in between would complete the read with
    /// no continuation to run, and the caller would go on on its own thread.</summary>
    private sealed class FirstWait(TaskCompletionSource waiting) : IValueTaskSource<AssociationEvent?>
    {
        private ManualResetValueTaskSourceCore<AssociationEvent?> _core;

        public ValueTask<AssociationEvent?> Relay(ValueTask<AssociationEvent> next)
        {
            // Again only if the last relayed read completed before its caller awaited it (and was consumed).
            _core.Reset();
            var awaiter = next.ConfigureAwait(false).GetAwaiter();
            awaiter.UnsafeOnCompleted(() =>
            {
                try
                {
                    _core.SetResult(awaiter.GetResult());
                }
                catch (ChannelClosedException)
                {
                    _core.SetResult(null);
                }
                catch (Exception e)
                {
                    _core.SetException(e);
                }
            });
            return new(this, _core.Version);
        }

        public AssociationEvent? GetResult(short token) => _core.GetResult(token);

        public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            _core.OnCompleted(continuation, state, token, flags);
            waiting.TrySetResult();
        }
    }

    /// <summary>Sends one P-DATA-TF PDU (P-DATA request, Evt9). Waits while the send queue is full.</summary>
    public async Task SendPDataAsync(PDataTf pdu, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException("the association is not established");
        await connection.WaitForPDataSlotAsync(cancellationToken).ConfigureAwait(false);
        var step = Fire(DulEvent.Evt9, pdu);
        // A defined cell of Evt9's row (Table 9-10) sends the PDU; a blank one refuses the primitive.
        if (step.IsDefined) return;
        connection.ReleasePDataSlot();
        throw new AssociationAbortedException($"cannot send P-DATA in {step.From}: " + (_failure?.Message ?? "the association is not open"), _failure);
    }

    /// <summary>The content of a P-DATA request (Evt9) whose PDU the DIMSE layer has already encoded into a batch of
    /// PDUs it writes with one send (<see cref="WriteEncodedPData"/>): DT-1 then only reports it to the trace.</summary>
    internal sealed record EncodedPData(PDataTf Pdu);

    /// <summary>Takes a place in the P-DATA send queue for a batch of encoded PDUs (see <see cref="WriteEncodedPData"/>).</summary>
    internal Task WaitForPDataSlotAsync(CancellationToken cancellationToken)
        => (_connection ?? throw new InvalidOperationException("the association is not established")).WaitForPDataSlotAsync(cancellationToken);

    /// <summary>Gives back a place taken by <see cref="WaitForPDataSlotAsync"/> when no batch is written after all.</summary>
    internal void ReleasePDataSlot() => _connection?.ReleasePDataSlot();

    /// <summary>P-DATA request (Evt9) for one PDU of a batch the caller encoded and writes afterwards; throws when the
    /// DUL cannot send P-DATA in its state (a blank cell of Evt9's row in Table 9-10).</summary>
    internal void FireEncodedPData(PDataTf pdu)
    {
        var step = Fire(DulEvent.Evt9, new EncodedPData(pdu));
        if (!step.IsDefined)
            throw new AssociationAbortedException($"cannot send P-DATA in {step.From}: " + (_failure?.Message ?? "the association is not open"), _failure);
    }

    /// <summary>Writes a batch of encoded P-DATA-TF PDUs whose events were fired, with the place taken by
    /// <see cref="WaitForPDataSlotAsync"/>; takes ownership of the buffer. On a connection already closed the bytes are
    /// dropped, as <see cref="Port.Send"/> drops a PDU then: the reader reports why it closed (e.g. a write that stalled
    /// past the timeout) and the requests waiting for responses fail with that.</summary>
    internal void WriteEncodedPData(PooledPduBuffer encoded)
    {
        if (_connection is not { } connection)
        {
            encoded.Return();
            throw new InvalidOperationException("the association is not established");
        }
        if (!connection.SendEncoded(encoded)) connection.ReleasePDataSlot();
    }

    /// <summary>Requests release (A-RELEASE request, Evt11) and waits for the A-RELEASE-RP; aborts after the timeout.</summary>
    public async Task ReleaseAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var step = Fire(DulEvent.Evt11);
        if (!step.IsDefined) return;
        try
        {
            await _ended.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("no A-RELEASE-RP within {Timeout}; aborting", timeout);
            await AbortAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Answers a release request (A-RELEASE response, Evt14).</summary>
    public Task RespondReleaseAsync()
    {
        Fire(DulEvent.Evt14);
        return Task.CompletedTask;
    }

    /// <summary>Aborts (A-ABORT request, Evt15) and closes the connection shortly after.</summary>
    public async Task AbortAsync()
    {
        _failure ??= new AssociationAbortedException("aborted by the local service-user");
        var step = Fire(DulEvent.Evt15);
        Ended(_failure);
        if (!step.IsDefined) return;
        // AA-1 waits for the peer to close (ARTIM bounds it); give it a moment, then close ourselves.
        if (_connection is { } c && await Task.WhenAny(c.Completion, Task.Delay(500)).ConfigureAwait(false) != c.Completion) c.Close();
    }

    /// <summary>Tells the acceptor's <see cref="AcceptorOptions.Incident"/> hook (the audit trail); never throws.</summary>
    internal void ReportIncident(AssociationIncidentKind kind, string reason, string? callingAeTitle = null)
    {
        if (_options is not AcceptorOptions { Incident: { } incident }) return;
        try
        {
            callingAeTitle ??= CallingAeTitle.Length > 0 ? CallingAeTitle : null;
            incident(new AssociationIncident(kind, RemoteAddress, callingAeTitle, reason));
        }
        catch (Exception e)
        {
            _logger.LogWarning("the incident hook failed: {Error}", e.Message);
        }
    }

    private void Ended(Exception? failure)
    {
        if (failure != null) _failure ??= failure;
        CloseInbox();
        _established.TrySetException(_failure ?? new AssociationAbortedException("the connection closed before the association was established"));
        _ended.TrySetResult();
        TelemetryEnded();
    }

    /// <summary>Whether disposing in a state aborts first: where the A-ABORT request primitive (Evt15) has an
    /// action in Table 9-10 (AA-1, or AA-2 while the connection is opening); in the other states there is no
    /// association to abort and disposing only closes the connection.</summary>
    /// <remarks>PS3.8 Table 9-10, Evt15</remarks>
    internal static bool DisposeAborts(DulState state) => DulTransitions.Lookup(state, DulEvent.Evt15).IsDefined;

    public async ValueTask DisposeAsync()
    {
        if (DisposeAborts(_dul.State)) await AbortAsync().ConfigureAwait(false);
        if (_connection is { } c)
        {
            c.Close();
            await c.DisposeAsync().ConfigureAwait(false);
        }
        if (_readLoop is { } loop) await loop.ConfigureAwait(false);
        Ended(null);
        _dul.Dispose();
    }
}
