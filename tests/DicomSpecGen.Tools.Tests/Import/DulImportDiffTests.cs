using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

public class DulImportDiffTests
{
    private static readonly Lazy<DocbookDocument> Part08 = new(() => DocbookDocument.Load(TestPaths.StandardXml("part08.xml")));

    [Fact]
    public void The_2013_xml_reproduces_every_dul_cell_state_event_and_action_except_the_noted_texts()
    {
        var diffs = DulImportDiff.Compare(Part08.Value, TestPaths.SpecDir);
        Assert.DoesNotContain(diffs, d => !d.Explained);
        // All 247 cells and every next state agree; only three texts differ, each with its note.
        Assert.Equal(["AA-3", "AR-8", "Evt2"], diffs.Select(d => d.YamlRow!).Order(StringComparer.Ordinal));
        Assert.All(diffs, d => Assert.Equal("text", d.Kind));
    }

    public static TheoryData<string, string, string, string, string> Mutations() => new()
    {
        // file, YAML edit → kind of difference, row
        { "dul-transitions.yaml", "{ event: Evt1, state: Sta1, action: AE1, next: [Sta4],", "{ event: Evt1, state: Sta1, action: AE2, next: [Sta5],", "action", "Evt1/Sta1" },
        { "dul-states.yaml", "description: \"Idle\"", "description: \"Idle (waiting)\"", "text", "Sta1" },
        { "dul-events.yaml", "description: \"P-DATA request primitive\"", "description: \"P-DATA indication primitive\"", "text", "Evt9" },
    };

    [Theory]
    [MemberData(nameof(Mutations))]
    public void A_changed_dul_fact_is_an_unexplained_difference(string file, string from, string to, string kind, string row)
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part08", file), from, to);
        var open = DulImportDiff.Compare(Part08.Value, spec.Dir).Where(d => !d.Explained).ToList();
        var d = Assert.Single(open);
        Assert.Equal((kind, row), (d.Kind, d.YamlRow));
    }

    [Fact]
    public void Next_states_are_read_from_text_with_lost_line_breaks_and_typos()
    {
        // "Send A-ASSOCIATE-RQ-PDUNext state is Sta5", AA-8 "Nest state is Sta13", AE-8 "STA13", AE-6 two next states.
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part08", "dul-actions.yaml"), "  - id: AE-2\n    name: AE2\n    description: \"Send A-ASSOCIATE-RQ-PDU\"\n    next: [Sta5]",
            "  - id: AE-2\n    name: AE2\n    description: \"Send A-ASSOCIATE-RQ-PDU\"\n    next: [Sta6]");
        var diffs = DulImportDiff.Compare(Part08.Value, spec.Dir);
        Assert.Contains(diffs, d => d is { Kind: "next-state", YamlRow: "AE-2", Message: "XML next state(s) Sta5, YAML Sta6" });
    }
}
