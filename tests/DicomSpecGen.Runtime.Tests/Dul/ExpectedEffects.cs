using DicomSpecGen.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

public enum ArtimEffect { Unchanged, Started, Stopped }

/// <summary>The test oracle: what each action must do, written from the action definitions of PS3.8
/// Tables 9-6 to 9-9 (the text is quoted per action), independently of the runtime's bodies.</summary>
public static class ExpectedEffects
{
    public const string StoredRequest = "stored A-ASSOCIATE request";

    public static (IReadOnlyList<PortCall> Calls, ArtimEffect Artim) Of(DulAction action, DulEvent trigger, object? payload, bool acceptable = true)
    {
        PortCall Send(DulPduKind kind, object? content) => new("Send", kind, content);
        PortCall Deliver(DulPrimitiveKind kind, object? content) => new("Deliver", kind, content);
        var close = new PortCall("CloseTransport");
        var providerAbort = new DulAbort(DulAbortSource.ServiceProvider,
            trigger == DulEvent.Evt19 ? ((DulInvalidPdu)payload!).Reason : DulProviderReason.UnexpectedPdu);

        return action switch
        {
            // AE-1 "Issue TRANSPORT CONNECT request primitive to local transport service"
            DulAction.AE1 => ([new PortCall("ConnectTransport", null, payload)], ArtimEffect.Unchanged),
            // AE-2 "Send A-ASSOCIATE-RQ-PDU" (from the request kept since AE-1)
            DulAction.AE2 => ([Send(DulPduKind.AAssociateRq, StoredRequest)], ArtimEffect.Unchanged),
            // AE-3 "Issue A-ASSOCIATE confirmation (accept) primitive"
            DulAction.AE3 => ([Deliver(DulPrimitiveKind.AssociateConfirmationAccept, payload)], ArtimEffect.Unchanged),
            // AE-4 "Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection"
            DulAction.AE4 => ([Deliver(DulPrimitiveKind.AssociateConfirmationReject, payload), close], ArtimEffect.Unchanged),
            // AE-5 "Issue Transport connection response primitive; start ARTIM timer"
            DulAction.AE5 => ([new PortCall("AcceptTransport")], ArtimEffect.Started),
            // AE-6 "Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider: issue A-ASSOCIATE
            // indication primitive; otherwise: issue A-ASSOCIATE-RJ-PDU and start ARTIM timer"
            DulAction.AE6 => acceptable
                ? ([new PortCall("CheckAssociateRequest", null, payload), Deliver(DulPrimitiveKind.AssociateIndication, payload)], ArtimEffect.Stopped)
                : ([new PortCall("CheckAssociateRequest", null, payload), Send(DulPduKind.AAssociateRj, RecordingPort.Rejection)], ArtimEffect.Started),
            // AE-7 "Send A-ASSOCIATE-AC PDU"
            DulAction.AE7 => ([Send(DulPduKind.AAssociateAc, payload)], ArtimEffect.Unchanged),
            // AE-8 "Send A-ASSOCIATE-RJ PDU and start ARTIM timer"
            DulAction.AE8 => ([Send(DulPduKind.AAssociateRj, payload)], ArtimEffect.Started),
            // DT-1 "Send P-DATA-TF PDU"
            DulAction.DT1 => ([Send(DulPduKind.PDataTf, payload)], ArtimEffect.Unchanged),
            // DT-2 "Send P-DATA indication primitive"
            DulAction.DT2 => ([Deliver(DulPrimitiveKind.PDataIndication, payload)], ArtimEffect.Unchanged),
            // AR-1 "Send A-RELEASE-RQ PDU"
            DulAction.AR1 => ([Send(DulPduKind.AReleaseRq, payload)], ArtimEffect.Unchanged),
            // AR-2 "Issue A-RELEASE indication primitive"
            DulAction.AR2 => ([Deliver(DulPrimitiveKind.ReleaseIndication, payload)], ArtimEffect.Unchanged),
            // AR-3 "Issue A-RELEASE confirmation primitive, and close transport connection"
            DulAction.AR3 => ([Deliver(DulPrimitiveKind.ReleaseConfirmation, payload), close], ArtimEffect.Unchanged),
            // AR-4 "Issue A-RELEASE-RP PDU and start ARTIM timer"
            DulAction.AR4 => ([Send(DulPduKind.AReleaseRp, payload)], ArtimEffect.Started),
            // AR-5 "Stop ARTIM timer"
            DulAction.AR5 => ([], ArtimEffect.Stopped),
            // AR-6 "Issue P-DATA indication"
            DulAction.AR6 => ([Deliver(DulPrimitiveKind.PDataIndication, payload)], ArtimEffect.Unchanged),
            // AR-7 "Issue P-DATA-TF PDU"
            DulAction.AR7 => ([Send(DulPduKind.PDataTf, payload)], ArtimEffect.Unchanged),
            // AR-8 "Issue A-RELEASE indication (release collision)"
            DulAction.AR8 => ([Deliver(DulPrimitiveKind.ReleaseIndication, payload)], ArtimEffect.Unchanged),
            // AR-9 "Send A-RELEASE-RP PDU"
            DulAction.AR9 => ([Send(DulPduKind.AReleaseRp, payload)], ArtimEffect.Unchanged),
            // AR-10 "Issue A-RELEASE confirmation primitive"
            DulAction.AR10 => ([Deliver(DulPrimitiveKind.ReleaseConfirmation, payload)], ArtimEffect.Unchanged),
            // AA-1 "Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer"
            DulAction.AA1 => ([Send(DulPduKind.AAbort, new DulAbort(DulAbortSource.ServiceUser, DulProviderReason.ReasonNotSpecified))], ArtimEffect.Started),
            // AA-2 "Stop ARTIM timer if running. Close transport connection"
            DulAction.AA2 => ([close], ArtimEffect.Stopped),
            // AA-3 "If (service-user initiated abort): issue A-ABORT indication and close transport connection"
            // (the harness's Evt16 payload is a service-user abort; the provider branch has its own test)
            DulAction.AA3 => ([Deliver(DulPrimitiveKind.AbortIndication, payload), close], ArtimEffect.Unchanged),
            // AA-4 "Issue A-P-ABORT indication primitive"
            DulAction.AA4 => ([Deliver(DulPrimitiveKind.ProviderAbortIndication, new DulAbort(DulAbortSource.ServiceProvider, DulProviderReason.TransportConnectionClosed))], ArtimEffect.Unchanged),
            // AA-5 "Stop ARTIM timer"
            DulAction.AA5 => ([], ArtimEffect.Stopped),
            // AA-6 "Ignore PDU"
            DulAction.AA6 => ([], ArtimEffect.Unchanged),
            // AA-7 "Send A-ABORT PDU"
            DulAction.AA7 => ([Send(DulPduKind.AAbort, providerAbort)], ArtimEffect.Unchanged),
            // AA-8 "Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer"
            DulAction.AA8 => ([Send(DulPduKind.AAbort, providerAbort), Deliver(DulPrimitiveKind.ProviderAbortIndication, providerAbort)], ArtimEffect.Started),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no oracle for this action"),
        };
    }
}
