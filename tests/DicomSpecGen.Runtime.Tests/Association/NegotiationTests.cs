using DicomSpecGen.Association;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>The acceptor policy over real associations: AE title checks, capacity, transfer syntax preference,
/// roles, and the explanation of each result.</summary>
public class NegotiationTests
{
    private static AcceptorOptions Policy(HashSet<string>? callingAllowed = null, int max = 8) => Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
    {
        AeTitle = "DSGSCP",
        AllowedCallingAeTitles = callingAllowed,
        AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>
        {
            [DicomUids.Verification] = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian],
            [DicomUids.CTImageStorage] = [DicomUids.JPEGLossless, DicomUids.ExplicitVRLittleEndian],
        },
    }), max);

    [Fact]
    public async Task Wrong_called_ae_is_rejected_permanent_by_the_service_user_with_the_reason_explained()
    {
        var explained = new List<NegotiationExplanation>();
        await using var server = Loopback.StartServer(Policy(), explain: explained.Add);
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with { CalledAeTitle = "OTHER" }));
        Assert.Equal(AssociateRejectResult.RejectedPermanent, e.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, e.RejectSource);
        Assert.Equal(AssociateRejectReason.CalledAeTitleNotRecognized, e.Reason);
        var why = Assert.Single(explained);
        Assert.False(why.Accepted);
        Assert.Contains("'OTHER'", why.Summary);
        Assert.Contains("Table 9-21", why.Citation);
    }

    [Fact]
    public async Task Calling_ae_outside_the_allow_list_is_rejected()
    {
        await using var server = Loopback.StartServer(Policy(callingAllowed: ["FRIEND"]));
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Loopback.Requestor(server.Port)));
        Assert.Equal(AssociateRejectReason.CallingAeTitleNotRecognized, e.Reason);
        await using var friend = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with { CallingAeTitle = "FRIEND" });
        await friend.ReleaseAsync();
    }

    [Fact]
    public async Task Beyond_max_associations_the_provider_rejects_transient_local_limit_exceeded()
    {
        await using var server = Loopback.StartServer(Policy(max: 1));
        await using var first = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port));
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Loopback.Requestor(server.Port)));
        Assert.Equal(AssociateRejectResult.RejectedTransient, e.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderPresentation, e.RejectSource);
        Assert.Equal(AssociateRejectReason.LocalLimitExceeded, e.Reason);
        await first.ReleaseAsync();
        // The slot is free again once the first association has ended.
        for (var i = 0; i < 50 && server.ActiveAssociations > 0; i++) await Task.Delay(20);
        await using var again = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port));
        await again.ReleaseAsync();
    }

    [Fact]
    public async Task The_acceptor_picks_its_preferred_transfer_syntax_and_explains_each_context()
    {
        var explained = new List<NegotiationExplanation>();
        await using var server = Loopback.StartServer(Policy(), explain: explained.Add);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port,
            new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian, DicomUids.ExplicitVRLittleEndian]),
            new PresentationContextProposal(3, DicomUids.CTImageStorage, [DicomUids.ImplicitVRLittleEndian]),
            new PresentationContextProposal(5, DicomUids.MRImageStorage, [DicomUids.ImplicitVRLittleEndian])));
        Assert.Equal(DicomUids.ExplicitVRLittleEndian, client.Association.GetContext(1).TransferSyntax);
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, client.Association.GetContext(3).Result);
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, client.Association.GetContext(5).Result);
        await client.ReleaseAsync();
        var why = Assert.Single(explained);
        Assert.True(why.Accepted);
        Assert.Contains("1 of 3", why.Summary);
        Assert.Contains("Table 9-18, result 4", why.Contexts.Single(c => c.Id == 3).Citation);
        Assert.Contains("Implicit VR Little Endian", why.Contexts.Single(c => c.Id == 3).Reason);
        Assert.Contains("does not support the abstract syntax", why.Contexts.Single(c => c.Id == 5).Reason);
        // The requestor sees the same results explained from its side.
        Assert.Contains("transfer-syntaxes-not-supported", client.Association.Explanation!.ToString());
    }

    [Fact]
    public void Role_selection_grants_only_proposed_and_allowed_roles()
    {
        var policy = new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>
            {
                [DicomUids.CTImageStorage] = [DicomUids.ExplicitVRLittleEndian],
                [DicomUids.MRImageStorage] = [DicomUids.ExplicitVRLittleEndian],
            },
            RequestorScpRoleAllowed = new HashSet<string> { DicomUids.CTImageStorage },
        });
        var request = new AssociateRequestInfo("SCP", "SCU", AssociateRequestInfo.DicomApplicationContext,
        [
            new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian], ScuRole: false, ScpRole: true),
            new PresentationContextProposal(3, DicomUids.MRImageStorage, [DicomUids.ExplicitVRLittleEndian], ScuRole: true, ScpRole: true),
        ], 16384, null, null, null, null, [], null);
        var decision = policy.Decide(request);
        Assert.True(decision.IsAccepted);
        var ct = decision.Contexts.Single(c => c.Id == 1);
        Assert.False(ct.RequestorIsScu);
        Assert.True(ct.RequestorIsScp);
        var mr = decision.Contexts.Single(c => c.Id == 3);
        Assert.True(mr.RequestorIsScu);
        Assert.False(mr.RequestorIsScp);
        Assert.Contains("D.3.3.4", decision.Explanation.Contexts[0].Citation);
    }

    [Fact]
    public void A_foreign_application_context_is_rejected_with_its_reason()
    {
        var policy = new DefaultAssociationPolicy(new AcceptorPolicyOptions { AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>() });
        var decision = policy.Decide(new AssociateRequestInfo("SCP", "SCU", "1.2.3.4", [], 0, null, null, null, null, [], null));
        Assert.False(decision.IsAccepted);
        Assert.Equal(AssociateRejectReason.ApplicationContextNameNotSupported, decision.RejectReason);
        Assert.Equal(AssociateRejectSource.ServiceUser, decision.RejectSource);
        Assert.Contains("1.2.3.4", decision.Explanation.Summary);
    }
}

