using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DicomSpecGen.Tools.Trace;

/// <summary>The report as Markdown (for people) and JSON (for diffs and CI).</summary>
public static class TraceWriters
{
    public sealed record JsonRow(string Id, string Kind, string File, int Line, string Citation, string Edition,
        IReadOnlyList<string> Symbols, IReadOnlyList<string> Tests);

    public sealed record JsonReport(IReadOnlyList<JsonRow> Rows, IReadOnlyList<string> UnbackedSymbols,
        IReadOnlyList<string> DanglingDeclarations, IReadOnlyList<string> Problems);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static JsonReport ToJson(TraceReport report) => new(
        report.Rows.Select(r => new JsonRow(r.Row.Id, r.Row.Kind, r.Row.File, r.Row.Line, r.Row.Citation, r.Row.Edition, r.Symbols, r.Tests)).ToList(),
        report.UnbackedSymbols.Select(s => $"{s.Id}: {s.Remark}").ToList(),
        report.DanglingDeclarations,
        report.Problems().ToList());

    public static string Json(TraceReport report) => JsonSerializer.Serialize(ToJson(report), Options);

    public static JsonReport ReadJson(string text) => JsonSerializer.Deserialize<JsonReport>(text, Options)
        ?? throw new InvalidDataException("empty trace report");

    public static string Markdown(TraceReport report)
    {
        var sb = new StringBuilder();
        var rows = report.Rows;
        sb.AppendLine("# Traceability: spec rows → generated symbols → tests").AppendLine();
        sb.AppendLine($"{rows.Count} rows; {rows.Count(r => r.HasSymbol)} with a generated symbol, {rows.Count(r => r.HasTest)} with a test.")
          .AppendLine();
        var problems = report.Problems().ToList();
        sb.AppendLine(problems.Count == 0 ? "Check: **pass** (every row has a symbol and a test; every link resolves)." : $"Check: **{problems.Count} problem(s)**");
        foreach (var p in problems) sb.AppendLine("- " + Escape(p));
        sb.AppendLine();
        foreach (var file in rows.GroupBy(r => r.Row.File))
        {
            sb.AppendLine($"## {file.Key}").AppendLine();
            sb.AppendLine("| Row | Citation | Symbols | Tests |");
            sb.AppendLine("| --- | --- | --- | --- |");
            foreach (var r in file)
            {
                sb.Append("| ").Append(Escape(r.Row.Id[(r.Row.Id.IndexOf('#') + 1)..]))
                  .Append(" | ").Append(Escape(r.Row.FullCitation))
                  .Append(" | ").Append(Cell(r.Symbols.Select(SymbolIndexDisplay)))
                  .Append(" | ").Append(Cell(r.Tests.Select(ShortTest)))
                  .AppendLine(" |");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Cell(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return "**none**";
        var shown = string.Join(", ", list.Take(3).Select(i => "`" + i + "`"));
        return Escape(list.Count > 3 ? $"{shown} +{list.Count - 3}" : shown);
    }

    private static string SymbolIndexDisplay(string id) =>
        id.StartsWith("SpecField:", StringComparison.Ordinal) ? SymbolIndex.Parse("F:" + id["SpecField:".Length..]).Display
        : id.StartsWith("Cell:", StringComparison.Ordinal) ? id["Cell:".Length..]
        : id.StartsWith("Row:", StringComparison.Ordinal) ? id["Row:".Length..]
        : id.StartsWith("Table:", StringComparison.Ordinal) ? id["Table:".Length..]
        : SymbolIndex.Parse(id).Display;

    private static string ShortTest(string id)
    {
        var method = id[(id.LastIndexOf('.') + 1)..];
        var type = id[..id.LastIndexOf('.')];
        return type[(type.LastIndexOf('.') + 1)..] + "." + method;
    }

    private static string Escape(string text) => text.Replace("|", "\\|");
}
