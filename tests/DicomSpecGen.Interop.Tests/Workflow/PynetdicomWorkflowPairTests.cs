using System.Text.Json;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Workflow;

/// <summary>The pynetdicom workflow scripts (Pynetdicom/scripts/pyn_mwl_scp.py, pyn_mpps_*.py, pyn_stgcmt_*.py)
/// proven against each other and against findscu, so the workflow services can be tested against them.</summary>
public class PynetdicomWorkflowPairTests
{
    private static async Task<PeerServer> StartScpAsync(string script, int port, params string[] args)
    {
        await Peers.Pynetdicom.RequireAsync();
        return await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript(script), ["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args]),
            port, TimeSpan.FromSeconds(30));
    }

    private static List<JsonElement> JsonLines(string stdout)
        => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    [SpecRow("PS3.4 F.7.2.2.3")]
    [SpecRow("PS3.4 Table F.7.2-2")]
    public async Task Mpps_scu_creates_completes_and_is_refused_a_second_set()
    {
        var port = Dcmtk.FreePort();
        await using var scp = await StartScpAsync("pyn_mpps_scp.py", port);
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(TimeSpan.FromSeconds(60), Peers.Pynetdicom.OwnScript("pyn_mpps_scu.py"),
            "--port", Port(port), "--set-status", "COMPLETED", "--set-status", "COMPLETED");
        Assert.True(code == 0, stdout + stderr);
        var lines = JsonLines(stdout);
        Assert.Equal(["n-create-rsp", "n-set-rsp", "n-set-rsp"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal([0, 0, 0x0110], lines.Select(l => l.GetProperty("status").GetInt32()));
        Assert.Equal("Performed Procedure Step Object may no longer be updated", lines[2].GetProperty("errorComment").GetString());
        Assert.Equal(0xA710, lines[2].GetProperty("errorId").GetInt32());
        // The SCP printed what it received: the N-CREATE data set carries the IN PROGRESS status.
        var received = JsonLines(await scp.StopAsync());
        var create = Assert.Single(received, l => l.GetProperty("kind").GetString() == "n-create");
        Assert.Equal("IN PROGRESS", create.GetProperty("dataset").GetProperty("00400252").GetProperty("Value")[0].GetString());
    }

    [Fact]
    [SpecRow("PS3.4 F.7.2.1.3")]
    public async Task Mpps_scp_refuses_a_create_not_in_progress()
    {
        var port = Dcmtk.FreePort();
        await using var scp = await StartScpAsync("pyn_mpps_scp.py", port);
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(TimeSpan.FromSeconds(60), Peers.Pynetdicom.OwnScript("pyn_mpps_scu.py"),
            "--port", Port(port), "--status", "COMPLETED");
        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(0x0106, Assert.Single(JsonLines(stdout)).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [SpecRow("PS3.4 Table J.3-2")]
    public async Task Storage_commitment_scu_gets_the_report_on_the_same_or_a_new_association(bool newAssociation)
    {
        var port = Dcmtk.FreePort();
        var listen = Dcmtk.FreePort();
        string[] scpArgs = newAssociation ? ["--fail", "1.2.3.5", "--report-port", Port(listen)] : ["--fail", "1.2.3.5"];
        await using var scp = await StartScpAsync("pyn_stgcmt_scp.py", port, scpArgs);
        string[] args = ["--port", Port(port), "--ref", "1.2.840.10008.5.1.4.1.1.2=1.2.3.4", "--ref", "1.2.840.10008.5.1.4.1.1.2=1.2.3.5"];
        if (newAssociation) args = [.. args, "--listen", Port(listen)];
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(TimeSpan.FromSeconds(60), Peers.Pynetdicom.OwnScript("pyn_stgcmt_scu.py"), args);
        Assert.True(code == 0, stdout + stderr);
        var lines = JsonLines(stdout);
        var action = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "n-action-rsp");
        Assert.Equal(0, action.GetProperty("status").GetInt32());
        var report = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "n-event-report");
        Assert.Equal(newAssociation ? "new" : "same", report.GetProperty("association").GetString());
        Assert.Equal(2, report.GetProperty("eventTypeId").GetInt32()); // one instance failed
        var dataset = report.GetProperty("dataset");
        Assert.Equal(action.GetProperty("transactionUid").GetString(), dataset.GetProperty("00081195").GetProperty("Value")[0].GetString());
        var failed = Assert.Single(dataset.GetProperty("00081198").GetProperty("Value").EnumerateArray());
        Assert.Equal("1.2.3.5", failed.GetProperty("00081155").GetProperty("Value")[0].GetString());
        Assert.Equal(0x0112, failed.GetProperty("00081197").GetProperty("Value")[0].GetInt32());
        Assert.Single(dataset.GetProperty("00081199").GetProperty("Value").EnumerateArray());
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1")]
    public async Task Findscu_W_against_the_pynetdicom_worklist_scp_returns_the_example_items()
    {
        using var dir = new TempDir("dsg-pwl-");
        await Worklists.WriteExamplesAsync(dir.Path);
        var port = Dcmtk.FreePort();
        await using var scp = await StartScpAsync("pyn_mwl_scp.py", port, "--folder", dir.Path);
        var all = await Worklists.FindScuAsync(port, "PYNMWL", "FINDSCU", "PatientName", "ScheduledProcedureStepSequence[0].Modality");
        Assert.True(all.ExitCode == 0, all.Output);
        Assert.Equal(Worklists.ExampleDumps().Count, Worklists.PatientNames(all.Output).Count);
        var ct = await Worklists.FindScuAsync(port, "PYNMWL", "FINDSCU", "PatientName", "ScheduledProcedureStepSequence[0].Modality=CT");
        Assert.Equal(4, Worklists.PatientNames(ct.Output).Count);
    }
}
