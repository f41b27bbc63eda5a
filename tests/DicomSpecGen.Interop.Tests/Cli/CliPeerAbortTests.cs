using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>dsg find against pynetdicom's Q/R SCP (scripts/pyn_qr_scp.py --abort-after) that aborts mid-query.</summary>
public class CliPeerAbortTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Dsg_find_names_the_association_ending_before_the_final_response_and_invents_no_status()
    {
        using var dir = new TempDir("dsg-find-abort-");
        var folder = Directory.CreateDirectory(Path.Combine(dir.Path, "qr")).FullName;
        await DcmtkFiles.CreateAsync(folder, 3, "ABORT1");
        await Peers.Pynetdicom.RequireAsync();
        var port = Dcmtk.FreePort();
        await using var scp = await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_qr_scp.py"),
            [port.ToString(), "--aet", "PYNQR", "--folder", folder, "--abort-after", "1", "--max-seconds", "120"]), port, TimeSpan.FromSeconds(30));

        var find = await Dsg.RunAsync(Limit, "find", "-aec", "PYNQR", "-L", "IMAGE", "-k", "PatientID=ABORT1", "-k", "SOPInstanceUID", "127.0.0.1", port.ToString());

        Assert.True(find.ExitCode == 3, find.Output); // ExitCodes.NetworkError: the peer aborted
        Assert.Contains("#1 ", find.Output);
        Assert.Contains("E: the association ended before the response arrived", find.Output);
        Assert.DoesNotContain("final status", find.Output);
        Assert.DoesNotContain("0xFFFF", find.Output);
    }
}
