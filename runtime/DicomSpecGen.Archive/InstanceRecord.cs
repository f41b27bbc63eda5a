namespace DicomSpecGen.Archive;

/// <summary>What the index keeps of one stored instance, at the four levels of the Query/Retrieve information
/// model (PS3.4 C.6.1: patient, study, series, composite object instance).</summary>
public sealed record InstanceRecord
{
    public string PatientId { get; init; } = "";
    public string? PatientName { get; init; }
    public string? PatientBirthDate { get; init; }
    public string? PatientSex { get; init; }
    public required string StudyInstanceUid { get; init; }
    public string? StudyDate { get; init; }
    public string? StudyTime { get; init; }
    public string? AccessionNumber { get; init; }
    public string? StudyId { get; init; }
    public string? StudyDescription { get; init; }
    public required string SeriesInstanceUid { get; init; }
    public string? Modality { get; init; }
    public string? SeriesNumber { get; init; }
    public string? SeriesDescription { get; init; }
    public required string SopInstanceUid { get; init; }
    public required string SopClassUid { get; init; }
    public string? InstanceNumber { get; init; }
    public required string TransferSyntaxUid { get; init; }
    /// <summary>The file's name relative to the store's root.</summary>
    public required string RelativePath { get; init; }
    public long Size { get; init; }
    /// <summary>The items of each indexed sequence (<see cref="IndexedAttributes.Sequences"/>) by sequence tag: per
    /// item, the item keys' values by tag.</summary>
    public IReadOnlyDictionary<uint, IReadOnlyList<IReadOnlyDictionary<uint, string>>> SequenceItems { get; init; }
        = new Dictionary<uint, IReadOnlyList<IReadOnlyDictionary<uint, string>>>();
}
