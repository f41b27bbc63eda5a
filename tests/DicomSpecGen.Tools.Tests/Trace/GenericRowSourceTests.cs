using DicomSpecGen.Tools.Trace;

namespace DicomSpecGen.Tools.Tests.Trace;

public class GenericRowSourceTests
{
    [Fact]
    public void A_spec_file_without_an_area_parser_contributes_every_row_with_a_source()
    {
        using var spec = TestPaths.CopySpec();
        var dir = Path.Combine(spec.Dir, "part99");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "extra.yaml"), """
            edition: "2013"
            document: PS3.99
            things:
              - { name: First, source: "PS3.99 Table 1-1, First" }
              - name: Second
                edition: "2024d"
                source: "PS3.99 Table 1-1, Second"
                parts:
                  - { keyword: Inner, source: "PS3.99 Table 1-2, Inner" }
              - { name: NoSource }
            """);
        var (rows, diagnostics) = SpecRows.Load(spec.Dir);
        Assert.Empty(diagnostics);
        var extra = rows.Where(r => r.File == "part99/extra.yaml").ToList();
        Assert.Equal(["part99/extra.yaml#First", "part99/extra.yaml#Second", "part99/extra.yaml#Second.parts.Inner"], extra.Select(r => r.Id));
        Assert.Equal(["2013", "2024d", "2024d"], extra.Select(r => r.Edition));

        // Such rows have no generated code: the check says so, and a trace diff lists them as added.
        var before = TraceCommand.Build(TestPaths.SpecDir, [], ["part99/*"]);
        var after = TraceCommand.Build(spec.Dir, [], ["part99/*"]);
        Assert.Equal(3, after.WithoutSymbol.Count());
        Assert.Contains("+ row added: part99/extra.yaml#First (PS3.99 Table 1-1, First (2013))", TraceDiff.Compare(TraceWriters.ToJson(before), TraceWriters.ToJson(after)));
    }
}
