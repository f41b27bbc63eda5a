using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>The two properties of a transfer syntax that shape element headers and values:
/// Explicit/Implicit VR (PS3.5 Section 7.1) and byte order (PS3.5 Section 7.3).</summary>
public readonly record struct DicomEncoding(bool ExplicitVr, bool BigEndian)
{
    /// <summary>Implicit VR Little Endian: also the encoding inside UN of undefined length (PS3.5 Section 6.2.2).</summary>
    public static readonly DicomEncoding ImplicitLittle = new(false, false);

    /// <summary>Explicit VR Little Endian: the File Meta Information's encoding (PS3.10 Section 7.1).</summary>
    public static readonly DicomEncoding ExplicitLittle = new(true, false);

    public static DicomEncoding Of(TransferSyntax ts)
    {
        if (!ts.IsDataSetEncoding)
            throw new DicomDataException($"transfer syntax {ts.Name} is not a binary Data Set encoding", null, 0, "PS3.5 Section 10");
        return new DicomEncoding(ts.IsExplicitVr, ts.IsBigEndian);
    }
}
