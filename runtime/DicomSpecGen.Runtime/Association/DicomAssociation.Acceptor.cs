using System.Net.Sockets;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Transport;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Association;

public sealed partial class DicomAssociation
{
    /// <summary>Acceptor: takes an accepted socket through Evt5 (AE-5) and Evt6 (AE-6), asks the policy, and sends
    /// the A-ASSOCIATE-AC (Evt7) or -RJ (Evt8). Returns the association when accepted, null when rejected (the
    /// explanation is then in <paramref name="explain"/>'s argument).</summary>
    /// <remarks>PS3.8 7.1; PS3.8 Table 9-6, AE-5..AE-8</remarks>
    public static async Task<DicomAssociation?> AcceptAsync(Socket socket, AcceptorOptions options, bool overCapacity, ILogger? logger = null,
        Action<NegotiationExplanation>? explain = null, CancellationToken cancellationToken = default)
    {
        var association = new DicomAssociation(options, logger) { OverCapacity = overCapacity };
        association.Attach(await PduConnection.AcceptAsync(socket, options.Transport, cancellationToken).ConfigureAwait(false));
        try
        {
            association.Fire(DulEvent.Evt5);
            DulPrimitive indication;
            try
            {
                indication = await association._established.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AssociationAbortedException)
            {
                // ARTIM expired or the peer went away before sending an A-ASSOCIATE-RQ.
                if (association.ProviderRejection is { } provider)
                {
                    explain?.Invoke(provider.Explanation);
                    association.TelemetryRejected(provider.RejectResult!.Value, provider.RejectSource, provider.RejectReason);
                }
                else if (association._dul.ArtimExpired && association._failure == null)
                {
                    // Not after a malformed PDU or a timeout (already reported; ARTIM then only bounds the wait for the close).
                    association.ReportIncident(AssociationIncidentKind.ArtimExpired, $"no A-ASSOCIATE-RQ within the ARTIM timeout {options.ArtimTimeout}; connection closed");
                }
                await association.WaitClosedAsync().ConfigureAwait(false);
                return null;
            }
            var rq = (AAssociateRq)indication.Content!;
            var info = AssociateRequestInfo.From(rq, association.RemoteAddress);
            association.Request = info;
            association.CallingAeTitle = info.CallingAeTitle;
            association.CalledAeTitle = info.CalledAeTitle;
            association.TelemetryStart();
            var decision = await options.Policy.DecideAsync(info, cancellationToken).ConfigureAwait(false);
            association.Explanation = decision.Explanation;
            association.UserIdentity = decision.UserIdentity;
            explain?.Invoke(decision.Explanation);
            if (!decision.IsAccepted)
            {
                // Refusals are logged with the peer's address and the reason with its PS3.8 Table 9-21 row (issue: audit trail).
                association._logger.LogWarning("rejecting {Calling} → {Called} from {Peer}: {Reason} [{Citation}]; {Why}",
                    info.CallingAeTitle, info.CalledAeTitle, association.RemoteAddress, decision.RejectReason.Meaning(), decision.RejectReason.Citation(),
                    decision.Explanation.Summary);
                association.TelemetryRejected(decision.RejectResult!.Value, decision.RejectSource, decision.RejectReason);
                association.Fire(DulEvent.Evt8, new AAssociateRj { Result = decision.RejectResult!.Value, Source = decision.RejectSource, Reason = decision.RejectReason.ToWire() });
                await association.WaitClosedAsync().ConfigureAwait(false);
                return null;
            }
            association._contexts = decision.Contexts;
            association.PeerMaxPduLength = info.MaximumLength;
            association.PeerImplementationClassUid = info.ImplementationClassUid;
            association.PeerImplementationVersionName = info.ImplementationVersionName;
            association.Fire(DulEvent.Evt7, association.BuildAccept(rq, decision, options));
            association.TelemetryAccepted();
            association._logger.LogInformation("accepted {Calling} → {Called} from {Peer}", info.CallingAeTitle, info.CalledAeTitle, association.RemoteAddress);
            return association;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>After a rejection the requestor closes the connection; ARTIM bounds the wait (PS3.8 Sta13).</summary>
    private async Task WaitClosedAsync()
    {
        if (_connection is { } c)
        {
            await Task.WhenAny(c.Completion, _ended.Task.ContinueWith(_ => { }, TaskScheduler.Default), Task.Delay(_options.ArtimTimeout)).ConfigureAwait(false);
        }
        await DisposeAsync().ConfigureAwait(false);
    }
}
