using DicomSpecGen.Registry;

namespace DicomSpecGen.Association;

/// <summary>Configuration of <see cref="DefaultAssociationPolicy"/>.</summary>
public sealed record AcceptorPolicyOptions
{
    /// <summary>Our AE title; with <see cref="RequireCalledAeTitle"/> a request calling another one is rejected
    /// (called-AE-title-not-recognized). Null accepts any called AE title.</summary>
    public string? AeTitle { get; init; }

    /// <summary>Whether the called AE title must be <see cref="AeTitle"/> (the called-AE-title check). False accepts a
    /// request whatever AE title it calls, as DCMTK's storescp does unless told otherwise.</summary>
    public bool RequireCalledAeTitle { get; init; } = true;

    /// <summary>Calling AE titles allowed to associate; null allows any (calling-AE-title-not-recognized otherwise).</summary>
    public IReadOnlySet<string>? AllowedCallingAeTitles { get; init; }

    /// <summary>Abstract syntaxes we accept, each with the transfer syntaxes we accept for it in our order of
    /// preference (the first one the requestor also proposed wins).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> AbstractSyntaxes { get; init; }

    /// <summary>SOP classes for which we accept the requestor acting as SCP (e.g. storage classes, so a C-GET
    /// requestor can receive its C-STORE sub-operations).</summary>
    public IReadOnlySet<string> RequestorScpRoleAllowed { get; init; } = new HashSet<string>();

    /// <summary>Checks a requestor's user identity (PS3.7 D.3.3.7); null ignores identities. A refused identity
    /// rejects the association (permanent, service-user, no-reason-given).</summary>
    public Func<UserIdentityOptions, bool>? AuthenticateUser { get; init; }

    /// <summary>The transfer syntaxes every storage SCP here accepts, most preferred first.</summary>
    public static IReadOnlyList<string> DefaultTransferSyntaxes { get; } =
    [
        DicomUids.ExplicitVRLittleEndian,
        DicomUids.ImplicitVRLittleEndian,
        DicomUids.DeflatedExplicitVRLittleEndian,
        DicomUids.JPEGBaseline8Bit,
        DicomUids.JPEGExtended12Bit,
        DicomUids.JPEGLossless,
        DicomUids.JPEGLosslessSV1,
        DicomUids.JPEGLSLossless,
        DicomUids.JPEGLSNearLossless,
        DicomUids.JPEG2000Lossless,
        DicomUids.JPEG2000,
        DicomUids.RLELossless,
    ];

    /// <summary>Every storage SOP class in the UID registry (PS3.6 Annex A, "Storage" SOP classes).</summary>
    public static IReadOnlyList<string> StorageSopClasses { get; } = DicomUids.All
        .Where(u => u.Type == DicomUidType.SopClass && u.Name.EndsWith("Storage", StringComparison.Ordinal) && !u.IsRetired)
        .Select(u => u.Uid).ToList();

    /// <summary>The patient and study root query/retrieve models (FIND, MOVE, GET) an archive serves.</summary>
    public static IReadOnlyList<string> QueryRetrieveModels { get; } =
    [
        DicomUids.PatientRootQueryRetrieveInformationModelFind, DicomUids.PatientRootQueryRetrieveInformationModelMove, DicomUids.PatientRootQueryRetrieveInformationModelGet,
        DicomUids.StudyRootQueryRetrieveInformationModelFind, DicomUids.StudyRootQueryRetrieveInformationModelMove, DicomUids.StudyRootQueryRetrieveInformationModelGet,
    ];

    /// <summary>What an archive SCP accepts: verification, every storage SOP class with <see cref="DefaultTransferSyntaxes"/>,
    /// and the query/retrieve models, the last two in the little endian uncompressed syntaxes.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ArchiveAbstractSyntaxes()
    {
        IReadOnlyList<string> plain = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian];
        var syntaxes = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.Verification] = plain };
        foreach (var sop in StorageSopClasses) syntaxes[sop] = DefaultTransferSyntaxes;
        foreach (var model in QueryRetrieveModels) syntaxes[model] = plain;
        return syntaxes;
    }
}
