using DicomSpecGen.Tools.Trace;

namespace DicomSpecGen.Tools.Tests.Trace;

/// <summary>Rows of the DUL and registry files (read with their own parsers) link to their generated symbols.</summary>
public class AreaTraceTests
{
    private static TraceReport Trace(string specDir, params string[] only) => TraceCommand.Build(specDir, [], only);

    [Fact]
    public void Every_cell_state_event_and_action_of_the_dul_tables_has_its_generated_symbol()
    {
        var report = Trace(TestPaths.SpecDir, "part08/dul-*");
        var byKind = report.Rows.GroupBy(r => r.Row.Kind).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(247, byKind["transition"].Count); // 19 events x 13 states, blank cells included
        Assert.Equal(13, byKind["state"].Count);
        Assert.Equal(19, byKind["event"].Count);
        Assert.Equal(28, byKind["action"].Count);
        Assert.Empty(report.WithoutSymbol);
        var cell = byKind["transition"].Single(r => r.Row.Citation == "PS3.8 Table 9-10, Evt1/Sta1");
        Assert.Equal(["Cell:DulTransitions.Lookup(Sta1, Evt1)"], cell.Symbols);
        Assert.Contains("F:DicomSpecGen.Dul.DulAction.AE1", byKind["action"].Single(r => r.Row.Id.EndsWith("#AE-1", StringComparison.Ordinal)).Symbols);
    }

