using System.Diagnostics;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Samples;

/// <summary>The programs under samples/ (built by this project's references) run against real peers: DCMTK storescp,
/// echoscu, storescu and wlmscpfs, and dsg scp.</summary>
public sealed class SampleTests
{
    /// <summary>samples/NAME/bin/&lt;this configuration&gt;/net10.0/NAME.dll</summary>
    private static string SampleDll(string name)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepoFolders.Root, "samples", name, "bin", configuration, "net10.0", name + ".dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"sample {name} is not built: {path}");
    }

    private static ProcessStartInfo Sample(string name, params string[] args) => PeerProcess.StartInfo("dotnet", [SampleDll(name), .. args]);

    private static async Task<PeerServer> StartStorescpAsync(string folder)
    {
        var port = Dcmtk.FreePort();
        return await PeerServer.StartAsync(PeerProcess.StartInfo(Dcmtk.Find("storescp"), ["-aet", "STORESCP", "-od", folder, port.ToString()]), port, TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData("storescp")]
    [InlineData("dsg")]
    [SpecRow("PS3.8 Table 9-18")]
    public async Task Negotiation_sample_finds_the_accepted_context_and_explains_the_refused_jpeg2000_one(string peer)
    {
        using var dir = new TempDir("dsg-sample-neg-");
        await using var storescp = peer == "storescp" ? await StartStorescpAsync(dir.Path) : null;
        await using var dsg = peer == "dsg" ? await DsgScpProcess.StartAsync("--bind", "127.0.0.1", "-od", dir.Path) : null;
        var port = storescp?.Port ?? dsg!.Port;

        var run = await PeerProcess.RunAsync(Sample("Negotiation", "127.0.0.1", port.ToString()), TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("#1 Verification SOP Class: accepted with Explicit VR Little Endian", run.Stdout);
        Assert.Contains("#3 Verification SOP Class: transfer-syntaxes-not-supported (provider rejection)", run.Stdout);
        Assert.Contains("Verification goes on context #1 in Explicit VR Little Endian", run.Stdout);
        Assert.Contains("C-ECHO status 0x0000", run.Stdout);
        Assert.Contains("refused: no accepted presentation context for Verification SOP Class with JPEG 2000 Image Compression (Lossless Only): " +
            "context #1 was accepted with Explicit VR Little Endian instead; context #3: the peer answered transfer-syntaxes-not-supported (provider rejection) (PS3.8 Table 9-18", run.Stdout);
    }

    [Fact]
    public async Task StoreScu_sample_stores_a_folder_into_dcmtk_storescp()
    {
        using var received = new TempDir("dsg-sample-rcv-");
        await using var storescp = await StartStorescpAsync(received.Path);
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 3, syntaxFlag: "+te");
        var folder = Path.GetDirectoryName(files[0].Path)!;
        foreach (var dump in Directory.GetFiles(folder, "*.dump")) File.Delete(dump);

        var run = await PeerProcess.RunAsync(Sample("StoreScu", "127.0.0.1", storescp.Port.ToString(), "STORESCP", folder), TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("stored 3 of 3", run.Stdout);
        var stored = await PeerProcess.WaitForFilesAsync(received.Path, 3, TimeSpan.FromSeconds(20));
        foreach (var f in files)
            Assert.Contains(stored, s => Path.GetFileName(s).Contains(f.SopInstanceUid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostedStorageScp_sample_answers_echoscu_stores_from_storescu_with_its_handler_and_stops_on_sigterm()
    {
        using var output = new TempDir("dsg-sample-hosted-");
        await using var scp = await DsgScpProcess.StartAsync(Process.Start(Sample("HostedStorageScp", "--Dicom:Port=0", "--Sample:OutputFolder=" + output.Path))!);
        var port = scp.Port.ToString();
        var echo = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aec", "HOSTEDSCP", "127.0.0.1", port);
        Assert.True(echo.ExitCode == 0, echo.Output + scp.Output);

        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2);
        var store = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), ["-aec", "HOSTEDSCP", "127.0.0.1", port, .. files.Select(f => f.Path)]);
        Assert.True(store.ExitCode == 0, store.Output + scp.Output);
        foreach (var f in files)
        {
            // The handler's file, read back by DCMTK: the instance it was sent.
            var path = Path.Combine(output.Path, f.SopInstanceUid + ".dcm");
            Assert.True(File.Exists(path), "no " + path + ": " + scp.Output);
            var dump = await Dcmtk.RunAsync("dcmdump", TimeSpan.FromSeconds(30), "+P", "SOPInstanceUID", "+P", "PatientID", path);
            Assert.Contains(f.SopInstanceUid, dump.Output);
            Assert.Contains(f.PatientId, dump.Output);
        }

        var kill = await PeerProcess.RunAsync("kill", TimeSpan.FromSeconds(10), "-TERM", scp.ProcessId.ToString());
        Assert.Equal(0, kill.ExitCode);
        Assert.Equal(0, await scp.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("stopped", scp.Output);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1")]
    public async Task WorklistQuery_sample_gets_the_same_items_from_wlmscpfs_as_findscu()
    {
        var (server, dir) = await Worklists.StartWlmscpfsAsync("WLSCP");
        using var _ = dir;
        await using var __ = server;
        var run = await PeerProcess.RunAsync(Sample("WorklistQuery", "127.0.0.1", server.Port.ToString(), "WLSCP", "CT"), TimeSpan.FromSeconds(60));
        Assert.True(run.ExitCode == 0, run.ToString());

        var findscu = await Worklists.FindScuAsync(server.Port, "WLSCP", "FINDSCU", "PatientName", "PatientID", "ScheduledProcedureStepSequence[0].Modality=CT");
        Assert.True(findscu.ExitCode == 0, findscu.Output);
        var expected = Worklists.PatientNames(findscu.Output).Order().ToList();
        Assert.NotEmpty(expected);
        var lines = run.Stdout.Split('\n').Where(l => l.Contains(" | ", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected, lines.Select(l => l.Split(" | ")[0].Trim()).Order().ToList());
        Assert.All(lines, l => Assert.Equal("CT", l.Split(" | ")[2].Trim()));
        Assert.Contains($"{expected.Count} item(s); final status 0x0000", run.Stdout);
    }
}
