using DicomSpecGen.Tools.Trace;

namespace DicomSpecGen.Tools.Tests.Trace;

public class TraceCheckTests
{
    private static readonly string[] OnlyPdus = ["part08/pdus.yaml"];

    [Fact]
    public void Pdu_rows_all_have_a_generated_symbol_and_a_test()
    {
        Assert.Equal(2, TestPaths.PduTestAssemblies.Count);
        var report = TraceCommand.Build(TestPaths.SpecDir, TestPaths.PduTestAssemblies, OnlyPdus);
        Assert.Empty(report.Problems());
        // Every structure, field, bit, value table and value of pdus.yaml is a row.
        Assert.True(report.Rows.Count > 150, $"only {report.Rows.Count} rows");
        var called = report.Rows.Single(r => r.Row.Id == "part08/pdus.yaml#AAssociateRq.CalledAeTitle");
        Assert.Contains("P:DicomSpecGen.Protocol.AAssociateRq.CalledAeTitle", called.Symbols);
        Assert.Contains(called.Tests, t => t.EndsWith("PduMalformedTests.All_space_called_ae_title_is_invalid", StringComparison.Ordinal));
    }

    /// <summary>What CI relies on: every row of every spec file (PS3.8 PDUs and DUL, PS3.7 DIMSE, PS3.6 registry,
    /// PS3.5 VRs) has a generated symbol and a test, and nothing cites or declares a row that does not exist.</summary>
    [Fact]
    public void Every_row_of_every_spec_file_has_a_generated_symbol_and_a_test()
    {
        // The test assemblies the CLI reads by default, this one included (its decoder tests declare rows too).
        var report = TraceCommand.Build(TestPaths.SpecDir, [.. TestPaths.PduTestAssemblies, typeof(TraceCheckTests).Assembly.Location], []);
        Assert.Empty(report.Problems());
        var files = report.Rows.GroupBy(r => r.Row.File).ToDictionary(g => g.Key, g => g.Count());
        foreach (var file in new[] { "part08/pdus.yaml", "part08/dul-transitions.yaml", "part07/command-elements.yaml", "part07/messages.yaml",
                     "part07/statuses.yaml", "part06/uids.yaml", "part06/dictionary.yaml", "part05/vrs.yaml" })
        {
            Assert.True(files.GetValueOrDefault(file) > 0, file + " has no rows");
        }
        Assert.True(report.Rows.Count > 6500, $"only {report.Rows.Count} rows");
        var field = report.Rows.Single(r => r.Row.Id == "part07/messages.yaml#CStoreRq.CommandGroupLength");
        Assert.Equal(["M:DicomSpecGen.Dimse.CStoreRq.GroupValueLength"], field.Symbols);
        Assert.Contains(field.Tests, t => t.EndsWith("MessageRowTests.Message_row_fields_are_encoded_decoded_and_checked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_removed_yaml_row_shows_as_missing_and_fails_the_check()
    {
        using var spec = TestPaths.CopySpec();
        spec.EditPdus("      - { name: UnexpectedPdu, value: 2, meaning: unexpected-PDU, source: \"PS3.8 Table 9-26, Reason 2\" }\n", "");

        var before = TraceCommand.Build(TestPaths.SpecDir, TestPaths.PduTestAssemblies, OnlyPdus);
        var after = TraceCommand.Build(spec.Dir, TestPaths.PduTestAssemblies, OnlyPdus);

        // The generated code still has the member, but no row backs it any more.
        var unbacked = Assert.Single(after.UnbackedSymbols);
        Assert.Equal("F:DicomSpecGen.Protocol.AbortReason.UnexpectedPdu", unbacked.Id);
        Assert.Contains(after.Problems(), p => p.Contains("AbortReason.UnexpectedPdu", StringComparison.Ordinal));

        var diff = TraceDiff.Compare(TraceWriters.ToJson(before), TraceWriters.ToJson(after));
        Assert.Contains("- row removed: part08/pdus.yaml#AbortReason.UnexpectedPdu (PS3.8 Table 9-26, Reason 2)", diff);
        Assert.Contains(TraceWriters.Markdown(after).Split('\n'), l => l.Contains("symbol cites no spec row: AbortReason.UnexpectedPdu", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_without_generated_code_fails_the_check()
    {
        using var spec = TestPaths.CopySpec();
        // A value added to the YAML but not built into the runtime this tool reads.
        spec.EditPdus("      - { name: Reserved, value: 3, meaning: reserved, source: \"PS3.8 Table 9-26, Reason 3\" }\n",
            "      - { name: Reserved, value: 3, meaning: reserved, source: \"PS3.8 Table 9-26, Reason 3\" }\n" +
            "      - { name: SomethingNew, value: 7, meaning: something-new, edition: \"2099a\", source: \"PS3.8 Table 9-26, Reason 7\" }\n");
        var report = TraceCommand.Build(spec.Dir, TestPaths.PduTestAssemblies, OnlyPdus);
        var row = Assert.Single(report.WithoutSymbol);
        Assert.Equal("part08/pdus.yaml#AbortReason.SomethingNew", row.Row.Id);
        // The value-table test declares the whole table, so the new row is claimed tested; its symbol is what is missing.
        Assert.Contains(report.Problems(), p => p.StartsWith("no symbol: part08/pdus.yaml#AbortReason.SomethingNew", StringComparison.Ordinal));
    }

    [Fact]
    public void A_row_no_test_declares_fails_the_check()
    {
        var (rows, diagnostics) = SpecRows.Load(TestPaths.SpecDir);
        var tests = TestIndex.Read(TestPaths.PduTestAssemblies)
            .Select(t => t with { Declared = t.Declared.Where(d => !d.StartsWith("PS3.8 Table 9-24", StringComparison.Ordinal)).ToList() }).ToList();
        var report = TraceBuilder.Build(rows, r => r.File == "part08/pdus.yaml", SymbolIndex.FromRuntime(), tests, diagnostics);
        var untested = report.WithoutTest.Select(r => r.Row.Id).ToList();
        Assert.Contains("part08/pdus.yaml#AReleaseRq.Reserved2", untested);
        Assert.All(report.WithoutTest, r => Assert.StartsWith("PS3.8 Table 9-24", r.Row.Citation));
    }

    [Fact]
    public void A_declaration_naming_no_row_is_reported()
    {
        var (rows, diagnostics) = SpecRows.Load(TestPaths.SpecDir);
        var tests = new[] { new TraceTest("X: Y.Z", ["PS3.8 Table 9-99", "PS3.8 Table 9-11, No-such-field"]) };
        var report = TraceBuilder.Build(rows, r => r.File == "part08/pdus.yaml", SymbolIndex.FromRuntime(), tests, diagnostics);
        Assert.Equal(2, report.DanglingDeclarations.Count);
        Assert.All(report.DanglingDeclarations, d => Assert.EndsWith("on X: Y.Z", d));
    }

    [Fact]
    public void Check_command_exits_non_zero_on_problems_and_zero_when_clean()
    {
        using var spec = TestPaths.CopySpec();
        var tests = new List<string> { "--tests" };
        tests.AddRange(TestPaths.PduTestAssemblies);
        var clean = new StringWriter();
        Assert.Equal(0, TraceCommand.Run(new Args(["--spec", spec.Dir, "--only", "part08/pdus.yaml", "--check", "--json", Path.Combine(spec.Dir, "t.json"), .. tests]), clean));

        spec.EditPdus("source: \"PS3.8 Table 9-25, bytes 7-10 Reserved\"", "source: \"PS3.8 Table 9-25, bytes 7-10 Reserved (typo)\"");
        var failed = new StringWriter();
        Assert.Equal(1, TraceCommand.Run(new Args(["--spec", spec.Dir, "--only", "part08/pdus.yaml", "--check", "--json", Path.Combine(spec.Dir, "t2.json"), .. tests]), failed));
        Assert.Contains("FAIL no symbol: part08/pdus.yaml#AReleaseRp.Reserved2", failed.ToString());
        Assert.Contains("FAIL symbol cites no spec row: AReleaseRp.Reserved2", failed.ToString());
    }
}
