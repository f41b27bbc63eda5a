using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Gdcm;

/// <summary>GDCM's gdcmscu (3.0.21) against our archive SCP: C-ECHO, C-STORE and C-MOVE (to the storage SCP gdcmscu
/// runs itself on --port-scp). gdcmscu has no SCP mode of its own to test our SCU against, its --get is not
/// implemented (it returns 1 without connecting), and its --find is covered elsewhere.</summary>
public class GdcmScuToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const int CEchoRsp = 0x8030, CStoreRsp = 0x8001, CMoveRsp = 0x8021;

    [Fact]
    public async Task Echo_gets_success_and_a_normal_release()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Gdcm.RunAsync(Limit, "--echo", "--aetitle", "GDCMSCU", "--call", "DSGSCP", "127.0.0.1", scp.Port.ToString());
        Peers.Gdcm.AssertReleased(echo);
        var statuses = Peers.Gdcm.Statuses(echo.Output, CEchoRsp);
        Assert.True(statuses.Count > 0 && statuses.All(s => s == 0), Peers.Gdcm.Tail(echo.Output));
    }

    [Fact]
    public async Task Store_archives_the_files_with_the_data_set_dcmtk_reads_in_them()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await DcmtkFiles.CreateAsync(temp.Path, 2, "GDCM1", pixelWords: 20_000);
        var store = await Peers.Gdcm.RunAsync(Limit, "--store", "--aetitle", "GDCMSCU", "--call", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path, files[1].Path);
        Peers.Gdcm.AssertReleased(store);
        Assert.True(Peers.Gdcm.Statuses(store.Output, CStoreRsp).All(s => s == 0), Peers.Gdcm.Tail(store.Output));
        foreach (var f in files)
        {
            var stored = scp.StoredFiles().SingleOrDefault(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            Assert.True(stored != null, $"{f.SopInstanceUid} not archived: " + Peers.Gdcm.Tail(store.Output));
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", stored);
            Assert.Equal(a.Output, b.Output);
        }
    }

    /// <summary>gdcmscu reads its incoming sub-association again only after a C-MOVE response arrives on the main
    /// one, so it answers the sub-association's A-RELEASE-RQ only when a pending response follows the last C-STORE
    /// (as DCMTK's and pynetdicom's SCPs send). Without one it stalled until our sub-association timeout, and the
    /// C-MOVE then ended in 0110 although the instance had been delivered.</summary>
    [Theory]
    [SpecRow("PS3.4 Table C.4-2, FF00")]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Move_delivers_the_study_to_gdcmscus_own_storage_scp_with_a_success_status(int count)
    {
        var gdcmPort = Dcmtk.FreePort();
        await using var scp = OurArchive.Start(new Dictionary<string, KnownAe> { ["GDCMSCU"] = new("GDCMSCU", "127.0.0.1", gdcmPort) });
        using var temp = new TempDir();
        var source = Path.Combine(temp.Path, "source");
        Directory.CreateDirectory(source);
        var files = await DcmtkFiles.CreateAsync(source, count, "GDCM2");
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "+sd", "127.0.0.1", scp.Port.ToString(), source);
        Assert.True(store.ExitCode == 0, store.Output);

        var received = Path.Combine(temp.Path, "received");
        Directory.CreateDirectory(received); // gdcmscu asserts on a missing output folder
        // Bounded well below our 30 s sub-association timeout: a stall there fails here.
        var move = await Peers.Gdcm.RunAsync(TimeSpan.FromSeconds(20), "--move", "--port-scp", gdcmPort.ToString(), "-o", received,
            "--aetitle", "GDCMSCU", "--call", "DSGSCP", "--studyroot", "--study", "--key", "20,d=" + files[0].StudyUid, "127.0.0.1", scp.Port.ToString());
        Peers.Gdcm.AssertReleased(move);
        var statuses = Peers.Gdcm.Statuses(move.Output, CMoveRsp);
        Assert.True(statuses.Count > 0 && statuses[^1] == 0 && statuses.All(s => s is 0 or 0xFF00), "C-MOVE statuses " + string.Join(",", statuses) + ": " + Peers.Gdcm.Tail(move.Output));
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }
}
