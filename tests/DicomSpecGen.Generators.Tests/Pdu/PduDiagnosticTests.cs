using DicomSpecGen.Generators.Pdu;
using DicomSpecGen.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Pdu;

/// <summary>One test per diagnostic: a small valid pdus.yaml with one mistake, and the diagnostic lands on its line.</summary>
public class PduDiagnosticTests
{
    private const string Path = "/spec/part08/pdus.yaml";

    // Line numbers matter: the tests below name them.
    private const string Valid = """
        edition: "2013"
        document: PS3.8
        structures:
          - name: AReleaseRq
            kind: pdu
            code: 0x05
            title: A-RELEASE-RQ PDU
            source: PS3.8 Table 9-24
            fields:
              - { name: PduType, bytes: "1", type: code, source: "t" }
              - { name: Reserved1, bytes: "2", type: reserved, value: 0, source: "t" }
              - { name: PduLength, bytes: "3-6", type: length, source: "t" }
              - { name: Reserved2, bytes: "7-10", type: reserved, value: 0, source: "t" }
          - name: Ctx
            kind: item
            code: 0x10
            title: Application Context Item
            source: PS3.8 Table 9-12
            fields:
              - { name: ItemType, bytes: "1", type: code, source: "t" }
              - { name: Reserved1, bytes: "2", type: reserved, value: 0, source: "t" }
              - { name: ItemLength, bytes: "3-4", type: length, source: "t" }
              - { name: Name, bytes: "5-xxx", type: uid, source: "t" }
        enums:
          - name: AbortSource
            title: A-ABORT Source
            source: PS3.8 Table 9-26
            values:
              - { name: ServiceUser, value: 0, meaning: service-user, source: "t" }
        """;

    private static Diagnostic Single(string yaml)
    {
        var result = GeneratorHarness.Run(new PduGenerator(), Path, yaml);
        Assert.Empty(result.GeneratedSources);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(Path, d.Location.GetLineSpan().Path);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        return d;
    }

    private static int Line(Diagnostic d) => d.Location.GetLineSpan().StartLinePosition.Line + 1;

    [Fact]
    public void Valid_yaml_generates_without_diagnostics()
    {
        var result = GeneratorHarness.Run(new PduGenerator(), Path, Valid);
        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Pdu.AReleaseRq.g.cs");
    }

    [Fact]
    public void DSG0001_yaml_syntax_error()
    {
        var d = Single(Valid.Replace("code: 0x05", "code: [0x05"));
        Assert.Equal("DSG0001", d.Id);
    }

    [Fact]
    public void DSG0002_missing_required_key()
    {
        var d = Single(Valid.Replace("    title: A-RELEASE-RQ PDU\n", ""));
        Assert.Equal("DSG0002", d.Id);
        Assert.Contains("'title'", d.GetMessage());
        Assert.Equal(4, Line(d));
    }

    [Fact]
    public void DSG0003_invalid_value()
    {
        var d = Single(Valid.Replace("{ name: Reserved2, bytes: \"7-10\", type: reserved, value: 0,", "{ name: Reserved2, bytes: \"7-10\", type: reserved, value: zero,"));
        Assert.Equal("DSG0003", d.Id);
        Assert.Equal(13, Line(d));
    }

    [Fact]
    public void DSG0004_missing_source_citation()
    {
        var d = Single(Valid.Replace("type: length, source: \"t\" }\n      - { name: Reserved2", "type: length }\n      - { name: Reserved2"));
        Assert.Equal("DSG0004", d.Id);
        Assert.Equal(12, Line(d));
    }

    [Fact]
    public void DSG0005_unknown_key()
    {
        var d = Single(Valid.Replace("    title: A-RELEASE-RQ PDU", "    titel: A-RELEASE-RQ PDU\n    title: A-RELEASE-RQ PDU"));
        Assert.Equal("DSG0005", d.Id);
        Assert.Contains("titel", d.GetMessage());
        Assert.Equal(7, Line(d));
    }

