using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

/// <summary>Every PS3.7/PS3.8 edition in tests/reference/editions imported against today's spec/: each difference is
/// explained by a <c>note:</c> on the row it concerns, and a row a later edition added is not expected in an older
/// XML only by its <c>since:</c>.</summary>
public class AllEditionsImportTests
{
    /// <summary>Differences no note or since: explains, as "PS3.8/PS3.7 editions: [kind] yaml row" — none.</summary>
    private static readonly string[] Unexplained = [];

    private static DocbookDocument Load(string part, string edition) => DocbookDocument.Load(TestPaths.Edition($"{part}-{edition}.xml"));

    /// <summary>Each PS3.8 edition with the PS3.7 of the same edition, or else the newest older one; PS3.7 editions
    /// without a PS3.8 of their own with the newest older PS3.8.</summary>
    public static IEnumerable<(string Part08, string Part07)> Pairs()
    {
        var e8 = TestPaths.EditionsOf("part08");
        var e7 = TestPaths.EditionsOf("part07");
        static string Nearest(IReadOnlyList<string> editions, string e) => editions.Last(x => string.CompareOrdinal(x, e) <= 0);
        foreach (var e in e8) yield return (e, Nearest(e7, e));
        foreach (var e in e7.Except(e8)) yield return (Nearest(e8, e), e);
    }

    [Fact]
    public void The_folder_holds_the_editions_2013_to_2026c()
    {
        Assert.Equal(32, TestPaths.EditionsOf("part08").Count);
        Assert.Equal(32, TestPaths.EditionsOf("part07").Count);
        Assert.Equal(33, Pairs().Count());
        Assert.All(TestPaths.EditionsOf("part07"), e => Assert.Equal(("PS3.7", e), (Load("part07", e).Document, Load("part07", e).Edition)));
    }

    [Fact]
    public void Pdus_yaml_imports_from_every_edition_with_every_difference_explained()
    {
        var pdus = Path.Combine(TestPaths.SpecDir, "part08", "pdus.yaml");
        var open = new List<string>();
        foreach (var (e8, e7) in Pairs())
        {
            var diffs = PduImportDiff.Compare([Load("part08", e8), Load("part07", e7)], pdus);
            Assert.DoesNotContain(diffs, d => d.IsError);
            open.AddRange(diffs.Where(d => !d.Explained).Select(d => $"{e8}/{e7}: [{d.Kind}] {d.YamlRow}"));
        }
        Assert.Equal(Unexplained, open);
    }

    [Fact]
    public void The_dul_tables_of_every_ps38_edition_match_with_their_notes()
    {
        foreach (var e in TestPaths.EditionsOf("part08"))
        {
            var diffs = DulImportDiff.Compare(Load("part08", e), TestPaths.SpecDir);
            Assert.True(diffs.All(d => d.Explained), e + ": " + string.Join("\n", diffs.Where(d => !d.Explained)));
        }
    }

    [Fact]
    public void The_command_elements_of_every_ps37_edition_match()
    {
        var yaml = ElementTableDiff.FromCommandElementsYaml(Path.Combine(TestPaths.SpecDir, "part07", "command-elements.yaml"));
        foreach (var e in TestPaths.EditionsOf("part07"))
        {
            var diffs = ElementTableDiff.Compare(ElementTableDiff.FromXml([Load("part07", e)], commandElementsOnly: true), yaml, e);
            Assert.True(diffs.Count == 0, e + ": " + string.Join("\n", diffs));
        }
    }
}
