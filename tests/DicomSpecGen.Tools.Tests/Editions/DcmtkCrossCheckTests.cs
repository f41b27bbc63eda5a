using DicomSpecGen.Tools.Editions;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Editions;

/// <summary>spec/part06 against DCMTK's 2026b dictionary and UID list (tests/reference/editions): no unexplained
/// difference, and a stale or missing row is found.</summary>
public class DcmtkCrossCheckTests
{
    private static readonly string Dic = TestPaths.Edition("dcmtk-dicom-2026b.dic");
    private static readonly string Uids = TestPaths.Edition("dcmtk-dcuid-2026b.h");

    private static IReadOnlyList<ImportDifference> Dictionary(string specDir) => DcmtkCrossCheck.CompareDictionary(
        DcmtkCrossCheck.ReadDic(Dic), ElementTableDiff.FromDictionaryYaml(Path.Combine(specDir, "part06", "dictionary.yaml")));

    [Fact]
    public void Dcmtk_notation_is_read_as_the_standards()
    {
        var dic = DcmtkCrossCheck.ReadDic(Dic);
        Assert.True(dic.Count > 5000, $"{dic.Count} rows");
        Assert.Contains(dic, e => e is { Tag: "(60xx,3000)", Keyword: "OverlayData" }); // (6000-60FF,3000)
        Assert.Contains(dic, e => e is { Tag: "(0000,0001)", Keyword: "CommandLengthToEnd", Retired: true }); // RETIRED_ prefix
        Assert.DoesNotContain(dic, e => e.Keyword is "PrivateCreator" or "PrivateGroupLength" or "IllegalGroupLength"); // DCMTK's own rows
        var uids = DcmtkCrossCheck.ReadUids(Uids);
        Assert.Contains(("WaveformPresentationStateStorage", "1.2.840.10008.5.1.4.1.1.9.100.1"), uids);
        Assert.DoesNotContain(uids, u => u.Uid.EndsWith('.')); // the Relevant Patient Information Query prefix
    }

    [Fact]
    public void The_spec_has_no_unexplained_difference_from_dcmtk_2026b()
    {
        var output = new StringWriter();
        var exit = SpecDiffCommand.Run(new Args(["crosscheck", "--dic", Dic, "--uids", Uids, "--spec", TestPaths.SpecDir, "--all"]), output);
        Assert.True(exit == 0, output.ToString());
        // Only the 7 retired placeholders without keyword, which DCMTK does not list.
        var diffs = Dictionary(TestPaths.SpecDir);
        Assert.Equal(7, diffs.Count);
        Assert.All(diffs, d => Assert.Equal(("element-not-in-dcmtk", true), (d.Kind, d.Explained)));
    }

    [Theory]
    [InlineData("(0008,9007)\tCS\t4-5\t-\tFrameType", "(0008,9007)\tCS\t4\t-\tFrameType", "vm", "DCMTK 4-5, YAML 4")]
    [InlineData("(0010,1000)\tLO\t1-n\tRET\tOtherPatientIDs", "(0010,1000)\tLO\t1-n\t-\tOtherPatientIDs", "retired", "DCMTK retired, YAML not retired")]
    [InlineData("ThreatDetectionAlgorithmAndVersion\t", "ThreatDetectionAlgorithmandVersion\t", "keyword", "DCMTK ThreatDetectionAlgorithmAndVersion, YAML ThreatDetectionAlgorithmandVersion")]
    [InlineData("      (0010,0011)\tSQ\t1\t-\tPersonNamesToUseSequence\tPerson Names to Use Sequence\n", "", "element-missing", "PersonNamesToUseSequence (SQ, VM 1) is not in dictionary.yaml")]
    public void A_stale_or_missing_dictionary_row_is_found(string from, string to, string kind, string message)
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part06", "dictionary.yaml"), from, to);
        var d = Assert.Single(Dictionary(spec.Dir), d => !d.Explained);
        Assert.Equal(kind, d.Kind);
        Assert.EndsWith(message, d.Message);
    }

    [Fact]
    public void A_missing_uid_is_found()
    {
        using var spec = TestPaths.CopySpec();
        var path = Path.Combine(spec.Dir, "part06", "uids.yaml");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.Contains("\"1.2.840.10008.5.1.4.1.1.9.100.2\"", StringComparison.Ordinal)));
        var d = Assert.Single(DcmtkCrossCheck.CompareUids(DcmtkCrossCheck.ReadUids(Uids), UidRegistryYaml.Read(path).Rows));
        Assert.Equal(("uid-missing", "dcuid.h UID_WaveformAcquisitionPresentationStateStorage"), (d.Kind, d.Where));
    }
}
