using DicomSpecGen.Association.Identity;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>The default acceptor policy: checks the application context, the called and calling AE titles,
/// then answers each presentation context with the first of our preferred transfer syntaxes the requestor
/// proposed, and the roles per PS3.7 D.3.3.4. Every result carries its reason and the rule it applies.</summary>
public sealed class DefaultAssociationPolicy(AcceptorPolicyOptions options) : IAssociationPolicy
{
    public AcceptorPolicyOptions Options { get; } = options;

    /// <summary>The decision without waiting: the same as <see cref="DecideAsync"/> (for explanations; the built-in
    /// validators finish synchronously, a pluggable one is waited for).</summary>
    public AssociationDecision Decide(AssociateRequestInfo request) => DecideAsync(request, CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public async ValueTask<AssociationDecision> DecideAsync(AssociateRequestInfo request, CancellationToken cancellationToken)
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
        UserIdentityCheck? check = null;
        ReadOnlyMemory<byte>? identityResponse = null;
        if (Options.UserIdentity is { } validation)
        {
            (check, var response) = await CheckIdentityAsync(validation, request, cancellationToken).ConfigureAwait(false);
            validation.Checked?.Invoke(check);
            if (!check.Accepted)
                return RejectIdentity(check);
            identityAccepted = request.UserIdentity != null;
            identityResponse = identityAccepted ? response : null;
        }
        else if (request.UserIdentity is { } identity && Options.AuthenticateUser is { } authenticate)
        {
            if (!authenticate(identity))
                return RejectIdentity(new UserIdentityCheck(identity.Type, false, identity.Primary, "not accepted by the configured authenticator", request.CallingAeTitle, request.RemoteAddress));
            identityAccepted = true;
            identityResponse = ReadOnlyMemory<byte>.Empty;
            check = new UserIdentityCheck(identity.Type, true, identity.Primary, "accepted by the configured authenticator", request.CallingAeTitle, request.RemoteAddress);
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
                + (identityAccepted ? $"; user identity '{check!.User}' ({request.UserIdentity!.Type.Meaning()}) accepted" : ""),
                "PS3.8 7.1.1.13, 9.3.3", explained))
        {
            UserIdentityResponse = identityResponse,
            UserIdentity = check,
        };
    }

    /// <summary>PS3.7 D.3.3.7.3: a rejection for an authorization failure is rejected-permanent with source (2), the ACSE
    /// service-provider; of that source's reasons (PS3.8 Table 9-21) only no-reason-given fits.</summary>
    private static AssociationDecision RejectIdentity(UserIdentityCheck check)
        => AssociationDecision.Reject(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.AcseNoReasonGiven,
            (check.Type is { } type ? $"user identity {(check.User is { } user ? $"'{user}' " : "")}({type.Meaning()}, User-Identity-Type {(int)type}) was not accepted: " : "")
            + check.Reason + " (PS3.7 D.3.3.7.3)") with { UserIdentity = check };

    /// <summary>Runs the validator registered for the identity's type; no validator, a failing or slow one, or a missing
    /// identity (when required) refuses it. Returns the check and the server response to send.</summary>
    private static async Task<(UserIdentityCheck, ReadOnlyMemory<byte>)> CheckIdentityAsync(UserIdentityValidationOptions validation, AssociateRequestInfo request, CancellationToken cancellationToken)
    {
        UserIdentityCheck Outcome(UserIdentityType? type, bool accepted, string? user, string reason) => new(type, accepted, user, reason, request.CallingAeTitle, request.RemoteAddress);
        if (request.UserIdentityItem is not { } item)
            return (validation.RequireIdentity
                ? Outcome(null, false, null, "the A-ASSOCIATE-RQ carries no User Identity sub-item and this SCP requires one")
                : Outcome(null, true, null, "no user identity sent; none required"), default);
        var type = item.UserIdentityType;
        var username = type is UserIdentityType.Username or UserIdentityType.UsernameAndPasscode ? System.Text.Encoding.UTF8.GetString(item.PrimaryField.Span) : null;
        if (!validation.Validators.TryGetValue(type, out var validator))
            return (Outcome(type, false, username, $"no user identity validator is configured for {type.Meaning()} (User-Identity-Type {(int)type}), so it cannot be checked"), default);
        var identity = UserIdentityRequest.From(item, request);
        UserIdentityValidationResult result;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(validation.ValidationTimeout);
            try
            {
                result = await validator.ValidateAsync(identity, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (Outcome(type, false, username, $"the {validator.GetType().Name} did not answer within {validation.ValidationTimeout.TotalSeconds:F0} s"), default);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (Outcome(type, false, username, $"the {validator.GetType().Name} failed: {e.Message}"), default);
            }
        }
        if (!result.Accepted)
            return (Outcome(type, false, result.User ?? username, result.Reason ?? $"refused by {validator.GetType().Name}"), default);
        // PS3.7 D.3.3.7.2: a requested positive response to a Kerberos ticket carries the Kerberos server ticket.
        if (type == UserIdentityType.KerberosServiceTicket && identity.PositiveResponseRequested && result.ServerResponse.IsEmpty)
            return (Outcome(type, false, result.User ?? username, $"the {validator.GetType().Name} accepted the ticket but gave no Kerberos server ticket, which the requested positive response must carry (PS3.7 D.3.3.7.2)"), default);
        return (Outcome(type, true, result.User ?? username, $"accepted by {validator.GetType().Name}"), result.ServerResponse);
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
