using DicomSpecGen.Archive;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>DCMTK's findscu against our archive SCP (and Orthanc for comparison): Modalities in Study, PN case,
/// sequence matching (issue 19, items 3 and 4).</summary>
public class QueryMatchingInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private sealed record Study(string Uid, string PatientName, string PatientId, string[] Modalities, string? ProcedureCode);

    /// <summary>Four studies, one series per modality, written by dump2dcm (not by our writer).</summary>
    private static readonly Study[] Studies =
    [
        new("1.2.826.0.1.3680043.10.543.19.1", "SYNTHETIC^ALICE", "Q1", ["CT", "SR"], "P5-0001"),
        new("1.2.826.0.1.3680043.10.543.19.2", "Synthetic^Bob", "Q2", ["OT"], "X-17"),
        new("1.2.826.0.1.3680043.10.543.19.3", "REAL^CAROL", "Q3", ["MR"], null),
        new("1.2.826.0.1.3680043.10.543.19.4", "synthetic^dan", "Q4", ["OT", "US"], "P5-0002"),
    ];

    private static async Task<string> WriteStudiesAsync()
    {
        var dir = DcmtkFiles.TempDir("dsg-qm-");
        foreach (var study in Studies)
        {
            for (var s = 0; s < study.Modalities.Length; s++)
            {
                var series = $"{study.Uid}.{s + 1}";
                var sop = series + ".1";
                var sequence = study.ProcedureCode == null ? "" : $"""
                    (0008,1032) SQ (Sequence with undefined length)
                    (fffe,e000) na (Item with undefined length)
                    (0008,0100) SH [{study.ProcedureCode}]
                    (0008,0102) SH [DCM]
                    (0008,0104) LO [Procedure {study.ProcedureCode}]
                    (fffe,e00d) na (ItemDelimitationItem)
                    (fffe,e0dd) na (SequenceDelimitationItem)
                    """;
                var dump = Path.Combine(dir, $"{sop}.dump");
                await File.WriteAllTextAsync(dump, $"""
                    (0008,0016) UI =SecondaryCaptureImageStorage
                    (0008,0018) UI [{sop}]
                    (0008,0020) DA [20240105]
                    (0008,0060) CS [{study.Modalities[s]}]
                    {sequence}
                    (0010,0010) PN [{study.PatientName}]
                    (0010,0020) LO [{study.PatientId}]
                    (0020,000d) UI [{study.Uid}]
                    (0020,000e) UI [{series}]
                    (0020,0011) IS [{s + 1}]
                    (0020,0013) IS [1]

                    """);
                var path = Path.Combine(dir, sop + ".dcm");
                var result = await Dcmtk.RunAsync("dump2dcm", Limit, "+te", dump, path);
                Assert.True(result.ExitCode == 0 && File.Exists(path), "dump2dcm failed: " + result.Output);
                File.Delete(dump);
            }
        }
        return dir;
    }

    private static async Task StoreAsync(string dir, string calledAe, int port)
    {
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", calledAe, "+sd", "127.0.0.1", port.ToString(), dir);
        Assert.True(store.ExitCode == 0, store.Output);
    }

    /// <summary>findscu -S at STUDY level with the keys; the Study Instance UIDs of the responses (read by dcmdump).</summary>
    private static async Task<List<string>> FindStudiesAsync(string calledAe, int port, params string[] keys)
    {
        var output = DcmtkFiles.TempDir("dsg-qm-rsp-");
        var args = new List<string> { "-S", "-aet", "DCMTKSCU", "-aec", calledAe, "-X", "-od", output, "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID" };
        foreach (var k in keys) args.AddRange(["-k", k]);
        args.AddRange(["127.0.0.1", port.ToString()]);
        var find = await Dcmtk.RunAsync("findscu", Limit, [.. args]);
        Assert.True(find.ExitCode == 0, find.Output);
        var uids = new List<string>();
        foreach (var file in Directory.GetFiles(output, "rsp*.dcm"))
        {
            var dump = await Dcmtk.RunAsync("dcmdump", Limit, "+P", "0020,000d", file);
            uids.Add(dump.Output[(dump.Output.IndexOf('[') + 1)..dump.Output.IndexOf(']')]);
        }
        uids.Sort(StringComparer.Ordinal);
        return uids;
    }

    private static List<string> Where(Func<Study, bool> predicate) => Studies.Where(predicate).Select(s => s.Uid).Order(StringComparer.Ordinal).ToList();

    [Fact]
    [SpecRow("PS3.4 Table C.6-5, Modalities in Study")]
    public async Task Findscu_modalities_in_study_returns_only_studies_with_such_a_series()
    {
        var dir = await WriteStudiesAsync();
        await using var scp = OurArchive.Start();
        await StoreAsync(dir, "DSGSCP", scp.Port);
        Assert.Equal(Where(s => s.Modalities.Contains("CT")), await FindStudiesAsync("DSGSCP", scp.Port, "ModalitiesInStudy=CT"));
        Assert.Equal(Where(s => s.Modalities.Contains("CT") || s.Modalities.Contains("MR")), await FindStudiesAsync("DSGSCP", scp.Port, "ModalitiesInStudy=CT\\MR"));
        Assert.Equal(Where(s => s.Modalities.Contains("OT")), await FindStudiesAsync("DSGSCP", scp.Port, "ModalitiesInStudy=OT"));
        Assert.Equal(Where(_ => true), await FindStudiesAsync("DSGSCP", scp.Port, "ModalitiesInStudy"));
    }

    [Fact]
    [SpecRow("PS3.4 Table C.6-5, Patient's Name")]
    public async Task Findscu_lower_case_patient_name_wildcard_finds_upper_and_mixed_case_names_and_not_when_turned_off()
    {
        var dir = await WriteStudiesAsync();
        await using (var scp = OurArchive.Start())
        {
            await StoreAsync(dir, "DSGSCP", scp.Port);
            Assert.Equal(Where(s => s.PatientName.StartsWith("synthetic", StringComparison.OrdinalIgnoreCase)), await FindStudiesAsync("DSGSCP", scp.Port, "PatientName=synthetic*"));
        }
        await using (var strict = OurArchive.Start(queryOptions: new ArchiveQueryOptions { CaseInsensitivePersonNames = false }))
        {
            await StoreAsync(dir, "DSGSCP", strict.Port);
            Assert.Equal(Where(s => s.PatientName.StartsWith("synthetic", StringComparison.Ordinal)), await FindStudiesAsync("DSGSCP", strict.Port, "PatientName=synthetic*"));
        }
    }

    [Fact]
    // PS3.4 C.2.2.2.6
    [SpecRow("PS3.4 Table C.6-5, Procedure Code Sequence")]
    public async Task Findscu_sequence_matching_on_procedure_code_items()
    {
        var dir = await WriteStudiesAsync();
        await using var scp = OurArchive.Start();
        await StoreAsync(dir, "DSGSCP", scp.Port);
        Assert.Equal(Where(s => s.ProcedureCode?.StartsWith("P5-", StringComparison.Ordinal) == true),
            await FindStudiesAsync("DSGSCP", scp.Port, "ProcedureCodeSequence[0].CodeValue=P5-*"));
        Assert.Equal(Where(s => s.ProcedureCode == "X-17"),
            await FindStudiesAsync("DSGSCP", scp.Port, "ProcedureCodeSequence[0].CodeValue=X-17", "ProcedureCodeSequence[0].CodingSchemeDesignator=DCM"));
        Assert.Empty(await FindStudiesAsync("DSGSCP", scp.Port, "ProcedureCodeSequence[0].CodeValue=X-17", "ProcedureCodeSequence[0].CodingSchemeDesignator=99LOCAL"));
        // Universal matching inside the item: every study, whether or not it has the sequence.
        Assert.Equal(Where(_ => true), await FindStudiesAsync("DSGSCP", scp.Port, "ProcedureCodeSequence[0].CodeMeaning"));
    }

    [Fact]
    public async Task Orthanc_and_our_archive_return_the_same_studies_for_a_lower_case_patient_name()
    {
        var dir = await WriteStudiesAsync();
        await using var scp = OurArchive.Start();
        await using var orthanc = await Peers.Orthanc.StartAsync("ORTHANC", new Peers.Orthanc.Modality("DCMTKSCU", "127.0.0.1", Dcmtk.FreePort()));
        await StoreAsync(dir, "DSGSCP", scp.Port);
        await StoreAsync(dir, "ORTHANC", orthanc.DicomPort);
        foreach (var key in new[] { "PatientName=synthetic*", "PatientName=SYNTHETIC^BOB", "ModalitiesInStudy=OT" })
        {
            var theirs = await FindStudiesAsync("ORTHANC", orthanc.DicomPort, key);
            Assert.NotEmpty(theirs);
            Assert.Equal(theirs, await FindStudiesAsync("DSGSCP", scp.Port, key));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dsg_scp_pn_case_sensitive_flag_turns_case_insensitive_names_off(bool caseSensitive)
    {
        var dir = await WriteStudiesAsync();
        var folder = DcmtkFiles.TempDir("dsg-qm-cli-");
        using var scp = caseSensitive ? Dsg.Start("scp", "0", "-od", folder, "-aet", "CLISCP", "--pn-case-sensitive") : Dsg.Start("scp", "0", "-od", folder, "-aet", "CLISCP");
        try
        {
            // dsg scp prints "<AE> listening on port N, ..." once it listens.
            var line = await scp.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            var words = line!.Split(' ');
            var port = int.Parse(words[Array.IndexOf(words, "port") + 1].TrimEnd(','));
            await StoreAsync(dir, "CLISCP", port);
            var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            Assert.Equal(Where(s => s.PatientName.StartsWith("synthetic", comparison)), await FindStudiesAsync("CLISCP", port, "PatientName=synthetic*"));
        }
        finally
        {
            scp.Kill(entireProcessTree: true);
            await scp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
