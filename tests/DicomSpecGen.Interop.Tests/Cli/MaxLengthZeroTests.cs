using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>`-pdu 0` announces Maximum Length Received 0, "no limit" (PS3.8 Annex D.1, Table D.1-1): dsg then takes
/// P-DATA-TF PDUs of any length up to its own safety cap, against pynetdicom and DCMTK, as SCU and as SCP; a peer that
/// announces 0 gets fragments of our own size; a bad -pdu value is exit 4 naming the option and the range.</summary>
public class MaxLengthZeroTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static async Task<PeerServer> StartPynetdicomStorescpAsync(int port, params string[] args)
    {
        await Peers.Pynetdicom.RequireAsync();
        return await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_storescp.py"), [port.ToString(), "--aet", "PYNSCP", .. args, "--max-seconds", "180"]),
            port, TimeSpan.FromSeconds(30));
    }

    /// <summary>The largest P-DATA-TF dsg --trace shows as received ("&lt;&lt; P-DATA-TF PDU (N bytes)").</summary>
    private static int LargestReceivedPData(string trace)
        => Regex.Matches(trace, @"<< P-DATA-TF PDU \((\d+) bytes\)").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();

    [Fact]
    [SpecRow("PS3.8 Table D.1-1")]
    public async Task Dsg_echo_announcing_no_limit_succeeds_against_pynetdicom_storescp()
    {
        var port = Dcmtk.FreePort();
        await using var scp = await StartPynetdicomStorescpAsync(port);
        var echo = await Dsg.RunAsync(Limit, "echo", "-pdu", "0", "-aec", "PYNSCP", "127.0.0.1", port.ToString());
        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.Contains("C-ECHO succeeded", echo.Output);
    }

    [Fact]
    [SpecRow("PS3.8 Table D.1-1")]
    public async Task Dsg_store_to_pynetdicom_announcing_no_limit_sends_our_own_fragment_size()
    {
        // Both sides announce 0: pynetdicom's storescp sets no limit for what it receives, so our fragmenter uses its own size.
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, "PYNZERO", pixelWords: 700_000);
        await using (var scp = await StartPynetdicomStorescpAsync(port, "--out", received, "--max-pdu", "0"))
        {
            var store = await Dsg.RunAsync(Limit, "store", "-pdu", "0", "-aec", "PYNSCP", "127.0.0.1", port.ToString(), files[0].Path, "--trace");
            Assert.True(store.ExitCode == 0, Tail(store.Output));
            Assert.Contains("stored 1 of 1 files", store.Output);
            var sent = Regex.Matches(store.Output, @">> P-DATA-TF PDU \((\d+) bytes\)").Select(m => int.Parse(m.Groups[1].Value)).ToList();
            Assert.True(sent.Count >= 3 && sent.All(n => n > 12 && n <= (1 << 20) + 12), string.Join(", ", sent));
        }
        Assert.Equal([files[0].SopInstanceUid], await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    [Fact]
    [SpecRow("PS3.8 Table D.1-1")]
    public async Task Dcmtk_and_pynetdicom_scus_against_dsg_scp_announcing_no_limit()
    {
        var archive = DcmtkFiles.TempDir("dsg-zero-archive-");
        await using var scp = await DsgScpProcess.StartAsync("-pdu", "0", "-od", archive, "-aet", "CLISCP", "--trace");
        var port = scp.Port.ToString();

        var echo = await Dcmtk.RunAsync("echoscu", Limit, "-aec", "CLISCP", "127.0.0.1", port);
        Assert.True(echo.ExitCode == 0, echo.Output + Tail(scp.Output));

        // 1.4 MB of pixel data, more than dsg's default maximum PDU (256 KiB): storescu sends the PDU size of its own
        // choosing (--max-send-pdu), pynetdicom the whole data set in one PDU since we set no limit.
        var big = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, "ZEROBIG", pixelWords: 700_000);
        var store = await Dcmtk.RunAsync("storescu", Limit, "--max-send-pdu", "131072", "-aec", "CLISCP", "127.0.0.1", port, big[0].Path);
        Assert.True(store.ExitCode == 0, store.Output + Tail(scp.Output));

        var other = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, "ZEROPYN", pixelWords: 700_000);
        var pyn = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_storescu.py"), "127.0.0.1", port, other[0].Path, "--aec", "CLISCP", "--max-pdu", "0");
        Assert.True(pyn.ExitCode == 0, pyn.Stdout + pyn.Stderr + Tail(scp.Output));
        Assert.True(LargestReceivedPData(scp.Output) > 1_000_000, $"largest P-DATA-TF received: {LargestReceivedPData(scp.Output)}");

        Assert.Equal(new[] { big[0].SopInstanceUid, other[0].SopInstanceUid }.Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(archive));
    }

    [Theory]
    [SpecRow("PS3.8 Table D.1-1")]
    [InlineData("echo", "-5")]
    [InlineData("echo", "abc")]
    [InlineData("echo", "100")]
    [InlineData("scp", "-5")]
    [InlineData("scp", "abc")]
    public async Task A_bad_max_pdu_is_exit_4_naming_the_option_and_the_range(string verb, string value)
    {
        string[] args = verb == "echo" ? ["echo", "-pdu", value, "127.0.0.1", Dcmtk.FreePort().ToString()] : ["scp", "0", "-pdu", value, "-od", DcmtkFiles.TempDir()];
        var result = await Dsg.RunAsync(Limit, args);
        Assert.True(result.ExitCode == 4, $"exit {result.ExitCode}: {result.Output}");
        Assert.Contains($"--max-pdu (-pdu) '{value}'", result.Output);
        Assert.Contains("0 (no limit) or 4096 to 2147483647", result.Output);
        Assert.Contains("Table D.1-1", result.Output);
    }

    private static string Tail(string output) => output.Length > 3000 ? output[^3000..] : output;
}
