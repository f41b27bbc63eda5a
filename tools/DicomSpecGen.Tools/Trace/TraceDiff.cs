namespace DicomSpecGen.Tools.Trace;

/// <summary>What changed between two JSON trace reports: rows added/removed, rows that gained or lost symbols or tests.</summary>
public static class TraceDiff
{
    public static IReadOnlyList<string> Compare(TraceWriters.JsonReport before, TraceWriters.JsonReport after)
    {
        var lines = new List<string>();
        var old = before.Rows.ToDictionary(r => r.Id);
        var now = after.Rows.ToDictionary(r => r.Id);
        foreach (var r in before.Rows.Where(r => !now.ContainsKey(r.Id))) lines.Add($"- row removed: {r.Id} ({r.Citation})");
        foreach (var r in after.Rows.Where(r => !old.ContainsKey(r.Id))) lines.Add($"+ row added: {r.Id} ({r.Citation} ({r.Edition}))");
        foreach (var r in after.Rows.Where(r => old.ContainsKey(r.Id)))
        {
            var o = old[r.Id];
            if (o.Citation != r.Citation || o.Edition != r.Edition) lines.Add($"~ row {r.Id}: citation {o.Citation} ({o.Edition}) → {r.Citation} ({r.Edition})");
            foreach (var s in r.Symbols.Except(o.Symbols)) lines.Add($"~ row {r.Id}: + symbol {s}");
            foreach (var s in o.Symbols.Except(r.Symbols)) lines.Add($"~ row {r.Id}: - symbol {s}");
            foreach (var t in r.Tests.Except(o.Tests)) lines.Add($"~ row {r.Id}: + test {t}");
            foreach (var t in o.Tests.Except(r.Tests)) lines.Add($"~ row {r.Id}: - test {t}");
        }
        foreach (var p in after.Problems.Except(before.Problems)) lines.Add($"! new problem: {p}");
        foreach (var p in before.Problems.Except(after.Problems)) lines.Add($"  fixed: {p}");
        return lines;
    }
}
