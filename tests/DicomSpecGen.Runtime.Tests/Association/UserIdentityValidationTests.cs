using System.Text;
using DicomSpecGen.Association;
using DicomSpecGen.Association.Identity;
using DicomSpecGen.Conformance;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>A validator for the tests: answers with the given function and records what it saw.</summary>
internal sealed class RecordingValidator(Func<UserIdentityRequest, CancellationToken, Task<UserIdentityValidationResult>> answer) : IUserIdentityValidator
{
    public List<UserIdentityRequest> Seen { get; } = [];

    public RecordingValidator(Func<UserIdentityRequest, UserIdentityValidationResult> answer) : this((r, _) => Task.FromResult(answer(r)))
    {
    }

    public async ValueTask<UserIdentityValidationResult> ValidateAsync(UserIdentityRequest request, CancellationToken cancellationToken)
    {
        lock (Seen) Seen.Add(request);
        return await answer(request, cancellationToken);
    }
}

/// <summary>User identity validation through <see cref="UserIdentityValidationOptions"/> over real associations: a
/// validator per User-Identity-Type, the server response in the A-ASSOCIATE-AC, and the rejection PS3.7 D.3.3.7.3
/// prescribes for everything refused (no validator for the type, a refused or failing validator, no identity).</summary>
public class UserIdentityValidationTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a-shared-secret-of-at-least-32-bytes!");

    private static AcceptorOptions Acceptor(UserIdentityValidationOptions identity) => Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
    {
        AeTitle = "DSGSCP",
        AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.Verification] = [DicomUids.ImplicitVRLittleEndian] },
        UserIdentity = identity,
    }));

    private static UserIdentityValidationOptions Jwt(List<UserIdentityCheck>? checks = null) => new UserIdentityValidationOptions
    {
        Checked = checks == null ? null : c => { lock (checks) checks.Add(c); },
    }.WithJwt(new JwtValidationOptions { SharedSecret = Secret, Audience = "DSGSCP" });

    private static RequestorOptions With(int port, UserIdentityOptions? identity) => Loopback.Requestor(port) with { UserIdentity = identity };

    private static void AssertIdentityRejection(AssociationRejectedException e)
    {
        Assert.Equal(AssociateRejectResult.RejectedPermanent, e.Result);
        Assert.Equal(AssociateRejectSource.ServiceProviderAcse, e.RejectSource);
        Assert.Equal(AssociateRejectReason.AcseNoReasonGiven, e.Reason);
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-15, Server-response")]
    public async Task A_valid_jwt_is_accepted_and_a_requested_positive_response_is_sent_empty()
    {
        var checks = new List<UserIdentityCheck>();
        await using var server = Loopback.StartServer(Acceptor(Jwt(checks)));
        var token = TestJwt.Hs256(Secret, TestJwt.Claims(sub: "alice"));
        await using var client = await DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.JsonWebToken, Encoding.ASCII.GetBytes(token), positiveResponseRequested: true)));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        Assert.NotNull(client.Association.UserIdentityResponse);
        Assert.True(client.Association.UserIdentityResponse!.Value.IsEmpty);
        await client.ReleaseAsync();
        var check = Assert.Single(checks);
        Assert.Equal((UserIdentityType.JsonWebToken, true, "alice", "DSGTEST"), (check.Type, check.Accepted, check.User, check.CallingAeTitle));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 1 (Source 2)")]
    public async Task A_jwt_with_a_bad_signature_is_rejected_permanent_by_the_acse_service_provider()
    {
        var checks = new List<UserIdentityCheck>();
        var explained = new List<NegotiationExplanation>();
        await using var server = Loopback.StartServer(Acceptor(Jwt(checks)), explain: explained.Add);
        var forged = TestJwt.Hs256(Encoding.ASCII.GetBytes("not-the-secret-but-also-32-bytes-long"), TestJwt.Claims());
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port, new UserIdentityOptions(UserIdentityType.JsonWebToken, forged))));
        AssertIdentityRejection(e);
        Assert.Contains("signature does not verify", Assert.Single(explained).Summary);
        Assert.False(Assert.Single(checks).Accepted);
    }

    [Fact]
    public async Task A_type_without_a_validator_is_rejected_and_the_reason_names_it()
    {
        var explained = new List<NegotiationExplanation>();
        await using var server = Loopback.StartServer(Acceptor(Jwt()), explain: explained.Add);
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port,
            UserIdentityOptions.FromBytes(UserIdentityType.SamlAssertion, "<saml:Assertion/>"u8.ToArray()))));
        AssertIdentityRejection(e);
        Assert.Contains("no user identity validator is configured for SAML Assertion (User-Identity-Type 4)", Assert.Single(explained).Summary);
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-14, User-Identity-Type 3")]
    public async Task A_kerberos_validator_gets_the_ticket_bytes_as_sent_and_its_server_ticket_is_the_positive_response()
    {
        byte[] ticket = [0x6E, 0x82, 0x00, 0xFF, 0x00, 0x01];
        byte[] serverTicket = [0x6F, 0x81, 0xFE, 0x00];
        var kerberos = new RecordingValidator(r => r.PrimaryField.Span.SequenceEqual(ticket) ? UserIdentityValidationResult.Accept("bob@EXAMPLE.ORG", serverTicket) : UserIdentityValidationResult.Reject("unknown ticket"));
        await using var server = Loopback.StartServer(Acceptor(Jwt().With(UserIdentityType.KerberosServiceTicket, kerberos)));
        await using var client = await DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.KerberosServiceTicket, ticket, positiveResponseRequested: true)));
        Assert.Equal(serverTicket, client.Association.UserIdentityResponse!.Value.ToArray());
        await client.ReleaseAsync();
        var seen = Assert.Single(kerberos.Seen);
        Assert.Equal((UserIdentityType.KerberosServiceTicket, true, "DSGTEST", "DSGSCP"), (seen.Type, seen.PositiveResponseRequested, seen.CallingAeTitle, seen.CalledAeTitle));

        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.KerberosServiceTicket, new byte[] { 1, 2, 3 }))));
        AssertIdentityRejection(e);
    }

    [Fact]
    public async Task A_kerberos_acceptance_without_a_server_ticket_cannot_answer_a_requested_positive_response()
    {
        var lazy = new RecordingValidator(_ => UserIdentityValidationResult.Accept("bob"));
        var explained = new List<NegotiationExplanation>();
        await using var server = Loopback.StartServer(Acceptor(new UserIdentityValidationOptions().With(UserIdentityType.KerberosServiceTicket, lazy)), explain: explained.Add);
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.KerberosServiceTicket, new byte[] { 1 }, positiveResponseRequested: true))));
        AssertIdentityRejection(e);
        Assert.Contains("D.3.3.7.2", explained[0].Summary);
        // Without a positive response requested there is nothing to send: accepted.
        await using var client = await DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.KerberosServiceTicket, new byte[] { 1 })));
        Assert.Null(client.Association.UserIdentityResponse);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task A_missing_identity_is_rejected_when_required_and_accepted_when_not()
    {
        await using (var server = Loopback.StartServer(Acceptor(Jwt())))
            AssertIdentityRejection(await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port, null))));
        await using (var server = Loopback.StartServer(Acceptor(Jwt() with { RequireIdentity = false })))
        {
            await using var client = await DicomClient.ConnectAsync(With(server.Port, null));
            Assert.Null(client.Association.UserIdentityResponse);
            await client.ReleaseAsync();
        }
    }

    [Fact]
    public async Task A_failing_or_slow_validator_rejects_the_identity()
    {
        var failing = new RecordingValidator(_ => throw new InvalidOperationException("directory unreachable"));
        var slow = new RecordingValidator(async (_, ct) => { await Task.Delay(TimeSpan.FromMinutes(1), ct); return UserIdentityValidationResult.Accept("late"); });
        var explained = new List<NegotiationExplanation>();
        var options = new UserIdentityValidationOptions { ValidationTimeout = TimeSpan.FromMilliseconds(300) }
            .With(UserIdentityType.SamlAssertion, failing).With(UserIdentityType.KerberosServiceTicket, slow);
        await using var server = Loopback.StartServer(Acceptor(options), explain: explained.Add);
        AssertIdentityRejection(await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.SamlAssertion, "<a/>"u8.ToArray())))));
        AssertIdentityRejection(await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(With(server.Port, UserIdentityOptions.FromBytes(UserIdentityType.KerberosServiceTicket, new byte[] { 1 })))));
        Assert.Contains("directory unreachable", explained[0].Summary);
        Assert.Contains("did not answer within", explained[1].Summary);
    }

    [Fact]
    public void The_conformance_statement_states_which_types_are_checked_and_the_rejection()
    {
        var registry = new DicomServiceProvider(new ServiceProviderOptions()).Registry;
        var text = new ConformanceStatement(new ConformanceInput("test", "DSGSCP", 11112, registry,
            Acceptor(Jwt().With(UserIdentityType.KerberosServiceTicket, new RecordingValidator(_ => UserIdentityValidationResult.Reject("no")))))).ToMarkdown();
        Assert.Contains("| User identity | checked for Kerberos Service ticket (3), JSON Web Token (JWT) (5); other types rejected; required;", text);
        var reason = AssociateRejectReason.AcseNoReasonGiven;
        Assert.Contains($"{AssociateRejectResult.RejectedPermanent.Meaning()}, {reason.Qualifier().Meaning()}, {reason.Meaning()} (PS3.7 D.3.3.7.3; {reason.Citation()})", text);
    }
}
