using System.Diagnostics;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Telemetry;

namespace DicomSpecGen.Association;

public sealed partial class DicomAssociation
{
    private int _abortCounted;
    private int _closedCounted;
    private bool _establishedCounted;

    /// <summary>The span of this association (null when no listener traces "DicomSpecGen"); DIMSE operation spans
    /// are its children.</summary>
    internal Activity? Activity { get; private set; }

    private readonly object _telemetryGate = new();

    private void TelemetryStart()
        => Activity = DicomTelemetry.StartAssociation(IsRequestor, CallingAeTitle, CalledAeTitle,
            RemoteAddress ?? (_options is RequestorOptions r ? $"{r.Host}:{r.Port}" : null));

    private void TelemetryAccepted()
    {
        lock (_telemetryGate)
        {
            // Counted as open only if it has not already ended (a peer may abort right after the A-ASSOCIATE-AC).
            _establishedCounted = _closedCounted == 0;
            DicomTelemetry.Accepted(IsRequestor, _contexts.Count(c => c.IsAccepted), _establishedCounted, Activity);
        }
    }

    private void TelemetryRejected(AssociateRejectResult result, AssociateRejectSource source, AssociateRejectReason reason)
        => DicomTelemetry.Rejected(IsRequestor, result, source, reason, Activity);

    /// <summary>An A-ABORT we send (AA-1 for the user, AA-8 for the provider); AA-7 in Sta13 answers a PDU after the
    /// association already ended and is not counted again.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-1, AA-7, AA-8; Table 9-26.</remarks>
    private void TelemetryAbortSent(DulAbort abort)
    {
        if (_dul.State == DulState.Sta13) return;
        var pdu = DulProtocolBridge.ToAbortPdu(abort);
        CountAbort(pdu.Source, pdu.Source == AbortSource.ServiceProvider ? pdu.Reason.Meaning() : "not significant (service-user)", local: true);
    }

    /// <summary>An A-ABORT or A-P-ABORT indication: the peer aborted (AA-3) or the connection was lost (AA-4, the locally
    /// defined reason transport-connection-closed); after an abort we sent, not counted again.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-3, AA-4; PS3.8 7.4.1.</remarks>
    private void TelemetryAbortIndicated(DulPrimitive primitive)
    {
        if (primitive.Kind == DulPrimitiveKind.AbortIndication)
        {
            CountAbort(AbortSource.ServiceUser, "not significant (service-user)", local: false);
            return;
        }
        var reason = (primitive.Content as DulAbort)?.Reason ?? DulProviderReason.ReasonNotSpecified;
        var text = reason == DulProviderReason.TransportConnectionClosed ? "transport-connection-closed"
            : DulProtocolBridge.ToAbortPdu(new DulAbort(DulAbortSource.ServiceProvider, reason)).Reason.Meaning();
        CountAbort(AbortSource.ServiceProvider, text, local: false);
    }

    private void CountAbort(AbortSource source, string reason, bool local)
    {
        if (Interlocked.Exchange(ref _abortCounted, 1) != 0) return;
        DicomTelemetry.Aborted(IsRequestor, source, reason, local, Activity);
    }

    /// <summary>The association ended: one fewer open, and its span ends.</summary>
    private void TelemetryEnded()
    {
        lock (_telemetryGate)
        {
            if (_closedCounted != 0) return;
            _closedCounted = 1;
            if (_establishedCounted) DicomTelemetry.Closed(IsRequestor);
        }
        Activity?.Stop();
    }
}
