namespace DicomSpecGen.Archive;

/// <summary>How the archive matches C-FIND/C-MOVE/C-GET identifiers.</summary>
public sealed record ArchiveQueryOptions
{
    /// <summary>Match PN keys (e.g. Patient's Name) ignoring case, as Orthanc and dcm4chee do (default); false matches
    /// them case-sensitively like every other VR. PS3.4 C.2.2.2.1.1 and C.2.2.2.4 leave PN case to the implementation.</summary>
    public bool CaseInsensitivePersonNames { get; init; } = true;
}
