using System.Text.RegularExpressions;

namespace DicomSpecGen.Tools.Changelog;

/// <summary>One YAML row a rewind rewrote: its file (relative to the spec folder), first line, and text before/after.</summary>
public sealed record RewindEdit(string File, int Line, string Today, string? Older);

/// <summary>A changelog row undone in a spec folder: the text it replaced (<see cref="TodayText"/> → <see cref="OlderText"/>;
/// null for a row the change added, which is removed), and the YAML rows rewritten. No edit: the YAML does not
/// transcribe the changed words (e.g. a value table the YAML paraphrases, or a typo in the part the YAML models as a
/// structured field).</summary>
public sealed record RewoundChange(EditionChange Change, string TodayText, string? OlderText, IReadOnlyList<RewindEdit> Edits)
{
    public bool Transcribed => Edits.Count > 0;
}

/// <summary>Turns a spec folder of today's editions into the one of an older edition by undoing, newest first, the
/// changelog's rows that appeared after it: a changed fact's words go back to the older words in the YAML rows that
/// cite its table and key; a row a later edition added is removed. A row a later edition removed cannot be restored
/// from the changelog alone (its YAML is not known) and is an error.</summary>
public static partial class SpecRewind
{
    [GeneratedRegex(@"^\s*-\s")]
    private static partial Regex RowStart();

    [GeneratedRegex(@"edition: ""[^""]*""")]
    private static partial Regex EditionKey();

    [GeneratedRegex(@"\s*\([^)]*\)$")]
    private static partial Regex KeySuffix();

    /// <summary>The changes after <paramref name="edition"/> (first edition later than it), for rewinding to it.</summary>
    public static IReadOnlyList<EditionChange> After(IReadOnlyList<EditionChange> changes, string edition)
        => changes.Where(c => string.CompareOrdinal(c.Edition, edition) > 0).ToList();

    public static IReadOnlyList<RewoundChange> Apply(string specDir, IReadOnlyList<EditionChange> changes)
    {
        var files = Directory.EnumerateFiles(specDir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(specDir, f).Replace('\\', '/'), f => File.ReadAllLines(f).ToList());
        var result = new List<RewoundChange>();
        var touched = new HashSet<string>();
        foreach (var change in changes.OrderByDescending(c => c.Edition, StringComparer.Ordinal))
        {
            // A fact a later edition removed that the YAML still holds as its own row (with a note: saying why, e.g.
            // Annex C's "assigned Warning and Failure" class row, which 2017e folded into Warning and Failure):
            // nothing to restore.
            if (change.Kind == "removed" && files.Values.Any(lines => lines.Any(l => l.Contains(change.Key, StringComparison.OrdinalIgnoreCase) && l.Contains("note:", StringComparison.Ordinal))))
            {
                result.Add(new RewoundChange(change, "", change.Before, []));
                continue;
            }
            if (change.Kind == "removed")
                throw new InvalidOperationException($"{change.Part} Table {change.Table} {change.What} {change.Key}: removed in {change.Edition}; "
                    + "the changelog does not hold its YAML row, so a rewind cannot restore it (add it by hand)");
            var (today, older) = Fragments(change);
            var edits = new List<RewindEdit>();
            foreach (var (file, lines) in files)
            {
                for (var i = 0; i < lines.Count; i++)
                {
                    if (!lines[i].Contains(today, StringComparison.Ordinal)) continue;
                    var (start, end) = RowAt(lines, i);
                    var text = string.Join("\n", lines.GetRange(start, end - start));
                    if (!Cites(text, change)) continue;
                    // The older words stand as of the edition before the change.
                    var replaced = older == null ? null : WithEdition(text.Replace(today, older, StringComparison.Ordinal), change.Previous);
                    edits.Add(new RewindEdit(file, start + 1, text, replaced));
                    touched.Add(file);
                    lines.RemoveRange(start, end - start);
                    if (replaced != null) lines.InsertRange(start, replaced.Split('\n'));
                    i = start + (replaced == null ? -1 : replaced.Split('\n').Length - 1);
                }
            }
            result.Add(new RewoundChange(change, today, older, edits));
        }
        foreach (var (file, lines) in files.Where(f => touched.Contains(f.Key)))
            File.WriteAllText(Path.Combine(specDir, file), string.Join("\n", lines) + "\n");
        return result;
    }

    /// <summary>The row with <c>edition:</c> set; a flow mapping row without one (it takes its file's edition) gets one.</summary>
    private static string WithEdition(string row, string edition)
    {
        if (EditionKey().IsMatch(row)) return EditionKey().Replace(row, $"edition: \"{edition}\"");
        var close = row.LastIndexOf(" }", StringComparison.Ordinal);
        return close < 0 ? row : row[..close] + $", edition: \"{edition}\"" + row[close..];
    }

    /// <summary>The words the YAML holds of a fact: a message field's name (the changelog writes "name | VR | VM"),
    /// otherwise the whole text.</summary>
    public static (string Today, string? Older) Fragments(EditionChange change)
    {
        static string Part(string? text, string what) => what == "message-field" && text != null ? text.Split(" | ")[0] : text ?? "";
        return (Part(change.After, change.What), change.Kind == "added" ? null : Part(change.Before, change.What));
    }

    /// <summary>A row cites a change when it names the change's table (or Annex C section) and its key:
    /// "0117 (C.5.12)" → Annex C.5.12 and "0117"; "user-identity-type: 5" → Table D.3-14 and "User-Identity-Type 5".</summary>
    private static bool Cites(string row, EditionChange change)
    {
        var section = change.Table == "Annex C" ? Regex.Match(change.Key, @"\((C[\d.]+)\)").Groups[1].Value : null;
        var place = section != null ? $"Annex {Regex.Escape(section)}(?![\\d.])" : $"Table {Regex.Escape(change.Table)}(?![\\d.])";
        if (!Regex.IsMatch(row, place)) return false;
        var key = change.Key.StartsWith('(') ? change.Key : KeySuffix().Replace(change.Key, "").Replace(": ", " ");
        return row.Contains(key, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lines [start, end) of the YAML list item holding line <paramref name="i"/>: from the nearest "- "
    /// at or above it down to the next "- " or a line indented less than the item.</summary>
    private static (int Start, int End) RowAt(List<string> lines, int i)
    {
        var start = i;
        while (start > 0 && !RowStart().IsMatch(lines[start])) start--;
        if (!RowStart().IsMatch(lines[start])) return (i, i + 1);
        var indent = lines[start].Length - lines[start].TrimStart().Length;
        var end = start + 1;
        while (end < lines.Count && !RowStart().IsMatch(lines[end]) && lines[end].Trim().Length > 0
               && lines[end].Length - lines[end].TrimStart().Length > indent) end++;
        return (start, end);
    }
}
