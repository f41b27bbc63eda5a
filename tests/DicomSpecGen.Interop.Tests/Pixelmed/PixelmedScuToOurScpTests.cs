using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Pixelmed;

/// <summary>PixelMed as SCU against our archive SCP: its VerificationSOPClassSCU and StorageSOPClassSCU command-line
/// classes, and the networking walkthrough (Pixelmed/java/Walkthrough.java, compiled here against the jar).
/// PixelMed's command-line classes exit 0 even on failure, so their output and our archive are what is checked.</summary>
public class PixelmedScuToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90); // JVM start-up on a loaded machine

    [Fact]
    public async Task VerificationSOPClassSCU_reports_success()
    {
        await using var scp = OurArchive.Start();
        // Arguments: host port called-AE calling-AE (its usage text names them the other way round) security.
        var echo = await Peers.Pixelmed.RunAsync(Limit, "com.pixelmed.network.VerificationSOPClassSCU", "127.0.0.1", scp.Port.ToString(), "DSGSCP", "PIXELSCU", "NONSECURE");
        Assert.True(echo.ExitCode == 0 && echo.Output.Contains("VerificationSOPClass: was successful"), echo.ToString());
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    public async Task VerificationSOPClassSCU_reports_our_rejection_of_an_unknown_called_ae()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Pixelmed.RunAsync(Limit, "com.pixelmed.network.VerificationSOPClassSCU", "127.0.0.1", scp.Port.ToString(), "NOTDSGSCP", "PIXELSCU", "NONSECURE");
        Assert.Contains("called AE Title not recognized", echo.Output);
        Assert.Contains("VerificationSOPClass: was not successful", echo.Output);
    }

    [Fact]
    public async Task StorageSOPClassSCU_files_are_archived_with_the_same_data_set()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await DcmtkFiles.CreateAsync(temp.Path, 2, "PIXELMED1", pixelWords: 60_000);
        foreach (var f in files)
        {
            // Arguments: host port called-AE calling-AE file.
            var store = await Peers.Pixelmed.RunAsync(Limit, "com.pixelmed.network.StorageSOPClassSCU", "127.0.0.1", scp.Port.ToString(), "DSGSCP", "PIXELSCU", f.Path);
            Assert.True(store.ExitCode == 0 && !store.Output.Contains("Exception"), store.ToString());
            var stored = scp.StoredFiles().SingleOrDefault(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            Assert.True(stored != null, $"{f.SopInstanceUid} not archived: {store}");
            await DataSetDump.AssertSameAsync(f.Path, stored);
        }
    }

    [Fact]
    public async Task Walkthrough_echoes_and_stores_on_one_association_it_negotiated_itself()
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var classes = Directory.CreateDirectory(Path.Combine(temp.Path, "classes")).FullName;
        await Peers.Pixelmed.CompileAsync("Walkthrough.java", classes, Limit);
        var files = await DcmtkFiles.CreateAsync(temp.Path, 1, "PIXELMED2", pixelWords: 30_000);
        var run = await PeerProcess.RunAsync(Peers.Pixelmed.StartInfo("Walkthrough", classes, "127.0.0.1", scp.Port.ToString(), "DSGSCP", "PXWALK", files[0].Path), Limit);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("associated PXWALK -> DSGSCP", run.Stdout);
        Assert.Contains("echo context 1 status 0x0000", run.Stdout);
        // We accept Explicit VR Little Endian, its first proposal, for the storage context it proposed as 3.
        Assert.Contains($"store context 3 syntax 1.2.840.10008.1.2.1 instance {files[0].SopInstanceUid} status 0x0000", run.Stdout);
        Assert.Contains("released", run.Stdout);
        var stored = scp.StoredFiles().Single(s => Path.GetFileName(s) == files[0].SopInstanceUid + ".dcm");
        await DataSetDump.AssertSameAsync(files[0].Path, stored);
    }
}
