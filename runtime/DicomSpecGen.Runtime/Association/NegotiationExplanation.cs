using System.Text;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>Why one presentation context got its result, in words, with the rule of the standard applied.</summary>
public sealed record ContextExplanation(byte Id, string AbstractSyntax, PresentationContextResult Result, string? TransferSyntax, string Reason, string Citation)
{
    public override string ToString()
        => $"context #{Id} {Registry.DicomUids.Describe(AbstractSyntax)}: {Result.Meaning()}"
           + (TransferSyntax != null ? $" with {Registry.DicomUids.Describe(TransferSyntax)}" : "")
           + $" — {Reason} [{Citation}]";
}

/// <summary>Why an association was accepted or rejected and each context's result: the explain facility.</summary>
public sealed record NegotiationExplanation(bool Accepted, string Summary, string Citation, IReadOnlyList<ContextExplanation> Contexts)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(Accepted ? "association accepted: " : "association rejected: ").Append(Summary).Append(" [").Append(Citation).AppendLine("]");
        foreach (var c in Contexts) text.Append("  ").AppendLine(c.ToString());
        return text.ToString();
    }

    /// <summary>Explains, from the requestor's side, what the peer's A-ASSOCIATE-AC said about each proposed context.</summary>
    public static NegotiationExplanation FromPeerAccept(IReadOnlyList<NegotiatedContext> contexts)
        => new(true, "the peer sent an A-ASSOCIATE-AC", "PS3.8 9.3.3", contexts.Select(c => new ContextExplanation(c.Id, c.AbstractSyntax, c.Result, c.TransferSyntax,
            c.IsAccepted ? "the peer accepted it and chose this transfer syntax" : "the peer answered: " + c.Result.Meaning(), c.Result.Citation())).ToList());

    /// <summary>Explains a rejection received from the peer.</summary>
    public static NegotiationExplanation FromPeerReject(AssociationRejectedException rejected)
        => new(false, $"{rejected.Result.Meaning()}; source: {rejected.RejectSource.Meaning()}; reason: {rejected.Reason.Meaning()}{CheckAtPeer(rejected.Reason)}", rejected.Reason.Citation(), []);

    /// <summary>The peer's check a rejection reason of PS3.8 Table 9-21 points to, and what to change on our side.</summary>
    private static string CheckAtPeer(AssociateRejectReason reason) => reason switch
    {
        AssociateRejectReason.CalledAeTitleNotRecognized => " — the peer's called-AE-title check refused the AE title we called: call it by its own AE title (-aec)",
        AssociateRejectReason.CallingAeTitleNotRecognized => " — the peer's calling-AE-title check refused our AE title (-aet): it must be one the peer knows",
        AssociateRejectReason.ApplicationContextNameNotSupported => " — the peer does not accept the application context name we proposed",
        _ => "",
    };
}
