using System.Buffers;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>A raw socket plays a broken peer against our acceptor: a malformed or over-long PDU is answered with
/// an A-ABORT carrying the reason the codec or the framing gave, and the connection is closed.</summary>
public class MalformedPduTests
{
    internal static async Task<(Socket Socket, NetworkStream Stream)> AssociateAsync(int port, uint? maxLength = null)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        var stream = new NetworkStream(socket, ownsSocket: true);
        var rq = AssociateRequestBuilder.Build(Loopback.Requestor(port));
        await stream.WriteAsync(RawPdu.Encode(rq));
        var ac = await RawPdu.ReadAsync(stream);
        Assert.IsType<AAssociateAc>(ac);
        return (socket, stream);
    }

    /// <summary>Establishes an association, sends the bytes, and returns the A-ABORT the SCP answers with (service-provider
    /// source) after checking that the SCP then closes the connection.</summary>
    private static async Task<AAbort> AbortAfterAssociationAsync(byte[] bytes)
    {
        await using var server = Loopback.StartServer();
        var (_, stream) = await AssociateAsync(server.Port);
        await using (stream)
        {
            await stream.WriteAsync(bytes);
            var abort = Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
            Assert.Equal(AbortSource.ServiceProvider, abort.Source);
            await AssertClosedAsync(stream);
            return abort;
        }
    }

    private static async Task AssertClosedAsync(NetworkStream stream)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var one = new byte[1];
        Assert.Equal(0, await stream.ReadAsync(one, cts.Token));
    }

    [Fact]
    public async Task An_undefined_pdu_type_is_aborted_as_unrecognized_pdu()
    {
        var abort = await AbortAfterAssociationAsync([0x09, 0, 0, 0, 0, 2, 0, 0]);
        Assert.Equal(AbortReason.UnrecognizedPdu, abort.Reason);
    }

    [Fact]
    public async Task A_pdata_longer_than_our_maximum_is_aborted_before_it_is_buffered()
    {
        // Only the header: the length alone (1 GiB) must trigger the abort.
        var abort = await AbortAfterAssociationAsync([0x04, 0, 0x40, 0, 0, 0]);
        Assert.Equal(AbortReason.InvalidPduParameterValue, abort.Reason);
    }

    [Fact]
    public async Task A_pdu_breaking_a_field_rule_is_aborted_with_the_codec_reason()
    {
        // A-RELEASE-RQ with PDU length 2 instead of 4 (PS3.8 Table 9-24): the codec refuses it.
        var abort = await AbortAfterAssociationAsync([0x05, 0, 0, 0, 0, 2, 0, 0]);
        Assert.NotEqual(AbortReason.ReasonNotSpecified, abort.Reason);
    }

    [Fact]
    public async Task An_oversized_associate_request_is_refused_by_length_alone()
    {
        await using var server = Loopback.StartServer();
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", server.Port);
        await using var stream = new NetworkStream(socket);
        await stream.WriteAsync(new byte[] { 0x01, 0, 0x7F, 0, 0, 0 });
        // Sta2 + Evt19 is AA-1 in PS3.8 Table 9-10: an A-ABORT with service-user source, then the close.
        var abort = Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
        Assert.Equal(AbortSource.ServiceUser, abort.Source);
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task A_silent_peer_is_aborted_after_the_idle_timeout()
    {
        var options = Loopback.Acceptor() with { Transport = Loopback.FastTransport with { IdleTimeout = TimeSpan.FromMilliseconds(300) } };
        await using var server = Loopback.StartServer(options);
        var (_, stream) = await AssociateAsync(server.Port);
        await using (stream)
        {
            var abort = Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
            Assert.Equal(AbortSource.ServiceUser, abort.Source);
        }
    }
}
