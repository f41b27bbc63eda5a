using DicomSpecGen.Registry;

namespace DicomSpecGen.Data.Part10;

/// <summary>The File Meta Information of a DICOM file (PS3.10 Section 7.1, elements of PS3.6 Table 7-1).</summary>
public sealed record DicomFileMeta(
    string MediaStorageSopClassUid,
    string MediaStorageSopInstanceUid,
    string TransferSyntaxUid,
    string ImplementationClassUid = DicomFileMeta.DefaultImplementationClassUid,
    string ImplementationVersionName = DicomFileMeta.DefaultImplementationVersionName,
    string? SourceApplicationEntityTitle = null)
{
    /// <summary>This implementation's class UID: a UUID-derived UID under 2.25 (PS3.5 Section B.2).</summary>
    public const string DefaultImplementationClassUid = "2.25.274562619387460912834756198237465198234";

    /// <summary>This implementation's version name (at most 16 characters, PS3.7 Section D.3.3.2.2).</summary>
    public const string DefaultImplementationVersionName = "DICOMSPECGEN_01";

    /// <summary>(0002,0001) File Meta Information Version: 00 01 (PS3.10 Section 7.1).</summary>
    public static readonly byte[] Version = [0x00, 0x01];

    /// <summary>The meta elements (without the group length, which the writer computes).</summary>
    public DicomDataset ToDataset()
    {
        var ds = new DicomDataset()
            .SetBytes(DicomTags.FileMetaInformationVersion, DicomVr.OB, Version)
            .SetString(DicomTags.MediaStorageSOPClassUID, DicomVr.UI, MediaStorageSopClassUid)
            .SetString(DicomTags.MediaStorageSOPInstanceUID, DicomVr.UI, MediaStorageSopInstanceUid)
            .SetString(DicomTags.TransferSyntaxUID, DicomVr.UI, TransferSyntaxUid)
            .SetString(DicomTags.ImplementationClassUID, DicomVr.UI, ImplementationClassUid)
            .SetString(DicomTags.ImplementationVersionName, DicomVr.SH, ImplementationVersionName);
        if (SourceApplicationEntityTitle != null) ds.SetString(DicomTags.SourceApplicationEntityTitle, DicomVr.AE, SourceApplicationEntityTitle);
        return ds;
    }

    /// <summary>Reads the meta elements; the transfer syntax UID is required (PS3.10 Section 7.1).</summary>
    public static DicomFileMeta FromDataset(DicomDataset meta)
    {
        var ts = meta.GetString(DicomTags.TransferSyntaxUID)
            ?? throw new DicomDataException("the File Meta Information has no Transfer Syntax UID", new DicomTag(DicomTags.TransferSyntaxUID), 0, "PS3.10 Section 7.1");
        return new DicomFileMeta(
            meta.GetString(DicomTags.MediaStorageSOPClassUID) ?? "",
            meta.GetString(DicomTags.MediaStorageSOPInstanceUID) ?? "",
            ts,
            meta.GetString(DicomTags.ImplementationClassUID) ?? "",
            meta.GetString(DicomTags.ImplementationVersionName) ?? "",
            meta.GetString(DicomTags.SourceApplicationEntityTitle));
    }
}
