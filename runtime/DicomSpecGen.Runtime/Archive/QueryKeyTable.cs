using System.Text;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Archive;

/// <summary>What the archive does with each key of PS3.4 C.6 (spec/part04/query-keys.yaml): matched (and how),
/// returned but not matched, or not held. docs/query-keys.md holds <see cref="Markdown"/>; a test keeps them equal.</summary>
public static class QueryKeyTable
{
    /// <summary>Keys the response fills from the index without matching on them (PS3.4 C.3.4 counts).</summary>
    public static IReadOnlySet<uint> ReturnedNotMatched { get; } = new HashSet<uint>
    {
        DicomTags.NumberOfPatientRelatedStudies, DicomTags.NumberOfPatientRelatedSeries, DicomTags.NumberOfPatientRelatedInstances,
        DicomTags.NumberOfStudyRelatedSeries, DicomTags.NumberOfStudyRelatedInstances, DicomTags.NumberOfSeriesRelatedInstances,
    };

    public const string MatchedPrefix = "matched: ";

    /// <summary>The archive's handling of one row.</summary>
    public static string Handling(QueryKeyRow row)
    {
        if (row.Tag is not { } tag) return "keys the index holds at this level are matched (see their rows; e.g. Series Description, Study Description); others returned zero-length, not matched";
        if (row.Parent != null)
        {
            var parent = IndexedAttributes.Sequences.FirstOrDefault(q => DicomDictionary.TryLookupKeyword(row.Parent, out var e) && e.Tag == q.Tag);
            return parent != null && parent.HasItemKey(tag) ? MatchedPrefix + Kinds(tag) + ", item by item" : "not held: returned zero-length, not matched";
        }
        if (tag == DicomTags.ModalitiesInStudy) return MatchedPrefix + "single value or wild card, each of several values, against the modality of every series of the study";
        if (IndexedAttributes.SequenceByTag(tag) != null) return MatchedPrefix + "sequence matching (C.2.2.2.6); universal when empty";
        if (IndexedAttributes.ByTag(tag) != null) return MatchedPrefix + Kinds(tag);
        if (ReturnedNotMatched.Contains(tag)) return "returned, not matched";
        return "not held: returned zero-length, not matched";
    }

    private static string Kinds(uint tag)
    {
        var vr = DicomDictionary.TryLookup(tag, out var entry) ? entry.Vr : DicomVr.None;
        return vr switch
        {
            DicomVr.UI => "single value, list of UID, universal",
            DicomVr.DA or DicomVr.TM or DicomVr.DT => "single value, range, universal",
            DicomVr.PN => "single value, wild card, universal; ignoring case unless turned off",
            _ when AttributeMatcher.IsWildcardVr(vr) => "single value, wild card, universal",
            _ => "single value, universal",
        };
    }

    /// <summary>The Markdown table: level, model, key, type, PS3.4 row, handling.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| level | model | key | tag | type | PS3.4 row | archive |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var row in QueryKeys.Rows)
        {
            var tag = row.Tag is { } t ? $"({t >> 16:X4},{t & 0xFFFF:X4})" : "";
            var key = row.Parent != null ? $"&gt;{row.Keyword} (in {row.Parent})" : row.Keyword;
            text.Append($"| {row.Level.ToString().ToUpperInvariant()} | {row.Model} | {key} | {tag} | {row.Type} | {row.Source} | {Handling(row)} |\n");
        }
        return text.ToString();
    }
}