    [Fact]
    public void Dul_rows_all_have_a_generated_symbol_and_a_test()
    {
        var tests = TestPaths.PduTestAssemblies.Where(p => p.EndsWith("Runtime.Tests.dll", StringComparison.Ordinal)).ToList();
        var report = TraceCommand.Build(TestPaths.SpecDir, tests, ["part08/dul-*"]);
        Assert.Empty(report.Problems());
        Assert.Contains(report.Rows.Single(r => r.Row.Citation == "PS3.8 Table 9-10, Evt3/Sta2").Tests,
            t => t.EndsWith("DulCellTests.Defined_cell_runs_its_action", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_dul_cell_citation_loses_its_symbol_and_leaves_the_old_one_unbacked()
    {
        using var spec = TestPaths.CopySpec();
        var text = File.ReadAllText(Path.Combine(spec.Dir, "part08", "dul-transitions.yaml"));
        Assert.Contains("Evt3/Sta2", text);
        spec.Edit(Path.Combine("part08", "dul-transitions.yaml"), "Evt3/Sta2\"", "Evt3/Sta2 (edited)\"");
        var report = Trace(spec.Dir, "part08/dul-*");
        Assert.Equal("PS3.8 Table 9-10, Evt3/Sta2 (edited)", Assert.Single(report.WithoutSymbol).Row.Citation);
        Assert.Equal("Cell:DulTransitions.Lookup(Sta2, Evt3)", Assert.Single(report.UnbackedSymbols).Id);
    }

    [Fact]
    public void Each_uid_row_links_to_the_constant_named_by_its_keyword()
    {
        var report = Trace(TestPaths.SpecDir, "part06/uids.yaml");
        Assert.Equal(493, report.Rows.Count); // 490 of 2024d and 3 of 2025 (DCMTK 2026b cross-check)
        var verification = report.Rows.Single(r => r.Row.Id == "part06/uids.yaml#1.2.840.10008.1.1");
        Assert.Equal(["F:DicomSpecGen.Registry.DicomUids.Verification"], verification.Symbols);
        // Every UID row shares the citation "PS3.6 Table A-1": the keyword, not the citation, picks the constant.
        Assert.All(report.Rows.Where(r => r.HasSymbol), r => Assert.Single(r.Symbols));
        // The two unnamed retired UIDs get no constant: the registry table that holds them implements them.
        Assert.Empty(report.WithoutSymbol);
        var unnamed = report.Rows.Where(r => r.Row.Kind == SymbolIndex.UnnamedUid).ToList();
        Assert.Equal(["part06/uids.yaml#1.2.840.10008.5.1.4.1.1.12.77", "part06/uids.yaml#1.2.840.10008.5.1.4.1.1.40"], unnamed.Select(r => r.Row.Id));
        Assert.Equal(["Table:DicomUids.TryGetInfo(\"1.2.840.10008.5.1.4.1.1.40\")"], unnamed[1].Symbols);
    }

    [Fact]
    public void A_placeholder_dictionary_row_is_implemented_by_the_dictionary_table_only_when_it_holds_it()
    {
        var report = Trace(TestPaths.SpecDir, "part06/dictionary.yaml");
        var placeholders = report.Rows.Where(r => r.Row.Kind == SymbolIndex.PlaceholderElement).ToList();
        Assert.Equal(7, placeholders.Count);
        Assert.Equal(["Table:DicomDictionary.TryLookup((0008,0202))"], placeholders.Single(r => r.Row.Id.EndsWith("#(0008,0202)", StringComparison.Ordinal)).Symbols);
        Assert.Contains(TraceWriters.Markdown(report).Split('\n'), l => l.StartsWith("| (0008,0202) |", StringComparison.Ordinal)
            && l.Contains("`DicomDictionary.TryLookup((0008,0202))`", StringComparison.Ordinal));

        // A placeholder added to the YAML but not built into the runtime's table has no symbol.
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part06", "dictionary.yaml"), "      (0008,0202)\tOB\t1\tRET\t-\t-\n",
            "      (0008,0202)\tOB\t1\tRET\t-\t-\n      (0008,0203)\tOB\t1\tRET\t-\t-\n");
        var missing = Assert.Single(Trace(spec.Dir, "part06/dictionary.yaml").WithoutSymbol);
        Assert.Equal("part06/dictionary.yaml#(0008,0203)", missing.Row.Id);
    }

    [Fact]
    public void Each_status_row_links_to_its_row_of_the_generated_status_table()
    {
        var report = Trace(TestPaths.SpecDir, "part07/statuses.yaml");
        Assert.Empty(report.WithoutSymbol);
        var a700 = report.Rows.Single(r => r.Row.Id == "part07/statuses.yaml#Storage.A700-A7FF");
        // Its row of the generated table and its generated constant (the first code of the range).
        Assert.Equal(2, a700.Symbols.Count);
        Assert.Single(a700.Symbols, s => s.StartsWith("Row:DimseStatus.Rows[", StringComparison.Ordinal));
        Assert.Contains("F:DicomSpecGen.Dimse.DimseStatus.Storage.RefusedOutOfResources", a700.Symbols);
        Assert.Contains(TraceWriters.Markdown(report).Split('\n'), l => l.StartsWith("| Storage.A700-A7FF |", StringComparison.Ordinal)
            && l.Contains("`DimseStatus.Rows[", StringComparison.Ordinal));
        var assigned = report.Rows.Single(r => r.Row.Id == "part07/statuses.yaml#class.Assigned");
        Assert.Equal(["M:DicomSpecGen.Dimse.DimseStatus.IsAssigned(System.UInt16)"], assigned.Symbols);
    }

    [Fact]
    public void A_uid_whose_constant_is_not_generated_has_no_symbol()
    {
        using var spec = TestPaths.CopySpec();
        spec.Edit(Path.Combine("part06", "uids.yaml"), "keyword: Verification,", "keyword: VerificationRenamed,");
        var before = Trace(TestPaths.SpecDir, "part06/uids.yaml").WithoutSymbol.Select(r => r.Row.Id).ToList();
        var after = Trace(spec.Dir, "part06/uids.yaml").WithoutSymbol.Select(r => r.Row.Id).ToList();
        Assert.Equal(["part06/uids.yaml#1.2.840.10008.1.1"], after.Except(before));
    }
}
