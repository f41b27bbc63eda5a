using DicomSpecGen.Tools.Changelog;
using DicomSpecGen.Tools.Editions;

namespace DicomSpecGen.Tools.Tests.Changelog;

/// <summary>docs/changelog.md and docs/changelog.json are what <c>dsgtool spec changelog --from 2014a --to 2026c</c>
/// makes of the XML in tests/reference/editions, and the changes known from the editions are in them.</summary>
public class ChangelogTests
{
    private static readonly Lazy<IReadOnlyList<EditionChange>> Changes = new(() => EditionChangelog.Build(TestPaths.EditionsDir, "2014a", "2026c"));

    [Fact]
    public void The_committed_changelog_is_reproducible_from_the_xml()
    {
        var md = Path.Combine(Path.GetTempPath(), "dsg-changelog-" + Guid.NewGuid().ToString("N") + ".md");
        var json = Path.ChangeExtension(md, ".json");
        try
        {
            var output = new StringWriter();
            var exit = SpecDiffCommand.Run(new Args(["changelog", "--from", "2014a", "--to", "2026c", "--editions", TestPaths.EditionsDir, "--md", md, "--json", json]), output);
            Assert.Equal(0, exit);
            Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "changelog.md")), File.ReadAllText(md));
            Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "changelog.json")), File.ReadAllText(json));
        }
        finally
        {
            File.Delete(md);
            File.Delete(json);
        }
    }

    [Fact]
    public void Known_changes_appear_in_the_edition_that_made_them()
    {
        var changes = Changes.Value;
        var jwt = Assert.Single(changes, c => c is { Table: "D.3-14", What: "value" });
        Assert.Equal(("PS3.7", "2018a", "2018b", "added", "JSON Web Token (JWT)"), (jwt.Part, jwt.Previous, jwt.Edition, jwt.Kind, jwt.After));
        var completed = Assert.Single(changes, c => c is { Table: "9.3-10", Key: "(0000,1021)" });
        Assert.Equal(("2019a", "Number of Completed Sub-operations | US | 1"), (completed.Edition, completed.After));
        var sop = Assert.Single(changes, c => c is { What: "status", Key: "0117 (C.5.12)" });
        Assert.Equal(("2020a", "Invalid Object Instance", "Invalid SOP Instance"), (sop.Edition, sop.Before, sop.After));
        // 2020a only re-cased it ("Attribute list error"): not a change of words.
        Assert.Equal(["2026c"], changes.Where(c => c.Key == "0107 (C.4.2)").Select(c => c.Edition));
        // 2017e rewrote the Status Class convention: the Annex C assigned codes moved into Warning and Failure.
        Assert.Equal(["Annex C assigned Warning and Failure removed", "Failure changed", "Warning changed"],
            changes.Where(c => c.What == "status-class").Select(c => $"{c.Key} {c.Kind}").Order(StringComparer.Ordinal));
        Assert.All(changes.Where(c => c.What == "status-class"), c => Assert.Equal(("2017d", "2017e"), (c.Previous, c.Edition)));
        Assert.Equal("0001 or Bxxx or 0107 or 0116", changes.Single(c => c is { What: "status-class", Key: "Warning" }).After);
        // Message parameters' usage (Tables 9.1-x, 10.1-x) did not change from 2013 to 2026c.
        Assert.DoesNotContain(changes, c => c.What == "usage");
        // The state table's cells did not change; PS3.8 2014b corrected the "Nest state" typo of AA-8.
        Assert.DoesNotContain(changes, c => c.Table == "9-10");
        Assert.Equal("AA-8", Assert.Single(changes, c => c.Part == "PS3.8").Key);
    }

    [Fact]
    public void A_range_starting_later_leaves_earlier_changes_out()
    {
        var later = EditionChangelog.Build(TestPaths.EditionsDir, "2019a", "2026c");
        Assert.DoesNotContain(later, c => c.Table == "D.3-14"); // 2018b
        Assert.Contains(later, c => c.Table == "9.3-10"); // 2019a, compared with 2018e
        Assert.Equal(Changes.Value.Count(c => string.CompareOrdinal(c.Edition, "2019a") >= 0), later.Count);
    }
}
