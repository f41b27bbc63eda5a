using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Transport;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Association;

public sealed partial class DicomAssociation
{
    /// <summary>The DUL actions' view of the world: the PDU codec and the TCP connection. Called inside a
    /// DUL step, so nothing here waits on the network.</summary>
    private sealed class Port(DicomAssociation owner) : IDulPort
    {
        /// <summary>AE-1: connect asynchronously; success is Evt2, failure Evt17 (PS3.8 9.1.2).</summary>
        public void ConnectTransport(object? associateRequest)
        {
            var options = (RequestorOptions)owner._options;
            _ = Task.Run(async () =>
            {
                try
                {
                    owner.Attach(await PduConnection.ConnectAsync(options.Host, options.Port, options.Transport, CancellationToken.None).ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    owner._failure ??= new AssociationAbortedException($"cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
                    owner.Fire(DulEvent.Evt17);
                    owner.Ended(owner._failure);
                    return;
                }
                owner.StartReading();
                owner.Fire(DulEvent.Evt2);
            });
        }

        /// <summary>AE-5: the connection was accepted by the listener; start reading from it.</summary>
        public void AcceptTransport() => owner.StartReadingOnOwnThread();

        public void CloseTransport()
        {
            owner._connection?.Close();
            owner.Ended(null);
        }

        public void Send(DulPdu pdu)
        {
            var connection = owner._connection;
            if (connection == null) return;
            if (pdu.Content is EncodedPData encodedPData)
            {
                // Encoded by the DIMSE layer into a batch it writes itself (one send for several PDUs).
                connection.TraceSent(encodedPData.Pdu);
                return;
            }
            if (pdu is { Kind: DulPduKind.AAbort, Content: DulAbort sent }) owner.TelemetryAbortSent(sent);
            Pdu encoded = (pdu.Kind, pdu.Content) switch
            {
                (_, Pdu p) => p,
                (DulPduKind.AAbort, DulAbort a) => DulProtocolBridge.ToAbortPdu(a),
                (DulPduKind.AReleaseRq, _) => new AReleaseRq(),
                (DulPduKind.AReleaseRp, _) => new AReleaseRp(),
                _ => throw new InvalidOperationException($"no PDU can be built for {pdu.Kind} from {pdu.Content?.GetType().Name ?? "nothing"}"),
            };
            if (!connection.Send(encoded) && encoded is PDataTf) connection.ReleasePDataSlot();
        }

        public void Deliver(DulPrimitive primitive)
        {
            if (primitive.Kind is DulPrimitiveKind.AbortIndication or DulPrimitiveKind.ProviderAbortIndication) owner.TelemetryAbortIndicated(primitive);
            switch (primitive.Kind)
            {
                case DulPrimitiveKind.AssociateIndication:
                case DulPrimitiveKind.AssociateConfirmationAccept:
                case DulPrimitiveKind.AssociateConfirmationReject:
                    owner._established.TrySetResult(primitive);
                    break;
                case DulPrimitiveKind.PDataIndication:
                    if (primitive.Content is ReceivedPData data && owner.Post(new AssociationEvent.Data(data))) data.Delivered = true;
                    break;
                case DulPrimitiveKind.ReleaseIndication:
                    owner.Post(new AssociationEvent.ReleaseRequested());
                    break;
                case DulPrimitiveKind.ReleaseConfirmation:
                    owner.Ended(null);
                    break;
                case DulPrimitiveKind.AbortIndication:
                    owner._logger.LogWarning("{Peer} aborted the association ({Abort})", owner.RemoteAddress, primitive.Content);
                    owner.Ended(new AssociationAbortedException("the peer aborted the association (A-ABORT, service-user source)"));
                    break;
                case DulPrimitiveKind.ProviderAbortIndication:
                    var abort = primitive.Content as DulAbort;
                    // Without a transport connection there was no association: the failed connect is the caller's
                    // error (ConnectAsync throws it), not an abort to warn of ("association with (null)").
                    if (owner.RemoteAddress is { } peer) owner._logger.LogWarning("association with {Peer} aborted by the provider: {Reason}", peer, abort?.Reason.ToString() ?? "provider abort");
                    else owner._logger.LogDebug("no transport connection: {Reason}", abort?.Reason.ToString() ?? "provider abort");
                    owner.Ended(new AssociationAbortedException($"A-P-ABORT: {abort?.Reason.ToString() ?? "provider abort"}"));
                    break;
            }
        }

        /// <summary>AE-6's provider check: protocol version (PS3.8 9.3.2, bit 0) and local capacity (PS3.8 Table 9-21,
        /// source 3 reason 2).</summary>
        public object? CheckAssociateRequest(object? associateRequestPdu)
        {
            if (associateRequestPdu is AAssociateRq rq && (rq.ProtocolVersion & 1) == 0)
                return Reject(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.ProtocolVersionNotSupported);
            if (owner.OverCapacity)
            {
                // Reported now (not when the peer closes): the audit trail's alert must not wait on the peer.
                owner.ReportIncident(AssociationIncidentKind.CapacityExceeded,
                    $"association rejected (transient, local-limit-exceeded): {(owner._options as AcceptorOptions)?.MaxAssociations} association(s) already served",
                    (associateRequestPdu as AAssociateRq)?.CallingAeTitle.Trim());
                return Reject(AssociateRejectResult.RejectedTransient, AssociateRejectReason.LocalLimitExceeded);
            }
            return null;
        }

        private AAssociateRj Reject(AssociateRejectResult result, AssociateRejectReason reason)
        {
            owner.ProviderRejection = AssociationDecision.Reject(result, reason,
                reason == AssociateRejectReason.LocalLimitExceeded ? "the acceptor already serves its maximum number of associations" : "protocol version bit 0 is not set");
            return new AAssociateRj { Result = result, Source = reason.Qualifier(), Reason = reason.ToWire() };
        }
    }

    /// <summary>Set by the listener when accepting this association would exceed its limit.</summary>
    internal bool OverCapacity { get; set; }

    /// <summary>The rejection the provider sent itself in AE-6, if any.</summary>
    internal AssociationDecision? ProviderRejection { get; private set; }
}
