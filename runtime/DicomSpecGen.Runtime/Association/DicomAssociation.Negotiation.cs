using System.Text;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Association;

public sealed partial class DicomAssociation
{
    private IReadOnlyList<NegotiatedContext> _contexts = [];

    /// <summary>Every proposed presentation context with its result.</summary>
    public IReadOnlyList<NegotiatedContext> Contexts => _contexts;

    /// <summary>The peer's Maximum Length Received: the largest P-DATA-TF PDU we may send it; 0 = no limit (PS3.8 D.1).</summary>
    public uint PeerMaxPduLength { get; internal set; }

    public string? PeerImplementationClassUid { get; private set; }

    public string? PeerImplementationVersionName { get; private set; }

    /// <summary>The asynchronous operations window agreed (null: synchronous, PS3.7 D.3.3.3).</summary>
    public AsyncOperationLimits? AsyncOperationLimits { get; private set; }

    /// <summary>The server response of user identity negotiation, when the acceptor sent one (PS3.7 D.3.3.7).</summary>
    public ReadOnlyMemory<byte>? UserIdentityResponse { get; private set; }

    /// <summary>Acceptor: the requestor's user identity as the policy checked it (who, accepted or not, why), when it
    /// checked one (PS3.7 D.3.3.7); for authorization and audit on this association.</summary>
    public Identity.UserIdentityCheck? UserIdentity { get; private set; }

    /// <summary>The A-ASSOCIATE request as received or sent.</summary>
    public AssociateRequestInfo? Request { get; private set; }

    /// <summary>Why the association and each context got their results.</summary>
    public NegotiationExplanation? Explanation { get; private set; }

    public NegotiatedContext GetContext(byte id) => _contexts.FirstOrDefault(c => c.Id == id)
        ?? throw new PresentationContextNotAcceptedException($"presentation context #{id} was not proposed on this association");

    /// <summary>The ID of an accepted presentation context for the SOP class (and transfer syntax, if given).
    /// Throws <see cref="PresentationContextNotAcceptedException"/> naming the contexts and the peer's results.</summary>
    public byte GetAcceptedContextId(string sopClassUid, string? transferSyntax = null)
    {
        var candidates = _contexts.Where(c => c.AbstractSyntax == sopClassUid).ToList();
        var match = candidates.FirstOrDefault(c => c.IsAccepted && (transferSyntax == null || c.TransferSyntax == transferSyntax));
        if (match != null) return match.Id;
        var what = DicomUids.Describe(sopClassUid) + (transferSyntax != null ? $" with {DicomUids.Describe(transferSyntax)}" : "");
        if (candidates.Count == 0)
            throw new PresentationContextNotAcceptedException($"no presentation context for {what} was proposed on this association");
        var text = new StringBuilder($"no accepted presentation context for {what}: ");
        text.AppendJoin("; ", candidates.Select(c => c.IsAccepted
            ? $"context #{c.Id} was accepted with {DicomUids.Describe(c.TransferSyntax!)} instead"
            : $"context #{c.Id}: the peer answered {c.Result.Meaning()} ({c.Result.Citation()})"));
        throw new PresentationContextNotAcceptedException(text.ToString());
    }

    /// <summary>The transfer syntax of an accepted context.</summary>
    public TransferSyntax GetTransferSyntax(byte contextId)
    {
        var context = GetContext(contextId);
        if (!context.IsAccepted) throw new PresentationContextNotAcceptedException($"presentation context #{contextId} was not accepted: {context.Result.Meaning()}");
        return TransferSyntax.TryGet(context.TransferSyntax!, out var ts) ? ts
            : throw new PresentationContextNotAcceptedException($"transfer syntax {context.TransferSyntax} of context #{contextId} is unknown");
    }

    /// <summary>Requestor: reads the A-ASSOCIATE-AC against what we proposed (PS3.8 9.3.3).</summary>
    private void ApplyAccept(AAssociateAc ac, RequestorOptions options)
    {
        var results = ac.VariableItems.OfType<PresentationContextAc>().ToDictionary(p => p.PresentationContextId);
        var roles = new Dictionary<string, RoleSelection>();
        foreach (var sub in ac.VariableItems.OfType<UserInformation>().SelectMany(u => u.SubItems))
        {
            switch (sub)
            {
                case MaximumLength ml: PeerMaxPduLength = ml.MaximumLengthReceived; break;
                case ImplementationClassUid ic: PeerImplementationClassUid = ic.ImplementationClassUidValue; break;
                case ImplementationVersionName iv: PeerImplementationVersionName = iv.ImplementationVersionNameValue; break;
                case AsynchronousOperationsWindow aw: AsyncOperationLimits = new(aw.MaximumNumberOperationsInvoked, aw.MaximumNumberOperationsPerformed); break;
                case RoleSelection rs: roles[rs.SopClassUid] = rs; break;
                case UserIdentityAc ua: UserIdentityResponse = ua.ServerResponse; break;
            }
        }
        // PS3.7 D.3.3.7: an acceptor that does not support user identification accepts without a positive response;
        // the requestor decides whether to go on. We go on (as DCMTK's storescu -rsp does) and say so.
        if (options.UserIdentity is { PositiveResponseRequested: true } asked)
        {
            if (UserIdentityResponse == null)
                _logger.LogWarning("the acceptor sent no positive response to our user identity ({Type}): it may not support user identification (PS3.7 D.3.3.7)", asked.Type.Meaning());
            else
                _logger.LogInformation("the acceptor confirmed our user identity ({Type}); server response of {Length} bytes", asked.Type.Meaning(), UserIdentityResponse.Value.Length);
        }
        _contexts = options.PresentationContexts.Select(pc =>
        {
            if (!results.TryGetValue(pc.Id, out var r))
                return new NegotiatedContext(pc.Id, pc.AbstractSyntax, PresentationContextResult.NoReason, null);
            var ts = r.Result == PresentationContextResult.Acceptance ? r.SubItems.OfType<TransferSyntaxSubItem>().FirstOrDefault()?.Name : null;
            // PS3.7 D.3.3.4: no role selection item in the AC means the default roles (requestor SCU only).
            var scu = true;
            var scp = false;
            if (roles.TryGetValue(pc.AbstractSyntax, out var role) && (pc.ScuRole != null || pc.ScpRole != null))
            {
                scu = role.ScuRole != 0 && (pc.ScuRole ?? true);
                scp = role.ScpRole != 0 && (pc.ScpRole ?? false);
            }
            return new NegotiatedContext(pc.Id, pc.AbstractSyntax, r.Result, ts, scu, scp);
        }).ToList();
        Explanation = NegotiationExplanation.FromPeerAccept(_contexts);
    }

