using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DicomSpecGen.Association;
using DicomSpecGen.Association.Identity;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Protocol;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>User identity negotiation beyond user names (PS3.7 D.3.3.7): DCMTK 3.6.7 storescu's --jwt, --kerberos and
/// --saml (with -rsp) into dsg scp (JWT checked with --jwt-secret-file / --jwt-key; other types rejected naming the
/// missing validator) and into an in-process SCP with validators registered through the library; our SCU sending each
/// type to DCMTK storescp (which does not check identities) and to dsg scp. DCMTK's echoscu 3.6.7 has no identity
/// options, so storescu is the DCMTK requestor throughout.</summary>
public class UserIdentityTokenInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("interop-shared-secret-of-40-bytes-long!!");

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    private static string Claims(string aud, TimeSpan expiresIn) => B64(JsonSerializer.SerializeToUtf8Bytes(new
    {
        sub = "alice",
        aud,
        exp = DateTimeOffset.UtcNow.Add(expiresIn).ToUnixTimeSeconds(),
    }));

    private static string Hs256(byte[] secret, string aud = "DSGSCP", TimeSpan? expiresIn = null)
    {
        var signed = B64("""{"alg":"HS256","typ":"JWT"}"""u8.ToArray()) + "." + Claims(aud, expiresIn ?? TimeSpan.FromMinutes(10));
        return signed + "." + B64(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed)));
    }

    private static string Es256(ECDsa key)
    {
        var signed = B64("""{"alg":"ES256","typ":"JWT"}"""u8.ToArray()) + "." + Claims("DSGSCP", TimeSpan.FromMinutes(10));
        return signed + "." + B64(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text + "\n");
        return path;
    }

    private static string Write(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static Task<DsgScp> StartJwtScpAsync(string dir, string archive)
        => DsgScp.StartAsync("0", "--bind", "127.0.0.1", "-od", archive, "--jwt-secret-file", Write(dir, "secret", Secret), "--jwt-audience", "DSGSCP");

    private static void AssertDcmtkSawIdentityRejection(Dcmtk.Result result)
    {
        Assert.NotEqual(0, result.ExitCode);
        // PS3.7 D.3.3.7.3: rejected-permanent, source (2) the ACSE service-provider; DCMTK prints both.
        Assert.Contains("Association Rejected", result.Output);
        Assert.Contains("Rejected Permanent, Source: Service Provider (ACSE Related)", result.Output);
    }

    [Theory]
    [InlineData("valid")]
    [InlineData("bad-signature")]
    [InlineData("expired")]
    [InlineData("wrong-audience")]
    [SpecRow("PS3.7 Table D.3-14, User-Identity-Type 5")]
    [SpecRow("PS3.8 Table 9-21, Reason 1 (Source 2)")]
    public async Task Storescu_jwt_into_dsg_scp_is_accepted_only_with_a_valid_token(string token)
    {
        var dir = DcmtkFiles.TempDir();
        var archive = DcmtkFiles.TempDir("dsg-archive-");
        await using var scp = await StartJwtScpAsync(dir, archive);
        var jwt = token switch
        {
            "valid" => Hs256(Secret),
            "bad-signature" => Hs256(Encoding.ASCII.GetBytes("someone-elses-secret-of-40-bytes-long!!!")),
            "expired" => Hs256(Secret, expiresIn: TimeSpan.FromMinutes(-10)),
            _ => Hs256(Secret, aud: "OTHERSCP"),
        };
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        var result = await Dcmtk.RunAsync("storescu", Limit, "-d", "-aec", "DSGSCP", "--jwt", Write(dir, "token.jwt", jwt), "-rsp",
            "127.0.0.1", scp.Port.ToString(), files[0].Path);
        var stored = await DcmtkFiles.SopInstanceUidsAsync(archive);
        if (token == "valid")
        {
            Assert.True(result.ExitCode == 0, result.Output);
            // The positive response PS3.7 D.3.3.7.2 asks for; Table D.3-15 names no server response for a JWT: empty.
            Assert.Contains("User Identity Negotiation Response:" + Environment.NewLine + "D:   Server Response (not dumped) length: 0", result.Output);
            Assert.Equal([files[0].SopInstanceUid], stored);
        }
        else
        {
            AssertDcmtkSawIdentityRejection(result);
            Assert.Empty(stored);
            var reason = token switch { "bad-signature" => "signature does not verify", "expired" => "expired at", _ => "does not name this SCP's audience" };
            Assert.Contains(reason, await scp.WaitForOutputAsync(reason, TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task Storescu_es256_jwt_is_checked_with_the_public_key_of_jwt_key()
    {
        var dir = DcmtkFiles.TempDir();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var scp = await DsgScp.StartAsync("0", "--bind", "127.0.0.1", "-od", DcmtkFiles.TempDir("dsg-archive-"),
            "--jwt-key", Write(dir, "public.pem", key.ExportSubjectPublicKeyInfoPem()), "--jwt-audience", "DSGSCP");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        var good = await Dcmtk.RunAsync("storescu", Limit, "-aec", "DSGSCP", "--jwt", Write(dir, "good.jwt", Es256(key)), "127.0.0.1", scp.Port.ToString(), files[0].Path);
        Assert.True(good.ExitCode == 0, good.Output);
        var bad = await Dcmtk.RunAsync("storescu", Limit, "-aec", "DSGSCP", "--jwt", Write(dir, "bad.jwt", Es256(other)), "127.0.0.1", scp.Port.ToString(), files[0].Path);
        AssertDcmtkSawIdentityRejection(bad);
    }

    [Theory]
    [InlineData("--kerberos", "Kerberos Service ticket (User-Identity-Type 3)")]
    [InlineData("--saml", "SAML Assertion (User-Identity-Type 4)")]
    public async Task Storescu_kerberos_and_saml_into_dsg_scp_are_rejected_naming_the_missing_validator(string flag, string type)
    {
        var dir = DcmtkFiles.TempDir();
        var archive = DcmtkFiles.TempDir("dsg-archive-");
        await using var scp = await StartJwtScpAsync(dir, archive);
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        var result = await Dcmtk.RunAsync("storescu", Limit, "-aec", "DSGSCP", flag, Write(dir, "identity", "<saml:Assertion>alice</saml:Assertion>"), "-rsp",
            "127.0.0.1", scp.Port.ToString(), files[0].Path);
        AssertDcmtkSawIdentityRejection(result);
        Assert.Empty(await DcmtkFiles.SopInstanceUidsAsync(archive));
        var expected = $"no user identity validator is configured for {type}";
        Assert.Contains(expected, await scp.WaitForOutputAsync(expected, TimeSpan.FromSeconds(10)));
    }

    /// <summary>A validator as a site would register one: accepts one known credential, answers with a response.</summary>
    private sealed class KnownCredential(byte[] expected, byte[] serverResponse, List<UserIdentityRequest> seen) : IUserIdentityValidator
    {
        public ValueTask<UserIdentityValidationResult> ValidateAsync(UserIdentityRequest request, CancellationToken cancellationToken)
        {
            lock (seen) seen.Add(request);
            return ValueTask.FromResult(request.PrimaryField.Span.SequenceEqual(expected)
                ? UserIdentityValidationResult.Accept("alice", serverResponse)
                : UserIdentityValidationResult.Reject("unknown credential"));
        }
    }

    [Theory]
    [InlineData("--kerberos", UserIdentityType.KerberosServiceTicket)]
    [InlineData("--saml", UserIdentityType.SamlAssertion)]
    [SpecRow("PS3.7 Table D.3-15, Server-response")]
    public async Task Storescu_kerberos_and_saml_reach_a_validator_registered_through_the_library(string flag, UserIdentityType type)
    {
        var dir = DcmtkFiles.TempDir();
        // A Kerberos ticket is DER (binary): bytes a text round trip would break.
        byte[] credential = type == UserIdentityType.KerberosServiceTicket ? [0x6E, 0x82, 0x01, 0x00, 0xFF, 0xFE, 0x00, 0x30] : "<saml:Assertion>alice</saml:Assertion>"u8.ToArray();
        byte[] response = type == UserIdentityType.KerberosServiceTicket ? [0x6F, 0x81, 0xAA, 0x00, 0x55] : "<samlp:Response/>"u8.ToArray();
        var seen = new List<UserIdentityRequest>();
        var policy = ((DefaultAssociationPolicy)OurArchive.Acceptor().Policy).Options with
        {
            UserIdentity = new UserIdentityValidationOptions().With(type, new KnownCredential(credential, response, seen)),
        };
        await using var archive = OurArchive.Start(acceptor: OurArchive.Acceptor() with { Policy = new DefaultAssociationPolicy(policy) });
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);

        var ok = await Dcmtk.RunAsync("storescu", Limit, "-d", "-aec", "DSGSCP", flag, Write(dir, "good", credential), "-rsp", "127.0.0.1", archive.Port.ToString(), files[0].Path);
        Assert.True(ok.ExitCode == 0, ok.Output);
        Assert.Contains($"Server Response (not dumped) length: {response.Length}", ok.Output);
        var request = Assert.Single(seen);
        Assert.Equal((type, true), (request.Type, request.PositiveResponseRequested));
        Assert.Equal(credential, request.PrimaryField.ToArray());
        Assert.Equal([files[0].SopInstanceUid], await DcmtkFiles.SopInstanceUidsAsync(archive.Folder));

        var refused = await Dcmtk.RunAsync("storescu", Limit, "-aec", "DSGSCP", flag, Write(dir, "bad", [1, 2, 3]), "127.0.0.1", archive.Port.ToString(), files[0].Path);
        AssertDcmtkSawIdentityRejection(refused);
    }

    [Fact]
    public async Task Our_scu_sends_each_identity_type_to_storescp_which_ignores_it_and_we_warn_about_the_missing_positive_response()
    {
        var dir = DcmtkFiles.TempDir();
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", received, port.ToString());
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        string[][] identities =
        [
            ["--user", "alice", "--password", "s3cret"],
            ["--kerberos", Write(dir, "ticket", [0x6E, 0x01, 0xFF])],
            ["--saml", Write(dir, "assertion.xml", "<saml:Assertion/>")],
            ["--jwt", Write(dir, "token.jwt", Hs256(Secret))],
        ];
        foreach (var identity in identities)
        {
            var echo = await Dsg.RunAsync(Limit, ["echo", "-aec", "STORESCP", .. identity, "-rsp", "127.0.0.1", port.ToString()]);
            Assert.True(echo.ExitCode == 0, echo.Output);
            Assert.Contains("sent no positive response to our user identity", echo.Output);
        }
        var store = await Dsg.RunAsync(Limit, "store", "-aec", "STORESCP", "--jwt", Path.Combine(dir, "token.jwt"), "127.0.0.1", port.ToString(), files[0].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Equal([files[0].SopInstanceUid], await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    [Fact]
    public async Task Our_scu_sends_each_identity_type_to_dsg_scp_which_accepts_only_the_valid_jwt()
    {
        var dir = DcmtkFiles.TempDir();
        await using var scp = await StartJwtScpAsync(dir, DcmtkFiles.TempDir("dsg-archive-"));
        var good = await Dsg.RunAsync(Limit, "echo", "-v", "--jwt", Write(dir, "token.jwt", Hs256(Secret)), "-rsp", "127.0.0.1", scp.Port.ToString());
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("the acceptor confirmed our user identity", good.Output);
        string[][] refused =
        [
            ["--jwt", Write(dir, "forged.jwt", Hs256(Encoding.ASCII.GetBytes("someone-elses-secret-of-40-bytes-long!!!")))],
            ["--user", "alice", "--password", "s3cret"],
            ["--kerberos", Write(dir, "ticket", [0x6E, 0x01])],
            ["--saml", Write(dir, "assertion.xml", "<saml:Assertion/>")],
            [],
        ];
        foreach (var identity in refused)
        {
            var echo = await Dsg.RunAsync(Limit, ["echo", .. identity, "127.0.0.1", scp.Port.ToString()]);
            Assert.True(echo.ExitCode == 2, echo.Output);
            Assert.Contains("rejected-permanent, source DICOM UL service-provider (ACSE related function), reason no-reason-given", echo.Output);
        }
    }
}
