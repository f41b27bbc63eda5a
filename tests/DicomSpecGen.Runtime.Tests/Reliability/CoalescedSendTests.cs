using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Protocol;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary><see cref="PduConnection.Coalesce"/>: P-DATA-TF PDUs sent inside the scope stay separate PDUs on the wire,
/// in order, and any other PDU (an A-ABORT) or a close flushes them first, never overtaking them.</summary>
public class CoalescedSendTests
{
    private static PDataTf PData(byte marker) => new()
    {
        Values = [new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.LastFragment, Fragment = new(new[] { marker, marker }) }],
    };

    private static async Task<(PduConnection Ours, Socket Peer, TcpListener Listener)> ConnectAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptSocketAsync();
        var ours = await PduConnection.ConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, new TransportOptions(), CancellationToken.None);
        return (ours, await accept, listener);
    }

    /// <summary>Every PDU the peer receives until the connection closes, as (type, first fragment byte or 0).</summary>
    private static async Task<List<(byte Type, byte Marker)>> ReadAllAsync(Socket peer)
    {
        using var stream = new NetworkStream(peer, ownsSocket: true);
        using var all = new MemoryStream();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(all, cts.Token);
        var bytes = new ReadOnlySequence<byte>(all.ToArray());
        var pdus = new List<(byte, byte)>();
        while (PduFraming.TryReadHeader(bytes, out var type, out var length))
        {
            var pdu = Protocol.Pdu.Read(bytes.Slice(0, PduFraming.HeaderLength + length));
            pdus.Add((type, pdu is PDataTf d ? d.Values.Single().Fragment.FirstSpan[0] : (byte)0));
            bytes = bytes.Slice(PduFraming.HeaderLength + length);
        }
        Assert.Equal(0, bytes.Length);
        return pdus;
    }

    [Fact]
    public async Task Pdus_gathered_in_a_scope_arrive_separately_and_in_order_and_an_abort_never_overtakes_them()
    {
        var (ours, peer, listener) = await ConnectAsync();
        var received = ReadAllAsync(peer);
        using (ours.Coalesce())
        {
            Assert.True(ours.Send(PData(1)));
            Assert.True(ours.Send(PData(2)));
            // Not P-DATA: written at once, after what is held.
            Assert.True(ours.Send(new AAbort { Source = AbortSource.ServiceUser, Reason = AbortReason.ReasonNotSpecified }));
            Assert.True(ours.Send(PData(3)));
        }
        Assert.True(ours.Send(PData(4)));
        using (ours.Coalesce())
        {
            Assert.True(ours.Send(PData(5)));
            // Closing inside a scope still writes what it holds first.
            ours.Close();
        }
        await ours.DisposeAsync();
        listener.Stop();
        Assert.Equal([(0x04, 1), (0x04, 2), (0x07, 0), (0x04, 3), (0x04, 4), (0x04, 5)], await received);
    }
}
