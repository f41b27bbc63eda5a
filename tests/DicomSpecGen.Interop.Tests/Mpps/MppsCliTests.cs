using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Mpps;

/// <summary>The dsg verbs end to end: dsg scp --mpps --commit-report, dsg mpps create/set/list, dsg commit; and
/// pynetdicom's MPPS SCU against dsg scp --mpps.</summary>
public class MppsCliTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    [SpecRow("PS3.4 Table F.7.2-2, 0110")]
    [SpecRow("PS3.4 Table J.3-2, Storage Commitment Request Successful")]
    public async Task Dsg_mpps_and_dsg_commit_against_dsg_scp()
    {
        using var dir = new TempDir("dsg-mpps-cli-");
        var archive = Path.Combine(dir.Path, "archive");
        await using var scp = await DsgScpProcess.StartAsync("-od", archive, "-aet", "CLISCP", "--mpps", "--commit-report", "same", "--commit-delay", "0.2");
        var port = scp.Port.ToString();
        var create = await Dsg.RunAsync(Limit, "mpps", "create", "127.0.0.1", port, "-aec", "CLISCP", "--uid", "1.2.826.0.1.3680043.9.7433.7.1", "-k", "PatientID=CLI1", "-k", "Modality=CT");
        Assert.True(create.ExitCode == 0, create.Output);
        var set = await Dsg.RunAsync(Limit, "mpps", "set", "127.0.0.1", port, "1.2.826.0.1.3680043.9.7433.7.1", "--status", "COMPLETED", "-aec", "CLISCP");
        Assert.True(set.ExitCode == 0, set.Output);
        var again = await Dsg.RunAsync(Limit, "mpps", "set", "127.0.0.1", port, "1.2.826.0.1.3680043.9.7433.7.1", "--status", "COMPLETED", "-aec", "CLISCP");
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("0x0110", again.Output);
        Assert.Contains("Performed Procedure Step Object may no longer be updated\" (Error ID A710)", again.Output);
        // pynetdicom's SCU against the same dsg scp.
        await Peers.Pynetdicom.RequireAsync();
        var pyn = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_mpps_scu.py"), "--port", port, "--called", "CLISCP");
        Assert.True(pyn.ExitCode == 0, pyn.Stdout + pyn.Stderr);
        Assert.Contains("\"status\": 0", pyn.Stdout);

        var list = await Dsg.RunAsync(Limit, "mpps", "list", "-od", archive);
        Assert.True(list.ExitCode == 0, list.Output);
        var rows = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("1.2.826.0.1.3680043.9.7433.7.1\tCOMPLETED\tCLI1", rows[0]);
        Assert.Contains("\tIN PROGRESS\tWF001", rows[1]);

        // Storage commitment of a stored instance and of a file never sent.
        var files = await DcmtkFiles.CreateAsync(dir.Path, 2, "CLICOMMIT");
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "CLISCP", "127.0.0.1", port, files[0].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        var one = await Dsg.RunAsync(Limit, "commit", "127.0.0.1", port, files[0].Path, "-aec", "CLISCP");
        Assert.True(one.ExitCode == 0, one.Output);
        Assert.Contains($"committed {files[0].SopInstanceUid}", one.Output);
        var both = await Dsg.RunAsync(Limit, "commit", "127.0.0.1", port, files[0].Path, files[1].Path, "-aec", "CLISCP");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains($"FAILED    {files[1].SopInstanceUid}", both.Output);
        Assert.Contains("0x0112", both.Output);
    }
}
