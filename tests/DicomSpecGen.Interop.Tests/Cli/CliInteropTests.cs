using System.Diagnostics;
using System.Net.Sockets;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>The dsg command line against DCMTK peers, and DCMTK against dsg scp; exit codes as documented.</summary>
public class CliInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Echo_against_storescp_succeeds_and_traces_pdus_with_spec_rows()
    {
        var port = Dcmtk.FreePort();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", DcmtkFiles.TempDir(), port.ToString());
        var echo = await Dsg.RunAsync(Limit, "echo", "-aet", "DSGCLI", "-aec", "STORESCP", "127.0.0.1", port.ToString(), "--trace", "--engine", "Interpreted");
        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.Contains("C-ECHO succeeded", echo.Output);
        Assert.Contains(">> A-ASSOCIATE-RQ PDU", echo.Output);
        Assert.Contains("<< A-ASSOCIATE-AC PDU", echo.Output);
        Assert.Contains("PS3.8 Table 9-11", echo.Output);
        Assert.Contains("<< A-RELEASE-RP PDU", echo.Output);
    }

    [Fact]
    public async Task Store_folder_to_storescp_reports_every_file_and_fails_on_a_bad_one()
    {
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", received, port.ToString());
        var input = DcmtkFiles.TempDir();
        var sub = Directory.CreateDirectory(Path.Combine(input, "nested")).FullName;
        var files = (await DcmtkFiles.CreateAsync(input, 2)).Concat(await DcmtkFiles.CreateAsync(sub, 2, "DCMTK2")).ToList();

        var ok = await Dsg.RunAsync(Limit, "store", "-aec", "STORESCP", "127.0.0.1", port.ToString(), input);
        Assert.True(ok.ExitCode == 0, ok.Output);
        Assert.Contains("stored 4 of 4 files", ok.Output);
        Assert.Contains("MB/s", ok.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));

        await File.WriteAllTextAsync(Path.Combine(input, "notes.txt"), "not DICOM");
        var bad = await Dsg.RunAsync(Limit, "store", "-aec", "STORESCP", "127.0.0.1", port.ToString(), input);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("FAILED", bad.Output);
        Assert.Contains("notes.txt", bad.Output);
        Assert.Contains("stored 4 of 5 files", bad.Output);
    }

    [Fact]
    public async Task Nothing_listening_exits_3_and_rejection_exits_2()
    {
        var echo = await Dsg.RunAsync(Limit, "echo", "-to", "5", "127.0.0.1", Dcmtk.FreePort().ToString());
        Assert.Equal(3, echo.ExitCode);
        await using var scp = OurArchive.Start();
        var rejected = await Dsg.RunAsync(Limit, "echo", "-aec", "NOTTHEM", "127.0.0.1", scp.Port.ToString());
        Assert.Equal(2, rejected.ExitCode);
        Assert.Contains("called-AE-title-not-recognized", rejected.Output);
    }

    private static async Task<int> WaitForPortAsync(Process process)
    {
        // dsg scp prints "<AE> listening on port N, ..." once it listens.
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(line);
        var words = line!.Split(' ');
        return int.Parse(words[Array.IndexOf(words, "port") + 1].TrimEnd(','));
    }

    [Fact]
    public async Task Dcmtk_scus_against_dsg_scp_store_find_and_move()
    {
        var storePort = Dcmtk.FreePort();
        var moved = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", storePort, "-aet", "STORESCP", "-od", moved, storePort.ToString());
        var archive = DcmtkFiles.TempDir("dsg-cli-archive-");
        using var scp = Dsg.Start("scp", "0", "-od", archive, "-aet", "CLISCP", "--allow", "DCMTKSCU", "--move-destination", $"STORESCP=127.0.0.1:{storePort}");
        try
        {
            var port = (await WaitForPortAsync(scp)).ToString();
            var input = DcmtkFiles.TempDir();
            var files = await DcmtkFiles.CreateAsync(input, 3);
            var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "CLISCP", "+sd", "127.0.0.1", port, input);
            Assert.True(store.ExitCode == 0, store.Output);
            Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(archive));

            var find = await Dsg.RunAsync(Limit, "find", "-aet", "DCMTKSCU", "-aec", "CLISCP", "-k", "PatientID=DCMTK1", "-k", "StudyInstanceUID", "127.0.0.1", port);
            Assert.True(find.ExitCode == 0, find.Output);
            Assert.Contains($"StudyInstanceUID={files[0].StudyUid}", find.Output);
            Assert.Contains("1 match(es)", find.Output);

            var move = await Dcmtk.RunAsync("movescu", Limit, "-S", "-aet", "DCMTKSCU", "-aec", "CLISCP", "-aem", "STORESCP",
                "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", port);
            Assert.True(move.ExitCode == 0, move.Output);
            Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(moved));

            var stranger = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "STRANGER", "-aec", "CLISCP", "127.0.0.1", port);
            Assert.Contains("Calling AE Title Not Recognized", stranger.Output);
        }
        finally
        {
            scp.Kill(entireProcessTree: true);
            await scp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task Dsg_get_retrieves_a_study_over_one_association()
    {
        await using var scp = OurArchive.Start();
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path, files[1].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        var output = DcmtkFiles.TempDir();
        var get = await Dsg.RunAsync(Limit, "get", "-aec", "DSGSCP", "-od", output, "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", scp.Port.ToString());
        Assert.True(get.ExitCode == 0, get.Output);
        Assert.Contains("completed 2", get.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(output));
    }

    [Fact]
    public async Task Demo_runs_end_to_end()
    {
        var demo = await Dsg.RunAsync(Limit, "demo", "-n", "6");
        Assert.True(demo.ExitCode == 0, demo.Output);
        Assert.Contains("C-STORE: 6 of 6", demo.Output);
        Assert.Contains("C-FIND: 2 study(ies)", demo.Output);
        Assert.Contains("6 files in the destination archive", demo.Output);
    }

    /// <summary>dsg demo's step 5: the modality's worklist item, its MPPS from IN PROGRESS to COMPLETED, the study stored
    /// and committed with the report on the same association, each step succeeding against the demo's SCP.</summary>
    [Fact]
    [SpecRow("PS3.4 F.7.2.1.3, N-CREATE IN PROGRESS")]
    [SpecRow("PS3.4 F.7.2.2.2, IN PROGRESS to COMPLETED")]
    [SpecRow("PS3.4 Table J.3-2, Storage Commitment Request Successful")]
    public async Task Demo_runs_a_modalitys_day()
    {
        var demo = await Dsg.RunAsync(Limit, "demo", "-n", "2");
        Assert.True(demo.ExitCode == 0, demo.Output);
        Assert.Contains("5. a modality's day", demo.Output);
        Assert.Contains("worklist C-FIND: 1 item(s), 0x0000", demo.Output);
        Assert.Contains("PatientID=DEMO1", demo.Output);
        Assert.Matches(@"MPPS N-CREATE [0-9.]+ IN PROGRESS: 0x0000 Success", demo.Output);
        Assert.Contains("C-STORE: 3 of 3 instances of the scheduled study", demo.Output);
        Assert.Contains("report on the same association: 3 committed, 0 failed", demo.Output);
        Assert.Equal(3, demo.Output.Split('\n').Count(l => l.TrimStart().StartsWith("committed ", StringComparison.Ordinal)));
        Assert.Matches(@"MPPS N-SET [0-9.]+ COMPLETED: 0x0000 Success", demo.Output);
        Assert.Contains("demo succeeded", demo.Output);
    }

    [Fact]
    public async Task Explain_names_each_context_result_with_its_rule()
    {
        var explain = await Dsg.RunAsync(Limit, "explain", "--local", "--sop", "CTImageStorage", "1.2.3.4", "--ts", "ExplicitVRBigEndian");
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("context #1 CT Image Storage: transfer-syntaxes-not-supported", explain.Output);
        Assert.Contains("PS3.8 Table 9-18, result 4", explain.Output);
        Assert.Contains("context #3 1.2.3.4: abstract-syntax-not-supported", explain.Output);
    }

    [Fact]
    public async Task Move_from_dcmqrscp_into_dsgs_own_storage_scp()
    {
        var qrPort = Dcmtk.FreePort();
        var ourPort = Dcmtk.FreePort();
        await using var qr = await OurScuToDcmtkTests.StartQrScpAsync(qrPort, ("DSGCLI", ourPort));
        var input = DcmtkFiles.TempDir();
        var files = await DcmtkFiles.CreateAsync(input, 3);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "QRSCP", "+sd", "127.0.0.1", qrPort.ToString(), input);
        Assert.True(store.ExitCode == 0, store.Output);
        var output = DcmtkFiles.TempDir();
        var move = await Dsg.RunAsync(Limit, "move", "-aet", "DSGCLI", "-aec", "QRSCP", "--port", ourPort.ToString(), "-od", output,
            "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", qrPort.ToString());
        Assert.True(move.ExitCode == 0, move.Output);
        Assert.Contains("completed 3", move.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(output));
    }
}
