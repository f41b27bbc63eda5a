using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Registry;

/// <summary>One test per DSG03xx diagnostic (and the common ones as they apply to the registry files):
/// each bad input yields the ID at the offending line and no generated source for that file.</summary>
public class RegistryDiagnosticTests
{
    private const string Vrs = """
        edition: "2013"
        document: PS3.5
        vrs:
          - { code: SH, title: Short String, kind: text, lengthField: 2, padding: space, source: "PS3.5 Table 6.2-1" }
          - { code: US, title: Unsigned Short, kind: binary, lengthField: 2, size: 2, source: "PS3.5 Table 6.2-1" }
          - { code: SS, title: Signed Short, kind: binary, lengthField: 2, size: 2, source: "PS3.5 Table 6.2-1" }
        """;

    private static List<Diagnostic> Diagnose(string file, string text)
    {
        var files = new List<RegistryHarness.Text> { new("/repo/spec/part05/vrs.yaml", file == "part05/vrs.yaml" ? text : Vrs) };
        if (file != "part05/vrs.yaml") files.Add(new("/repo/spec/" + file, text));
        var (result, _, diagnostics) = RegistryHarness.Run(files.ToArray());
        Assert.DoesNotContain(result.Results.SelectMany(r => r.GeneratedSources), s => s.HintName == HintOf(file));
        return diagnostics.ToList();
    }

    private static string HintOf(string file) => file switch
    {
        "part06/uids.yaml" => "DicomUids.g.cs",
        "part06/dictionary.yaml" => "DicomDictionary.g.cs",
        _ => "DicomVr.g.cs",
    };

    private static void AssertReported(List<Diagnostic> diagnostics, string id, int line)
    {
        var match = diagnostics.FirstOrDefault(d => d.Id == id);
        Assert.True(match != null, $"{id} not reported; got: {string.Join("; ", diagnostics.Select(d => d.Id + " " + d.GetMessage()))}");
        Assert.Equal(line, match!.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    private static string Uids(string rows) => "edition: \"2024d\"\ndocument: PS3.6\nuids:\n" + rows;

    private static string Dictionary(string rows) => "edition: \"2013\"\ndocument: PS3.6\ntables:\n  - source: PS3.6 Table 6-1\n    rows: |\n" + rows;

    private const string UidRow = "  - { uid: \"1.2.840.10008.1.1\", title: Verification SOP Class, keyword: Verification, type: SOP Class, source: PS3.6 Table A-1 }\n";

    [Fact]
    public void DSG0300_duplicate_uid()
        => AssertReported(Diagnose("part06/uids.yaml", Uids(UidRow + UidRow.Replace("keyword: Verification", "keyword: Other"))), "DSG0300", 5);

    [Fact]
    public void DSG0301_duplicate_tag()
        => AssertReported(Diagnose("part06/dictionary.yaml", Dictionary("      (0010,0010)\tSH\t1\t-\tA\tA\n      (0010,0010)\tSH\t1\t-\tB\tB\n")), "DSG0301", 7);

    [Fact]
    public void DSG0302_bad_tag()
        => AssertReported(Diagnose("part06/dictionary.yaml", Dictionary("      (0010,001G)\tSH\t1\t-\tA\tA\n")), "DSG0302", 6);

    [Fact]
    public void DSG0303_unknown_vr()
        => AssertReported(Diagnose("part06/dictionary.yaml", Dictionary("      (0010,0010)\tSH\t1\t-\tA\tA\n      (0028,0106)\tUS or QQ\t1\t-\tB\tB\n")), "DSG0303", 7);

    [Fact]
    public void DSG0304_bad_uid()
        => AssertReported(Diagnose("part06/uids.yaml", Uids(UidRow.Replace("1.2.840.10008.1.1", "1.2.840.010008.1.1"))), "DSG0304", 4);

    [Fact]
    public void DSG0305_row_with_wrong_column_count()
        => AssertReported(Diagnose("part06/dictionary.yaml", Dictionary("      (0010,0010)\tSH\t1\t-\tA\n")), "DSG0305", 6);

    [Fact]
    public void DSG0306_duplicate_keyword_in_uids()
        => AssertReported(Diagnose("part06/uids.yaml", Uids(UidRow + UidRow.Replace("1.2.840.10008.1.1", "1.2.840.10008.1.9"))), "DSG0306", 5);

    [Fact]
    public void DSG0306_duplicate_keyword_in_dictionary()
        => AssertReported(Diagnose("part06/dictionary.yaml", Dictionary("      (0010,0010)\tSH\t1\t-\tA\tA\n      (0010,0020)\tSH\t1\t-\tA\tB\n")), "DSG0306", 7);

    [Fact]
    public void DSG0307_transfer_syntax_without_encoding()
        => AssertReported(Diagnose("part06/uids.yaml", Uids("  - { uid: \"1.2.840.10008.1.2\", title: Implicit VR Little Endian, keyword: ImplicitVRLittleEndian, type: Transfer Syntax, source: PS3.6 Table A-1 }\n")), "DSG0307", 4);

    [Fact]
    public void DSG0307_implicit_big_endian_is_rejected()
        => AssertReported(Diagnose("part06/uids.yaml", Uids("  - { uid: \"1.2.840.10008.1.2\", title: I, keyword: I, type: Transfer Syntax, source: PS3.6 Table A-1,\n      transferSyntax: { vr: implicit, byteOrder: big, pixelData: native, source: PS3.5 Section A.1 } }\n")), "DSG0307", 5);

    [Fact]
    public void DSG0308_bad_vm()
        => AssertReported(Diagnose("part06/dictionary.yaml", Dictionary("      (0010,0010)\tSH\tmany\t-\tA\tA\n")), "DSG0308", 6);

    [Fact]
    public void DSG0309_bad_vr_definition()
        => AssertReported(Diagnose("part05/vrs.yaml", Vrs.Replace("lengthField: 2, size: 2, source: \"PS3.5 Table 6.2-1\" }\n  - { code: SS", "lengthField: 3, size: 2, source: \"PS3.5 Table 6.2-1\" }\n  - { code: SS")), "DSG0309", 5);

    [Fact]
    public void DSG0004_uid_row_without_source()
        => AssertReported(Diagnose("part06/uids.yaml", Uids(UidRow.Replace(", source: PS3.6 Table A-1", ""))), "DSG0004", 4);

    [Fact]
    public void DSG0004_dictionary_table_without_source()
        => AssertReported(Diagnose("part06/dictionary.yaml", "edition: \"2013\"\ndocument: PS3.6\ntables:\n  - rows: |\n      (0010,0010)\tSH\t1\t-\tA\tA\n"), "DSG0004", 4);

    [Fact]
    public void DSG0005_unknown_key()
        => AssertReported(Diagnose("part06/uids.yaml", Uids(UidRow.Replace("type: SOP Class", "typ: SOP Class, type: SOP Class"))), "DSG0005", 4);

    [Fact]
    public void DSG0001_yaml_syntax_error()
        => Assert.Contains(Diagnose("part06/uids.yaml", "edition: \"2024d\"\nuids: [ {\n"), d => d.Id == "DSG0001");
}
