using System.Net.Sockets;
using System.Threading.Channels;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Protocol;
using DicomSpecGen.Runtime.Tests.Association;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Audit;

/// <summary>The acceptor's own drops reach <see cref="AcceptorOptions.Incident"/> (the audit trail's hook) once each, with
/// the peer's address and the reason: capacity rejections, ARTIM expiries, idle drops, malformed PDUs; through a
/// <see cref="SecurityAlertLimiter"/> each becomes a Security Alert valid under the schema.</summary>
public class AuditIncidentTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static (AcceptorOptions Options, Channel<AssociationIncident> Incidents) Acceptor(int maxAssociations = 8)
    {
        var incidents = Channel.CreateUnbounded<AssociationIncident>();
        return (Loopback.Acceptor(maxAssociations: maxAssociations) with { Incident = i => incidents.Writer.TryWrite(i) }, incidents);
    }

    private static async Task<AssociationIncident> NextAsync(Channel<AssociationIncident> incidents)
        => await incidents.Reader.ReadAsync().AsTask().WaitAsync(Limit);

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task A_malformed_pdu_is_one_incident_with_the_codec_reason()
    {
        var (options, incidents) = Acceptor();
        await using var server = Loopback.StartServer(options);
        var (_, stream) = await MalformedPduTests.AssociateAsync(server.Port);
        await using (stream)
        {
            await stream.WriteAsync(new byte[] { 0x09, 0, 0, 0, 0, 2, 0, 0 });
            Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
        }
        var incident = await NextAsync(incidents);
        Assert.Equal(AssociationIncidentKind.MalformedPdu, incident.Kind);
        Assert.StartsWith("127.0.0.1:", incident.PeerAddress);
        Assert.Equal("DSGTEST", incident.CallingAeTitle);
        Assert.Contains("malformed PDU", incident.Reason);
        await Task.Delay(300);
        Assert.False(incidents.Reader.TryRead(out _));
    }

    [Fact]
    public async Task A_malformed_pdu_instead_of_an_associate_request_is_one_incident_even_if_the_peer_never_closes()
    {
        var (options, incidents) = Acceptor();
        options = options with { ArtimTimeout = TimeSpan.FromMilliseconds(300) };
        await using var server = Loopback.StartServer(options);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", server.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(new byte[] { 0x09, 0, 0, 0, 0, 2, 0, 0 });
        Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
        Assert.Equal(AssociationIncidentKind.MalformedPdu, (await NextAsync(incidents)).Kind);
        // We keep the connection open: ARTIM (Sta13) closes it, which is no second incident.
        var one = new byte[1];
        using var closed = new CancellationTokenSource(Limit);
        Assert.Equal(0, await stream.ReadAsync(one, closed.Token));
        await Task.Delay(300);
        Assert.False(incidents.Reader.TryRead(out var extra), $"a second incident: {extra}");
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task A_silent_peer_dropped_at_the_idle_timeout_is_an_incident()
    {
        var (options, incidents) = Acceptor();
        options = options with { Transport = Loopback.FastTransport with { IdleTimeout = TimeSpan.FromMilliseconds(300) } };
        await using var server = Loopback.StartServer(options);
        var (_, stream) = await MalformedPduTests.AssociateAsync(server.Port);
        await using (stream)
        {
            Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
        }
        var incident = await NextAsync(incidents);
        Assert.Equal(AssociationIncidentKind.IdleTimeout, incident.Kind);
        Assert.Contains("idle timeout", incident.Reason);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task A_connection_that_sends_no_associate_request_before_artim_expires_is_an_incident()
    {
        var (options, incidents) = Acceptor();
        options = options with { ArtimTimeout = TimeSpan.FromMilliseconds(300) };
        await using var server = Loopback.StartServer(options);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", server.Port);
        var incident = await NextAsync(incidents);
        Assert.Equal(AssociationIncidentKind.ArtimExpired, incident.Kind);
        Assert.Null(incident.CallingAeTitle);
        Assert.Contains("ARTIM", incident.Reason);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21")]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task A_request_over_capacity_is_an_incident_and_through_the_limiter_a_security_alert()
    {
        var sink = new SecurityAlertLimiterTests.ListSink();
        var trail = new AuditTrail(sink, new AuditEvents(new AuditIdentity("DSGSCP")));
        var limiter = new SecurityAlertLimiter(trail);
        var (options, incidents) = Acceptor(maxAssociations: 1);
        options = options with { Incident = i => { incidents.Writer.TryWrite(i); limiter.Incident(i); } };
        await using (var server = Loopback.StartServer(options))
        {
            var (_, held) = await MalformedPduTests.AssociateAsync(server.Port);
            await using (held)
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync("127.0.0.1", server.Port);
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                await stream.WriteAsync(RawPdu.Encode(AssociateRequestBuilder.Build(Loopback.Requestor(server.Port))));
                var rj = Assert.IsType<AAssociateRj>(await RawPdu.ReadAsync(stream));
                Assert.Equal(AssociateRejectReason.LocalLimitExceeded.ToWire(), rj.Reason);
            }
        }
        var incident = await NextAsync(incidents);
        Assert.Equal(AssociationIncidentKind.CapacityExceeded, incident.Kind);
        Assert.Contains("local-limit-exceeded", incident.Reason);
        limiter.Dispose();
        await trail.DisposeAsync();
        var alert = Assert.Single(sink.Messages);
        Assert.Empty(AuditSchema.Errors(alert.ToXml()));
        Assert.Equal(("110113", "110126", "4"), (alert.Kind.Id.Code, alert.TypeCode!.Code, alert.Outcome));
        Assert.Equal("127.0.0.1", alert.Objects[0].Id);
        Assert.Contains("DSGTEST from 127.0.0.1:", alert.OutcomeDescription);
    }
}
