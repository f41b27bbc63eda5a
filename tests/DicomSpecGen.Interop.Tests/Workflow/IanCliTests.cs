using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Workflow;

/// <summary>dsg scp --ian AE notifying a dsg scp --ian-scp after storescu stored a study.</summary>
public class IanCliTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    [SpecRow("PS3.4 Table R.3.2-1, Study Instance UID")]
    public async Task Dsg_scp_ian_notifies_dsg_scp_ian_scp_after_the_quiet_period()
    {
        using var dir = new TempDir("dsg-ian-cli-");
        await using var ris = await DsgScpProcess.StartAsync("-od", Path.Combine(dir.Path, "ris"), "-aet", "RIS", "--ian-scp");
        await using var archive = await DsgScpProcess.StartAsync("-od", Path.Combine(dir.Path, "archive"), "-aet", "CLISCP",
            "--ian", "RIS", "-md", $"RIS=127.0.0.1:{ris.Port}", "--ian-quiet", "0.5");
        var files = await DcmtkFiles.CreateAsync(dir.Path, 2, "IANCLI");
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "CLISCP", "127.0.0.1", archive.Port.ToString(), files[0].Path, files[1].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        var until = DateTime.UtcNow + Limit;
        while (!ris.Output.Contains("IAN ") && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.Contains($"from CLISCP: study {files[0].StudyUid}, 2 instance(s) in 1 series, ONLINE at CLISCP", ris.Output);
        while (!archive.Output.Contains("to RIS:") && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.Contains($"for study {files[0].StudyUid} (2 instance(s)) to RIS: {DimseStatus.Describe(DimseService.InstanceAvailabilityNotification, DimseStatus.Success)} after 1 try(ies)", archive.Output);
    }

    [Fact]
    public async Task Dsg_scp_ian_with_an_unknown_ae_is_bad_input()
    {
        var run = await Dsg.RunAsync(Limit, "scp", "0", "--ian", "NOPE", "--conformance");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("--ian AE 'NOPE' is not a known AE", run.Output);
    }
}
