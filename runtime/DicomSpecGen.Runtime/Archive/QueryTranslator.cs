using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Archive;

/// <summary>Turns a C-FIND/C-MOVE/C-GET identifier into index conditions, and index rows into C-FIND responses.</summary>
/// <remarks>PS3.4 C.2.2.2 (attribute matching), C.4.1.1.3 (identifier), C.6.1/C.6.2 (patient and study root models)</remarks>
public static class QueryTranslator
{
    public static (QueryLevel Level, IReadOnlyList<KeyCondition> Conditions) Translate(string informationModel, DicomDataset identifier)
        => Translate(informationModel, identifier, new ArchiveQueryOptions());

    public static (QueryLevel Level, IReadOnlyList<KeyCondition> Conditions) Translate(string informationModel, DicomDataset identifier, ArchiveQueryOptions options)
    {
        var levelText = identifier.GetString(DicomTags.QueryRetrieveLevel)
            ?? throw new QueryException("the identifier has no Query/Retrieve Level (0008,0052) (PS3.4 C.4.1.1.3.1)");
        QueryLevel level = levelText.Trim() switch
        {
            "PATIENT" => QueryLevel.Patient,
            "STUDY" => QueryLevel.Study,
            "SERIES" => QueryLevel.Series,
            "IMAGE" => QueryLevel.Image,
            var other => throw new QueryException($"Query/Retrieve Level '{other}' is not PATIENT, STUDY, SERIES or IMAGE (PS3.4 C.6)"),
        };
        var studyRoot = informationModel is DicomUids.StudyRootQueryRetrieveInformationModelFind or DicomUids.StudyRootQueryRetrieveInformationModelMove or DicomUids.StudyRootQueryRetrieveInformationModelGet;
        if (studyRoot && level == QueryLevel.Patient)
            throw new QueryException("the Study Root model has no PATIENT level (PS3.4 C.6.2)");
        var conditions = new List<KeyCondition>();
        foreach (var item in identifier)
        {
            if (item is DicomSequence sequence)
            {
                if (SequenceCondition(sequence, options) is { } matched) conditions.Add(matched);
                continue;
            }
            if (item is not DicomElement element) continue;
            var value = identifier.GetString(element.Tag) ?? "";
            if (element.Tag.Value == DicomTags.ModalitiesInStudy)
            {
                // Several values: a study matches when one of its series has one of them (VM 1-n, PS3.4 C.3.4).
                var values = value.Split('\\').Select(v => v.Trim()).ToList();
                if (values.Any(v => AttributeMatcher.Classify(DicomVr.CS, v) == null)) continue; // universal (PS3.4 C.2.2.2.3)
                conditions.Add(new KeyCondition(IndexedAttributes.ModalitiesInStudyColumn, KeyMatch.AnyOf, values));
                continue;
            }
            var key = IndexedAttributes.ByTag(element.Tag.Value);
            if (key == null) continue;
            if (Condition(key.Column, element.Vr, value, options) is { } condition) conditions.Add(condition);
        }
        return (level, conditions);
    }

    /// <summary>Sequence matching of an indexed sequence: the request's single item holds the item keys; no item or
    /// only universal item keys match every entity.</summary>
    /// <remarks>PS3.4 C.2.2.2.6 (2020c)</remarks>
    private static KeyCondition? SequenceCondition(DicomSequence sequence, ArchiveQueryOptions options)
    {
        var indexed = IndexedAttributes.SequenceByTag(sequence.Tag.Value);
        if (indexed == null || sequence.Items.Count == 0) return null;
        if (sequence.Items.Count > 1)
            throw new QueryException($"the key {sequence.Tag} holds {sequence.Items.Count} items; sequence matching takes one (PS3.4 C.2.2.2.6)");
        var item = sequence.Items[0];
        var conditions = new List<KeyCondition>();
        foreach (var key in indexed.ItemKeys)
        {
            if (item[new DicomTag(key.Tag)] is not DicomElement element) continue;
            if (Condition(key.Column, element.Vr, item.GetString(element.Tag) ?? "", options) is { } condition) conditions.Add(condition);
        }
        return conditions.Count == 0 ? null : new KeyCondition(indexed.Table, KeyMatch.Sequence, [], Items: conditions);
    }

    private static KeyCondition? Condition(string column, DicomVr vr, string value, ArchiveQueryOptions options)
    {
        value = value.Trim();
        var ignoreCase = vr == DicomVr.PN && options.CaseInsensitivePersonNames;
        switch (AttributeMatcher.Classify(vr, value))
        {
            case null: return null; // universal matching (PS3.4 C.2.2.2.3)
            case KeyMatch.UidList: return new KeyCondition(column, KeyMatch.UidList, value.Split('\\').Select(v => v.Trim()).ToList());
            case KeyMatch.Range:
                var dash = value.IndexOf('-');
                return new KeyCondition(column, KeyMatch.Range, [value[..dash].Trim(), value[(dash + 1)..].Trim()]);
            case var kind: return new KeyCondition(column, kind.Value, [value], ignoreCase);
        }
    }

