using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Transport;

/// <summary>One TCP connection carrying PDUs (PS3.8 9.1.1): reads whole PDUs through a <see cref="PipeReader"/>,
/// checking each header's length against the limits before the body is buffered, and writes encoded PDUs from
/// a queue drained by one writer task (so the DUL's synchronous actions never block on the network).</summary>
public sealed class PduConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PipeReader _reader;
    private readonly TransportOptions _options;
    private readonly Channel<Frame> _outgoing = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _pdataSlots;
    private readonly Task _writer;
    private readonly CancellationTokenSource _closing = new();
    private int _closed;

    private readonly record struct Frame(byte[]? Buffer, int Length, bool IsPData, bool Close);

    private PduConnection(Socket socket, TransportOptions options)
    {
        // Small PDUs (responses, release) must not wait for Nagle.
        socket.NoDelay = true;
        _socket = socket;
        _options = options;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 16 * 1024, leaveOpen: true));
        _pdataSlots = new SemaphoreSlim(Math.Max(1, options.MaxQueuedPData));
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

    public static PduConnection FromAccepted(Socket socket, TransportOptions options) => new(socket, options);

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
        return new PduConnection(socket, options);
    }

    /// <summary>Reads the next whole PDU; null when the peer closed the connection between PDUs. Throws
    /// <see cref="Protocol.Wire.PduFormatException"/> for a malformed, unknown or over-long PDU and
    /// <see cref="TimeoutException"/> when the idle or read timeout passes. The returned PDU may slice the
    /// receive buffer: it is valid until the next call.</summary>
    public async ValueTask<Pdu?> ReadAsync(CancellationToken cancellationToken)
    {
        if (_consumed is { } consumed)
        {
            _reader.AdvanceTo(consumed);
            _consumed = null;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closing.Token);
        var headerSeen = false;
        if (_options.IdleTimeout is { } idle) timeout.CancelAfter(idle);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && !_closing.IsCancellationRequested)
            {
                throw new TimeoutException(headerSeen
                    ? $"the rest of a PDU did not arrive within the read timeout {_options.ReadTimeout}"
                    : $"no PDU arrived within the idle timeout {_options.IdleTimeout}");
            }
            catch (OperationCanceledException) when (_closing.IsCancellationRequested)
            {
                return null;
            }
            var buffer = result.Buffer;
            if (PduFraming.TryReadHeader(buffer, out var type, out var length))
            {
                if (!PduFraming.IsKnownPduType(type)) throw TransportErrors.UnknownType(type);
                var limit = type == PDataTf.TypeCode ? _options.MaxPDataPduLength : _options.MaxAssociatePduLength;
                if (length > (uint)limit) throw TransportErrors.TooLong(type, length, limit);
                var total = PduFraming.HeaderLength + (long)length;
                if (buffer.Length >= total)
                {
                    var slice = buffer.Slice(0, total);
                    var pdu = Pdu.Read(slice);
                    _consumed = slice.End;
                    Trace?.Invoke(PduDirection.Received, pdu);
                    return pdu;
                }
                if (result.IsCompleted) throw TransportErrors.Truncated(buffer.Length, total);
                if (!headerSeen)
                {
                    headerSeen = true;
                    timeout.CancelAfter(_options.ReadTimeout);
                }
            }
            else if (result.IsCompleted)
            {
                if (buffer.Length == 0) return null;
                throw TransportErrors.Truncated(buffer.Length, PduFraming.HeaderLength);
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private SequencePosition? _consumed;

    /// <summary>After a malformed PDU the byte stream cannot be resynchronised: discards everything until the
    /// peer or <see cref="Close"/> ends the connection (the DUL waits in Sta13 for that or ARTIM).</summary>
    public async Task DrainAsync()
    {
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
    }

    /// <summary>Encodes a PDU and queues it for the socket (never blocks). Returns false once closed.</summary>
    public bool Send(Pdu pdu)
    {
        if (Volatile.Read(ref _closed) != 0) return false;
        var buffer = new PooledPduBuffer(pdu.GetEncodedLength());
        pdu.Write(buffer);
        Trace?.Invoke(PduDirection.Sent, pdu);
        if (_outgoing.Writer.TryWrite(new Frame(buffer.Array, buffer.Length, pdu is PDataTf, false))) return true;
        buffer.Return();
        return false;
    }

    /// <summary>Waits for room in the P-DATA queue; call before sending a P-DATA-TF PDU, which then releases the
    /// slot when written. Bounds memory when the peer reads slower than we produce.</summary>
    public Task WaitForPDataSlotAsync(CancellationToken cancellationToken) => _pdataSlots.WaitAsync(cancellationToken);

    /// <summary>Releases a slot taken by <see cref="WaitForPDataSlotAsync"/> when the PDU was not queued after all.</summary>
    public void ReleasePDataSlot() => _pdataSlots.Release();

    /// <summary>Closes the connection after the PDUs already queued are written (PS3.8 9.1.4: don't linger).</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0) return;
        _outgoing.Writer.TryWrite(new Frame(null, 0, false, true));
        _outgoing.Writer.TryComplete();
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    if (frame.Close) return;
                    try
                    {
                        await _stream.WriteAsync(frame.Buffer.AsMemory(0, frame.Length)).ConfigureAwait(false);
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
            Interlocked.Exchange(ref _closed, 1);
            _outgoing.Writer.TryComplete();
            while (reader.TryRead(out var left))
            {
                if (left.Buffer != null) ArrayPool<byte>.Shared.Return(left.Buffer);
                if (left.IsPData) _pdataSlots.Release();
            }
            try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
            _closing.Cancel();
            _stream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Close();
        await _writer.ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        _closing.Dispose();
    }
}
