using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Fuzz;
using DicomSpecGen.Protocol;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>A raw TCP peer that writes whatever bytes a test gives it and reads back whole PDUs; every read is
/// bounded by a timeout, so a server that never answers fails the test instead of hanging it.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawPeer(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        return new RawPeer(socket);
    }

    /// <summary>Connects and negotiates an association for Verification (the A-ASSOCIATE-AC is checked).</summary>
    public static async Task<RawPeer> AssociateAsync(int port)
    {
        var peer = await ConnectAsync(port);
        await peer.SendAsync(PduFuzzTarget.Encode(AssociateRequestBuilder.Build(Loopback.Requestor(port))));
        Assert.IsType<AAssociateAc>(await peer.ReadPduAsync(TimeSpan.FromSeconds(10)));
        return peer;
    }

    public async Task SendAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>The next PDU, or null when the server closed the connection (or reset it) first.</summary>
    public async Task<Protocol.Pdu?> ReadPduAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var header = new byte[PduFraming.HeaderLength];
        try
        {
            if (!await ReadExactlyOrEndAsync(header, cts.Token)) return null;
            PduFraming.TryReadHeader(new ReadOnlySequence<byte>(header), out _, out var length);
            Assert.True(length < 1 << 20, $"server sent a PDU of {length} bytes");
            var pdu = new byte[header.Length + length];
            header.CopyTo(pdu, 0);
            if (!await ReadExactlyOrEndAsync(pdu.AsMemory(header.Length), cts.Token)) return null;
            return Protocol.Pdu.Read(new ReadOnlySequence<byte>(pdu));
        }
        catch (IOException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the server neither answered nor closed within {timeout}");
        }
    }

    private async Task<bool> ReadExactlyOrEndAsync(Memory<byte> buffer, CancellationToken token)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await _stream.ReadAsync(buffer[read..], token);
            if (n == 0) return false;
            read += n;
        }
        return true;
    }

    /// <summary>Waits until the server closes the connection; returns how long that took.</summary>
    public async Task<TimeSpan> WaitClosedAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(timeout);
        var sink = new byte[4096];
        try
        {
            while (await _stream.ReadAsync(sink, cts.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the server did not close the connection within {timeout}");
        }
        return clock.Elapsed;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return _stream.DisposeAsync();
    }
}
