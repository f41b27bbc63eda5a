using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Dul;

/// <summary>Connects the state machine to the PDU codec: a decoded PDU (or a decoding error) becomes the
/// event and payload of Table 9-10, and an abort becomes an A-ABORT PDU. Which event a PDU raises comes
/// from dul-events.yaml joined to pdus.yaml (the generated DulPduKinds); the abort source/reason codes come from pdus.yaml (Table 9-26), matched by name.</summary>
/// <remarks>PS3.8 Table 9-10 (Evt3, 4, 6, 10, 12, 13, 16, 19); PS3.8 Table 9-26</remarks>
public static class DulProtocolBridge
{
    /// <summary>The event and payload for a received PDU. An A-ABORT's payload carries its decoded source
    /// and reason, which AA-3 needs; other payloads are the PDU itself.</summary>
    /// <remarks>PS3.8 Table 9-10; PS3.8 Table 9-9, AA-3</remarks>
    public static (DulEvent Event, object Payload) ForReceived(Pdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var evt = DulEventKinds.ForReceivedPdu(DulPduKinds.KindOf(pdu));
        return pdu is AAbort abort ? (evt, FromAbortPdu(abort)) : (evt, pdu);
    }

    /// <summary>Evt19 for bytes the codec rejected, with the A-ABORT reason it names.</summary>
    /// <remarks>PS3.8 Table 9-10, Evt19; PS3.8 Table 9-26</remarks>
    public static (DulEvent Event, object Payload) ForInvalid(PduFormatException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return (DulEvent.Evt19, new DulInvalidPdu(ToProviderReason(error.AbortReason), error.Message));
    }

    /// <summary>The source and reason of a received A-ABORT PDU. A reserved source value is not the
    /// service-user, so AA-3 treats it as a service-provider abort.</summary>
    /// <remarks>PS3.8 Table 9-26 (Source, Reason/Diag.)</remarks>
    public static DulReceivedAbort FromAbortPdu(AAbort pdu)
    {
        var source = pdu.Source == AbortSource.ServiceUser ? DulAbortSource.ServiceUser : DulAbortSource.ServiceProvider;
        var reason = source == DulAbortSource.ServiceUser ? DulProviderReason.ReasonNotSpecified : ToProviderReason(pdu.Reason);
        return new DulReceivedAbort(source, reason, pdu);
    }

    /// <summary>The A-ABORT PDU for an abort. The reason is significant only for a service-provider
    /// source (otherwise 00H); a reason Table 9-26 has no code for (a locally defined one, or
    /// unexpected-session-service primitive, whose place is reserved) is sent as reason-not-specified.</summary>
    /// <remarks>PS3.8 Table 9-26; PS3.8 7.4.1</remarks>
    public static AAbort ToAbortPdu(DulAbort abort)
    {
        ArgumentNullException.ThrowIfNull(abort);
        return abort.Source == DulAbortSource.ServiceUser
            ? new AAbort { Source = AbortSource.ServiceUser, Reason = AbortReason.ReasonNotSpecified }
            : new AAbort { Source = AbortSource.ServiceProvider, Reason = Enum.TryParse<AbortReason>(abort.Reason.ToString(), out var r) ? r : AbortReason.ReasonNotSpecified };
    }

    /// <summary>The symbolic provider reason of a Table 9-26 reason code (same names); an undefined or
    /// reserved code is reason-not-specified.</summary>
    /// <remarks>PS3.8 7.4.1; PS3.8 Table 9-26</remarks>
    public static DulProviderReason ToProviderReason(AbortReason reason)
        => Enum.IsDefined(reason) && Enum.TryParse<DulProviderReason>(reason.ToString(), out var r) ? r : DulProviderReason.ReasonNotSpecified;
}
