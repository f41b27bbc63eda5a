using System.Xml.Linq;
using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Editions;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

/// <summary>The importer compares every row with the XML of any edition, whatever the row's own <c>edition:</c>;
/// missing tables and the wrong part of the standard are errors (exit 2), not silence.</summary>
public class StrictImportTests
{
    private static IReadOnlyList<DocbookDocument> Pdus(string edition8, string edition7) =>
        [DocbookDocument.Load(TestPaths.Edition($"part08-{edition8}.xml")), DocbookDocument.Load(TestPaths.Edition($"part07-{edition7}.xml"))];

    private static (int Exit, string Output) Import(params string[] args)
    {
        var output = new StringWriter();
        var exit = ImportCommand.Run(new Args(args), output);
        return (exit, output.ToString());
    }

    [Theory]
    [InlineData("2013")]
    [InlineData("2024c")]
    public void An_invented_field_is_flagged_against_every_edition(string edition)
    {
        using var spec = TestPaths.CopySpec();
        // A field after Maximum-length-received (bytes 9-10), which no edition's Table D.1-1 has.
        const string Last = "description: \"Largest P-DATA-TF variable field the sender accepts; 0 means no limit.\" }\n";
        spec.EditPdus(Last, Last + "      - { name: Bogus, bytes: \"9-10\", type: uint16, source: \"PS3.8 Table D.1-1, Bogus\" }\n");
        var diffs = PduImportDiff.Compare(Pdus(edition, edition), spec.Pdus);
        Assert.DoesNotContain(diffs, d => d.Kind == "yaml-error");
        var d = Assert.Single(diffs, d => d.Kind == "field-not-in-xml");
        Assert.Equal("MaximumLength.Bogus", d.YamlRow);
        Assert.False(d.Explained);
    }

    [Fact]
    public void An_invented_value_is_flagged_against_a_later_edition_and_a_since_later_than_the_xml_explains_absence()
    {
        using var spec = TestPaths.CopySpec();
        const string Reason = "      - { name: ReasonNotSpecified, value: 0, meaning: reason-not-specified, source: \"PS3.8 Table 9-26, Reason 0\" }\n";
        spec.EditPdus(Reason, Reason + "      - { name: Bogus, value: 9, meaning: bogus, source: \"PS3.8 Table 9-26, Reason 9\" }\n");
        var d = Assert.Single(PduImportDiff.Compare(Pdus("2024c", "2024c"), spec.Pdus), d => d.Kind == "value-not-in-xml");
        Assert.Equal("AbortReason.Bogus", d.YamlRow);

        // The same row with since: later than the XML is a row the XML cannot have yet; with an earlier since it is not.
        spec.Edit(Path.Combine("part08", "pdus.yaml"), "meaning: bogus,", "meaning: bogus, since: \"2026a\", edition: \"2026a\",");
        Assert.DoesNotContain(PduImportDiff.Compare(Pdus("2024c", "2024c"), spec.Pdus), d => d.Kind == "value-not-in-xml");
        spec.Edit(Path.Combine("part08", "pdus.yaml"), "since: \"2026a\"", "since: \"2015a\"");
        Assert.Single(PduImportDiff.Compare(Pdus("2024c", "2024c"), spec.Pdus), d => d.Kind == "value-not-in-xml");
    }

