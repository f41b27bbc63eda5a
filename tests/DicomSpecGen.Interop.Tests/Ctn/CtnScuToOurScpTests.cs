using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Ctn;

/// <summary>CTN's dicom_echo and send_image against our archive SCP.</summary>
public class CtnScuToOurScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Dicom_echo_repeats_on_one_association_with_success()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Ctn.RunAsync("dicom_echo", Limit, "-a", "CTNSCU", "-c", "DSGSCP", "-r", "5", "127.0.0.1", scp.Port.ToString());
        Assert.True(echo.ExitCode == 0, echo.ToString());
        Assert.Equal(5, Regex.Matches(echo.Stdout, @"Verification Status:\s+0000").Count);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    public async Task Dicom_echo_reads_our_rejection_reason()
    {
        await using var scp = OurArchive.Start();
        var echo = await Peers.Ctn.RunAsync("dicom_echo", Limit, "-a", "CTNSCU", "-c", "NOTDSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.Equal(1, echo.ExitCode);
        // Rejected permanent (1), by the service user (1), called AE title not recognized (7): PS3.8 Table 9-21.
        Assert.Matches(@"Result:\s+1 Source\s+1 Reason\s+7", echo.Output);
    }

    [Theory]
    [InlineData(null)] // CTN's default proposal: Implicit VR Little Endian only, so it converts the explicit files
    [InlineData("1.2.840.10008.1.2.1")]
    public async Task Send_image_files_are_archived_with_the_same_data_set(string? transferSyntax)
    {
        await using var scp = OurArchive.Start();
        using var temp = new TempDir();
        var files = await DcmtkFiles.CreateAsync(temp.Path, 3, "CTN1", pixelWords: 40_000);
        string[] syntax = transferSyntax == null ? [] : ["-X", transferSyntax];
        // -q: each response printed once; -r: stop at the first response that is not a success.
        var send = await Peers.Ctn.RunAsync("send_image", Limit, ["-q", "-r", "-a", "CTNSCU", "-c", "DSGSCP", .. syntax, "127.0.0.1", scp.Port.ToString(), .. files.Select(f => f.Path)]);
        Assert.True(send.ExitCode == 0, send.ToString());
        Assert.Equal(files.Count, Regex.Matches(send.Stdout, @"Status:\s+0000").Count);
        foreach (var f in files)
        {
            var stored = scp.StoredFiles().SingleOrDefault(s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            Assert.True(stored != null, $"{f.SopInstanceUid} not archived: {send}");
            await DataSetDump.AssertSameAsync(f.Path, stored);
        }
    }
}
