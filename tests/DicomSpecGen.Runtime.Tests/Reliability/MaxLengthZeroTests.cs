using System.Collections.Concurrent;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Maximum Length Received 0 = "no limit" (PS3.8 Annex D.1) in both directions: when we announce it, any
/// P-DATA-TF length up to our own safety cap is taken, and one above the cap is refused from its header; when the peer
/// announces it, we send fragments of our own bounded size, never empty ones.</summary>
public class MaxLengthZeroTests
{
    private static byte[] PDataHeader(uint length) => [0x04, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length];

    [Fact]
    [SpecRow("PS3.8 Table D.1-1")]
    [SpecRow("PS3.8 Table 9-26")]
    public async Task Announcing_no_limit_a_pdata_over_our_cap_is_aborted_from_its_header()
    {
        const int cap = 1 << 20;
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { MaxPDataPduLength = 0, NoLimitPDataPduCap = cap });
        await using var peer = await RawPeer.AssociateAsync(server.Port);
        // Only the 6-byte header: the abort must come from it, before any body is waited for or buffered.
        await peer.SendAsync(PDataHeader(cap + 1));
        var abort = Assert.IsType<AAbort>(await peer.ReadPduAsync(TimeSpan.FromSeconds(5)));
        // The PDU is legal (we said "no limit"); we lack the room: reason-not-specified from the service provider.
        Assert.Equal(AbortSource.ServiceProvider, abort.Source);
        Assert.Equal(AbortReason.ReasonNotSpecified, abort.Reason);
        await peer.WaitClosedAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(server.Log.Entries, l => l.Contains("safety cap " + cap, StringComparison.Ordinal));
    }

    [Fact]
    [SpecRow("PS3.8 Table D.1-1")]
    public async Task Announcing_no_limit_a_pdata_far_above_the_default_maximum_is_accepted()
    {
        // Before the fix the acceptor announced 0 and then refused every P-DATA-TF as "exceeds 0".
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { MaxPDataPduLength = 0 });
        var sent = new ConcurrentBag<int>();
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 2_000_000);
        var options = server.Requestor() with
        {
            Trace = (direction, pdu) => { if (direction == PduDirection.Sent && pdu is PDataTf) sent.Add(pdu.GetEncodedLength() - PduFraming.HeaderLength); },
        };
        await using var client = await DicomClient.ConnectAsync(options);
        Assert.Equal(0u, client.Association.PeerMaxPduLength);
        Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(files[0].Path)).Status);
        await client.ReleaseAsync();
        Assert.True(sent.Max() > new TransportOptions().MaxPDataPduLength, $"largest P-DATA-TF sent: {sent.Max()}");
        var stored = Assert.Single(Directory.GetFiles(server.Folder, "*.dcm", SearchOption.AllDirectories));
        Assert.Equal(files[0].SopInstanceUid + ".dcm", Path.GetFileName(stored));
    }

    [Fact]
    [SpecRow("PS3.8 Table D.1-1")]
    public async Task A_peer_announcing_no_limit_gets_fragments_of_our_own_size_never_empty()
    {
        await using var server = ReliabilityServer.Start(Loopback.FastTransport with { MaxPDataPduLength = 0 });
        var fragments = new ConcurrentBag<int>();
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, pixelBytes: 3_000_000);
        var options = server.Requestor() with
        {
            Trace = (direction, pdu) =>
            {
                if (direction == PduDirection.Sent && pdu is PDataTf data)
                    foreach (var v in data.Values) fragments.Add((int)v.Fragment.Length);
            },
        };
        await using var client = await DicomClient.ConnectAsync(options);
        Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(files[0].Path)).Status);
        await client.ReleaseAsync();
        var own = new DimseFragmenterOptions().UnlimitedFragmentLength;
        Assert.All(fragments, f => Assert.InRange(f, 1, own));
        Assert.True(fragments.Count >= 3, $"{fragments.Count} fragments for a 3 MB data set");
    }

    [Fact]
    public void A_negative_maximum_length_is_refused_with_the_rule()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TransportOptions { MaxPDataPduLength = -5 });
        Assert.Contains("Table D.1-1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TransportOptions { NoLimitPDataPduCap = 0 });
    }
}
