using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Reliability;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Pcap;

/// <summary>`--pcap FILE`: the conversation as Wireshark sees it. tshark's DICOM dissector must decode the same PDUs,
/// in the same order and direction, as `--trace` printed.</summary>
public class PcapInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    [SpecRow("PS3.8 Table 9-11, PDU-type")]
    public async Task Echo_to_storescp_pcap_decodes_as_the_traced_pdus()
    {
        var port = Dcmtk.FreePort();
        var pcap = Path.Combine(DcmtkFiles.TempDir("dsg-pcap-"), "echo.pcap");
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", DcmtkFiles.TempDir(), port.ToString());
        var echo = await Dsg.RunAsync(Limit, "echo", "-aec", "STORESCP", "127.0.0.1", port.ToString(), "--trace", "--pcap", pcap);
        Assert.True(echo.ExitCode == 0, echo.Output);

        var traced = Tshark.TracedPdus(echo.Output);
        Assert.Equal([">> 0x01", "<< 0x02", ">> 0x04", "<< 0x04", ">> 0x05", "<< 0x06"], traced);
        Assert.Equal(traced, await Tshark.PdusAsync(pcap, port));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [SpecRow("PS3.8 Table 9-22, PDU-type")]
    public async Task Dsg_scp_pcap_of_a_storescu_association_decodes_as_the_traced_pdus(bool tls)
    {
        var dir = DcmtkFiles.TempDir("dsg-pcap-");
        var pcap = Path.Combine(dir, "scp.pcap");
        // 300 kB of pixels: P-DATA-TF PDUs longer than one read, reassembled by Wireshark from several segments.
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, pixelWords: 150_000);
        var certs = tls ? TestCertificates.Create() : null;
        string[] tlsScp = certs == null ? [] : ["--tls", "--tls-cert", certs.Path("server.crt"), "--tls-key", certs.Path("server.key")];
        string[] tlsScu = certs == null ? [] : ["+tla", "+cf", certs.Path("ca.crt")];
        await using var scp = await DsgScpProcess.StartAsync(["-od", Path.Combine(dir, "archive"), "-aet", "DSGSCP", "--trace", "--pcap", pcap, .. tlsScp]);

        var store = await Dcmtk.RunAsync("storescu", Limit, [.. tlsScu, "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path]);
        Assert.True(store.ExitCode == 0, store.Output);

        // The SCP traces and writes the capture as the association ends; wait (bounded) until both are complete.
        List<string> traced = [];
        List<string> captured = [];
        for (var i = 0; i < 100; i++)
        {
            traced = Tshark.TracedPdus(scp.Output);
            if (traced.Count > 0 && traced[^1] == ">> 0x06")
            {
                captured = await Tshark.PdusAsync(pcap, scp.Port, weListen: true);
                if (captured.SequenceEqual(traced)) break;
            }
            await Task.Delay(100);
        }
        Assert.Equal("<< 0x01", traced[0]);
        Assert.Equal(">> 0x02", traced[1]);
        Assert.True(traced.Count(p => p == "<< 0x04") >= 3, string.Join(", ", traced));
        Assert.Equal(traced, captured);
    }
}
