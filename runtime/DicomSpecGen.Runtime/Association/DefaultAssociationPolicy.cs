using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>The default acceptor policy: checks the application context, the called and calling AE titles,
/// then answers each presentation context with the first of our preferred transfer syntaxes the requestor
/// proposed, and the roles per PS3.7 D.3.3.4. Every result carries its reason and the rule it applies.</summary>
public sealed class DefaultAssociationPolicy(AcceptorPolicyOptions options) : IAssociationPolicy
{
    public AcceptorPolicyOptions Options { get; } = options;

    public AssociationDecision Decide(AssociateRequestInfo request)
    {
        if (request.ApplicationContextName != AssociateRequestInfo.DicomApplicationContext)
            return AssociationDecision.Reject(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.ApplicationContextNameNotSupported,
                $"application context '{request.ApplicationContextName}' is not the DICOM application context {AssociateRequestInfo.DicomApplicationContext} (PS3.7 A.2.1)");
        if (ChecksCalledAeTitle && !string.Equals(request.CalledAeTitle, Options.AeTitle, StringComparison.Ordinal))
            return AssociationDecision.Reject(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.CalledAeTitleNotRecognized,
                $"the called-AE-title check refused it: the request calls '{request.CalledAeTitle}', this SCP answers only to '{Options.AeTitle}'");
        if (Options.AllowedCallingAeTitles != null && !Options.AllowedCallingAeTitles.Contains(request.CallingAeTitle))
            return AssociationDecision.Reject(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.CallingAeTitleNotRecognized,
                $"the calling-AE-title check refused it: calling AE title '{request.CallingAeTitle}' is not in the allow-list ({string.Join(", ", Options.AllowedCallingAeTitles.Order(StringComparer.Ordinal))})");

        var identityAccepted = false;
        if (request.UserIdentity is { } identity && Options.AuthenticateUser is { } authenticate)
        {
            if (!authenticate(identity))
                return AssociationDecision.Reject(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.NoReasonGiven,
                    $"user identity '{identity.Primary}' ({identity.Type.Meaning()}) was not accepted (PS3.7 D.3.3.7)");
            identityAccepted = true;
        }

        var contexts = new List<NegotiatedContext>();
        var explained = new List<ContextExplanation>();
        foreach (var pc in request.Contexts)
        {
            var (context, why, citation) = DecideContext(pc);
            contexts.Add(context);
            explained.Add(new ContextExplanation(pc.Id, pc.AbstractSyntax, context.Result, context.TransferSyntax, why, citation));
        }
        var accepted = contexts.Count(c => c.IsAccepted);
        return new AssociationDecision(null, default, default, contexts,
            new NegotiationExplanation(true, $"calling '{request.CallingAeTitle}' → called '{request.CalledAeTitle}' ({AeTitleChecks()}); {accepted} of {contexts.Count} presentation contexts accepted"
                + (identityAccepted ? $"; user identity '{request.UserIdentity!.Primary}' accepted" : ""),
                "PS3.8 7.1.1.13, 9.3.3", explained))
        {
            UserIdentityResponse = identityAccepted ? ReadOnlyMemory<byte>.Empty : null,
        };
    }

    private bool ChecksCalledAeTitle => Options.RequireCalledAeTitle && Options.AeTitle != null;

    /// <summary>Which AE title checks are on, so an explanation says why a title passed.</summary>
    private string AeTitleChecks()
        => (ChecksCalledAeTitle ? $"called AE title checked against '{Options.AeTitle}'" : "called AE title not checked")
           + (Options.AllowedCallingAeTitles != null ? "; calling AE title in the allow-list" : "; calling AE title not checked");

    private (NegotiatedContext, string Why, string Citation) DecideContext(PresentationContextProposal pc)
    {
        if (!Options.AbstractSyntaxes.TryGetValue(pc.AbstractSyntax, out var ours))
            return (new NegotiatedContext(pc.Id, pc.AbstractSyntax, PresentationContextResult.AbstractSyntaxNotSupported, null),
                "this SCP does not support the abstract syntax", "PS3.8 Table 9-18, result 3");
        var chosen = ours.FirstOrDefault(pc.TransferSyntaxes.Contains);
        if (chosen == null)
            return (new NegotiatedContext(pc.Id, pc.AbstractSyntax, PresentationContextResult.TransferSyntaxesNotSupported, null),
                $"none of the proposed transfer syntaxes ({string.Join(", ", pc.TransferSyntaxes.Select(Registry.DicomUids.Describe))}) is one this SCP accepts",
                "PS3.8 Table 9-18, result 4");
        // PS3.7 D.3.3.4: without a role selection the requestor is SCU only; with one the acceptor may agree to
        // each proposed role or refuse it, never add one.
        var scu = pc.ScuRole ?? true;
        var scp = (pc.ScpRole ?? false) && Options.RequestorScpRoleAllowed.Contains(pc.AbstractSyntax);
        var served = Options.ServedBy != null && Options.ServedBy.TryGetValue(pc.AbstractSyntax, out var service) ? $" (served by {service})" : "";
        var why = $"abstract syntax supported{served}; {Registry.DicomUids.Describe(chosen)} is the first of this SCP's preferred transfer syntaxes the requestor proposed";
        if (pc.ScuRole != null || pc.ScpRole != null)
            why += $"; roles: requestor SCU={(scu ? 1 : 0)} SCP={(scp ? 1 : 0)}";
        return (new NegotiatedContext(pc.Id, pc.AbstractSyntax, PresentationContextResult.Acceptance, chosen, scu, scp), why,
            pc.ScuRole != null || pc.ScpRole != null ? "PS3.8 Table 9-18, result 0; PS3.7 D.3.3.4" : "PS3.8 Table 9-18, result 0; PS3.8 9.3.3.2");
    }
}
