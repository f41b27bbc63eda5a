using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Editions;

/// <summary>UID registry rows added, removed and changed between an older edition's XML and our YAML.</summary>
public sealed record UidEditionDiff(
    string FromEdition, string ToEdition,
    IReadOnlyList<UidRow> Added, IReadOnlyList<UidRow> Removed,
    IReadOnlyList<(UidRow From, UidRow To, IReadOnlyList<string> Changes)> Changed,
    IReadOnlyList<string> Corrections, int Unchanged)
{
    public static UidEditionDiff Compare(DocbookDocument fromXml, string toYaml)
    {
        var (older, corrections) = UidRegistryXml.Read(fromXml);
        var (edition, newer) = UidRegistryYaml.Read(toYaml);
        var before = older.GroupBy(r => r.Uid).ToDictionary(g => g.Key, g => g.First());
        var after = newer.GroupBy(r => r.Uid).ToDictionary(g => g.Key, g => g.First());
        var changed = new List<(UidRow, UidRow, IReadOnlyList<string>)>();
        var unchanged = 0;
        foreach (var row in newer.Where(r => before.ContainsKey(r.Uid)))
        {
            var old = before[row.Uid];
            var changes = new List<string>();
            if (Norm(old.Title) != Norm(row.Title)) changes.Add($"title \"{old.Title}\" → \"{row.Title}\"");
            if (old.Type != null && Norm(old.Type) != Norm(row.Type ?? "")) changes.Add($"type \"{old.Type}\" → \"{row.Type}\"");
            if (old.Retired != row.Retired) changes.Add(row.Retired ? "retired" : "no longer retired");
            if (Norm(old.Info ?? "") != Norm(row.Info ?? "")) changes.Add($"info \"{old.Info}\" → \"{row.Info}\"");
            if (changes.Count > 0) changed.Add((old, row, changes));
            else unchanged++;
        }
        return new UidEditionDiff(fromXml.Edition, edition,
            newer.Where(r => !before.ContainsKey(r.Uid)).ToList(),
            older.Where(r => !after.ContainsKey(r.Uid)).ToList(),
            changed, corrections, unchanged);
    }

    private static string Norm(string s) => DocbookText.Clean(s);

    public IEnumerable<string> Lines()
    {
        foreach (var c in Corrections) yield return "erratum: " + c;
        foreach (var r in Added) yield return $"+ {r.Uid}  {r.Title}{(r.Type != null ? $" [{r.Type}]" : "")}{(r.Retired ? " (retired)" : "")}";
        foreach (var r in Removed) yield return $"- {r.Uid}  {r.Title}{(r.Type != null ? $" [{r.Type}]" : "")}";
        foreach (var (from, _, changes) in Changed) yield return $"~ {from.Uid}  {string.Join("; ", changes)}";
        yield return $"PS3.6 {FromEdition} → {ToEdition}: {Added.Count} added, {Removed.Count} removed, {Changed.Count} changed, {Unchanged} unchanged";
    }
}
