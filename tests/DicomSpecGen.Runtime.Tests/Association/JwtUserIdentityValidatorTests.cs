using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DicomSpecGen.Association.Identity;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>Makes signed JWTs (RFC 7519 / RFC 7515 compact form) for the tests: HS256, RS256, ES256, or unsigned.</summary>
internal static class TestJwt
{
    public static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);

    public static string Json(object o) => B64(JsonSerializer.SerializeToUtf8Bytes(o));

    public static Dictionary<string, object> Claims(string aud = "DSGSCP", TimeSpan? expiresIn = null, string sub = "alice", string? iss = null, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = sub, ["aud"] = aud, ["exp"] = (at + (expiresIn ?? TimeSpan.FromMinutes(10))).ToUnixTimeSeconds() };
        if (iss != null) claims["iss"] = iss;
        return claims;
    }

    public static string Hs256(byte[] secret, object claims, string alg = "HS256")
    {
        var signed = Json(new { alg, typ = "JWT" }) + "." + Json(claims);
        return signed + "." + B64(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signed)));
    }

    public static string Rs256(RSA key, object claims)
    {
        var signed = Json(new { alg = "RS256", typ = "JWT" }) + "." + Json(claims);
        return signed + "." + B64(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string Es256(ECDsa key, object claims)
    {
        var signed = Json(new { alg = "ES256", typ = "JWT" }) + "." + Json(claims);
        return signed + "." + B64(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    public static string Unsigned(object claims) => Json(new { alg = "none", typ = "JWT" }) + "." + Json(claims) + ".";
}

/// <summary>The built-in JWT validator (User-Identity-Type 5): signature with the configured key, expiry, audience,
/// issuer; "alg": "none" and algorithm confusion refused.</summary>
public class JwtUserIdentityValidatorTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a-shared-secret-of-at-least-32-bytes!");

    private static JwtUserIdentityValidator Hs(string? issuer = null, TimeProvider? clock = null)
        => new(new JwtValidationOptions { SharedSecret = Secret, Audience = "DSGSCP", Issuer = issuer, TimeProvider = clock ?? TimeProvider.System });

    [Fact]
    [SpecRow("PS3.7 Table D.3-14, User-Identity-Type 5")]
    public void A_good_hs256_token_is_accepted_with_its_subject()
    {
        var result = Hs().Validate(TestJwt.Hs256(Secret, TestJwt.Claims()));
        Assert.True(result.Accepted, result.Reason);
        Assert.Equal("alice", result.User);
        Assert.True(result.ServerResponse.IsEmpty);
    }

    [Fact]
    public void A_token_signed_with_another_secret_is_refused()
    {
        var result = Hs().Validate(TestJwt.Hs256(Encoding.ASCII.GetBytes("another-secret-also-32-bytes-long!!"), TestJwt.Claims()));
        Assert.False(result.Accepted);
        Assert.Contains("signature does not verify", result.Reason);
    }

    [Fact]
    public void A_tampered_claim_breaks_the_signature()
    {
        var token = TestJwt.Hs256(Secret, TestJwt.Claims(sub: "alice"));
        var parts = token.Split('.');
        var forged = parts[0] + "." + TestJwt.Json(TestJwt.Claims(sub: "admin")) + "." + parts[2];
        Assert.False(Hs().Validate(forged).Accepted);
    }

    [Fact]
    public void An_expired_token_is_refused_beyond_the_clock_skew_and_accepted_within_it()
    {
        var clock = new FixedClock(DateTimeOffset.UtcNow);
        var expiredLongAgo = TestJwt.Hs256(Secret, TestJwt.Claims(expiresIn: TimeSpan.FromMinutes(-5), now: clock.Now));
        var result = Hs(clock: clock).Validate(expiredLongAgo);
        Assert.False(result.Accepted);
        Assert.Contains("expired", result.Reason);
        var justExpired = TestJwt.Hs256(Secret, TestJwt.Claims(expiresIn: TimeSpan.FromSeconds(-10), now: clock.Now));
        Assert.True(Hs(clock: clock).Validate(justExpired).Accepted);
    }

    [Fact]
    public void A_token_not_yet_valid_is_refused()
    {
        var claims = TestJwt.Claims();
        claims["nbf"] = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var result = Hs().Validate(TestJwt.Hs256(Secret, claims));
        Assert.False(result.Accepted);
        Assert.Contains("not valid before", result.Reason);
    }

    [Fact]
    public void A_token_without_exp_is_refused()
    {
        var claims = TestJwt.Claims();
        claims.Remove("exp");
        Assert.Contains("no \"exp\"", Hs().Validate(TestJwt.Hs256(Secret, claims)).Reason);
    }

    [Fact]
    public void A_token_for_another_audience_is_refused_and_an_audience_list_naming_ours_is_accepted()
    {
        var result = Hs().Validate(TestJwt.Hs256(Secret, TestJwt.Claims(aud: "OTHERSCP")));
        Assert.False(result.Accepted);
        Assert.Contains("OTHERSCP", result.Reason);
        var claims = TestJwt.Claims();
        claims["aud"] = new[] { "OTHERSCP", "DSGSCP" };
        Assert.True(Hs().Validate(TestJwt.Hs256(Secret, claims)).Accepted);
    }

    [Fact]
    public void The_issuer_is_checked_when_configured()
    {
        Assert.False(Hs(issuer: "https://idp.example").Validate(TestJwt.Hs256(Secret, TestJwt.Claims(iss: "https://evil.example"))).Accepted);
        Assert.True(Hs(issuer: "https://idp.example").Validate(TestJwt.Hs256(Secret, TestJwt.Claims(iss: "https://idp.example"))).Accepted);
    }

    [Fact]
    public void Alg_none_is_refused()
    {
        var result = Hs().Validate(TestJwt.Unsigned(TestJwt.Claims()));
        Assert.False(result.Accepted);
        Assert.Contains("\"none\"", result.Reason);
    }

    [Fact]
    public void Rs256_and_es256_tokens_verify_with_their_public_keys()
    {
        using var rsa = RSA.Create(2048);
        var rs = new JwtUserIdentityValidator(new JwtValidationOptions { PublicKeyPem = rsa.ExportSubjectPublicKeyInfoPem(), Audience = "DSGSCP" });
        Assert.True(rs.Validate(TestJwt.Rs256(rsa, TestJwt.Claims())).Accepted);
        using var otherRsa = RSA.Create(2048);
        Assert.False(rs.Validate(TestJwt.Rs256(otherRsa, TestJwt.Claims())).Accepted);

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var es = new JwtUserIdentityValidator(new JwtValidationOptions { PublicKeyPem = ec.ExportSubjectPublicKeyInfoPem(), Audience = "DSGSCP" });
        Assert.Equal("ES256", es.Algorithm);
        Assert.True(es.Validate(TestJwt.Es256(ec, TestJwt.Claims())).Accepted);
        using var otherEc = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.False(es.Validate(TestJwt.Es256(otherEc, TestJwt.Claims())).Accepted);
    }

    [Fact]
    public void An_hs256_token_signed_with_the_public_key_text_is_refused_by_an_rs256_validator()
    {
        // The classic algorithm confusion: the attacker knows the public key and uses it as an HMAC secret.
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportSubjectPublicKeyInfoPem();
        var validator = new JwtUserIdentityValidator(new JwtValidationOptions { PublicKeyPem = pem, Audience = "DSGSCP" });
        var result = validator.Validate(TestJwt.Hs256(Encoding.ASCII.GetBytes(pem), TestJwt.Claims()));
        Assert.False(result.Accepted);
        Assert.Contains("only RS256", result.Reason);
    }

    [Fact]
    public void Malformed_tokens_are_refused_with_the_rule_named()
    {
        Assert.Contains("three", Hs().Validate("not-a-jwt").Reason);
        Assert.Contains("JWE", Hs().Validate("a.b.c.d.e").Reason);
        Assert.Contains("base64url", Hs().Validate("a*.b.c").Reason);
    }

    [Fact]
    public void Weak_keys_are_refused_at_configuration()
    {
        Assert.Throws<ArgumentException>(() => new JwtUserIdentityValidator(new JwtValidationOptions { SharedSecret = new byte[16], Audience = "DSGSCP" }));
        using var small = RSA.Create(1024);
        Assert.Throws<ArgumentException>(() => new JwtUserIdentityValidator(new JwtValidationOptions { PublicKeyPem = small.ExportSubjectPublicKeyInfoPem(), Audience = "DSGSCP" }));
        Assert.Throws<ArgumentException>(() => new JwtUserIdentityValidator(new JwtValidationOptions { PublicKeyPem = "garbage", Audience = "DSGSCP" }));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now => now;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
