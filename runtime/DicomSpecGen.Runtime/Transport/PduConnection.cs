using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using DicomSpecGen.Protocol;
using DicomSpecGen.Transport.Capture;

namespace DicomSpecGen.Transport;

/// <summary>One TCP connection carrying PDUs (PS3.8 9.1.1): reads whole PDUs through a <see cref="PipeReader"/>,
/// checking each header's length against the limits before the body is buffered, and writes encoded PDUs
/// without ever blocking the DUL's synchronous actions: straight into the socket when nothing is queued and the
/// kernel takes the whole PDU at once (a non-blocking send), otherwise through a queue drained by one writer task.</summary>
public sealed class PduConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Stream _stream;
    private PipeReader _reader;
    private readonly TransportOptions _options;
    private readonly PduLimits _limits;
    private readonly object _sendGate = new();
    private readonly Queue<Frame> _queue = new();
    private readonly SemaphoreSlim _wakeWriter = new(0);
    private bool _writerActive;
    private readonly bool _direct;
    private readonly SemaphoreSlim _pdataSlots;
    private readonly Task _writer;
    private readonly CancellationTokenSource _closing = new();
    private int _closed;
    // Bounds each write of the writer task (TransportOptions.ReadTimeout); reset per PDU.
    private CancellationTokenSource _writeTimer = new();
    private volatile string? _writeStalled;
    // The tap of TransportOptions.Capture: bytes as they cross the socket (the plaintext under TLS).
    private readonly IConnectionCapture? _capture;

    private readonly record struct Frame(byte[]? Buffer, int Offset, int Length, bool IsPData, bool Close);

    private PduConnection(Socket socket, TransportOptions options, bool weConnected, Stream? stream = null)
    {
        // Small PDUs (responses, release) must not wait for Nagle.
        socket.NoDelay = true;
        _socket = socket;
        _options = options;
        // With TLS every byte goes through the SslStream; without it small PDUs are sent straight to the socket.
        _direct = stream == null;
        _stream = stream ?? new NetworkStream(socket, ownsSocket: true);
        // Synchronous sends must never wait (they run inside DUL steps); asynchronous I/O is unaffected. On Linux an
        // accepted socket stays blocking, so that its reading thread can wait inside recv(2) (ReadOnCallingThread), and
        // each send is made non-blocking by its flags instead (MSG_DONTWAIT).
        _sendsDontWait = _direct && !weConnected && OperatingSystem.IsLinux();
        if (_direct && !_sendsDontWait) socket.Blocking = false;
        if (options.Capture is { } sink)
            _capture = sink.Open(socket.LocalEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0),
                socket.RemoteEndPoint as IPEndPoint ?? new IPEndPoint(IPAddress.Loopback, 0), weConnected);
        _reader = PipeReader.Create(_capture == null ? _stream : new CapturingReadStream(_stream, _capture), ReaderOptions);
        _pdataSlots = new SemaphoreSlim(Math.Max(1, options.MaxQueuedPData));
        _limits = new PduLimits((uint)options.ReceivePDataLimit, (uint)options.MaxAssociatePduLength);
        RemoteEndPoint = socket.RemoteEndPoint;
        _writer = Task.Run(WriteLoopAsync);
    }

    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Whether Nagle's algorithm is off on the socket (it always is: small PDUs must not wait).</summary>
    public bool NoDelay => _socket.NoDelay;

    public TransportOptions Options => _options;

    /// <summary>Called for every PDU sent or received (for --trace).</summary>
    public Action<PduDirection, Pdu>? Trace { get; set; }

    /// <summary>Completes when the socket has been closed by <see cref="Close"/> or a write failure.</summary>
    public Task Completion => _writer;

    public static PduConnection FromAccepted(Socket socket, TransportOptions options) => new(socket, options, weConnected: false);

    // Set once by ReadOnCallingThread: reads are blocking receives on the reader's own thread, bounded by this
    // deadline (Environment.TickCount64 ms) instead of a timer per read.
    private bool _blockingReads;
    private long _readDeadline = long.MaxValue;
    private const int PollSliceMs = 250;
    // Linux, accepted socket: sends pass MSG_DONTWAIT, so the descriptor itself can stay blocking for recv(2).
    private readonly bool _sendsDontWait;
    // Set before the writer task's first asynchronous write, which makes the descriptor non-blocking for good (.NET
    // keeps it so); from then on the reading thread polls before it receives.
    private volatile bool _descriptorNonBlocking;

    /// <summary>Makes every later read a blocking receive on the calling thread (an acceptor's read thread), for a
    /// plain TCP connection, so the kernel wakes the reading thread itself, with no event-loop thread and no thread-pool
    /// hop per PDU (and no pool thread needed at all). On Linux the thread waits inside recv(2), one system call per
    /// read, the socket's receive timeout (SO_RCVTIMEO) waking it every <see cref="PollSliceMs"/> to check the deadline
    /// and closing; elsewhere (or once the descriptor is non-blocking) it polls first. Call before the first read, from
    /// the thread that will read. Under TLS reads stay asynchronous (the SslStream already read during the handshake);
    /// <see cref="Read"/> then waits for them.</summary>
    internal void ReadOnCallingThread()
    {
        if (!_direct || _blockingReads) return;
        _blockingReads = true;
        _readerThread = Environment.CurrentManagedThreadId;
        _reader.Complete();
        if (_sendsDontWait && !SetReceiveTimeout(PollSliceMs)) _descriptorNonBlocking = true;
        Stream receive = new BlockingReceiveStream(this);
        _reader = PipeReader.Create(_capture == null ? receive : new CapturingReadStream(receive, _capture), ReaderOptions);
    }

    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true);

    /// <summary><see cref="ReadAsync"/> for a dedicated reading thread: returns when the PDU is read (at once after
    /// <see cref="ReadOnCallingThread"/>; by waiting for the asynchronous read under TLS).</summary>
    internal Pdu? Read()
    {
        var pending = ReadAsync(CancellationToken.None);
        return pending.IsCompleted ? pending.GetAwaiter().GetResult() : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary><see cref="DrainAsync"/> for a dedicated reading thread.</summary>
    internal void Drain()
    {
        var pending = DrainAsync();
        if (!pending.IsCompleted) pending.GetAwaiter().GetResult();
    }

    /// <summary>SO_RCVTIMEO of the socket (Linux): how long one blocking recv(2) waits before it returns EAGAIN.</summary>
    private bool SetReceiveTimeout(int milliseconds)
    {
        Span<byte> timeval = stackalloc byte[2 * IntPtr.Size];
        var fields = MemoryMarshal.Cast<byte, nint>(timeval);
        fields[0] = milliseconds / 1000;
        fields[1] = milliseconds % 1000 * 1000;
        try
        {
            _socket.SetRawSocketOption(LinuxSolSocket, LinuxSoRcvTimeo, timeval);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return false;
        }
        return true;
    }

    private const int LinuxSolSocket = 1, LinuxSoRcvTimeo = 20, LinuxMsgDontWait = 0x40, LinuxMsgNoSignal = 0x4000;
    private const int LinuxEIntr = 4, LinuxEAgain = 11;

    [DllImport("libc", EntryPoint = "recv", SetLastError = true)]
    private static extern nint SysRecv(SafeHandle socket, ref byte buffer, nuint length, int flags);

    [DllImport("libc", EntryPoint = "send", SetLastError = true)]
    private static extern nint SysSend(SafeHandle socket, ref byte buffer, nuint length, int flags);

    /// <summary>The receiving half of the socket for <see cref="ReadOnCallingThread"/>. On Linux with the descriptor
    /// still blocking: recv(2) waits in the kernel (no poll before it), for at most the receive timeout; near the
    /// deadline a poll bounds the last wait exactly. Otherwise a receive that filled the buffer is followed by another
    /// straight away (more is likely there), else poll first, since a recv that finds nothing costs one system call
    /// more. Each wait is at most <see cref="PollSliceMs"/>, after which the deadline and closing are checked;
    /// <see cref="Close"/> shuts the socket down, which ends a wait at once.</summary>
    private sealed class BlockingReceiveStream(PduConnection owner) : ForwardReadStream
    {
        private bool _moreLikely;

        public override int Read(Span<byte> buffer)
        {
            if (buffer.IsEmpty) return 0;
            owner.FlushGathered();
            return owner._sendsDontWait ? ReadLinux(buffer) : ReadPolling(buffer);
        }

        private int ReadLinux(Span<byte> buffer)
        {
            var socket = owner._socket;
            while (true)
            {
                if (owner._closing.IsCancellationRequested) throw new OperationCanceledException();
                var left = owner._readDeadline - Environment.TickCount64;
                if (left <= 0) throw new OperationCanceledException();
                if ((owner._descriptorNonBlocking || left < PollSliceMs) && !Poll(socket, left)) continue;
                nint read;
                try
                {
                    read = SysRecv(socket.SafeHandle, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length, 0);
                }
                catch (ObjectDisposedException e)
                {
                    throw new IOException("the connection is closed", e);
                }
                if (read >= 0) return (int)read;
                var errno = Marshal.GetLastPInvokeError();
                // EAGAIN: the receive timeout passed (or the descriptor became non-blocking); EINTR: a signal.
                if (errno is LinuxEAgain or LinuxEIntr) continue;
                var error = new SocketException(errno);
                throw new IOException($"receive failed: {error.SocketErrorCode}", error);
            }
        }

        private int ReadPolling(Span<byte> buffer)
        {
            var socket = owner._socket;
            var poll = !_moreLikely;
            while (true)
            {
                if (poll)
                {
                    while (true)
                    {
                        if (owner._closing.IsCancellationRequested) throw new OperationCanceledException();
                        var left = owner._readDeadline - Environment.TickCount64;
                        if (left <= 0) throw new OperationCanceledException();
                        if (Poll(socket, left)) break;
                    }
                }
                var read = socket.Receive(buffer, SocketFlags.None, out var error);
                if (error == SocketError.Success)
                {
                    _moreLikely = read == buffer.Length;
                    return read;
                }
                if (error != SocketError.WouldBlock && error != SocketError.Interrupted) throw new IOException($"receive failed: {error}", new SocketException((int)error));
                poll = true;
            }
        }

        /// <summary>Waits up to the deadline's rest (at most one slice) for something to read.</summary>
        private static bool Poll(Socket socket, long left)
        {
            try
            {
                return socket.Poll((int)Math.Min(left, PollSliceMs) * 1000, SelectMode.SelectRead);
            }
            catch (SocketException e)
            {
                throw new IOException(e.Message, e);
            }
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return new ValueTask<int>(Read(buffer.Span));
            }
            catch (Exception e)
            {
                return ValueTask.FromException<int>(e);
            }
        }
    }

    /// <summary>An accepted socket, after the TLS handshake when <see cref="TransportOptions.Tls"/> is set (bounded by
    /// the read timeout); the socket is closed when the handshake fails.</summary>
    public static async Task<PduConnection> AcceptAsync(Socket socket, TransportOptions options, CancellationToken cancellationToken)
    {
        if (options.Tls is not { } tls) return FromAccepted(socket, options);
        string? refusal = null;
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false,
            (_, certificate, _, errors) => tls.Validate(certificate, errors, isServer: true, out refusal));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ReadTimeout);
            var profile = TlsProfiles.Get(tls.Profile);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificate = tls.Certificate ?? throw new InvalidOperationException("a TLS acceptor needs TlsOptions.Certificate"),
                ClientCertificateRequired = tls.RequireClientCertificate,
                EnabledSslProtocols = profile.Protocols,
                CipherSuitesPolicy = SuitesPolicy(profile),
            }, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            var error = HandshakeFailed(e, tls, socket, "client", refusal);
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw error;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PduConnection(socket, options, weConnected: false, ssl);
    }

    private static async Task<Stream> ClientTlsAsync(Socket socket, string host, TlsOptions tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false,
            (_, certificate, _, errors) => tls.Validate(certificate, errors, isServer: false, out refusal));
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            var profile = TlsProfiles.Get(tls.Profile);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = tls.TargetHost ?? host,
                ClientCertificates = tls.Certificate is { } c ? [c] : null,
                EnabledSslProtocols = profile.Protocols,
                CipherSuitesPolicy = SuitesPolicy(profile),
            }, cts.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            var error = HandshakeFailed(e, tls, socket, "server", refusal);
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw error;
        }
        catch
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The profile's suites as an SslStream policy. OpenSSL (Linux) and macOS honour it; Windows (SChannel)
    /// has no per-connection suite list, so there only the protocol versions are held to the profile.</summary>
    private static CipherSuitesPolicy? SuitesPolicy(TlsProfileSpec profile)
        => OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(profile.AllowedSuites);

    /// <summary>A failed handshake, with the profile we held the peer to, so the log says why (e.g. a TLS 1.1-only
    /// peer under the non-downgrading profile gets "protocol version" from OpenSSL, which alone does not say that
    /// 1.2 was the floor).</summary>
    private static AuthenticationException HandshakeFailed(Exception e, TlsOptions tls, Socket socket, string peerRole, string? refusal)
    {
        var profile = TlsProfiles.Get(tls.Profile);
        // Our certificate check's reason when it refused; else the innermost error (OpenSSL's "unsupported protocol", ...).
        var detail = refusal ?? e.GetBaseException().Message;
        return new AuthenticationException(
            $"TLS handshake with the {peerRole} {SafeEndPoint(socket)} failed under {profile.Describe()}, cipher suites {string.Join(", ", profile.AllowedSuites)}: {detail}", e);
    }

    private static string SafeEndPoint(Socket socket)
    {
        try { return socket.RemoteEndPoint?.ToString() ?? "(unknown)"; }
        catch (ObjectDisposedException) { return "(closed)"; }
    }

    public static async Task<PduConnection> ConnectAsync(string host, int port, TransportOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"TCP connect to {host}:{port} did not complete within {options.ConnectTimeout}");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (options.Tls is { } tls) return new PduConnection(socket, options, weConnected: true, await ClientTlsAsync(socket, host, tls, options.ReadTimeout, cancellationToken).ConfigureAwait(false));
        return new PduConnection(socket, options, weConnected: true);
    }

    /// <summary>Reads the next whole PDU; null when the peer closed the connection between PDUs. Throws
    /// <see cref="Protocol.Wire.PduFormatException"/> for a malformed, unknown or over-long PDU and
    /// <see cref="TimeoutException"/> when the idle or read timeout passes. The returned PDU may slice the
    /// receive buffer: it is valid until the next call.</summary>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        // The gate keeps DisposeAsync from completing the pipe reader (which returns its buffers to the pool)
        // while a read or an AdvanceTo is still using them.
        await _readGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var pdu = await ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            // The writer gave up on a stalled write and closed the connection: that, not the close, is the error.
            if (pdu == null && _writeStalled is { } stalled) throw new TimeoutException(stalled);
            return pdu;
        }
        catch (Exception e) when (e is IOException or SocketException && _writeStalled is { } stalled)
        {
            throw new TimeoutException(stalled, e);
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException && _disposed)
        {
            // Disposed before reading: the connection is gone, as when the peer closes it.
            return null;
        }
        finally
        {
            _readGate.Release();
        }
    }

    private volatile bool _disposed;
    private readonly SemaphoreSlim _readGate = new(1, 1);

    private async ValueTask<Pdu?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        if (_disposed) return null;
        if (_consumed is { } consumed)
        {
            _reader.AdvanceTo(consumed);
            _consumed = null;
        }
        // Blocking reads check a deadline themselves; asynchronous ones are cancelled by a timer.
        var blocking = _blockingReads;
        using var timeout = blocking ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var headerSeen = false;
        if (blocking) _readDeadline = _options.IdleTimeout is { } idleMs ? Environment.TickCount64 + (long)idleMs.TotalMilliseconds : long.MaxValue;
        else if (_options.IdleTimeout is { } idle) timeout!.CancelAfter(idle);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(blocking ? cancellationToken : timeout!.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_closing.IsCancellationRequested)
            {
                return null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(headerSeen
                    ? $"the rest of a PDU did not arrive within the read timeout {_options.ReadTimeout}"
                    : $"no PDU arrived within the idle timeout {_options.IdleTimeout}");
            }
            var buffer = result.Buffer;
            switch (PduFraming.TryReadPdu(ref buffer, _limits, out var frame))
            {
                case PduReadStatus.Pdu:
                    _consumed = buffer.Start;
                    _moreReceived = buffer.Length > 0;
                    Telemetry.DicomTelemetry.PduBytes(frame.Size, received: true);
                    Trace?.Invoke(PduDirection.Received, frame.Pdu!);
                    return frame.Pdu;
                case PduReadStatus.Error when frame.ErrorKind == PduFramingErrorKind.OverLimit:
                    // PS3.8 Table D.1-1: our announced Maximum Length Received bounds P-DATA-TF; 0 = no limit, then our cap.
                    throw frame.PduType == PDataTf.TypeCode && _options.MaxPDataPduLength == 0
                        ? TransportErrors.OverNoLimitCap(frame.PduLength, (int)frame.Limit)
                        : TransportErrors.TooLong(frame.PduType, frame.PduLength, (int)frame.Limit);
                case PduReadStatus.Error:
                    throw frame.Error!;
            }
            if (result.IsCompleted)
            {
                if (buffer.Length == 0) return null;
                throw TransportErrors.Truncated(buffer.Length, frame.Size);
            }
            if (frame.HasHeader && !headerSeen)
            {
                headerSeen = true;
                if (blocking) _readDeadline = Environment.TickCount64 + (long)_options.ReadTimeout.TotalMilliseconds;
                else timeout!.CancelAfter(_options.ReadTimeout);
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private SequencePosition? _consumed;

    /// <summary>After a malformed PDU the byte stream cannot be resynchronised: discards everything until the
    /// peer or <see cref="Close"/> ends the connection (the DUL waits in Sta13 for that or ARTIM).</summary>
    public async Task DrainAsync()
    {
        await _readGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        // Until closed, however long: ARTIM (or the peer) closes the connection.
        _readDeadline = long.MaxValue;
        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(_closing.Token).ConfigureAwait(false);
                _reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _readGate.Release();
        }
    }

    /// <summary>Encodes a PDU and writes or queues it for the socket (never blocks). Returns false once closed.
    /// Inside a <see cref="Coalesce"/> scope a P-DATA-TF PDU is gathered instead and written when the scope ends.</summary>
    public bool Send(Pdu pdu)
    {
        if (Volatile.Read(ref _closed) != 0) return false;
        var isPData = pdu is PDataTf;
        lock (_sendGate)
        {
            if (_closed == 0 && _holding && isPData)
            {
                // Gathered behind the PDUs held before it; its queue slot is free at once (the caller keeps the
                // held bytes small: one small message).
                _held ??= new PooledPduBuffer(pdu.GetEncodedLength());
                pdu.Write(_held);
                Trace?.Invoke(PduDirection.Sent, pdu);
                _pdataSlots.Release();
                return true;
            }
        }
        var buffer = new PooledPduBuffer(pdu.GetEncodedLength());
        pdu.Write(buffer);
        Trace?.Invoke(PduDirection.Sent, pdu);
        lock (_sendGate)
        {
            if (_closed != 0)
            {
                buffer.Return();
                return false;
            }
            // Any other PDU (an A-ABORT, say) goes after what is held, never before it.
            FlushHeldLocked();
            WriteLocked(buffer, isPData);
            return true;
        }
    }

    /// <summary>Writes P-DATA-TF PDUs the caller has already encoded (their DUL events fired, see
    /// <see cref="TraceSent"/>) with one socket send when nothing is queued, else through the writer task, after
    /// anything held by <see cref="Coalesce"/>. Takes ownership of <paramref name="encoded"/> and of one P-DATA slot
    /// (<see cref="WaitForPDataSlotAsync"/>), released once written. Returns false once closed (then the slot is the
    /// caller's to release).</summary>
    internal bool SendEncoded(PooledPduBuffer encoded)
    {
        lock (_sendGate)
        {
            if (_closed != 0)
            {
                encoded.Return();
                return false;
            }
            if (_blockingReads && !_holding && Environment.CurrentManagedThreadId == _readerThread && (_moreReceived || _held != null))
            {
                // Sent on the reading thread (an inline handler's response) while more of the peer's PDUs wait in the
                // receive buffer: gathered until none does or the thread is about to wait for the peer (FlushGathered),
                // so responses to requests read in one receive leave in one send. With nothing waiting (the synchronous
                // mode: the peer waits for this response) it leaves at once.
                if (_held == null) _held = encoded;
                else
                {
                    encoded.Array.AsSpan(0, encoded.Length).CopyTo(_held.GetSpan(encoded.Length));
                    _held.Advance(encoded.Length);
                    encoded.Return();
                }
                _pdataSlots.Release();
                if (!_moreReceived || ++_heldMessages >= GatherLimit || _held.Length >= GatherBytes) FlushHeldLocked();
                return true;
            }
            FlushHeldLocked();
            WriteLocked(encoded, isPData: true);
            return true;
        }
    }

    // The reading thread of ReadOnCallingThread; what it sends through SendEncoded is gathered (see there).
    private int _readerThread = -1;
    // Whether bytes of the peer's next PDU were already received behind the last PDU read (set by the reading thread).
    private bool _moreReceived;
    private int _heldMessages;

    /// <summary>On the reading thread: nothing of the peer's next PDU was received, neither behind the last PDU read nor
    /// in the socket's receive buffer (one ioctl).</summary>
    internal bool NothingMoreReceived
    {
        get
        {
            if (_moreReceived || !_blockingReads) return false;
            try
            {
                return _socket.Available == 0;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <summary>At most this many messages, or <see cref="GatherBytes"/>, are gathered on the reading thread before a
    /// send (so the peer's window is not held shut while a long receive buffer is worked through).</summary>
    private const int GatherLimit = 8;

    private const int GatherBytes = 64 * 1024;

    /// <summary>Writes what the reading thread gathered; the reading thread calls it before it waits for the peer
    /// (a receive, or a full inbox), so nothing it sent waits on the peer's next PDU.</summary>
    internal void FlushGathered()
    {
        if (Volatile.Read(ref _held) == null) return;
        lock (_sendGate)
        {
            if (!_holding) FlushHeldLocked();
        }
    }

    /// <summary>Reports a P-DATA-TF PDU sent through <see cref="SendEncoded"/> to <see cref="Trace"/>.</summary>
    internal void TraceSent(Pdu pdu) => Trace?.Invoke(PduDirection.Sent, pdu);

    /// <summary>Writes an encoded PDU (or several) at once when nothing is queued and the kernel takes it all,
    /// otherwise queues it for the writer task (call under <see cref="_sendGate"/>).</summary>
    private void WriteLocked(PooledPduBuffer buffer, bool isPData)
    {
        // Captured as handed to the socket, under the send gate: in send order, and before the peer can answer.
        _capture?.Data(PduDirection.Sent, buffer.Array.AsSpan(0, buffer.Length));
        Telemetry.DicomTelemetry.PduBytes(buffer.Length, received: false);
        var sent = 0;
        if (!_writerActive && _direct)
        {
            // Nothing queued: saves the hand-off to the writer task when the kernel takes the PDU at once.
            sent = TrySendNow(buffer.Array.AsSpan(0, buffer.Length));
            if (sent == buffer.Length)
            {
                buffer.Return();
                if (isPData) _pdataSlots.Release();
                return;
            }
        }
        Enqueue(new Frame(buffer.Array, sent, buffer.Length, isPData, false));
    }

    private bool _holding;
    private PooledPduBuffer? _held;

    /// <summary>Until the returned scope is disposed, P-DATA-TF PDUs sent are gathered and then written with one
    /// socket send (one TLS write): a small message's command PDU and data PDU stay separate PDUs on the wire
    /// (PS3.8 9.3.5) but cost one system call, as one combined PDU did. Any other PDU sent meanwhile first flushes
    /// what is held, so the order on the wire is the order of the sends.</summary>
    internal CoalescingScope Coalesce()
    {
        lock (_sendGate) _holding = true;
        return new CoalescingScope(this);
    }

    private void EndCoalescing()
    {
        lock (_sendGate)
        {
            _holding = false;
            FlushHeldLocked();
        }
    }

    /// <summary>Writes the gathered PDUs (call under <see cref="_sendGate"/>); their queue slots were already freed.</summary>
    private void FlushHeldLocked()
    {
        if (_held is not { } held) return;
        _held = null;
        _heldMessages = 0;
        if (_closed != 0)
        {
            // Close() wrote what was held before closing; anything later, like a Send after closing, is dropped.
            held.Return();
            return;
        }
        WriteLocked(held, isPData: false);
    }

    /// <summary>Ends a <see cref="Coalesce"/> scope, writing what it gathered.</summary>
    internal readonly struct CoalescingScope(PduConnection connection) : IDisposable
    {
        public void Dispose() => connection.EndCoalescing();
    }

    /// <summary>A non-blocking send: how many bytes the kernel took (0 when its buffer is full or on an error,
    /// which the writer task then meets and handles).</summary>
    private int TrySendNow(ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (_sendsDontWait)
            {
                var n = SysSend(_socket.SafeHandle, ref MemoryMarshal.GetReference(bytes), (nuint)bytes.Length, LinuxMsgDontWait | LinuxMsgNoSignal);
                return n > 0 ? (int)n : 0;
            }
            var sent = _socket.Send(bytes, SocketFlags.None, out var error);
            return error == SocketError.Success ? sent : 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    /// <summary>Queues a frame for the writer task, waking it if idle (call under <see cref="_sendGate"/>).</summary>
    private void Enqueue(Frame frame)
    {
        _queue.Enqueue(frame);
        if (_writerActive) return;
        _writerActive = true;
        _wakeWriter.Release();
    }

    /// <summary>Waits for room in the P-DATA queue; call before sending a P-DATA-TF PDU, which then releases the
    /// slot when written. Bounds memory when the peer reads slower than we produce.</summary>
    public Task WaitForPDataSlotAsync(CancellationToken cancellationToken) => _pdataSlots.WaitAsync(cancellationToken);

    /// <summary>Releases a slot taken by <see cref="WaitForPDataSlotAsync"/> when the PDU was not queued after all.</summary>
    public void ReleasePDataSlot() => _pdataSlots.Release();

    /// <summary>Closes the connection after the PDUs already queued are written (PS3.8 9.1.4: don't linger).</summary>
    public void Close()
    {
        lock (_sendGate)
        {
            if (_closed != 0) return;
            // Gathered PDUs are written before the connection closes.
            FlushHeldLocked();
            _closed = 1;
            Enqueue(new Frame(null, 0, 0, false, true));
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (true)
            {
                await _wakeWriter.WaitAsync().ConfigureAwait(false);
                while (true)
                {
                    Frame frame;
                    lock (_sendGate)
                    {
                        if (!_queue.TryDequeue(out frame))
                        {
                            _writerActive = false;
                            break;
                        }
                    }
                    if (frame.Close) return;
                    if (!_writeTimer.TryReset())
                    {
                        _writeTimer.Dispose();
                        _writeTimer = new CancellationTokenSource();
                    }
                    _writeTimer.CancelAfter(_options.ReadTimeout);
                    // The asynchronous write makes the descriptor non-blocking (for good): the reading thread then polls.
                    if (_sendsDontWait) _descriptorNonBlocking = true;
                    try
                    {
                        await _stream.WriteAsync(frame.Buffer.AsMemory(frame.Offset, frame.Length - frame.Offset), _writeTimer.Token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is OperationCanceledException or IOException && _writeTimer.IsCancellationRequested)
                    {
                        // The peer stopped reading or the link is down: without this bound the write would wait for TCP
                        // to give up (many minutes). The reader reports it; the finally below closes the connection.
                        _writeStalled = $"a PDU could not be sent within the read timeout {_options.ReadTimeout}: the peer stopped reading or the network is down";
                        return;
                    }
                    finally
                    {
                        ArrayPool<byte>.Shared.Return(frame.Buffer!);
                        if (frame.IsPData) _pdataSlots.Release();
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The peer went away; the reader sees the closed connection and reports it.
        }
        finally
        {
            lock (_sendGate)
            {
                _closed = 1;
                // Stays "active" so no later Send writes inline to a closing socket.
                _writerActive = true;
                while (_queue.TryDequeue(out var left))
                {
                    if (left.Buffer != null) ArrayPool<byte>.Shared.Return(left.Buffer);
                    if (left.IsPData) _pdataSlots.Release();
                }
            }
            _writeTimer.Dispose();
            try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
            _capture?.Closed(PduDirection.Sent);
            _closing.Cancel();
            _stream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await _writer.ConfigureAwait(false);
        _disposed = true;
        // Close() shut the socket and cancelled _closing, so a read in progress ends promptly; wait for it (bounded)
        // before the reader's buffers go back to the pool.
        var idle = await _readGate.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        try
        {
            await _reader.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            if (idle) _readGate.Release();
        }
        _closing.Dispose();
        _capture?.Dispose();
    }
}
