using System.Text.Json;
using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Cancel;

/// <summary>C-CANCEL from real peers against our archive SCP with <see cref="LargeArchive.Count"/> matches: DCMTK's
/// findscu --cancel and movescu --cancel, and a pynetdicom C-GET that cancels. Each must end with status Cancel
/// (FE00) before every match or sub-operation went out, and the SCP must serve the next request.</summary>
public partial class CancelInteropTests(LargeArchive archive) : IClassFixture<LargeArchive>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // findscu -v: "Find Response: 12 (Pending)"; movescu -v: "Received Move Response 12 (Pending)".
    [GeneratedRegex(@"(Find|Move) Response:? \d+ \(Pending\)")]
    private static partial Regex PendingResponse();

    [GeneratedRegex(@"Received Final (Find|Move) Response \(([^)]*)\)")]
    private static partial Regex FinalResponse();

    private async Task AssertStillServesAsync()
    {
        var find = await Dcmtk.RunAsync("findscu", Limit, "-S", "-aec", "DSGSCP", "-k", "QueryRetrieveLevel=IMAGE", "-k", $"StudyInstanceUID={archive.StudyUid}",
            "-k", $"SeriesInstanceUID={archive.SeriesUid}", "-k", $"SOPInstanceUID={archive.SeriesUid}.7", "127.0.0.1", archive.Port.ToString());
        Assert.True(find.ExitCode == 0, find.Output);
        Assert.Contains($"{archive.SeriesUid}.7", find.Output);
    }

    [Fact]
    [SpecRow("PS3.7 Table 9.3-5")]
    [SpecRow("PS3.7 Annex C.3.1, Cancel")]
    public async Task Findscu_cancel_ends_the_find_with_cancel_before_all_matches()
    {
        var find = await Dcmtk.RunAsync("findscu", Limit, "-v", "-S", "--cancel", "2", "-aec", "DSGSCP",
            "-k", "QueryRetrieveLevel=IMAGE", "-k", $"StudyInstanceUID={archive.StudyUid}", "-k", $"SeriesInstanceUID={archive.SeriesUid}", "-k", "SOPInstanceUID",
            "127.0.0.1", archive.Port.ToString());
        Assert.True(find.ExitCode == 0, find.Output[..Math.Min(4000, find.Output.Length)]);
        var final = FinalResponse().Match(find.Output);
        Assert.True(final.Success, find.Output[^Math.Min(4000, find.Output.Length)..]);
        // DCMTK names FE00 "Cancel: MatchingTerminatedDueToCancelRequest" (PS3.4 Table C.4-1).
        Assert.StartsWith("Cancel:", final.Groups[2].Value);
        // Some responses were on their way when the cancel arrived (a race), but not all 4000 went out.
        Assert.InRange(PendingResponse().Matches(find.Output).Count, 2, LargeArchive.Count - 1);
        await AssertStillServesAsync();
    }

    [Fact]
    [SpecRow("PS3.7 Tables 9.3-5, 9.3-8, 9.3-11")]
    public async Task Movescu_cancel_stops_the_sub_operations()
    {
        var storePort = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", storePort, "-aet", "CANCELDEST", "-od", received, storePort.ToString());
        archive.Destinations["CANCELDEST"] = new KnownAe("CANCELDEST", "127.0.0.1", storePort);

        var move = await Dcmtk.RunAsync("movescu", Limit, "-v", "-S", "--cancel", "2", "-aec", "DSGSCP", "-aem", "CANCELDEST",
            "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={archive.StudyUid}", "127.0.0.1", archive.Port.ToString());
        Assert.True(move.ExitCode == 0, move.Output[^Math.Min(4000, move.Output.Length)..]);
        var final = FinalResponse().Match(move.Output);
        Assert.True(final.Success, move.Output[^Math.Min(4000, move.Output.Length)..]);
        // "Cancel: SubOperationsTerminatedDueToCancelIndication" is FE00 (PS3.4 Table C.4-2).
        Assert.StartsWith("Cancel:", final.Groups[2].Value);
        Assert.InRange(PendingResponse().Matches(move.Output).Count, 2, LargeArchive.Count - 1);
        // storescp writes each file before it answers, so the folder holds every completed sub-operation: some, not all.
        Assert.InRange(Directory.GetFiles(received).Length, 2, LargeArchive.Count - 1);
        await AssertStillServesAsync();
    }

    [Fact]
    [SpecRow("PS3.7 Tables 9.3-5, 9.3-8, 9.3-11")]
    public async Task Pynetdicom_get_cancel_stops_the_sub_operations()
    {
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_get_cancel.py"),
            "127.0.0.1", archive.Port.ToString(), "--study", archive.StudyUid, "--after", "2");
        Assert.True(code == 0, $"pyn_get_cancel.py exited {code}: {stdout}{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("established").GetBoolean(), stderr);
        Assert.Equal(2, root.GetProperty("cancelled_after").GetInt32());
        var responses = root.GetProperty("responses").EnumerateArray().ToList();
        var final = responses[^1];
        Assert.Equal(0xFE00, final.GetProperty("status").GetInt32());
        var stored = root.GetProperty("stored").GetInt32();
        Assert.InRange(stored, 2, LargeArchive.Count - 1);
        Assert.InRange(final.GetProperty("NumberOfCompletedSuboperations").GetInt32(), 2, LargeArchive.Count - 1);
        Assert.Equal(0, root.GetProperty("echo").GetInt32());
        await AssertStillServesAsync();
    }
}
