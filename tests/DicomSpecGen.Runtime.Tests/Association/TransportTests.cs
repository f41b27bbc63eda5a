using System.Buffers;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>Transport settings seen on real sockets.</summary>
public class TransportTests
{
    [Fact]
    public async Task Both_connected_and_accepted_sockets_have_tcp_nodelay()
    {
        var acceptedNoDelay = new TaskCompletionSource<bool>();
        await using var listener = AssociationListener.Start(System.Net.IPAddress.Loopback, 0, Loopback.Acceptor(), async (association, stop) =>
        {
            acceptedNoDelay.TrySetResult(association.Connection!.NoDelay);
            await DicomSpecGen.Services.DimseConnection.Start(association).Completion;
        });
        await using var requestor = await DicomSpecGen.Association.DicomAssociation.RequestAsync(Loopback.Requestor(listener.Port));
        Assert.True(requestor.Connection!.NoDelay);
        Assert.True(await acceptedNoDelay.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await requestor.ReleaseAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_pdu_that_stops_half_way_is_aborted_after_the_read_timeout()
    {
        var options = Loopback.Acceptor() with { Transport = Loopback.FastTransport with { ReadTimeout = TimeSpan.FromMilliseconds(300) } };
        await using var server = Loopback.StartServer(options);
        var (_, stream) = await MalformedPduTests.AssociateAsync(server.Port);
        await using (stream)
        {
            // A P-DATA-TF announcing 100 bytes, 10 of them sent, then silence (Sta6: the local user aborts).
            await stream.WriteAsync(new byte[] { 0x04, 0, 0, 0, 0, 100, 0, 0, 0, 8, 1, 3, 0, 0, 0, 0 });
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var header = new byte[PduFraming.HeaderLength];
            await stream.ReadExactlyAsync(header, cts.Token);
            Assert.Equal(AAbort.TypeCode, header[0]);
        }
    }
}
