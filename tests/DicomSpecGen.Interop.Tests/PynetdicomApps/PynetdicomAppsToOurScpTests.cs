using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.PynetdicomApps;

/// <summary>pynetdicom 2.0.2's own applications (not this project's scripts) against our archive SCP: echoscu,
/// storescu, findscu, getscu and movescu with its built-in storage SCP. They log to stderr with -v.</summary>
public class PynetdicomAppsToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<List<DcmtkFiles.Instance>> StoreAsync(OurArchive scp, string dir, string patientId)
    {
        Directory.CreateDirectory(dir);
        var files = await DcmtkFiles.CreateAsync(dir, 2, patientId, pixelWords: 20_000);
        var store = await Peers.PynetdicomApps.RunAsync(Limit, "storescu", "-v", "-aet", "PYNSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), dir);
        Assert.True(store.ExitCode == 0, store.ToString());
        Assert.Equal(files.Count, store.Stderr.Split('\n').Count(l => l.Contains("Received Store Response (Status: 0x0000 - Success)", StringComparison.Ordinal)));
        return files;
    }

    private static IEnumerable<string> Uids(IEnumerable<DcmtkFiles.Instance> files) => files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Echoscu_succeeds()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.PynetdicomApps.RunAsync(Limit, "echoscu", "-v", "-aet", "PYNSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.True(echo.ExitCode == 0, echo.ToString());
        Assert.Contains("Received Echo Response (Status: 0x0000 - Success)", echo.Stderr);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    public async Task Echoscu_reads_our_rejection_reason()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.PynetdicomApps.RunAsync(Limit, "echoscu", "-aet", "PYNSCU", "-aec", "NOTDSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.Equal(1, echo.ExitCode);
        Assert.Contains("Reason: Called AE title not recognised", echo.Stderr);
    }

    [Fact]
    public async Task Storescu_folder_is_archived_with_the_same_data_set()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreAsync(scp, temp.Path, "PYNAPP1");
        foreach (var f in files)
            await DataSetDump.AssertSameAsync(f.Path, scp.StoredFiles().Single(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm"));
    }

    [Fact]
    public async Task Findscu_returns_the_study_and_writes_the_response()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreAsync(scp, Path.Combine(temp.Path, "source"), "PYNAPP2");
        var output = Directory.CreateDirectory(Path.Combine(temp.Path, "find")).FullName;
        var find = await PeerProcess.RunAsync(InFolder(output, Peers.PynetdicomApps.StartInfo("findscu", "-v", "-S", "-w", "-aet", "PYNSCU", "-aec", "DSGSCP",
            "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PYNAPP2", "-k", "StudyInstanceUID=", "-k", "NumberOfStudyRelatedInstances=",
            "127.0.0.1", scp.Port.ToString())), Limit);
        Assert.True(find.ExitCode == 0, find.ToString());
        Assert.Contains("Find SCP Result: 0x0000 (Success)", find.Stderr);
        // -w writes each pending response identifier as rsp000001.dcm, ... into the working folder.
        var response = Assert.Single(Directory.GetFiles(output, "rsp*.dcm"));
        var dump = await Dcmtk.RunAsync("dcmdump", Limit, response);
        Assert.Contains($"[{files[0].StudyUid}]", dump.Output);
        Assert.Matches(@"\(0020,1208\) IS \[2\]", dump.Output);
    }

    [Fact]
    public async Task Getscu_retrieves_the_study_on_its_association()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreAsync(scp, Path.Combine(temp.Path, "source"), "PYNAPP3");
        var output = Path.Combine(temp.Path, "get");
        var get = await Peers.PynetdicomApps.RunAsync(Limit, "getscu", "-v", "-S", "-aet", "PYNSCU", "-aec", "DSGSCP", "-od", output,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + files[0].StudyUid, "127.0.0.1", scp.Port.ToString());
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("Get SCP Result: 0x0000 (Success)", get.Stderr);
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(output));
    }

    [Fact]
    public async Task Movescu_moves_the_study_to_its_own_storage_scp()
    {
        var storePort = Dcmtk.FreePort();
        await using var scp = OurArchive.Start(new Dictionary<string, KnownAe> { ["PYNMOVE"] = new("PYNMOVE", "127.0.0.1", storePort) });
        using var temp = new TempDir();
        var files = await StoreAsync(scp, Path.Combine(temp.Path, "source"), "PYNAPP4");
        var output = Path.Combine(temp.Path, "moved");
        var move = await Peers.PynetdicomApps.RunAsync(Limit, "movescu", "-v", "-S", "-aet", "PYNSCU", "-aec", "DSGSCP", "-aem", "PYNMOVE",
            "--store", "--store-aet", "PYNMOVE", "--store-port", storePort.ToString(), "-od", output,
            "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + files[0].StudyUid, "127.0.0.1", scp.Port.ToString());
        Assert.True(move.ExitCode == 0, move.ToString());
        Assert.Contains("Move SCP Result: 0x0000 (Success)", move.Stderr);
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(output));
    }

    private static System.Diagnostics.ProcessStartInfo InFolder(string folder, System.Diagnostics.ProcessStartInfo info)
    {
        info.WorkingDirectory = folder;
        return info;
    }
}
