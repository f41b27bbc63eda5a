using DicomSpecGen.Registry;

namespace DicomSpecGen.Archive;

/// <summary>The attributes the index keeps, each with its Query/Retrieve level and column (PS3.4 C.6.1.1 and
/// C.6.2.1: the required and unique keys of the patient and study root models).</summary>
public static class IndexedAttributes
{
    public sealed record Key(uint Tag, QueryLevel Level, string Column, bool IsUnique = false);

    public static IReadOnlyList<Key> All { get; } =
    [
        new(DicomTags.PatientName, QueryLevel.Patient, "patient_name"),
        new(DicomTags.PatientID, QueryLevel.Patient, "patient_id", IsUnique: true),
        new(DicomTags.PatientBirthDate, QueryLevel.Patient, "birth_date"),
        new(DicomTags.PatientSex, QueryLevel.Patient, "sex"),
        new(DicomTags.StudyDate, QueryLevel.Study, "study_date"),
        new(DicomTags.StudyTime, QueryLevel.Study, "study_time"),
        new(DicomTags.AccessionNumber, QueryLevel.Study, "accession"),
        new(DicomTags.StudyID, QueryLevel.Study, "study_id"),
        new(DicomTags.StudyDescription, QueryLevel.Study, "study_description"),
        new(DicomTags.StudyInstanceUID, QueryLevel.Study, "study_uid", IsUnique: true),
        new(DicomTags.Modality, QueryLevel.Series, "modality"),
        new(DicomTags.SeriesNumber, QueryLevel.Series, "series_number"),
        new(DicomTags.SeriesDescription, QueryLevel.Series, "series_description"),
        new(DicomTags.SeriesInstanceUID, QueryLevel.Series, "series_uid", IsUnique: true),
        new(DicomTags.SOPClassUID, QueryLevel.Image, "sop_class"),
        new(DicomTags.SOPInstanceUID, QueryLevel.Image, "sop_uid", IsUnique: true),
        new(DicomTags.InstanceNumber, QueryLevel.Image, "instance_number"),
    ];

    /// <summary>Looked up for every top-level element of every stored instance: a dictionary, not a scan.</summary>
    private static readonly Dictionary<uint, Key> KeysByTag = All.ToDictionary(k => k.Tag);

    public static Key? ByTag(uint tag) => KeysByTag.GetValueOrDefault(tag);

    /// <summary>An item key of an indexed sequence and its column in the sequence's side table.</summary>
    public sealed record ItemKey(uint Tag, string Column);

    /// <summary>A sequence whose items the index keeps (one row per item in <paramref name="Table"/>, keyed by the
    /// owning entity's unique key), for sequence matching (PS3.4 C.2.2.2.6).</summary>
    public sealed record Sequence(uint Tag, QueryLevel Level, string Table, string OwnerColumn, IReadOnlyList<ItemKey> ItemKeys)
    {
        /// <summary>The query result column holding the items (a JSON array of arrays, item key order).</summary>
        public string ResultColumn => "seq_" + Table;

        /// <summary>Whether <paramref name="tag"/> is one of the item keys (a loop: the store path asks per item element).</summary>
        public bool HasItemKey(uint tag)
        {
            foreach (var key in ItemKeys)
                if (key.Tag == tag) return true;
            return false;
        }
    }

    /// <summary>Procedure Code Sequence (PS3.4 Table C.6-2/C.6-5) with the Basic Code Value keys of its items
    /// (Table C.6-2b).</summary>
    public static IReadOnlyList<Sequence> Sequences { get; } =
    [
        new(DicomTags.ProcedureCodeSequence, QueryLevel.Study, "procedure_code", "study_uid",
            [new(DicomTags.CodeValue, "code_value"), new(DicomTags.CodingSchemeDesignator, "scheme"), new(DicomTags.CodeMeaning, "meaning")]),
    ];

    private static readonly Dictionary<uint, Sequence> SequencesByTag = Sequences.ToDictionary(s => s.Tag);

    public static Sequence? SequenceByTag(uint tag) => SequencesByTag.GetValueOrDefault(tag);

    /// <summary>The pseudo-column of Modalities in Study (0008,0061): matched against the modality of every series of
    /// the study (PS3.4 C.3.4: "all of the distinct values used for Modality in the Series of the Study").</summary>
    public const string ModalitiesInStudyColumn = "modalities_in_study";

    /// <summary>The highest tag indexed: reading a data set can stop after it.</summary>
    public static uint LastTag { get; } = Math.Max(All.Max(k => k.Tag), Sequences.Max(s => s.Tag));
}