    /// <summary>Acceptor: builds the A-ASSOCIATE-AC from the policy's decision (PS3.8 9.3.3).</summary>
    private AAssociateAc BuildAccept(AAssociateRq rq, AssociationDecision decision, AcceptorOptions options)
    {
        var ac = BuildAccept(rq, Request!, decision, options, out var window);
        if (window != null) AsyncOperationLimits = window;
        return ac;
    }

    /// <summary>The A-ASSOCIATE-AC for <paramref name="request"/> (read from <paramref name="rq"/>) and the policy's
    /// decision, without a connection (the fuzz target calls it too); <paramref name="window"/> is the asynchronous
    /// operations window answered, when one was proposed.</summary>
    /// <remarks>PS3.8 9.3.3; PS3.7 D.3.3.3, D.3.3.4, D.3.3.7.2</remarks>
    internal static AAssociateAc BuildAccept(AAssociateRq rq, AssociateRequestInfo request, AssociationDecision decision, AcceptorOptions options,
        out AsyncOperationLimits? window)
    {
        window = null;
        var items = new List<PduItem> { new ApplicationContext { Name = AssociateRequestInfo.DicomApplicationContext } };
        foreach (var c in decision.Contexts)
        {
            var sub = new List<PduItem>();
            // PS3.8 9.3.3.2: the transfer syntax sub-item is present but not significant when not accepted.
            sub.Add(new TransferSyntaxSubItem { Name = c.TransferSyntax ?? "" });
            items.Add(new PresentationContextAc { PresentationContextId = c.Id, Result = c.Result, SubItems = c.IsAccepted ? sub : [] });
        }
        var info = new List<PduItem>
        {
            new MaximumLength { MaximumLengthReceived = (uint)options.Transport.MaxPDataPduLength },
            new ImplementationClassUid { ImplementationClassUidValue = options.ImplementationClassUid },
        };
        // PS3.7 D.3.3.3: answered only when proposed; at most the offer, at most what we are configured for (default 1/1).
        if (request.AsyncOperationLimits is { } proposed)
        {
            var answer = Association.AsyncOperationLimits.Answer(proposed, options.AsyncOperationLimits ?? Association.AsyncOperationLimits.Synchronous);
            window = answer;
            info.Add(new AsynchronousOperationsWindow { MaximumNumberOperationsInvoked = answer.Invoked, MaximumNumberOperationsPerformed = answer.Performed });
        }
        var answered = new HashSet<string>();
        foreach (var pc in request.Contexts)
        {
            if (pc.ScuRole == null && pc.ScpRole == null) continue;
            var decided = decision.Contexts.FirstOrDefault(c => c.Id == pc.Id && c.IsAccepted);
            if (decided == null || !answered.Add(pc.AbstractSyntax)) continue;
            info.Add(new RoleSelection { SopClassUid = pc.AbstractSyntax, ScuRole = (byte)(decided.RequestorIsScu ? 1 : 0), ScpRole = (byte)(decided.RequestorIsScp ? 1 : 0) });
        }
        if (options.ImplementationVersionName is { Length: > 0 } version)
            info.Add(new ImplementationVersionName { ImplementationVersionNameValue = version });
        // PS3.7 D.3.3.7.2: the user identity AC sub-item only when a positive response was requested.
        if (decision.UserIdentityResponse is { } response && request.UserIdentity?.PositiveResponseRequested == true)
            info.Add(new UserIdentityAc { ServerResponse = response });
        items.Add(new UserInformation { SubItems = info });
        return new AAssociateAc
        {
            CalledAeTitle = rq.CalledAeTitle,
            CallingAeTitle = rq.CallingAeTitle,
            Reserved3 = rq.Reserved3,
            VariableItems = items,
        };
    }
}
