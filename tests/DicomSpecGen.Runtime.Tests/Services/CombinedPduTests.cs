using System.Collections.Concurrent;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>A small message goes out as two P-DATA-TF PDUs (command, data set) by default, as DCMTK and pynetdicom send
/// it and as GDCM needs it; with <see cref="TransportOptions.CombineCommandAndDataPdvs"/> as one PDU with two PDVs. The
/// archive stores it intact either way.</summary>
public class CombinedPduTests
{
    [Theory]
    [InlineData(0u, true, 1)]        // no limit: command and data set in one PDU
    [InlineData(16384u, true, 1)]    // the test file (~1 KB) fits 16 KiB
    [InlineData(512u, true, 0)]      // too small for both: fragmented as before
    [InlineData(0u, false, 0)]       // the default: one PDV per PDU
    [InlineData(16384u, false, 0)]
    public async Task A_small_store_is_one_pdu_with_command_and_data_pdvs_only_when_asked_and_it_fits(uint peerMax, bool combine, int expectedCombined)
    {
        await using var server = ArchiveServer.Start();
        var file = (await TestFiles.CreateAsync(TestFiles.TempDir(), 1))[0];
        var sent = new ConcurrentQueue<(int Pdvs, bool FirstIsCommand, bool AllLast)>();
        var options = Loopback.Requestor(server.Port, new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian])) with
        {
            Transport = Loopback.FastTransport with { CombineCommandAndDataPdvs = combine },
            Trace = (direction, pdu) =>
            {
                if (direction != PduDirection.Sent || pdu is not PDataTf data) return;
                var values = data.Values.ToList();
                sent.Enqueue((values.Count, (values[0].MessageControlHeader & MessageControlHeader.Command) != 0,
                    values.All(v => (v.MessageControlHeader & MessageControlHeader.LastFragment) != 0)));
            },
        };
        await using var client = await DicomClient.ConnectAsync(options);
        // What the acceptor told us limits the PDU; pretend it said peerMax to check both branches.
        client.Association.PeerMaxPduLength = peerMax;
        Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(file.Path)).Status);
        await client.ReleaseAsync();
        Assert.Equal(expectedCombined, sent.Count(s => s is (2, true, true)));
        if (expectedCombined == 0) Assert.All(sent, s => Assert.Equal(1, s.Pdvs));
        // Separate PDUs: the command PDU, then the data PDU, each one whole last fragment.
        if (!combine) Assert.Equal([(1, true, true), (1, false, true)], sent.Take(2));
        var stored = Assert.Single(Directory.GetFiles(server.Folder, "*.dcm", SearchOption.AllDirectories));
        Assert.Equal(file.SopInstanceUid + ".dcm", Path.GetFileName(stored));
    }
}
