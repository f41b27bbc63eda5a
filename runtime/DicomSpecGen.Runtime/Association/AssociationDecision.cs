using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>The acceptor's answer to one A-ASSOCIATE-RQ: either a rejection (result, source, reason) or the
/// result of every proposed presentation context; in both cases an explanation of why.</summary>
/// <remarks>PS3.8 7.1.1.7 (result, source, diagnostic); PS3.8 9.3.3, 9.3.4</remarks>
public sealed record AssociationDecision(
    AssociateRejectResult? RejectResult,
    AssociateRejectSource RejectSource,
    AssociateRejectReason RejectReason,
    IReadOnlyList<NegotiatedContext> Contexts,
    NegotiationExplanation Explanation)
{
    public bool IsAccepted => RejectResult == null;

    /// <summary>The server response of user identity negotiation, sent when the requestor asked for a positive
    /// response (PS3.7 D.3.3.7.2); empty for user name and passcode identities. Null sends none.</summary>
    public ReadOnlyMemory<byte>? UserIdentityResponse { get; init; }

    /// <summary>The user identity check and its outcome, when the policy checked one (PS3.7 D.3.3.7); the hook for
    /// audit of user authentication, accepted or refused.</summary>
    public Identity.UserIdentityCheck? UserIdentity { get; init; }

    public static AssociationDecision Reject(AssociateRejectResult result, AssociateRejectReason reason, string why, IReadOnlyList<ContextExplanation>? contexts = null)
        => new(result, reason.Qualifier(), reason, [], new NegotiationExplanation(false,
            $"{why} → A-ASSOCIATE-RJ {result.Meaning()}, source {reason.Qualifier().Meaning()}, reason {reason.Meaning()}", reason.Citation(), contexts ?? []));
}
