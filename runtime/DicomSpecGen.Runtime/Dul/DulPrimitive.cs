namespace DicomSpecGen.Dul;

/// <summary>The indication and confirmation primitives the DUL issues to its local service-user.</summary>
/// <remarks>PS3.8 7.1-7.4, 7.6</remarks>
public enum DulPrimitiveKind
{
    /// <summary>A-ASSOCIATE indication (AE-6).</summary>
    /// <remarks>PS3.8 7.1.2.2; Table 9-6, AE-6</remarks>
    AssociateIndication,

    /// <summary>A-ASSOCIATE confirmation (accept) (AE-3).</summary>
    /// <remarks>PS3.8 7.1.2.3; Table 9-6, AE-3</remarks>
    AssociateConfirmationAccept,

    /// <summary>A-ASSOCIATE confirmation (reject) (AE-4).</summary>
    /// <remarks>PS3.8 7.1.2.3, 7.1.2.6; Table 9-6, AE-4</remarks>
    AssociateConfirmationReject,

    /// <summary>P-DATA indication (DT-2, AR-6).</summary>
    /// <remarks>PS3.8 7.6; Tables 9-7, 9-8</remarks>
    PDataIndication,

    /// <summary>A-RELEASE indication (AR-2, AR-8).</summary>
    /// <remarks>PS3.8 7.2.2.2, 7.2.2.7; Table 9-8</remarks>
    ReleaseIndication,

    /// <summary>A-RELEASE confirmation (AR-3, AR-10).</summary>
    /// <remarks>PS3.8 7.2.2.5; Table 9-8</remarks>
    ReleaseConfirmation,

    /// <summary>A-ABORT indication: the peer's service-user aborted (AA-3).</summary>
    /// <remarks>PS3.8 7.3.2.3; Table 9-9, AA-3</remarks>
    AbortIndication,

    /// <summary>A-P-ABORT indication: the service-provider aborted (AA-3, AA-4, AA-8).</summary>
    /// <remarks>PS3.8 7.4; Table 9-9</remarks>
    ProviderAbortIndication,
}

/// <summary>A primitive issued to the local service-user. Content is the received PDU it came from
/// (e.g. the A-ASSOCIATE-AC PDU for AE-3) or, for an A-P-ABORT, a <see cref="DulAbort"/>.</summary>
/// <remarks>PS3.8 7</remarks>
public sealed record DulPrimitive(DulPrimitiveKind Kind, object? Content);
