using DicomSpecGen.Spec.Pdu;
using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

public class PduYamlWriterTests
{
    private static readonly Lazy<IReadOnlyList<DocbookDocument>> Parts = new(() =>
        [DocbookDocument.Load(TestPaths.StandardXml("part08.xml")), DocbookDocument.Load(TestPaths.StandardXml("part07.xml"))]);

    private static string Emit(string label, string name, string kind)
        => PduYamlWriter.Write(Parts.Value.Select(p => p.Table(label)).First(t => t != null)!, name, kind);

    [Theory]
    [InlineData("9-26", "AAbort", "pdu")]
    [InlineData("9-24", "AReleaseRq", "pdu")]
    [InlineData("D.3-9", "RoleSelection", "item")]
    [InlineData("D.1-1", "MaximumLength", "item")]
    public void An_emitted_table_has_the_layout_of_our_yaml_and_reimports_without_differences(string label, string name, string kind)
    {
        var yaml = "edition: \"2013\"\ndocument: PS3.8\nstructures:\n" + Emit(label, name, kind);
        var path = Path.Combine(Path.GetTempPath(), "dsg-emit-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var emitted = PduParser.Parse(path, yaml);
            Assert.Empty(emitted.Diagnostics);
            var ours = PduParser.Parse("pdus.yaml", File.ReadAllText(Path.Combine(TestPaths.SpecDir, "part08", "pdus.yaml"))).Structures.Single(s => s.Name == name);
            var structure = Assert.Single(emitted.Structures);
            Assert.Equal(ours.Code, structure.Code);
            // Same byte ranges and the same types, field by field (value tables are named by hand: enum:).
            Assert.Equal(ours.Fields.Select(f => (f.Bytes, f.Type)), structure.Fields.Select(f => (f.Bytes, f.Type)));
            var citation = $"{structure.Source.Text}";
            Assert.DoesNotContain(PduImportDiff.Compare(Parts.Value, path), d => d.Where.StartsWith(citation + ",", StringComparison.Ordinal) || d.Where == citation);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
