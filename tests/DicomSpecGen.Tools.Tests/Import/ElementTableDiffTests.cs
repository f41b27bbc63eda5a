using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

public class ElementTableDiffTests
{
    private static readonly Lazy<IReadOnlyList<DocbookDocument>> Parts = new(() =>
        [DocbookDocument.Load(TestPaths.StandardXml("part06.xml")), DocbookDocument.Load(TestPaths.StandardXml("part07.xml"))]);

    private static IReadOnlyList<ImportDifference> Dictionary(string specDir) => ElementTableDiff.Compare(
        ElementTableDiff.FromXml(Parts.Value, commandElementsOnly: false),
        ElementTableDiff.FromDictionaryYaml(Path.Combine(specDir, "part06", "dictionary.yaml")), "2013");

    private static IReadOnlyList<ImportDifference> CommandElements(string specDir) => ElementTableDiff.Compare(
        ElementTableDiff.FromXml(Parts.Value, commandElementsOnly: true),
        ElementTableDiff.FromCommandElementsYaml(Path.Combine(specDir, "part07", "command-elements.yaml")), "2013");

    [Fact]
    public void The_2013_element_tables_are_read_with_clean_keywords()
    {
        var all = ElementTableDiff.FromXml(Parts.Value, commandElementsOnly: false);
        Assert.True(all.Count(e => e.Where == "PS3.6 Table 6-1") > 3500, $"{all.Count} rows");
        Assert.Equal(46, all.Count(e => e.Where.StartsWith("PS3.7", StringComparison.Ordinal))); // E.1-1 and E.2-1
        Assert.DoesNotContain(all, e => e.Keyword.Contains('\u200B'));
        var length = all.Single(e => e.Tag == "(0008,0001)");
        Assert.Equal(("Length to End", "LengthToEnd", "UL", "1", true), (length.Name, length.Keyword, length.Vr, length.Vm, length.Retired));
    }

    [Fact]
    public void The_2013_xml_reproduces_the_dictionary_and_the_command_elements()
    {
        var dictionary = Dictionary(TestPaths.SpecDir);
        Assert.DoesNotContain(dictionary, d => !d.Explained);
        // The rows dictionary.yaml takes from 2024d because their VR changed (UT/ST -> UR, SQ errata, retired placeholders),
        // and from DCMTK's 2026b dictionary because their VM, retirement or keyword changed.
        Assert.All(dictionary, d => Assert.Contains(d.Note, new[] { "the row follows edition 2024d", "the row follows edition 2026b" }));
        Assert.Contains(dictionary, d => d is { Kind: "vr", Where: "PS3.6 Table 6-1, (0040,E010)", Message: "XML \"UT\", YAML \"UR\"" });
        Assert.Contains(dictionary, d => d is { Kind: "retired", Where: "PS3.6 Table 6-1, (0010,1000)", Message: "XML not retired, YAML retired" });
        Assert.Empty(CommandElements(TestPaths.SpecDir));
    }

    [Fact]
    public void A_changed_dictionary_row_is_a_difference()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part06", "dictionary.yaml"), "(0000,0002)\tUI\t1\t-\tAffectedSOPClassUID", "(0000,0002)\tUL\t1\t-\tAffectedSOPClassUID");
        var d = Assert.Single(Dictionary(spec.Dir), d => !d.Explained);
        Assert.Equal(("vr", "AffectedSOPClassUID", "XML \"UI\", YAML \"UL\""), (d.Kind, d.YamlRow, d.Message));
    }

    [Fact]
    public void A_changed_command_element_is_a_difference()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part07", "command-elements.yaml"), "name: \"Command Length to End\"", "name: \"Command Length To The End\"");
        var d = Assert.Single(CommandElements(spec.Dir));
        Assert.Equal(("name", "CommandLengthToEnd"), (d.Kind, d.YamlRow));
    }
}
