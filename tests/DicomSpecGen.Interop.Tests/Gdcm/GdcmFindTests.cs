using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Gdcm;

/// <summary>GDCM's gdcmscu (3.0.21) against `dsg scp`: C-FIND, C-STORE and C-ECHO. gdcmscu reads one PDV per
/// P-DATA-TF PDU, so a response whose command and identifier share one PDU (legal, PS3.8 9.3.5) loses its identifier
/// and gdcmscu waits forever for the final response; dsg sends them in separate PDUs by default. GDCM has no SCP, so
/// only this direction is tested. gdcmscu runs with -D: its debug output is the only place it shows the responses.</summary>
public class GdcmFindTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan GdcmLimit = TimeSpan.FromSeconds(30);

    /// <summary>The C-FIND-RSP command sets gdcmscu received with the given status (each P-DATA-TF it read is printed
    /// after "PDU code: 4", its command set twice).</summary>
    private static int Responses(string output, string status)
        => output.Split("PDU code: 4").Skip(1).Count(pdu => pdu.Contains("(0000,0100) ?? (US) 32800", StringComparison.Ordinal)
            && pdu.Contains($"(0000,0900) ?? (US) {status} ", StringComparison.Ordinal));

    [Fact]
    [SpecRow("PS3.8 Table 9-22")]
    public async Task Gdcmscu_find_at_study_level_gets_every_match_and_the_final_response()
    {
        var archive = DcmtkFiles.TempDir("dsg-gdcm-archive-");
        await using var scp = await DsgScpProcess.StartAsync("-od", archive, "-aet", "CLISCP");
        // Three studies of one patient: three pending responses, then the final one.
        var input = DcmtkFiles.TempDir();
        var studies = new List<string>();
        // One folder per study: each call names its file ct001.dcm.
        for (var i = 0; i < 3; i++) studies.Add((await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(input, $"s{i}")).FullName, 1, "GDCMFIND"))[0].StudyUid);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "CLISCP", "+sd", "+r", "127.0.0.1", scp.Port.ToString(), input);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Equal(3, studies.Distinct().Count());

        var find = await Peers.Gdcm.RunAsync(GdcmLimit, "--find", "--studyroot", "--study", "--key", "10,20=GDCMFIND", "--key", "20,d=",
            "--aetitle", "GDCMSCU", "--call", "CLISCP", "127.0.0.1", scp.Port.ToString());
        Peers.Gdcm.AssertReleased(find);
        Assert.True(Responses(find.Output, "65280") == 3, $"{Responses(find.Output, "65280")} pending responses:\n" + Peers.Gdcm.Tail(find.Output));
        Assert.Equal(1, Responses(find.Output, "0"));
        Assert.Contains("C-Find was successful.", find.Output);
    }

    [Fact]
    public async Task Gdcmscu_store_and_echo_succeed()
    {
        var archive = DcmtkFiles.TempDir("dsg-gdcm-archive-");
        await using var scp = await DsgScpProcess.StartAsync("-od", archive, "-aet", "CLISCP");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, "GDCMSTORE", pixelWords: 20_000);

        var store = await Peers.Gdcm.RunAsync(GdcmLimit, "--store", "-i", files[0].Path, "--aetitle", "GDCMSCU", "--call", "CLISCP", "127.0.0.1", scp.Port.ToString());
        Peers.Gdcm.AssertReleased(store);
        Assert.Contains($"C-Store of file {files[0].Path} was successful.", store.Output);
        Assert.Equal([files[0].SopInstanceUid], await DcmtkFiles.SopInstanceUidsAsync(archive));

        var echo = await Peers.Gdcm.RunAsync(GdcmLimit, "--echo", "--aetitle", "GDCMSCU", "--call", "CLISCP", "127.0.0.1", scp.Port.ToString());
        Peers.Gdcm.AssertReleased(echo);
        // The C-ECHO-RSP (Command Field 8030H) with status Success, as gdcmscu printed it.
        var rsp = echo.Output.Split("PDU code: 4").Skip(1).FirstOrDefault(p => p.Contains("(0000,0100) ?? (US) 32816", StringComparison.Ordinal));
        Assert.True(rsp != null, Peers.Gdcm.Tail(echo.Output));
        Assert.Contains("(0000,0900) ?? (US) 0 ", rsp);
    }
}
