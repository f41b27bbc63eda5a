using System.Xml.Linq;
using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

/// <summary><c>dsgtool import statuses --xml part07.xml part04.xml</c>: the service status rows of statuses.yaml
/// against the PS3.4 2020c status tables (B.2-1, C.4-1/2/3, K.4-1, Y.4-1/2).</summary>
public class ServiceStatusImportTests
{
    private static readonly string Part04 = TestPaths.Edition("part04-2020c.xml");
    private static readonly string Part07 = TestPaths.Edition("part07-2026c.xml");
    private static readonly string Statuses = Path.Combine("part07", "statuses.yaml");

    private static IReadOnlyList<ImportDifference> Compare(string specDir, DocbookDocument? part04 = null)
        => DimseImportDiff.CompareStatuses(DocbookDocument.Load(Part07), specDir, out _, part04 ?? DocbookDocument.Load(Part04));

    private static (int Exit, string Output) Import(params string[] args)
    {
        var output = new StringWriter();
        var exit = ImportCommand.Run(new Args(args), output);
        return (exit, output.ToString());
    }

    [Fact]
    public void The_service_rows_agree_with_ps34_2020c_and_the_rows_it_lacks_are_explained()
    {
        var (exit, output) = Import("statuses", "--xml", Part07, Part04);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("not compared", output);
        var service = Compare(TestPaths.SpecDir).Where(d => d.Where.StartsWith("PS3.4", StringComparison.Ordinal)).ToList();
        Assert.All(service, d => Assert.True(d.Explained, d.ToString()));
        Assert.Equal(["QueryRetrieveFind.InvalidPriorRecordKey", "QueryRetrieveFind.MatchingReachedResponseLimitSubsequentRequestMayReturnAdditionalMatches"],
            service.Select(d => d.YamlRow).Order());
    }

    [Theory]
    [InlineData("meaning: \"Error: Cannot understand\", class: Failure,", "meaning: \"Cannot Understand\", class: Failure,", "meaning", "Storage.CannotUnderstand")]
    [InlineData("meaning: \"Coercion of Data Elements\", class: Warning,", "meaning: \"Coercion of Data Elements\", class: Failure,", "class", "Storage.CoercionOfDataElements")]
    [InlineData("source: \"PS3.4 Table Y.4-2, AA02\"", "source: \"PS3.4 Table Y.4-2, AA03\"", "citation", "QueryRetrieveGet.UnableToExtractFrames")]
    public void A_changed_service_row_is_flagged(string oldText, string newText, string kind, string yamlRow)
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Statuses, oldText, newText);
        var d = Assert.Single(Compare(spec.Dir), d => !d.Explained);
        Assert.Equal((kind, yamlRow), (d.Kind, d.YamlRow));
    }

    [Fact]
    public void A_changed_code_is_a_row_the_xml_lacks_and_the_xml_row_is_missing_from_each_table()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Statuses, "{ code: \"A801\",", "{ code: \"A802\",");
        var diffs = Compare(spec.Dir).Where(d => !d.Explained).Select(d => (d.Kind, d.Where)).ToList();
        Assert.Equal([("row-not-in-xml", "PS3.4 Table C.4-2, A802"), ("row-missing", "PS3.4 Table C.4-2, A801"), ("row-missing", "PS3.4 Table Y.4-1, A801")], diffs);
    }

    [Fact]
    public void A_table_row_the_service_lacks_is_flagged()
    {
        using var spec = TestPaths.CopySpec();
        var yaml = File.ReadAllText(Path.Combine(spec.Dir, Statuses));
        File.WriteAllText(Path.Combine(spec.Dir, Statuses), string.Join('\n', yaml.Split('\n').Where(l => !l.Contains("source: \"PS3.4 Table B.2-1, B007\"", StringComparison.Ordinal))));
        var d = Assert.Single(Compare(spec.Dir), d => !d.Explained);
        Assert.Equal(("row-missing", "PS3.4 Table B.2-1, B007"), (d.Kind, d.Where));
    }

    [Fact]
    public void A_row_without_a_table_citation_is_flagged_unless_its_note_explains()
    {
        using var spec = TestPaths.CopySpec();
        var path = Path.Combine(spec.Dir, Statuses);
        File.WriteAllText(path, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(path), @"(B001 \(via pynetdicom status\.py\)"", edition: ""2025b""), note: ""[^""]*""", "$1"));
        var d = Assert.Single(Compare(spec.Dir), d => !d.Explained);
        Assert.Equal(("citation", "QueryRetrieveFind.MatchingReachedResponseLimitSubsequentRequestMayReturnAdditionalMatches"), (d.Kind, d.YamlRow));
    }

    [Fact]
    public void A_status_table_missing_from_the_ps34_xml_is_an_error_and_exit_2()
    {
        var xml = XDocument.Load(Part04);
        xml.Descendants(DocbookDocument.Db + "table").Single(t => (string?)t.Attribute("label") == "B.2-1").Remove();
        var path = Path.Combine(Path.GetTempPath(), "dsg-part04-" + Guid.NewGuid().ToString("N") + ".xml");
        xml.Save(path);
        try
        {
            var (exit, output) = Import("statuses", "--xml", Part07, path);
            Assert.Equal(2, exit);
            Assert.Contains("ERROR [table-not-in-xml] PS3.4 Table B.2-1: PS3.4 Table B.2-1 is not in the PS3.4 2020c XML", output);
        }
        finally { File.Delete(path); }
    }
}
