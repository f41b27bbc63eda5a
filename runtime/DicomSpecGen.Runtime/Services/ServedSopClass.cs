using DicomSpecGen.Registry;

namespace DicomSpecGen.Services;

/// <summary>One SOP class a service serves: the transfer syntaxes accepted for it, most preferred first, and whether a
/// requestor proposing the SCP role for it gets it (SCP/SCU Role Selection, e.g. storage classes so a C-GET SCU
/// can receive its C-STORE sub-operations).</summary>
/// <remarks>PS3.7 D.3.3.4 (role selection); PS3.8 9.3.3.2 (one transfer syntax per accepted context).</remarks>
public sealed record ServedSopClass(string Uid, IReadOnlyList<string> TransferSyntaxes, bool RequestorMayBeScp = false)
{
    /// <summary>A SOP class accepted in the uncompressed little endian syntaxes.</summary>
    public ServedSopClass(string uid) : this(uid, UncompressedLittleEndian)
    {
    }

    /// <summary>Explicit VR Little Endian, then Implicit VR Little Endian (the default transfer syntax, PS3.5 10.1).</summary>
    public static IReadOnlyList<string> UncompressedLittleEndian { get; } = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian];
}
