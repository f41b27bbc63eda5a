using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Archive;

/// <summary>Turns a C-FIND/C-MOVE/C-GET identifier into index conditions, and index rows into C-FIND responses.</summary>
/// <remarks>PS3.4 C.2.2.2 (attribute matching), C.4.1.1.3 (identifier), C.6.1/C.6.2 (patient and study root models)</remarks>
public static class QueryTranslator
{
    public static (QueryLevel Level, IReadOnlyList<KeyCondition> Conditions) Translate(string informationModel, DicomDataset identifier)
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
            if (item is not DicomElement element) continue;
            var key = IndexedAttributes.ByTag(element.Tag.Value);
            if (key == null) continue;
            var value = identifier.GetString(element.Tag) ?? "";
            if (value.Length == 0 || value == "*") continue; // universal matching (PS3.4 C.2.2.2.3)
            conditions.Add(Condition(key.Column, element.Vr, value));
        }
        return (level, conditions);
    }

    private static KeyCondition Condition(string column, DicomVr vr, string value)
    {
        if (vr == DicomVr.UI && value.Contains('\\'))
            return new KeyCondition(column, KeyMatch.UidList, value.Split('\\').Select(v => v.Trim()).ToList());
        if (vr is DicomVr.DA or DicomVr.TM or DicomVr.DT && value.Contains('-'))
        {
            var dash = value.IndexOf('-');
            return new KeyCondition(column, KeyMatch.Range, [value[..dash].Trim(), value[(dash + 1)..].Trim()]);
        }
        if (vr != DicomVr.UI && (value.Contains('*') || value.Contains('?')))
            return new KeyCondition(column, KeyMatch.Wildcard, [value]);
        return new KeyCondition(column, KeyMatch.Single, [value]);
    }

    /// <summary>A C-FIND response identifier: every key of the request, with the matched values for keys the level
    /// holds and zero length for the others (PS3.4 C.4.1.1.3.2).</summary>
    public static DicomDataset Response(DicomDataset request, QueryLevel level, IReadOnlyDictionary<string, string?> row, string aeTitle)
    {
        var response = new DicomDataset();
        foreach (var item in request)
        {
            if (item is DicomSequence sequence)
            {
                response.AddSequence(sequence.Tag);
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
                DicomTags.NumberOfPatientRelatedInstances => Derived(row, "patient_instances"),
                _ => IndexedAttributes.ByTag(tag) is { } key && key.Level <= level && row.TryGetValue(key.Column, out var v) ? v : null,
            };
            response.SetString(item.Tag, item.Vr, value ?? "");
        }
        if (!response.Contains(new DicomTag(DicomTags.QueryRetrieveLevel)))
            response.SetString(new DicomTag(DicomTags.QueryRetrieveLevel), DicomVr.CS, level.ToString().ToUpperInvariant());
        return response;
    }

    private static string? Derived(IReadOnlyDictionary<string, string?> row, string column) => row.TryGetValue(column, out var v) ? v : null;
}
