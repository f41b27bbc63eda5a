using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Tools.Trace;

/// <summary>One row with what implements it and what tests it.</summary>
public sealed record TracedRow(TraceRow Row, IReadOnlyList<string> Symbols, IReadOnlyList<string> Tests)
{
    public bool HasSymbol => Symbols.Count > 0;
    public bool HasTest => Tests.Count > 0;
}

/// <summary>The traceability report: spec rows → generated symbols → tests, plus the links that point nowhere.</summary>
/// <param name="Rows">The rows in scope.</param>
/// <param name="UnbackedSymbols">Generated symbols citing a table in scope but no existing row (a removed or
/// edited row whose code was not regenerated).</param>
/// <param name="DanglingDeclarations">[SpecRow] values that name no row of any spec file.</param>
public sealed record TraceReport(
    IReadOnlyList<TracedRow> Rows,
    IReadOnlyList<TraceSymbol> UnbackedSymbols,
    IReadOnlyList<string> DanglingDeclarations,
    IReadOnlyList<SpecDiagnostic> SpecDiagnostics)
{
    public IEnumerable<TracedRow> WithoutSymbol => Rows.Where(r => !r.HasSymbol);
    public IEnumerable<TracedRow> WithoutTest => Rows.Where(r => !r.HasTest);

    /// <summary>What --check fails on, one line each.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var d in SpecDiagnostics) yield return "spec error: " + d;
        foreach (var r in WithoutSymbol) yield return $"no symbol: {r.Row.Id} ({r.Row.FullCitation}) at {r.Row.File}:{r.Row.Line}";
        foreach (var r in WithoutTest) yield return $"no test: {r.Row.Id} ({r.Row.FullCitation}) at {r.Row.File}:{r.Row.Line}";
        foreach (var s in UnbackedSymbols) yield return $"symbol cites no spec row: {s.Display} [{s.Id}] cites \"{s.Remark}\"";
        foreach (var d in DanglingDeclarations) yield return "test declaration names no spec row: " + d;
    }
}

public static class TraceBuilder
{
    /// <param name="allRows">Every row of every spec file (for dangling declarations and backing).</param>
    /// <param name="inScope">Whether a row is reported and checked.</param>
    public static TraceReport Build(IReadOnlyList<TraceRow> allRows, Func<TraceRow, bool> inScope, SymbolIndex symbols,
        IReadOnlyList<TraceTest> tests, IReadOnlyList<SpecDiagnostic> diagnostics)
    {
        // Symbols by the row citation their remark carries: one lookup per row instead of a scan.
        var byCitation = symbols.Symbols.Select(s => (Symbol: s, Citation: CitationRef.CitationOf(s.Remark)))
            .Where(x => x.Citation != null).ToLookup(x => x.Citation!, x => x.Symbol);
        var scoped = allRows.Where(inScope).ToList();
        var traced = scoped.Select(row => new TracedRow(row,
            byCitation[SymbolIndex.IsTableOnly(row) ? "" : row.FullCitation]
                .Where(s => row.Scope.Count == 0 || row.Scope.Contains(s.TypeName))
                .Where(s => row.Member == null || s.Display == s.TypeName + "." + row.Member)
                .Select(s => s.Id).Concat(SymbolIndex.TableEntries(row)).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList(),
            tests.Where(t => t.Declared.Any(d => CitationRef.Covers(d, row)))
                .Select(t => t.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList())).ToList();

        // A symbol is backed when any row (in any file) has its citation; only symbols citing a table of the
        // checked rows are judged, so areas outside the scope don't fail the check.
        var scopeTables = scoped.SelectMany(r => CitationRef.Tables(r.Citation)).ToHashSet();
        var allTables = allRows.SelectMany(r => CitationRef.Tables(r.Citation)).ToHashSet();
        var rowCitations = allRows.Select(r => r.FullCitation).ToHashSet();
        var unbacked = symbols.Symbols
            .Where(s => CitationRef.CitationOf(s.Remark) is { } c && CitationRef.Tables(c).Any(scopeTables.Contains) && !IsBacked(c, rowCitations, allTables))
            .OrderBy(s => s.Id, StringComparer.Ordinal).ToList();

        var declared = tests.SelectMany(t => t.Declared).Distinct().ToList();
        var covering = declared.Where(d => allRows.Any(r => CitationRef.Covers(d, r))).ToHashSet();
        var dangling = tests.SelectMany(t => t.Declared.Select(d => (t.Id, d)))
            .Where(x => !covering.Contains(x.d))
            .Select(x => $"[SpecRow(\"{x.d}\")] on {x.Id}").Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();

        return new TraceReport(traced, unbacked, dangling, diagnostics);
    }

    /// <summary>A citation of a row ("PS3.8 Table 9-26, Reason 2 (2013)") needs that row; a citation of tables only
    /// ("PS3.8 Annex E.2 (2013)", as hand-written code has) needs a row citing one of them.</summary>
    private static bool IsBacked(string citation, HashSet<string> rowCitations, HashSet<string> tables)
    {
        if (rowCitations.Contains(citation)) return true;
        var text = citation[..citation.LastIndexOf(" (", StringComparison.Ordinal)];
        return !text.Contains(',') && CitationRef.Tables(text).Any(tables.Contains);
    }
}
