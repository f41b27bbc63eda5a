using System.Text.Json;
using System.Text.RegularExpressions;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.Worklist;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Worklist;

/// <summary>Our Modality Worklist SCP (WorklistService) against real SCUs (DCMTK findscu -W, pynetdicom), checked
/// against DCMTK's wlmscpfs serving the same .wl files; our worklist SCU (dsg worklist, WorklistClient) against
/// wlmscpfs and Orthanc's worklist plugin. Items: DCMTK's example worklist (ten items, CT×4).</summary>
public partial class WorklistServiceInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly string[] ReturnKeys =
    [
        "PatientName", "PatientID", "AccessionNumber", "RequestedProcedureID", "StudyInstanceUID",
        "ScheduledProcedureStepSequence[0].Modality", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle",
        "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime",
        "ScheduledProcedureStepSequence[0].ScheduledPerformingPhysicianName", "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
    ];

    /// <summary>The return keys with <paramref name="matching"/> keys replacing those of the same path.</summary>
    private static string[] Keys(params string[] matching)
    {
        var paths = matching.Select(k => k.Split('=')[0]).ToHashSet();
        return [.. ReturnKeys.Where(k => !paths.Contains(k)), .. matching];
    }

    private static async Task<(IReadOnlyList<string> Ours, IReadOnlyList<string> Theirs)> BothAsync(int ourPort, int wlmPort, string[] keys)
    {
        var ours = await Worklists.FindScuAsync(ourPort, OurWorklistScp.AeTitle, "FINDSCU", keys);
        Assert.True(ours.ExitCode == 0, ours.Output);
        var theirs = await Worklists.FindScuAsync(wlmPort, "OFFIS", "FINDSCU", keys);
        Assert.True(theirs.ExitCode == 0, theirs.Output);
        var (o, t) = (OurWorklistScp.Identifiers(ours.Output), OurWorklistScp.Identifiers(theirs.Output));
        // Each identifier was read: the requested keys are there, the item's values with them.
        Assert.All(t, b => Assert.Matches(@"\(0010,0010\) PN \[[A-Z]", b));
        Assert.All(t, b => Assert.Contains("(0008,0060) CS [", b));
        return (o, t);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence")]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Modality")]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Procedure Step Start Date")]
    [SpecRow("PS3.4 Table K.6-1, Patient's Name")]
    public async Task Findscu_W_gets_from_our_scp_what_wlmscpfs_answers_for_the_same_files()
    {
        var (wlm, dir) = await Worklists.StartWlmscpfsAsync("OFFIS");
        await using (wlm)
        using (dir)
        {
            var folder = Path.Combine(dir.Path, "OFFIS");
            await using var ours = OurWorklistScp.Start(new FolderWorklistSource(folder));
            await using var caseSensitive = OurWorklistScp.Start(new FolderWorklistSource(folder), new WorklistServiceOptions { CaseInsensitivePersonNames = false });

            // Universal: every item, each with the requested keys.
            var (o, t) = await BothAsync(ours.Port, wlm.Port, Keys());
            Assert.Equal(10, t.Count);
            Assert.Equal(t, o);

            // Sequence matching inside the Scheduled Procedure Step item.
            (o, t) = await BothAsync(ours.Port, wlm.Port, Keys("ScheduledProcedureStepSequence[0].Modality=CT"));
            Assert.Equal(4, t.Count);
            Assert.Equal(t, o);

            // Date range in the item.
            (o, t) = await BothAsync(ours.Port, wlm.Port, Keys("ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=19931201-19960430"));
            Assert.InRange(t.Count, 1, 9);
            Assert.Equal(t, o);

            // Patient's Name wild card: upper case alike; lower case, wlmscpfs (case-sensitive) finds nothing, as our
            // SCP does when told to match PN case-sensitively, while by default ours finds what "M*" finds.
            var (upper, upperTheirs) = await BothAsync(ours.Port, wlm.Port, Keys("PatientName=M*"));
            Assert.Equal(2, upperTheirs.Count);
            Assert.Equal(upperTheirs, upper);
            (o, t) = await BothAsync(caseSensitive.Port, wlm.Port, Keys("PatientName=m*"));
            Assert.Empty(t);
            Assert.Equal(t, o);
            (o, _) = await BothAsync(ours.Port, wlm.Port, Keys("PatientName=m*"));
            Assert.Equal(upper.Select(b => b.Replace("[M*]", "[m*]")), o.Select(b => b.Replace("[M*]", "[m*]")));
        }
    }

    [GeneratedRegex(@"\(0000,0902\) LO \[([^\]]*)\]")]
    private static partial Regex ErrorCommentLine();

    [Theory]
    [InlineData("20240105-20230101", "ends before it starts")]
    [InlineData("2024XX01", "is not a valid DA")]
    [SpecRow("PS3.4 Table K.4-1, A900")]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Procedure Step Start Date")]
    public async Task An_invalid_date_key_is_refused_with_A900_naming_it_and_the_scp_still_serves(string date, string reason)
    {
        using var dir = new TempDir("dsg-mwl-");
        await Worklists.WriteExamplesAsync(dir.Path);
        var folder = new FolderWorklistSource(dir.Path);
        await using var ours = OurWorklistScp.Start(folder);
        var bad = await Dcmtk.RunAsync("findscu", Limit, "-d", "-W", "-aec", OurWorklistScp.AeTitle, "-k", "PatientName",
            "-k", $"ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate={date}", "127.0.0.1", ours.Port.ToString());
        Assert.Contains("DIMSE Status                  : 0xa900", bad.Output);
        Assert.Contains("(0000,0901) AT (0040,0002)", bad.Output);
        Assert.Contains(reason, ErrorCommentLine().Match(bad.Output).Groups[1].Value);
        Assert.DoesNotContain("Find Response: 1 (Pending)", bad.Output);
        var good = await Worklists.FindScuAsync(ours.Port, OurWorklistScp.AeTitle, "FINDSCU", "PatientName");
        Assert.Equal(10, Worklists.PatientNames(good.Output).Count);
    }

    [GeneratedRegex(@"Find Response: \d+ \(Pending\)")]
    private static partial Regex PendingResponse();

    [GeneratedRegex(@"Received Final Find Response \(([^)]*)\)")]
    private static partial Regex FinalResponse();

    [Fact]
    [SpecRow("PS3.7 Table 9.3-5")]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Modality")]
    public async Task Findscu_cancel_stops_the_pending_responses_with_cancel()
    {
        const int count = 3000;
        var source = new InMemoryWorklistSource();
        for (var i = 0; i < count; i++)
        {
            var item = new DicomDataset().SetString(new DicomTag(DicomTags.PatientName), $"PATIENT^{i:D4}").SetString(new DicomTag(DicomTags.PatientID), $"P{i}");
            item.AddSequence(new DicomTag(DicomTags.ScheduledProcedureStepSequence), new DicomDataset().SetString(new DicomTag(DicomTags.Modality), "CT"));
            source.Add(item);
        }
        await using var ours = OurWorklistScp.Start(source);
        var find = await Dcmtk.RunAsync("findscu", Limit, "-v", "-W", "--cancel", "2", "-aec", OurWorklistScp.AeTitle, "-k", "PatientName",
            "-k", "ScheduledProcedureStepSequence[0].Modality=CT", "127.0.0.1", ours.Port.ToString());
        Assert.True(find.ExitCode == 0, find.Output[^Math.Min(4000, find.Output.Length)..]);
        var final = FinalResponse().Match(find.Output);
        Assert.True(final.Success, find.Output[^Math.Min(4000, find.Output.Length)..]);
        // DCMTK names FE00 "Cancel: MatchingTerminatedDueToCancelRequest".
        Assert.StartsWith("Cancel:", final.Groups[1].Value);
        Assert.InRange(PendingResponse().Matches(find.Output).Count, 2, count - 1);
        var again = await Worklists.FindScuAsync(ours.Port, OurWorklistScp.AeTitle, "FINDSCU", "PatientName=PATIENT^0007");
        var answer = Assert.Single(OurWorklistScp.Identifiers(again.Output));
        Assert.Contains("PN [PATIENT^0007]", answer);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Modality")]
    [SpecRow("PS3.4 Table K.6-1, Patient's Name")]
    [SpecRow("PS3.4 Table K.4-1, A900")]
    public async Task Pynetdicom_scu_queries_our_scp()
    {
        using var dir = new TempDir("dsg-mwl-");
        await Worklists.WriteExamplesAsync(dir.Path);
        await using var ours = OurWorklistScp.Start(new FolderWorklistSource(dir.Path));
        var script = Peers.Pynetdicom.OwnScript("pyn_mwl_scu.py");

        async Task<List<JsonElement>> RunAsync(params string[] keys)
        {
            var args = new List<string> { "127.0.0.1", ours.Port.ToString(), "--called", OurWorklistScp.AeTitle };
            foreach (var k in keys) args.AddRange(["--key", k]);
            var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(Limit, script, [.. args]);
            Assert.True(code == 0, $"pyn_mwl_scu.py exited {code}: {stdout}{stderr}");
            return [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
        }

        var ct = await RunAsync("PatientName", "ScheduledProcedureStepSequence.Modality=CT");
        Assert.Equal(0, ct[^1].GetProperty("status").GetInt32());
        var items = ct.Where(e => e.GetProperty("kind").GetString() == "pending").ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal("CT", i.GetProperty("identifier").GetProperty("00400100").GetProperty("Value")[0].GetProperty("00080060").GetProperty("Value")[0].GetString()));

        var mozart = await RunAsync("PatientName=mozart*", "ScheduledProcedureStepSequence.Modality");
        var names = mozart.Where(e => e.GetProperty("kind").GetString() == "pending")
            .Select(e => e.GetProperty("identifier").GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString()!.Trim()).ToList();
        Assert.Equal(["MOZART^WOLFGANG^AMADEUS", "MOZART^WOLFGANG^AMADEUS"], names);

        var bad = await RunAsync("PatientName", "ScheduledProcedureStepSequence.ScheduledProcedureStepStartDate=20240105-20230101");
        Assert.Single(bad);
        Assert.Equal(0xA900, bad[0].GetProperty("status").GetInt32());
        Assert.Contains("20240105-20230101", bad[0].GetProperty("errorComment").GetString());
    }

    private static RequestorOptions Requestor(int port, string called) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "DSGSCU",
        CalledAeTitle = called,
        PresentationContexts = [new PresentationContextProposal(1, WorklistService.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
        Transport = OurArchive.Transport,
    };

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Modality")]
    public async Task Our_worklist_client_queries_wlmscpfs()
    {
        var (wlm, dir) = await Worklists.StartWlmscpfsAsync("OFFIS");
        await using (wlm)
        using (dir)
        {
            await using var client = await DicomClient.ConnectAsync(Requestor(wlm.Port, "OFFIS"));
            var (items, final) = await client.QueryWorklistAsync(WorklistClient.BuildIdentifier(["PatientName", "ScheduledProcedureStepSequence[0].Modality=CT", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle"]));
            await client.ReleaseAsync();
            Assert.Equal(DimseStatus.Success, final?.Status);
            Assert.Equal(4, items.Count);
            Assert.All(items, i => Assert.Equal("CT", i.GetSequence(new DicomTag(DicomTags.ScheduledProcedureStepSequence))!.Items[0].GetString(new DicomTag(DicomTags.Modality))));
        }
    }

    [GeneratedRegex(@"^#\d+ ", RegexOptions.Multiline)]
    private static partial Regex ItemLine();

    [Fact]
    [SpecRow("PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Modality")]
    [SpecRow("PS3.4 Table K.6-1, Patient's Name")]
    public async Task Dsg_worklist_queries_wlmscpfs_and_orthanc()
    {
        var (wlm, dir) = await Worklists.StartWlmscpfsAsync("OFFIS");
        await using (wlm)
        using (dir)
        {
            var all = await Dsg.RunAsync(Limit, "worklist", "127.0.0.1", wlm.Port.ToString(), "-aec", "OFFIS", "-k", "PatientName", "-k", "ScheduledProcedureStepSequence[0].Modality");
            Assert.True(all.ExitCode == 0, all.Output);
            Assert.Equal(10, ItemLine().Matches(all.Output).Count);
            var ct = await Dsg.RunAsync(Limit, "worklist", "127.0.0.1", wlm.Port.ToString(), "-aec", "OFFIS", "-k", "PatientName", "-k", "ScheduledProcedureStepSequence[0].Modality=CT");
            Assert.True(ct.ExitCode == 0, ct.Output);
            Assert.Equal(4, ItemLine().Matches(ct.Output).Count);
            Assert.Equal(4, Regex.Matches(ct.Output, @"ScheduledProcedureStepSequence\[0\]\.Modality=CT").Count);
        }

        using var owl = new TempDir("dsg-owl-");
        await Worklists.WriteExamplesAsync(owl.Path);
        await using var orthanc = await Peers.Orthanc.StartWithWorklistsAsync("ORTHANCWL", owl.Path, new Peers.Orthanc.Modality("DSGSCU", "127.0.0.1", Dcmtk.FreePort()));
        var o = await Dsg.RunAsync(Limit, "worklist", "127.0.0.1", orthanc.DicomPort.ToString(), "-aec", "ORTHANCWL", "-k", "PatientName", "-k", "ScheduledProcedureStepSequence[0].Modality=CT");
        Assert.True(o.ExitCode == 0, o.Output);
        Assert.Equal(4, ItemLine().Matches(o.Output).Count);
        Assert.Contains("final status 0x0000", o.Output);
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6.1.4-1, Modality Worklist Information Model - FIND")]
    public async Task Dsg_scp_worklist_serves_findscu_and_explain_lists_it()
    {
        using var dir = new TempDir("dsg-mwl-");
        await Worklists.WriteExamplesAsync(dir.Path);
        using var archive = new TempDir("dsg-mwl-archive-");
        await using var scp = await DsgScp.StartAsync("0", "-od", archive.Path, "--worklist", dir.Path);
        var result = await Worklists.FindScuAsync(scp.Port, "DSGSCP", "FINDSCU", "PatientName", "ScheduledProcedureStepSequence[0].Modality=CT");
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(4, Worklists.PatientNames(result.Output).Count);

        var explain = await Dsg.RunAsync(Limit, "explain", "--local", "--worklist", "--sop", WorklistService.SopClassUid);
        Assert.True(explain.ExitCode == 0, explain.Output);
        Assert.Contains("WorklistService", explain.Output);
        var without = await Dsg.RunAsync(Limit, "explain", "--local", "--sop", WorklistService.SopClassUid);
        Assert.DoesNotContain("WorklistService", without.Output);
    }
}
