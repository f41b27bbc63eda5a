using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Odil;

/// <summary>odil's CLI (echo, store, find, get) against our archive SCP. The CLI has no SCP sub-command; see OurScuToOdilScpTests for the other direction.</summary>
public class OdilScuToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    private static async Task<List<DcmtkFiles.Instance>> StoreWithOdilAsync(OurArchive scp, string dir, string patientId)
    {
        var files = await DcmtkFiles.CreateAsync(dir, 2, patientId, pixelWords: 20_000);
        var store = await Peers.Odil.RunAsync(Limit, ["store", "127.0.0.1", scp.Port.ToString(), "ODILSCU", "DSGSCP", .. files.Select(f => f.Path)]);
        Assert.True(store.ExitCode == 0, store.ToString());
        return files;
    }

    [Fact]
    public async Task Echo_succeeds()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Odil.RunAsync(Limit, "echo", "127.0.0.1", scp.Port.ToString(), "ODILSCU", "DSGSCP");
        Assert.True(echo.ExitCode == 0, echo.ToString());
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    public async Task Echo_to_an_unknown_called_ae_is_rejected()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Odil.RunAsync(Limit, "echo", "127.0.0.1", scp.Port.ToString(), "ODILSCU", "NOTDSGSCP");
        Assert.NotEqual(0, echo.ExitCode);
        Assert.Contains("Association rejected", echo.Output);
    }

    [Fact]
    public async Task Store_archives_the_files_with_the_same_data_set()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreWithOdilAsync(scp, temp.Path, "ODIL1");
        foreach (var f in files)
        {
            var stored = scp.StoredFiles().SingleOrDefault(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            Assert.True(stored != null, $"{f.SopInstanceUid} not archived");
            await DataSetDump.AssertSameAsync(f.Path, stored);
        }
    }

    [Fact]
    public async Task Find_returns_the_study_with_its_derived_keys()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await StoreWithOdilAsync(scp, temp.Path, "ODIL2");
        var find = await Peers.Odil.RunAsync(Limit, "find", "127.0.0.1", scp.Port.ToString(), "ODILSCU", "DSGSCP", "study",
            "QueryRetrieveLevel=STUDY", "PatientID=ODIL2", "StudyInstanceUID", "NumberOfStudyRelatedInstances", "ModalitiesInStudy", "SOPClassesInStudy");
        Assert.True(find.ExitCode == 0, find.ToString());
        Assert.Contains("1 answer", find.Stdout);
        Assert.Matches(@$"Study Instance UID\s+0020,000d UI \['{Regex.Escape(files[0].StudyUid)}'\]", find.Stdout);
        Assert.Matches(@"Number of Study Related Instances\s+0020,1208 IS \[2\]", find.Stdout);
        Assert.Matches(@"Modalities in Study\s+0008,0061 CS \['CT'\]", find.Stdout);
        Assert.Matches(@$"SOP Classes in Study\s+0008,0062 UI \['{Regex.Escape(CtImageStorage)}'\]", find.Stdout);
    }

    /// <summary>odil get first asks for SOP Classes in Study to know which storage contexts to propose; when an SCP
    /// returns it empty, the CLI's fallback (every storage class of its dictionary) fails in odil 0.12 with
    /// "'str' object has no attribute 'data'". Our archive returns the key (PS3.4 C.6.1.1.3, optional).</summary>
    [Fact]
    public async Task Get_retrieves_the_study_into_a_folder()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var source = Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(temp.Path, "get")).FullName;
        var files = await StoreWithOdilAsync(scp, source, "ODIL3");
        var get = await Peers.Odil.RunAsync(Limit, "get", "--directory", output, "127.0.0.1", scp.Port.ToString(), "ODILSCU", "DSGSCP", "study",
            "QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + files[0].StudyUid);
        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Contains("Completed: 2, remaining: 0, failed: 0, warning: 0", get.Stdout);
        foreach (var f in files) await DataSetDump.AssertSameAsync(f.Path, Path.Combine(output, f.SopInstanceUid));
    }
}
