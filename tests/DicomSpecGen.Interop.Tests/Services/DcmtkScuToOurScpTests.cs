using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>DCMTK's SCUs (echoscu, storescu, findscu, movescu, getscu) against our archive SCP.</summary>
public class DcmtkScuToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<List<DcmtkFiles.Instance>> StoreWithStorescuAsync(OurArchive scp, int count = 3, string syntax = "+te")
    {
        var dir = DcmtkFiles.TempDir();
        var files = await DcmtkFiles.CreateAsync(dir, count, syntaxFlag: syntax);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "+sd", "127.0.0.1", scp.Port.ToString(), dir);
        Assert.True(store.ExitCode == 0, store.Output);
        return files;
    }

    [Theory]
    [InlineData(Dul.DulEngine.Generated)]
    [InlineData(Dul.DulEngine.Interpreted)]
    public async Task Echoscu_succeeds_on_both_dul_engines(Dul.DulEngine engine)
    {
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor() with { Engine = engine });
        var echo = await Dcmtk.RunAsync("echoscu", Limit, "-v", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.Contains("Received Echo Response (Success)", echo.Output);
    }

    [Theory]
    [InlineData("+te")]
    [InlineData("+ti")]
    [InlineData("+td")]
    public async Task Storescu_folder_is_archived_byte_for_byte_as_dcmtk_reads_it(string syntax)
    {
        await using var scp = OurArchive.Start();
        var files = await StoreWithStorescuAsync(scp, 3, syntax);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(scp.Folder));
        // Same pixel data as DCMTK wrote it: dcmdump of source and archived copy agree on the data set.
        foreach (var f in files)
        {
            var stored = scp.StoredFiles().Single(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", stored);
            Assert.Equal(a.Output, b.Output);
        }
    }

    [Fact]
    public async Task Findscu_study_query_returns_the_stored_study()
    {
        await using var scp = OurArchive.Start();
        var files = await StoreWithStorescuAsync(scp);
        var output = DcmtkFiles.TempDir();
        var find = await Dcmtk.RunAsync("findscu", Limit, "-S", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "-X", "-od", output,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=DCMTK1", "-k", "StudyInstanceUID", "-k", "NumberOfStudyRelatedInstances", "127.0.0.1", scp.Port.ToString());
        Assert.True(find.ExitCode == 0, find.Output);
        var response = Assert.Single(Directory.GetFiles(output, "rsp*.dcm"));
        var dump = await Dcmtk.RunAsync("dcmdump", Limit, response);
        Assert.Contains($"[{files[0].StudyUid}]", dump.Output);
        Assert.Contains("NumberOfStudyRelatedInstances", dump.Output);
        Assert.Contains("[3]", dump.Output);
    }

    [Fact]
    public async Task Movescu_moves_the_study_to_storescp()
    {
        var storePort = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", storePort, "-aet", "STORESCP", "-od", received, storePort.ToString());
        await using var scp = OurArchive.Start(new Dictionary<string, KnownAe> { ["STORESCP"] = new("STORESCP", "127.0.0.1", storePort) });
        var files = await StoreWithStorescuAsync(scp);
        var move = await Dcmtk.RunAsync("movescu", Limit, "-v", "-S", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "-aem", "STORESCP",
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", scp.Port.ToString());
        Assert.True(move.ExitCode == 0, move.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    [Fact]
    public async Task Getscu_receives_the_study_on_the_same_association()
    {
        await using var scp = OurArchive.Start();
        var files = await StoreWithStorescuAsync(scp);
        var output = DcmtkFiles.TempDir();
        var get = await Dcmtk.RunAsync("getscu", Limit, "-S", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "-od", output,
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", scp.Port.ToString());
        Assert.True(get.ExitCode == 0, get.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(output));
    }
}
