namespace DicomSpecGen.Data.Part10;

/// <summary>The fixed start of a DICOM file: the File Preamble, the DICOM Prefix, then the File Meta Information
/// (group 0002, whose tags come from the generated <see cref="Registry.DicomTags"/>) in Explicit VR Little Endian.
/// <see cref="DicomFileWriter"/> writes it and <see cref="DicomFileReader"/> reads it; nothing else does.</summary>
/// <remarks>PS3.10 7.1 (DICOM File Meta Information)</remarks>
public static class DicomFileFormat
{
    /// <summary>Length of the File Preamble (written as zeros).</summary>
    /// <remarks>PS3.10 7.1 (File Preamble: 128 bytes).</remarks>
    public const int PreambleLength = 128;

    /// <summary>The DICOM Prefix after the preamble.</summary>
    /// <remarks>PS3.10 7.1 (DICOM Prefix: the 4 bytes "DICM").</remarks>
    public static ReadOnlySpan<byte> Prefix => "DICM"u8;

    /// <summary>Where the File Meta Information starts: after the preamble and the prefix.</summary>
    /// <remarks>PS3.10 7.1</remarks>
    public static int MetaOffset => PreambleLength + Prefix.Length;

    /// <summary>The group of the File Meta Information elements.</summary>
    /// <remarks>PS3.10 7.1; PS3.6 Table 7-1</remarks>
    public static ushort MetaGroup => new DicomTag(Registry.DicomTags.FileMetaInformationGroupLength).Group;

    /// <summary>The encoding of the File Meta Information, whatever the Data Set's transfer syntax.</summary>
    /// <remarks>PS3.10 7.1 (group 0002 is always Explicit VR Little Endian).</remarks>
    public static DicomEncoding MetaEncoding => DicomEncoding.ExplicitLittle;
}
