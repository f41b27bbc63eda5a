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

    public static Key? ByTag(uint tag) => All.FirstOrDefault(k => k.Tag == tag);

    /// <summary>The highest tag indexed: reading a data set can stop after it.</summary>
    public static uint LastTag { get; } = All.Max(k => k.Tag);
}