    [Fact]
    public void DSG0006_duplicate_field_name()
    {
        var d = Single(Valid.Replace("name: Reserved2, bytes: \"7-10\"", "name: Reserved1, bytes: \"7-10\""));
        Assert.Equal("DSG0006", d.Id);
        Assert.Equal(13, Line(d));
    }

    [Fact]
    public void DSG0010_duplicate_item_type()
    {
        var duplicate = string.Join("\n",
            "  - name: Other",
            "    kind: item",
            "    code: 0x10",
            "    title: Other",
            "    source: t",
            "    fields:",
            "      - { name: ItemType, bytes: \"1\", type: code, source: \"t\" }",
            "      - { name: Reserved1, bytes: \"2\", type: reserved, value: 0, source: \"t\" }",
            "      - { name: ItemLength, bytes: \"3-4\", type: length, source: \"t\" }",
            "enums:");
        var d = Single(Valid.Replace("enums:", duplicate));
        Assert.Equal("DSG0010", d.Id);
        Assert.Contains("0x10", d.GetMessage());
        Assert.Equal(24, Line(d));
    }

    [Fact]
    public void DSG0011_unknown_field_type()
    {
        var d = Single(Valid.Replace("type: uid", "type: uuid"));
        Assert.Equal("DSG0011", d.Id);
        Assert.Equal(23, Line(d));
    }

    [Fact]
    public void DSG0012_byte_range_does_not_match_the_running_offset()
    {
        var d = Single(Valid.Replace("bytes: \"7-10\"", "bytes: \"8-11\""));
        Assert.Equal("DSG0012", d.Id);
        Assert.Contains("byte 8", d.GetMessage());
        Assert.Equal(13, Line(d));
    }

    [Fact]
    public void DSG0012_type_size_does_not_match_the_range()
    {
        var d = Single(Valid.Replace("{ name: PduType, bytes: \"1\", type: code", "{ name: PduType, bytes: \"1-2\", type: code"));
        Assert.Equal("DSG0012", d.Id);
    }

    [Fact]
    public void DSG0013_unknown_enum_reference()
    {
        var d = Single(Valid.Replace("type: reserved, value: 0, source: \"t\" }\n      - { name: PduLength", "type: reserved, value: 0, source: \"t\" }\n      - { name: PduLength"
            ).Replace("{ name: Reserved2, bytes: \"7-10\", type: reserved, value: 0, source: \"t\" }", "{ name: Reason, bytes: \"7\", type: uint8, enum: NoSuchEnum, source: \"t\" }"));
        Assert.Equal("DSG0013", d.Id);
        Assert.Contains("NoSuchEnum", d.GetMessage());
    }

    [Fact]
    public void DSG0014_variable_field_that_is_not_last()
    {
        var d = Single(Valid.Replace("      - { name: Name, bytes: \"5-xxx\", type: uid, source: \"t\" }",
            "      - { name: Name, bytes: \"5-xxx\", type: uid, source: \"t\" }\n      - { name: After, bytes: \"xxx\", type: uint8, source: \"t\" }"));
        Assert.Equal("DSG0014", d.Id);
        Assert.Equal(23, Line(d));
    }

    [Fact]
    public void DSG0015_pdu_without_the_common_header()
    {
        var d = Single(Valid.Replace("{ name: PduLength, bytes: \"3-6\", type: length, source: \"t\" }\n      - { name: Reserved2, bytes: \"7-10\"",
            "{ name: PduLength, bytes: \"3-4\", type: length, source: \"t\" }\n      - { name: Reserved2, bytes: \"5-10\""));
        Assert.Equal("DSG0015", d.Id);
    }

    [Fact]
    public void Garbage_never_crashes_the_generator()
    {
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var chars = Valid.ToCharArray();
            for (var k = 0; k < 5; k++) chars[random.Next(chars.Length)] = "{}[]:-\"'x0 \n#&*!|>"[random.Next(18)];
            var result = GeneratorHarness.Run(new PduGenerator(), Path, new string(chars));
            Assert.Null(result.Exception);
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "CS8785" || d.Id == "DSG0000");
        }
    }
}
