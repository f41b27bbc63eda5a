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

    /// <summary>Differences explained by a row's later edition (its words are today's; the changelog has the change),
    /// as "edition: [kind] row": exactly the three renamings, in the editions before each.</summary>
    private static List<string> FollowsLaterEdition(IEnumerable<(string Edition, ImportDifference Diff)> diffs)
        => diffs.Where(x => x.Diff.Note?.StartsWith(DimseImportDiff.FollowsPrefix, StringComparison.Ordinal) == true)
            .Select(x => $"{x.Edition}: [{x.Diff.Kind}] {x.Diff.YamlRow}").ToList();

    private static IEnumerable<string> Before(string edition, params string[] rows)
        => TestPaths.EditionsOf("part07").Where(e => string.CompareOrdinal(e, edition) < 0).SelectMany(e => rows.Select(r => $"{e}: {r}"));

    [Fact]
    public void Messages_yaml_imports_from_every_ps37_edition_with_every_difference_explained()
    {
        var all = new List<(string, ImportDifference)>();
        foreach (var e in TestPaths.EditionsOf("part07"))
        {
            var diffs = DimseImportDiff.CompareMessages(Load("part07", e), TestPaths.SpecDir);
            Assert.True(diffs.All(d => d.Explained), e + ": " + string.Join("\n", diffs.Where(d => !d.Explained)));
            all.AddRange(diffs.Select(d => (e, d)));
        }
        // (0000,1021) "Number of Complete Sub-operations" until 2018e.
        Assert.Equal(Before("2019a", "[name] CMoveRsp.NumberOfCompletedSuboperations"), FollowsLaterEdition(all));
        Assert.Equal(all.Count, FollowsLaterEdition(all).Count);
    }

    [Fact]
    public void Statuses_yaml_imports_from_every_ps37_edition_with_every_difference_explained()
    {
        var all = new List<(string, ImportDifference)>();
        foreach (var e in TestPaths.EditionsOf("part07"))
        {
            var diffs = DimseImportDiff.CompareStatuses(Load("part07", e), TestPaths.SpecDir, out var notCompared);
            Assert.True(diffs.All(d => d.Explained), e + ": " + string.Join("\n", diffs.Where(d => !d.Explained)));
            Assert.Equal(41, notCompared); // the service rows citing PS3.4
            all.AddRange(diffs.Select(d => (e, d)));
        }
        var byEdition = FollowsLaterEdition(all);
        var expected = Before("2020a", "[title] General.InvalidObjectInstance", "[citation] General.InvalidObjectInstance")
            .Concat(Before("2026c", "[title] General.AttributeListError", "[citation] General.AttributeListError")).Order().ToList();
        Assert.Equal(expected, byEdition.Order().ToList());
        // The rest: the class convention 2017e rewrote, explained by the notes of the three class rows.
        var noted = all.Where(x => !x.Item2.Note!.StartsWith(DimseImportDiff.FollowsPrefix, StringComparison.Ordinal))
            .Select(x => $"{x.Item1}: [{x.Item2.Kind}] {x.Item2.YamlRow}").ToList();
        var since2017e = TestPaths.EditionsOf("part07").Where(e => string.CompareOrdinal(e, "2017e") >= 0)
            .SelectMany(e => new[] { $"{e}: [codes] Warning", $"{e}: [codes] Failure", $"{e}: [row-not-in-xml] Assigned" });
        Assert.Equal(since2017e.Order(), noted.Order());
    }
}
