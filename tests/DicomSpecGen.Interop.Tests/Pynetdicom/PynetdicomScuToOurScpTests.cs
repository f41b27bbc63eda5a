using DicomSpecGen.Association;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Pynetdicom;

/// <summary>pynetdicom 2.0.2 as SCU (scripts/pyn_echoscu.py, pyn_storescu.py, pyn_qr_scu.py) against our archive SCP.</summary>
public class PynetdicomScuToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static async Task<List<DcmtkFiles.Instance>> StoreWithPynetdicomAsync(OurArchive scp, string dir, int count = 3, string syntax = "+te", int pixelWords = 256, int maxPdu = 16382)
    {
        Directory.CreateDirectory(dir);
        var files = await DcmtkFiles.CreateAsync(dir, count, "PYN1", syntax, pixelWords);
        var store = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_storescu.py"), "127.0.0.1", scp.Port.ToString(), dir, "--aec", "DSGSCP", "--nodelay", "--max-pdu", maxPdu.ToString());
        Assert.True(store.ExitCode == 0, store.Stdout + store.Stderr);
        Assert.Contains($"sent {count}/{count}", store.Stderr);
        return files;
    }

    private static IEnumerable<string> Uids(IEnumerable<DcmtkFiles.Instance> files) => files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Echoscu_gets_success_for_every_echo_on_one_association()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_echoscu.py"), "127.0.0.1", scp.Port.ToString(), "-n", "20", "--aec", "DSGSCP", "--nodelay");
        Assert.True(echo.ExitCode == 0, echo.Stdout + echo.Stderr);
        Assert.Contains("20/20 ok", echo.Stdout);
    }

    [Theory]
    [InlineData("+te", 256, 16382)]
    [InlineData("+ti", 256, 16382)]
    [InlineData("+te", 100_000, 16382)] // larger than either maximum PDU: fragmented both ways
    [InlineData("+te", 100_000, 0)] // pynetdicom offers no limit for what it receives
    public async Task Storescu_files_are_archived_with_the_same_data_set_as_dcmtk_reads_it(string syntax, int pixelWords, int scuMaxPdu)
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreWithPynetdicomAsync(scp, temp.Path, 2, syntax, pixelWords, scuMaxPdu);
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(scp.Folder));
        foreach (var f in files)
        {
            var stored = scp.StoredFiles().Single(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", stored);
            Assert.Equal(a.Output, b.Output);
        }
    }

    [Fact]
    public async Task Find_at_study_and_image_level_returns_what_was_stored()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreWithPynetdicomAsync(scp, temp.Path);

        var study = await PynQrScu.RunAsync(scp.Port, "find", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=PYN1",
            "-k", "StudyInstanceUID=", "-k", "NumberOfStudyRelatedInstances=", "-k", "ModalitiesInStudy=");
        Assert.True(study.Established, study.Log);
        var match = Assert.Single(study.Pending);
        Assert.Equal(files[0].StudyUid, match.Identifier!["StudyInstanceUID"]);
        Assert.Equal("3", match.Identifier["NumberOfStudyRelatedInstances"]);
        Assert.Equal("CT", match.Identifier["ModalitiesInStudy"]);
        Assert.Equal(0x0000, study.Final.Status);

        var images = await PynQrScu.RunAsync(scp.Port, "find", "-k", "QueryRetrieveLevel=IMAGE", "-k", $"StudyInstanceUID={files[0].StudyUid}",
            "-k", $"SeriesInstanceUID={files[0].SeriesUid}", "-k", "SOPInstanceUID=");
        Assert.Equal(Uids(files), images.Pending.Select(p => p.Identifier!["SOPInstanceUID"]).Order(StringComparer.Ordinal));
        Assert.Equal(0x0000, images.Final.Status);

        var none = await PynQrScu.RunAsync(scp.Port, "find", "--model", "patient", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=NOBODY*");
        Assert.Empty(none.Pending);
        Assert.Equal(0x0000, none.Final.Status);
    }

    [Fact]
    public async Task Move_sends_the_study_to_a_pynetdicom_storage_scp()
    {
        using var temp = new TempDir();
        var received = Path.Combine(temp.Path, "received");
        var storePort = Dcmtk.FreePort();
        await Peers.Pynetdicom.RequireAsync();
        await using var storescp = await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_storescp.py"),
            storePort.ToString(), "--aet", "PYNSCP", "--out", received, "--max-seconds", "120"), storePort, TimeSpan.FromSeconds(30));
        await using var scp = OurArchive.Start(new Dictionary<string, KnownAe> { ["PYNSCP"] = new("PYNSCP", "127.0.0.1", storePort) });
        var files = await StoreWithPynetdicomAsync(scp, Path.Combine(temp.Path, "source"));

        var move = await PynQrScu.RunAsync(scp.Port, "move", "--dest", "PYNSCP", "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}");
        Assert.Equal(0x0000, move.Final.Status);
        Assert.Equal(3, move.Final.Counters["NumberOfCompletedSuboperations"]);
        Assert.Equal(0, move.Final.Counters.GetValueOrDefault("NumberOfFailedSuboperations"));
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(received));

        var unknown = await PynQrScu.RunAsync(scp.Port, "move", "--dest", "NOWHERE", "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}");
        Assert.Equal(0xA801, unknown.Final.Status); // Refused: Move Destination unknown (PS3.4 C.4.2.1.5)
    }

    [Fact]
    public async Task Get_delivers_the_study_on_the_same_association()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreWithPynetdicomAsync(scp, Path.Combine(temp.Path, "source"));
        var output = Path.Combine(temp.Path, "got");
        var get = await PynQrScu.RunAsync(scp.Port, "get", "--out", output, "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={files[0].StudyUid}");
        Assert.Equal(0x0000, get.Final.Status);
        Assert.Equal(3, get.Final.Counters["NumberOfCompletedSuboperations"]);
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(output));
    }

    [Fact]
    public async Task An_unknown_calling_ae_is_rejected_and_pynetdicom_reads_the_reason()
    {
        // ARTIM runs from our accept until the A-ASSOCIATE-RQ is processed (Sta2). The fixture's 3 s (meant for the
        // stalled-connection tests) was the shortest bound on this path: under full-suite load it could expire first,
        // our SCP closed the connection (AA-2) and pynetdicom saw an abort, not the RJ. This test is about the RJ, so
        // ARTIM gets the default 30 s, and pynetdicom's ACSE wait is 45 s, inside the 60 s process limit.
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor(allowed: new HashSet<string> { "DCMTKSCU" }) with { ArtimTimeout = TimeSpan.FromSeconds(30) });
        var result = await PynQrScu.RunAsync(scp.Port, "echo", "--aet", "PYNSCU", "--timeout", "45");
        Assert.False(result.Established, result.Log);
        // A-ASSOCIATE-RJ: rejected-permanent (1), DICOM UL service-user (1), calling AE title not recognized (3); PS3.8 Table 9-21.
        Assert.True(result.Rejected != null, "no A-ASSOCIATE-RJ seen by pynetdicom (aborted or timed out?): " + result.Log);
        Assert.Equal(new PynQrScu.Rejection(1, 1, 3), result.Rejected);
        Assert.Empty(result.Responses);

        var allowed = await PynQrScu.RunAsync(scp.Port, "echo", "--aet", "DCMTKSCU", "--timeout", "45");
        Assert.True(allowed.Established, allowed.Log);
        Assert.Equal(0x0000, allowed.Final.Status);
    }
}