    /// <summary>A C-FIND response identifier: every key of the request, with the matched values for keys the level
    /// holds and zero length for the others (PS3.4 C.4.1.1.3.2).</summary>
    public static DicomDataset Response(DicomDataset request, QueryLevel level, IReadOnlyDictionary<string, string?> row, string aeTitle)
        => Response(request, level, row, aeTitle, new ArchiveQueryOptions());

    public static DicomDataset Response(DicomDataset request, QueryLevel level, IReadOnlyDictionary<string, string?> row, string aeTitle, ArchiveQueryOptions options)
    {
        var response = new DicomDataset();
        foreach (var item in request)
        {
            if (item is DicomSequence sequence)
            {
                response.AddSequence(sequence.Tag, [.. SequenceItems(sequence, level, row, options)]);
                continue;
            }
            var tag = item.Tag.Value;
            string? value = tag switch
            {
                DicomTags.QueryRetrieveLevel or DicomTags.SpecificCharacterSet => request.GetString(item.Tag),
                DicomTags.RetrieveAETitle => aeTitle,
                DicomTags.ModalitiesInStudy => Derived(row, "modalities")?.Replace(',', '\\'),
                DicomTags.SOPClassesInStudy => Derived(row, "sop_classes")?.Replace(',', '\\'),
                DicomTags.NumberOfStudyRelatedInstances => Derived(row, "study_instances"),
                DicomTags.NumberOfStudyRelatedSeries => Derived(row, "study_series"),
                DicomTags.NumberOfSeriesRelatedInstances => Derived(row, "series_instances"),
                DicomTags.NumberOfPatientRelatedStudies => Derived(row, "patient_studies"),
                DicomTags.NumberOfPatientRelatedSeries => Derived(row, "patient_series"),
                DicomTags.NumberOfPatientRelatedInstances => Derived(row, "patient_instances"),
                _ => IndexedAttributes.ByTag(tag) is { } key && key.Level <= level && row.TryGetValue(key.Column, out var v) ? v : null,
            };
            response.SetString(item.Tag, item.Vr, value ?? "");
        }
        if (!response.Contains(new DicomTag(DicomTags.QueryRetrieveLevel)))
            response.SetString(new DicomTag(DicomTags.QueryRetrieveLevel), DicomVr.CS, level.ToString().ToUpperInvariant());
        return response;
    }

    /// <summary>The stored items that match the request's item, each holding only the requested item keys; for a
    /// sequence the index does not keep, or of a level below the query's, none.</summary>
    /// <remarks>PS3.4 C.2.2.2.6: "A sequence of matching Items containing only the requested Attributes is returned" (2020c)</remarks>
    private static IEnumerable<DicomDataset> SequenceItems(DicomSequence requested, QueryLevel level, IReadOnlyDictionary<string, string?> row, ArchiveQueryOptions options)
    {
        var indexed = IndexedAttributes.SequenceByTag(requested.Tag.Value);
        if (indexed == null || indexed.Level > level || Derived(row, indexed.ResultColumn) is not { } json) yield break;
        var keys = requested.Items.Count > 0 ? requested.Items[0] : null;
        using var document = System.Text.Json.JsonDocument.Parse(json);
        foreach (var stored in document.RootElement.EnumerateArray())
        {
            var values = indexed.ItemKeys.Select((k, i) => (k.Tag, Value: stored[i].ValueKind == System.Text.Json.JsonValueKind.String ? stored[i].GetString() : null)).ToList();
            var item = new DicomDataset();
            var matches = true;
            foreach (var element in keys?.OfType<DicomElement>() ?? values.Select(v => new DicomElement(new DicomTag(v.Tag), DicomVr.UN, default)))
            {
                var held = values.FirstOrDefault(v => v.Tag == element.Tag.Value);
                var vr = keys != null ? element.Vr : DicomDictionary.TryLookup(element.Tag.Value, out var entry) ? entry.Vr : DicomVr.LO;
                if (keys != null && held.Tag != 0)
                {
                    var key = keys.GetString(element.Tag) ?? "";
                    matches &= AttributeMatcher.Matches(held.Value, key, vr, options.CaseInsensitivePersonNames);
                }
                item.SetString(element.Tag, vr, held.Value ?? "");
            }
            if (matches) yield return item;
        }
    }

    private static string? Derived(IReadOnlyDictionary<string, string?> row, string column) => row.TryGetValue(column, out var v) ? v : null;
}
