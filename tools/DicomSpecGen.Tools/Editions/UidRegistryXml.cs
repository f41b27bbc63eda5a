using DicomSpecGen.Tools.Docbook;

namespace DicomSpecGen.Tools.Editions;

/// <summary>PS3.6 Table A-1 (UID Values) and A-2 (Well-known Frames of Reference) from the DocBook XML.
/// Zero-width spaces inside UIDs are removed by <see cref="DocbookText"/>; known typos are corrected and listed.</summary>
public static class UidRegistryXml
{
    /// <summary>Typos in a published table: edition → (wrong UID → right UID). From shared/reference/SOURCES.md.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Errata =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["2013"] = new Dictionary<string, string> { ["11.2.840.10008.5.1.4.1.1.82.1"] = "1.2.840.10008.5.1.4.1.1.82.1" },
        };

    public static (IReadOnlyList<UidRow> Rows, IReadOnlyList<string> Corrections) Read(DocbookDocument part06)
    {
        var rows = new List<UidRow>();
        var corrections = new List<string>();
        var errata = Errata.TryGetValue(part06.Edition, out var e) ? e : new Dictionary<string, string>();
        foreach (var label in new[] { "A-1", "A-2" })
        {
            var table = part06.Table(label);
            if (table == null) continue;
            foreach (var cells in table.Rows)
            {
                if (cells.Count < 2 || cells[0].Text.Length == 0) continue;
                var uid = cells[0].Text.Replace(" ", "");
                if (errata.TryGetValue(uid, out var fixedUid))
                {
                    corrections.Add($"{table.Citation}: UID {uid} read as {fixedUid} (typo in the {part06.Edition} XML)");
                    uid = fixedUid;
                }
                var name = cells[1].Text;
                var retired = name.Contains("(Retired)", StringComparison.OrdinalIgnoreCase);
                name = name.Replace("(Retired)", "", StringComparison.OrdinalIgnoreCase).Trim();
                string? info = null;
                var colon = name.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0)
                {
                    info = name[(colon + 2)..].Trim();
                    name = name[..colon].Trim();
                }
                // The 2013 Table A-1 repeats the frames of reference of Table A-2; keep the A-1 row (it has the type).
                if (rows.Any(r => r.Uid == uid)) continue;
                var type = label == "A-1" && cells.Count > 2 ? cells[2].Text : null;
                rows.Add(new UidRow(uid, name, type, retired, info, table.Citation));
            }
        }
        return (rows, corrections);
    }
}
