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
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        association._answer = indication =>
        {
            try
            {
                answered.TrySetResult(association.Answer(indication, options, explain, cancellationToken));
            }
            catch (Exception e)
            {
                answered.TrySetException(e);
            }
        };
        association.Attach(await PduConnection.AcceptAsync(socket, options.Transport, cancellationToken).ConfigureAwait(false));
        try
        {
            association.Fire(DulEvent.Evt5);
            try
            {
                await association._established.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
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
            // The read thread answered the request right after reading it (see ReadLoopOnThread).
            if (await answered.Task.WaitAsync(cancellationToken).ConfigureAwait(false)) return association;
            await association.WaitClosedAsync().ConfigureAwait(false);
            return null;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Asks the policy about an A-ASSOCIATE indication and sends the A-ASSOCIATE-AC (Evt7) or -RJ (Evt8); true
    /// when accepted. Runs on the read thread, which reads nothing else meanwhile (the requestor waits for the answer),
    /// and waits there for a policy that does not decide at once.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-7 and AE-8</remarks>
    private bool Answer(DulPrimitive indication, AcceptorOptions options, Action<NegotiationExplanation>? explain, CancellationToken cancellationToken)
    {
        var rq = (AAssociateRq)indication.Content!;
        var info = AssociateRequestInfo.From(rq, RemoteAddress);
        Request = info;
        CallingAeTitle = info.CallingAeTitle;
        CalledAeTitle = info.CalledAeTitle;
        TelemetryStart();
        var deciding = options.Policy.DecideAsync(info, cancellationToken);
        var decision = deciding.IsCompleted ? deciding.GetAwaiter().GetResult() : deciding.AsTask().GetAwaiter().GetResult();
        Explanation = decision.Explanation;
        UserIdentity = decision.UserIdentity;
        explain?.Invoke(decision.Explanation);
        if (!decision.IsAccepted)
        {
            // Refusals are logged with the peer's address and the reason with its PS3.8 Table 9-21 row (issue: audit trail).
            _logger.LogWarning("rejecting {Calling} → {Called} from {Peer}: {Reason} [{Citation}]; {Why}",
                info.CallingAeTitle, info.CalledAeTitle, RemoteAddress, decision.RejectReason.Meaning(), decision.RejectReason.Citation(),
                decision.Explanation.Summary);
            TelemetryRejected(decision.RejectResult!.Value, decision.RejectSource, decision.RejectReason);
            Fire(DulEvent.Evt8, new AAssociateRj { Result = decision.RejectResult!.Value, Source = decision.RejectSource, Reason = decision.RejectReason.ToWire() });
            return false;
        }
        _contexts = decision.Contexts;
        PeerMaxPduLength = info.MaximumLength;
        PeerImplementationClassUid = info.ImplementationClassUid;
        PeerImplementationVersionName = info.ImplementationVersionName;
        Fire(DulEvent.Evt7, BuildAccept(rq, decision, options));
        TelemetryAccepted();
        _logger.LogInformation("accepted {Calling} → {Called} from {Peer}", info.CallingAeTitle, info.CalledAeTitle, RemoteAddress);
        return true;
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