/// <summary>User identity negotiation against the default policy's authenticator.</summary>
public class UserIdentityTests
{
    private static AcceptorOptions Authenticating() => Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
    {
        AeTitle = "DSGSCP",
        AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.Verification] = [DicomUids.ImplicitVRLittleEndian] },
        AuthenticateUser = id => id.Type == UserIdentityType.UsernameAndPasscode && id.Primary == "alice" && id.Secondary == "secret",
    }));

    [Fact]
    public async Task Accepted_identity_gets_a_positive_response_when_requested()
    {
        await using var server = Loopback.StartServer(Authenticating());
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with
        {
            UserIdentity = new UserIdentityOptions(UserIdentityType.UsernameAndPasscode, "alice", "secret", PositiveResponseRequested: true),
        });
        Assert.NotNull(client.Association.UserIdentityResponse);
        await client.ReleaseAsync();

        await using var quiet = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with
        {
            UserIdentity = new UserIdentityOptions(UserIdentityType.UsernameAndPasscode, "alice", "secret"),
        });
        Assert.Null(quiet.Association.UserIdentityResponse);
        await quiet.ReleaseAsync();
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 1 (Source 2)")]
    public async Task Refused_identity_rejects_the_association()
    {
        var explained = new List<NegotiationExplanation>();
        await using var server = Loopback.StartServer(Authenticating(), explain: explained.Add);
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Loopback.Requestor(server.Port) with
        {
            UserIdentity = new UserIdentityOptions(UserIdentityType.UsernameAndPasscode, "alice", "wrong"),
        }));
        // PS3.7 D.3.3.7.3: rejected-permanent, source (2) the ACSE service-provider.
        Assert.Equal((AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, AssociateRejectReason.AcseNoReasonGiven), (e.Result, e.RejectSource, e.Reason));
        Assert.Contains("'alice'", Assert.Single(explained).Summary);
    }
}
