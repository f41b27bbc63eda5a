using System.Xml.Linq;
using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

/// <summary><c>dsgtool import vrs</c>: spec/part05/vrs.yaml against PS3.5 2024c Table 6.2-1 and Section 7.1.2.</summary>
public class VrImportTests
{
    private static readonly string Part05 = TestPaths.Edition("part05-2024c.xml");
    private static string VrsYaml(TestPaths.TempSpec spec) => Path.Combine(spec.Dir, "part05", "vrs.yaml");

    private static (int Exit, string Output) Import(params string[] args)
    {
        var output = new StringWriter();
        var exit = ImportCommand.Run(new Args(args), output);
        return (exit, output.ToString());
    }

    [Fact]
    public void The_vrs_agree_with_ps35_2024c()
    {
        var (exit, output) = Import("vrs", "--xml", Part05);
        Assert.Equal(0, exit);
        Assert.Contains("0 difference(s)", output);
    }

    [Fact]
    public void An_invented_vr_is_flagged_and_exits_1()
    {
        using var spec = TestPaths.CopySpec();
        const string Us = "  - { code: US,";
        spec.Edit(Path.Combine("part05", "vrs.yaml"), Us, "  - { code: XX, title: \"Bogus\", kind: binary, lengthField: 4, size: 8, source: \"PS3.5 Table 6.2-1, XX\" }\n" + Us);
        var d = Assert.Single(VrImportDiff.Compare(DocbookDocument.Load(Part05), VrsYaml(spec)));
        Assert.Equal(("row-not-in-xml", "XX", false), (d.Kind, d.YamlRow, d.Explained));
        var (exit, _) = Import("vrs", "--xml", Part05, "--spec", spec.Dir);
        Assert.Equal(1, exit);
    }

    [Fact]
    public void A_vr_the_yaml_lacks_is_flagged()
    {
        using var spec = TestPaths.CopySpec();
        var yaml = File.ReadAllText(VrsYaml(spec));
        File.WriteAllText(VrsYaml(spec), string.Join('\n', yaml.Split('\n').Where(l => !l.StartsWith("  - { code: UV,", StringComparison.Ordinal))));
        var d = Assert.Single(VrImportDiff.Compare(DocbookDocument.Load(Part05), VrsYaml(spec)));
        Assert.Equal("row-missing", d.Kind);
        Assert.Contains("VR UV \"Unsigned 64-bit Very Long\"", d.Message);
    }

    [Theory]
    [InlineData("title: \"Age String\"", "title: \"Age Text\"", "title", "AS")]
    [InlineData("code: FD, title: \"Floating Point Double\", kind: binary, lengthField: 2, size: 8", "code: FD, title: \"Floating Point Double\", kind: binary, lengthField: 2, size: 4", "size", "FD")]
    [InlineData("code: SL, title: \"Signed Long\", kind: binary, lengthField: 2", "code: SL, title: \"Signed Long\", kind: binary, lengthField: 4", "length-field", "SL")]
    [InlineData("code: UT, title: \"Unlimited Text\", kind: text, lengthField: 4", "code: UT, title: \"Unlimited Text\", kind: text, lengthField: 2", "length-field", "UT")]
    [InlineData("code: UI, title: \"Unique Identifier (UID)\", kind: text, lengthField: 2, padding: zero", "code: UI, title: \"Unique Identifier (UID)\", kind: text, lengthField: 2, padding: space", "padding", "UI")]
    [InlineData("code: OB, title: \"Other Byte\", kind: bytes, lengthField: 4, padding: zero", "code: OB, title: \"Other Byte\", kind: bytes, lengthField: 4, padding: space", "padding", "OB")]
    [InlineData("code: DA, title: \"Date\", kind: text, lengthField: 2, padding: space", "code: DA, title: \"Date\", kind: binary, lengthField: 2, size: 8", "kind", "DA")]
    public void A_changed_fact_is_flagged(string oldText, string newText, string kind, string code)
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part05", "vrs.yaml"), oldText, newText);
        var d = Assert.Single(VrImportDiff.Compare(DocbookDocument.Load(Part05), VrsYaml(spec)));
        Assert.Equal((kind, code, false), (d.Kind, d.YamlRow, d.Explained));
    }

    [Fact]
    public void The_wrong_part_is_exit_2()
    {
        var part07 = TestPaths.Edition("part07-2024c.xml");
        var (exit, output) = Import("vrs", "--xml", part07);
        Assert.Equal(2, exit);
        Assert.Contains($"{part07} is PS3.7 2024c; import vrs reads PS3.5", output);
    }

    [Fact]
    public void A_missing_table_is_an_error_and_exit_2()
    {
        var xml = XDocument.Load(Part05);
        xml.Descendants(DocbookDocument.Db + "table").Single(t => (string?)t.Attribute("label") == "6.2-1").Remove();
        var path = Path.Combine(Path.GetTempPath(), "dsg-part05-" + Guid.NewGuid().ToString("N") + ".xml");
        xml.Save(path);
        try
        {
            var (exit, output) = Import("vrs", "--xml", path);
            Assert.Equal(2, exit);
            Assert.Contains("ERROR [table-not-in-xml] PS3.5 Table 6.2-1: PS3.5 Table 6.2-1 is not in the PS3.5 2024c XML", output);
        }
        finally { File.Delete(path); }
    }
}