    [Theory]
    [InlineData("since: \"2027a\"", "'since: 2027a' is later than the row's edition 2026c")]
    [InlineData("since: \"2018x\"", "'since' must be an edition such as 2018b, got '2018x'")]
    public void A_bad_since_is_a_yaml_error(string since, string message)
    {
        using var spec = TestPaths.CopySpec();
        spec.EditPdus("since: \"2018b\"", since);
        var d = Assert.Single(PduImportDiff.Compare(Pdus("2024c", "2024c"), spec.Pdus), d => d.Kind == "yaml-error");
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void A_dictionary_row_of_a_later_edition_without_since_is_flagged()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part06", "dictionary.yaml"), "  - source: PS3.6 Table 6-1\n    edition: \"2024d\"\n    rows: |\n",
            "  - source: PS3.6 Table 6-1\n    edition: \"2024d\"\n    rows: |\n      (0070,FFF0)\tLO\t1\t-\tBogusElement\tBogus Element\n");
        var xml = ElementTableDiff.FromXml([DocbookDocument.Load(TestPaths.StandardXml("part06.xml")), DocbookDocument.Load(TestPaths.StandardXml("part07.xml"))], commandElementsOnly: false);
        var diffs = ElementTableDiff.Compare(xml, ElementTableDiff.FromDictionaryYaml(Path.Combine(spec.Dir, "part06", "dictionary.yaml")), "2013");
        var d = Assert.Single(diffs, d => !d.Explained);
        Assert.Equal(("row-not-in-xml", "BogusElement"), (d.Kind, d.YamlRow));
    }

    [Fact]
    public void A_cited_table_missing_from_the_xml_is_an_error_naming_it()
    {
        // PS3.8 D.1-1 removed from the 2024c XML: the import names it and is not "explained" by any note.
        var xml = XDocument.Load(TestPaths.Edition("part08-2024c.xml"));
        xml.Descendants(DocbookDocument.Db + "table").Single(t => (string?)t.Attribute("label") == "D.1-1").Remove();
        var diffs = PduImportDiff.Compare([new DocbookDocument("PS3.8", xml), DocbookDocument.Load(TestPaths.Edition("part07-2024c.xml"))],
            Path.Combine(TestPaths.SpecDir, "part08", "pdus.yaml"));
        var error = Assert.Single(diffs, d => d.IsError);
        Assert.Equal(("table-not-in-xml", "PS3.8 Table D.1-1", false), (error.Kind, error.Where, error.Explained));
        Assert.Contains("PS3.8 2024c has no such table; cited by MaximumLength.ItemType", error.Message);
    }

    [Fact]
    public void Pdus_without_the_ps37_xml_name_the_missing_sub_item_tables_and_exit_2()
    {
        var (exit, output) = Import("pdus", "--xml", TestPaths.Edition("part08-2024c.xml"));
        Assert.Equal(2, exit);
        Assert.Contains("ERROR [table-not-in-xml] PS3.7 Table D.3-14: no PS3.7 XML was given", output);
        // The value table of D.3-14 is an error too, not explained by the enum's unrelated note.
        Assert.DoesNotContain("explained", output.Split('\n').Where(l => l.Contains("D.3-", StringComparison.Ordinal)).FirstOrDefault() ?? "");
    }

    [Fact]
    public void Pdus_from_ps37_alone_is_an_error()
    {
        var (exit, output) = Import("pdus", "--xml", TestPaths.Edition("part07-2026c.xml"));
        Assert.Equal(2, exit);
        Assert.Contains("--xml needs the PS3.8 XML", output);
    }

    [Theory]
    [InlineData("pdus", "import pdus reads PS3.8 and PS3.7")]
    [InlineData("elements", "import elements reads PS3.7")]
    [InlineData("dictionary", "import dictionary reads PS3.6 and PS3.7")]
    [InlineData("dul", "import dul reads PS3.8")]
    [InlineData("messages", "import messages reads PS3.7")]
    [InlineData("statuses", "import statuses reads PS3.7 and PS3.4")]
    public void The_wrong_part_is_a_clear_error(string what, string message)
    {
        var part05 = TestPaths.Edition("part05-2024c.xml");
        var (exit, output) = Import(what, "--xml", part05);
        Assert.Equal(2, exit);
        Assert.Contains($"{part05} is PS3.5 2024c; {message}", output);
    }

    [Fact]
    public void A_dul_table_missing_from_the_xml_is_an_error()
    {
        var xml = XDocument.Load(TestPaths.Edition("part08-2024c.xml"));
        xml.Descendants(DocbookDocument.Db + "table").Single(t => (string?)t.Attribute("label") == "9-10").Remove();
        var path = Path.Combine(Path.GetTempPath(), "dsg-part08-" + Guid.NewGuid().ToString("N") + ".xml");
        xml.Save(path);
        try
        {
            var (exit, output) = Import("dul", "--xml", path);
            Assert.Equal(2, exit);
            Assert.Contains("PS3.8 Table 9-10 is not in the PS3.8 2024c XML", output);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Spec_diff_to_an_xml_file_is_a_clear_error()
    {
        var output = new StringWriter();
        var exit = SpecDiffCommand.Run(new Args(["diff", "--from", TestPaths.Edition("part08-2013.xml"), "--to", TestPaths.Edition("part08-2024c.xml")]), output);
        Assert.Equal(2, exit);
        Assert.Contains("is not a spec YAML file", output.ToString());
    }

    private static DocbookDocument Part07(string edition) => DocbookDocument.Load(TestPaths.Edition($"part07-{edition}.xml"));

    private const string StoreRqLast = "source: \"PS3.7 Table 9.3-1, Move Originator Message ID (0000,1031)\" }\n";

    [Theory]
    [InlineData("2013")]
    [InlineData("2026c")]
    public void An_invented_message_field_is_flagged_against_every_edition(string edition)
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part07", "messages.yaml"), StoreRqLast,
            StoreRqLast + "      - { element: ErrorComment, usage: \"U\", source: \"PS3.7 Table 9.3-1, Error Comment (0000,0902)\" }\n");
        var diffs = DimseImportDiff.CompareMessages(Part07(edition), spec.Dir);
        var d = Assert.Single(diffs, d => !d.Explained);
        Assert.Equal(("row-not-in-xml", "CStoreRq.ErrorComment"), (d.Kind, d.YamlRow));

        // since: later than the XML: a row the XML cannot have yet (and not once the XML is that edition).
        spec.Edit(Path.Combine("part07", "messages.yaml"), "Table 9.3-1, Error Comment (0000,0902)\" }", "Table 9.3-1, Error Comment (0000,0902)\", since: \"2026c\" }");
        Assert.Equal(edition == "2013" ? 0 : 1, DimseImportDiff.CompareMessages(Part07(edition), spec.Dir).Count(d => !d.Explained));
    }

    [Fact]
    public void A_field_the_yaml_leaves_out_a_changed_usage_and_a_wrong_command_field_are_flagged()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part07", "messages.yaml"), "      - { element: MoveOriginatorMessageID, usage: \"U\", " + StoreRqLast, "");
        spec.Edit(Path.Combine("part07", "messages.yaml"), "{ element: Priority, usage: \"M\", source: \"PS3.7 Table 9.3-1,", "{ element: Priority, usage: \"U\", source: \"PS3.7 Table 9.3-1,");
        spec.Edit(Path.Combine("part07", "messages.yaml"), "commandField: 0x8001", "commandField: 0x8002");
        var diffs = DimseImportDiff.CompareMessages(Part07("2026c"), spec.Dir).Where(d => !d.Explained).Select(d => (d.Kind, d.YamlRow)).ToList();
        Assert.Equal([("usage", "CStoreRq.Priority"), ("row-missing", "CStoreRq"), ("command-field", "CStoreRsp")], diffs);
    }

    [Fact]
    public void A_message_table_missing_from_the_xml_is_an_error_and_exit_2()
    {
        var xml = XDocument.Load(TestPaths.Edition("part07-2026c.xml"));
        xml.Descendants(DocbookDocument.Db + "table").Single(t => (string?)t.Attribute("label") == "9.3-10").Remove();
        var path = Path.Combine(Path.GetTempPath(), "dsg-part07-" + Guid.NewGuid().ToString("N") + ".xml");
        xml.Save(path);
        try
        {
            var (exit, output) = Import("messages", "--xml", path);
            Assert.Equal(2, exit);
            Assert.Contains("ERROR [table-not-in-xml] PS3.7 Table 9.3-10: C-MOVE-RSP: PS3.7 Table 9.3-10 is not in the PS3.7 2026c XML", output);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("2013")]
    [InlineData("2026c")]
    public void An_invented_status_a_wrong_code_and_a_wrong_class_are_flagged(string edition)
    {
        using var spec = TestPaths.CopySpec();
        const string Last = "source: \"PS3.7 Annex C.5.22, Resource Limitation\" }\n";
        spec.Edit(Path.Combine("part07", "statuses.yaml"), Last,
            Last + "      - { code: \"0125\", meaning: \"Bogus\", class: Failure, name: Bogus, source: \"PS3.7 Annex C.5.99, Bogus\" }\n");
        spec.Edit(Path.Combine("part07", "statuses.yaml"), "{ code: \"0213\", meaning: \"Resource Limitation\", class: Failure,", "{ code: \"0214\", meaning: \"Resource Limitation\", class: Warning,");
        var diffs = DimseImportDiff.CompareStatuses(Part07(edition), spec.Dir, out _);
        var error = Assert.Single(diffs, d => d.IsError);
        Assert.Equal(("section-not-in-xml", "General.Bogus"), (error.Kind, error.YamlRow));
        var open = diffs.Where(d => !d.Explained && !d.IsError).Select(d => (d.Kind, d.YamlRow ?? d.Where)).ToList();
        Assert.Equal([("code", "General.ResourceLimitation"), ("class", "General.ResourceLimitation"), ("row-missing", "PS3.7 Annex C.5.22")], open);
    }

    [Fact]
    public void A_status_title_reworded_by_hand_is_flagged_and_statuses_exits_1()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part07", "statuses.yaml"), "meaning: \"Duplicate SOP Instance\"", "meaning: \"Duplicated SOP Instance\"");
        var (exit, output) = Import("statuses", "--xml", TestPaths.Edition("part07-2026c.xml"), "--spec", spec.Dir);
        Assert.Equal(1, exit);
        Assert.Contains("DIFF [title] PS3.7 Annex C.5.8: XML \"Duplicate SOP Instance\", YAML meaning \"Duplicated SOP Instance\" (yaml General.DuplicateSOPInstance", output);
    }
}
