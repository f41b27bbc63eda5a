using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Traceability;
using DicomSpecGen.Transport;
using DicomSpecGen.Transport.Capture;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>What the acceptor's reading thread sends: the responses to requests that arrived together leave together
/// (one socket send), each still its own PDU, in order; a response with nothing behind it leaves at once.</summary>
public class ReadThreadSendTests
{
    /// <summary>The number of PDUs in each socket send of the accepted connections.</summary>
    private sealed class SendRecorder : IConnectionCaptureSink
    {
        public readonly ConcurrentQueue<int> PdusPerSend = new();

        public IConnectionCapture Open(IPEndPoint local, IPEndPoint remote, bool weConnected) => new Tap(weConnected ? null : this);

        private sealed class Tap(SendRecorder? owner) : IConnectionCapture
        {
            public void Data(PduDirection direction, ReadOnlySpan<byte> bytes)
            {
                if (owner == null || direction != PduDirection.Sent) return;
                var rest = new ReadOnlySequence<byte>(bytes.ToArray());
                var count = 0;
                while (PduFraming.TryReadHeader(rest, out _, out var length) && rest.Length >= PduFraming.HeaderLength + length)
                {
                    rest = rest.Slice(PduFraming.HeaderLength + length);
                    count++;
                }
                Assert.Equal(0, rest.Length);
                owner.PdusPerSend.Enqueue(count);
            }

            public void Closed(PduDirection direction) { }

            public void Dispose() { }
        }
    }

    private static byte[] Echo(ushort id) => RawPdu.Encode(new PDataTf
    {
        Values =
        [
            new PdvFragment(1, true, true, new CEchoRq { AffectedSOPClassUID = DicomUids.Verification, MessageID = id }.ToArray()).ToPresentationDataValue(),
        ],
    });

    private static ushort? RespondedTo(Protocol.Pdu pdu)
    {
        var pdv = Assert.Single(Assert.IsType<PDataTf>(pdu).Values);
        var response = Assert.IsType<CEchoRsp>(DimseMessage.Decode(pdv.Fragment));
        Assert.Equal(DimseStatus.Success, response.ResponseStatus);
        return response.MessageIDBeingRespondedTo;
    }

    private static async Task<(Socket Socket, NetworkStream Stream)> AssociateAsync(int port, AsyncOperationLimits window)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        await stream.WriteAsync(RawPdu.Encode(AssociateRequestBuilder.Build(Loopback.Requestor(port) with { AsyncOperationLimits = window })));
        Assert.IsType<AAssociateAc>(await RawPdu.ReadAsync(stream));
        return (socket, stream);
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task Responses_to_requests_received_together_leave_in_one_send_each_its_own_pdu()
    {
        var recorder = new SendRecorder();
        var window = new AsyncOperationLimits(4, 1);
        var options = Loopback.Acceptor() with { AsyncOperationLimits = window, Transport = Loopback.FastTransport with { Capture = recorder } };
        await using var server = Loopback.StartServer(options);
        var (_, stream) = await AssociateAsync(server.Port, window);
        await using (stream)
        {
            // Four C-ECHO-RQs in one write, right after the A-ASSOCIATE-AC: the SCP reads them with one receive and
            // answers each on its reading thread, the first included (the reading thread waits for the DIMSE layer,
            // which starts on a pool thread, before delivering it).
            await stream.WriteAsync(Echo(2).Concat(Echo(3)).Concat(Echo(4)).Concat(Echo(5)).ToArray());
            for (ushort id = 2; id <= 5; id++) Assert.Equal(id, RespondedTo(await RawPdu.ReadAsync(stream)));

            // A request with nothing behind it is answered at once, alone.
            await stream.WriteAsync(Echo(6));
            Assert.Equal((ushort)6, RespondedTo(await RawPdu.ReadAsync(stream)));

            await stream.WriteAsync(RawPdu.Encode(new AReleaseRq()));
            Assert.IsType<AReleaseRp>(await RawPdu.ReadAsync(stream));
        }
        // The A-ASSOCIATE-AC, the four, the sixth, the A-RELEASE-RP.
        Assert.Equal([1, 4, 1, 1], recorder.PdusPerSend);
    }
}
