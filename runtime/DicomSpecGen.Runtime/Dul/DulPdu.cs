namespace DicomSpecGen.Dul;

/// <summary>The seven PDUs of the DICOM UL protocol.</summary>
/// <remarks>PS3.8 9.3.1</remarks>
public enum DulPduKind
{
    /// <summary>A-ASSOCIATE-RQ PDU.</summary>
    /// <remarks>PS3.8 9.3.2</remarks>
    AAssociateRq,

    /// <summary>A-ASSOCIATE-AC PDU.</summary>
    /// <remarks>PS3.8 9.3.3</remarks>
    AAssociateAc,

    /// <summary>A-ASSOCIATE-RJ PDU.</summary>
    /// <remarks>PS3.8 9.3.4</remarks>
    AAssociateRj,

    /// <summary>P-DATA-TF PDU.</summary>
    /// <remarks>PS3.8 9.3.5</remarks>
    PDataTf,

    /// <summary>A-RELEASE-RQ PDU.</summary>
    /// <remarks>PS3.8 9.3.6</remarks>
    AReleaseRq,

    /// <summary>A-RELEASE-RP PDU.</summary>
    /// <remarks>PS3.8 9.3.7</remarks>
    AReleaseRp,

    /// <summary>A-ABORT PDU.</summary>
    /// <remarks>PS3.8 9.3.8</remarks>
    AAbort,
}

/// <summary>A PDU an action sends. The content is what the PDU is built from: the primitive that caused
/// it (e.g. the A-ASSOCIATE request for AE-2), the rejection for an A-ASSOCIATE-RJ, or a
/// <see cref="DulAbort"/> for an A-ABORT. The association layer encodes it with the PDU codec.</summary>
/// <remarks>PS3.8 9.3</remarks>
public sealed record DulPdu(DulPduKind Kind, object? Content);
