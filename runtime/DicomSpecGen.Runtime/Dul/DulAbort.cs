namespace DicomSpecGen.Dul;

/// <summary>The initiating source of an abort (symbolic values of the A-ABORT abort source parameter).
/// The association layer maps them to the Source field of the A-ABORT PDU.</summary>
/// <remarks>PS3.8 7.3.1.1; PS3.8 Table 9-26 (Source)</remarks>
public enum DulAbortSource
{
    /// <summary>UL service-user.</summary>
    /// <remarks>PS3.8 7.3.1.1</remarks>
    ServiceUser,

    /// <summary>UL service-provider.</summary>
    /// <remarks>PS3.8 7.3.1.1</remarks>
    ServiceProvider,
}

/// <summary>The provider reason of an A-P-ABORT (and of an A-ABORT PDU from the service-provider).</summary>
/// <remarks>PS3.8 7.4.1; PS3.8 Table 9-26 (Reason/Diag.)</remarks>
public enum DulProviderReason
{
    /// <summary>reason-not-specified.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    ReasonNotSpecified,

    /// <summary>unrecognized-pdu.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    UnrecognizedPdu,

    /// <summary>unexpected-pdu.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    UnexpectedPdu,

    /// <summary>unexpected-session-service primitive.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    UnexpectedSessionServicePrimitive,

    /// <summary>unrecognized-pdu parameter.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    UnrecognizedPduParameter,

    /// <summary>unexpected-pdu parameter.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    UnexpectedPduParameter,

    /// <summary>invalid-pdu-parameter value.</summary>
    /// <remarks>PS3.8 7.4.1</remarks>
    InvalidPduParameterValue,

    /// <summary>A locally defined reason: the transport connection was closed (AA-4). Never sent in a PDU.</summary>
    /// <remarks>PS3.8 7.4.1 ("a locally defined list of reasons may be used"); Table 9-9, AA-4</remarks>
    TransportConnectionClosed,
}

/// <summary>An abort: sent as the content of an A-ABORT PDU, or delivered with an A-P-ABORT indication.</summary>
/// <remarks>PS3.8 7.3, 7.4; PS3.8 9.3.8</remarks>
public sealed record DulAbort(DulAbortSource Source, DulProviderReason Reason);

/// <summary>The payload of Evt16: a received A-ABORT PDU, its source already decoded by the association
/// layer (AA-3 depends on it).</summary>
/// <remarks>PS3.8 Table 9-9, AA-3; PS3.8 Table 9-26</remarks>
public sealed record DulReceivedAbort(DulAbortSource Source, DulProviderReason Reason, object? Pdu = null);

/// <summary>The payload of Evt19: why a received PDU is unrecognized or invalid (AA-7, AA-8 send it as
/// the abort reason).</summary>
/// <remarks>PS3.8 Table 9-10, Evt19; PS3.8 7.4.1</remarks>
public sealed record DulInvalidPdu(DulProviderReason Reason, string? Detail = null);
