using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Workflow;

/// <summary>The worklist peers the Modality Worklist service is tested against, proven against each other:
/// findscu -W against DCMTK's wlmscpfs and against Orthanc's ModalityWorklists plugin, both serving DCMTK's
/// example worklist (ten items).</summary>
public class WorklistPeerTests
{
    private static readonly string[] Keys = ["PatientName", "PatientID", "ScheduledProcedureStepSequence[0].Modality", "ScheduledProcedureStepSequence[0].ScheduledStationAETitle"];

    private static async Task<string[]> ExpectedNamesAsync()
    {
        // The names in the example dumps themselves, independent of any SCP.
        var names = new List<string>();
        foreach (var dump in Worklists.ExampleDumps())
        {
            var line = (await File.ReadAllLinesAsync(dump)).Single(l => l.StartsWith("(0010,0010)", StringComparison.Ordinal));
            names.Add(line["(0010,0010) PN".Length..].Trim()); // dump2dcm form: tag, VR, value
        }
        return [.. names.Order(StringComparer.Ordinal)];
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1")]
    public async Task Findscu_W_against_wlmscpfs_returns_every_example_item()
    {
        var (server, dir) = await Worklists.StartWlmscpfsAsync("OFFIS");
        await using (server)
        using (dir)
        {
            var result = await Worklists.FindScuAsync(server.Port, "OFFIS", "FINDSCU", Keys);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(await ExpectedNamesAsync(), Worklists.PatientNames(result.Output).Order(StringComparer.Ordinal));
            // A key narrows the answer: Modality CT is scheduled in four of the example items.
            var ct = await Worklists.FindScuAsync(server.Port, "OFFIS", "FINDSCU", "PatientName", "ScheduledProcedureStepSequence[0].Modality=CT");
            Assert.Equal(4, Worklists.PatientNames(ct.Output).Count);
        }
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1")]
    public async Task Findscu_W_against_orthanc_worklists_plugin_returns_every_example_item()
    {
        using var dir = new TempDir("dsg-owl-");
        await Worklists.WriteExamplesAsync(dir.Path);
        await using var orthanc = await Peers.Orthanc.StartWithWorklistsAsync("ORTHANCWL", dir.Path, new Peers.Orthanc.Modality("FINDSCU", "127.0.0.1", Dcmtk.FreePort()));
        var result = await Worklists.FindScuAsync(orthanc.DicomPort, "ORTHANCWL", "FINDSCU", Keys);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(await ExpectedNamesAsync(), Worklists.PatientNames(result.Output).Order(StringComparer.Ordinal));
        var ct = await Worklists.FindScuAsync(orthanc.DicomPort, "ORTHANCWL", "FINDSCU", "PatientName", "ScheduledProcedureStepSequence[0].Modality=CT");
        Assert.Equal(4, Worklists.PatientNames(ct.Output).Count);
    }
}
