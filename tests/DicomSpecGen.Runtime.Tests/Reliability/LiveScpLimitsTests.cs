using System.Buffers.Binary;
using System.Collections.Concurrent;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Fuzz;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Limits of the live SCP: PDU lengths in both directions, command sets without end, stalled and
/// trickling peers (read/idle timeouts), ARTIM, and the association cap against stalled connections.</summary>
public class LiveScpLimitsTests
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(500);

    private static byte[] PDataHeader(uint length) => [0x04, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length];

    private static byte[] CommandFragment(int payload, bool last)
    {
        var pdu = new PDataTf
        {
            Values = [new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.Command | (last ? MessageControlHeader.LastFragment : 0), Fragment = new(new byte[payload]) }],
        };
        return PduFuzzTarget.Encode(pdu);
    }

    [Fact]
    public async Task A_pdata_one_byte_over_our_maximum_is_aborted_from_its_header()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { MaxPDataPduLength = 16384 });
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        await peer.SendAsync(PDataHeader(16385));
        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(AbortReason.InvalidPduParameterValue, abort.Reason);
        await peer.WaitClosedAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_scu_fills_pdus_to_exactly_the_scp_maximum_and_never_beyond()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { MaxPDataPduLength = 16384 });
        var sent = new ConcurrentBag<int>();
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 100_000);
        var options = server.Requestor() with
        {
            Trace = (direction, pdu) => { if (direction == PduDirection.Sent && pdu is PDataTf) sent.Add(pdu.GetEncodedLength() - PduFraming.HeaderLength); },
        };
        await using var client = await DicomClient.ConnectAsync(options);
        Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(files[0].Path)).Status);
        await client.ReleaseAsync();
        Assert.True(sent.Count >= 6, $"{sent.Count} P-DATA PDUs");
        Assert.Equal(16384, sent.Max());
    }

    [Fact]
    public async Task The_scp_honours_the_maximum_the_scu_advertises()
    {
        var sentByScp = new ConcurrentBag<int>();
        await using var server = ReliabilityServer.Start(trace: (direction, pdu) =>
        {
            if (direction == PduDirection.Sent && pdu is PDataTf) sentByScp.Add(pdu.GetEncodedLength() - PduFraming.HeaderLength);
        });
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 2, pixelBytes: 40_000);
        await using (var store = await DicomClient.ConnectAsync(server.Requestor()))
        {
            foreach (var f in files) Assert.Equal(DimseStatus.Success, (await store.StoreFileAsync(f.Path)).Status);
            await store.ReleaseAsync();
        }
        sentByScp.Clear();

        // C-GET: the SCP sends the instances back as C-STORE sub-operations to an SCU that receives at most 4096.
        var received = TestFiles.TempDir();
        using var receivedArchive = global::DicomSpecGen.Archive.DicomArchive.Open(received, "DSGTEST");
        var handler = new DicomSpecGen.Services.Scp.DicomServiceProvider(new DicomSpecGen.Services.Scp.ServiceProviderOptions { Storage = receivedArchive });
        var options = server.Requestor() with { Transport = Loopback.FastTransport with { MaxPDataPduLength = 4096 } };
        await using var client = await DicomClient.ConnectAsync(options, handler);
        var query = new DicomSpecGen.Data.DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY").SetString(DicomTags.StudyInstanceUID, DicomVr.UI, files[0].StudyUid);
        var final = await client.GetAsync(DicomUids.StudyRootQueryRetrieveInformationModelGet, query);
        Assert.Equal(DimseStatus.Success, final.Status);
        await client.ReleaseAsync();
        Assert.Equal(2, Directory.GetFiles(received, "*.dcm", SearchOption.AllDirectories).Length);
        Assert.True(sentByScp.Count >= 20, $"{sentByScp.Count} P-DATA PDUs from the SCP");
        Assert.Equal(4096, sentByScp.Max());
    }

    [Fact]
    public async Task A_command_set_that_never_ends_is_aborted_at_the_command_limit()
    {
        await using var server = ReliabilityServer.Start();
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        // 64 KiB is the reassembler's command-set cap: 5 fragments of 16000 bytes, none marked last, pass it.
        Protocol.Pdu? answer = null;
        for (var i = 0; i < 5 && answer == null; i++)
        {
            await peer.SendAsync(CommandFragment(16000, last: false));
            if (i == 4) answer = await peer.ReadPduAsync(TimeSpan.FromSeconds(5));
        }
        Assert.IsType<AAbort>(answer);
        await peer.WaitClosedAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_peer_that_sends_a_header_and_stalls_is_dropped_after_the_read_timeout()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { ReadTimeout = Short });
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        await peer.SendAsync([.. PDataHeader(100), 0, 0, 0]);
        var elapsed = await peer.WaitClosedAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_trickling_peer_does_not_extend_the_read_timeout()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { ReadTimeout = Short });
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        await peer.SendAsync(PDataHeader(100));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var closed = peer.WaitClosedAsync(TimeSpan.FromSeconds(10));
        // One byte every 100 ms would take 10 s to finish the PDU; the server drops it after 500 ms.
        for (var i = 0; i < 100 && !closed.IsCompleted; i++)
        {
            try { await peer.SendAsync([0]); } catch (IOException) { break; }
            await Task.Delay(100);
        }
        await closed;
        Assert.InRange(clock.Elapsed, Short - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Half_a_header_then_silence_is_dropped_after_the_idle_timeout()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { IdleTimeout = Short });
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        await peer.SendAsync([0x04, 0, 0]);
        var elapsed = await peer.WaitClosedAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_connection_that_never_requests_an_association_is_closed_by_artim()
    {
        // Idle timeout long: only ARTIM (PS3.8 9.1.5, started on the transport connection in Sta2) ends it.
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { IdleTimeout = TimeSpan.FromSeconds(60) }, artim: Short);
        await using var peer = await RawPeer.ConnectAsync(server.Port);
        var elapsed = await peer.WaitClosedAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(elapsed, Short - TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_peer_that_is_aborted_but_keeps_the_connection_open_is_closed_by_artim()
    {
        await using var server = ReliabilityServer.Start(artim: Short);
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        await peer.SendAsync([0x09, 0, 0, 0, 0, 0]);
        Assert.IsType<AAbort>(await peer.ReadPduAsync(TimeSpan.FromSeconds(5)));
        // Sta13: the server waits for our close or ARTIM, whichever first; we never close.
        var elapsed = await peer.WaitClosedAsync(TimeSpan.FromSeconds(10));
        Assert.True(elapsed < TimeSpan.FromSeconds(4), $"closed after {elapsed}");
    }

    [Fact]
    public async Task Stalled_connections_at_the_association_cap_are_freed_by_artim()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { IdleTimeout = TimeSpan.FromSeconds(60) }, maxAssociations: 2, artim: Short);
        await using var stall1 = await RawPeer.ConnectAsync(server.Port);
        await using var stall2 = await RawPeer.ConnectAsync(server.Port);
        await Task.Delay(100);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Exception? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            try
            {
                await using var client = await DicomClient.ConnectAsync(server.Requestor());
                Assert.Equal(0, await client.EchoAsync());
                await client.ReleaseAsync();
                return;
            }
            catch (AssociationRejectedException e)
            {
                Assert.Equal(AssociateRejectResult.RejectedTransient, e.Result);
                last = e;
                await Task.Delay(100);
            }
        }
        Assert.Fail("no association within 5 s: " + last);
    }
}
