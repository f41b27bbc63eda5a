using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace DicomSpecGen.Association.Identity;

/// <summary>Configuration of <see cref="JwtUserIdentityValidator"/>: the key that signs tokens (an HS256 shared secret,
/// or an RS256 / ES256 public key), the audience this SCP is, and optionally the issuer.</summary>
public sealed record JwtValidationOptions
{
    /// <summary>The HS256 shared secret; at least 32 bytes (RFC 7518 3.2: a key at least the hash output's size).</summary>
    public ReadOnlyMemory<byte>? SharedSecret { get; init; }

    /// <summary>A PEM public key ("PUBLIC KEY", "RSA PUBLIC KEY") or certificate: RSA (RS256, at least 2048 bits,
    /// RFC 7518 3.3) or EC P-256 (ES256).</summary>
    public string? PublicKeyPem { get; init; }

    /// <summary>The "aud" claim must name this (RFC 7519 4.1.3).</summary>
    public required string Audience { get; init; }

    /// <summary>When set, the "iss" claim must equal it (RFC 7519 4.1.1).</summary>
    public string? Issuer { get; init; }

    /// <summary>Leeway for "exp" and "nbf" between our clock and the issuer's.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a token without "exp" is refused (a token that never expires is a standing credential).</summary>
    public bool RequireExpiry { get; init; } = true;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>The built-in validator of User-Identity-Type 5 (JWT): a JWS compact serialization (PS3.7 Table D.3-14,
/// Primary-field "encoded in accordance with RFC 7519 using base64url encoded parts") checked by its signature with
/// the configured key, then "exp"/"nbf" with a small clock skew, "aud" and optionally "iss". "alg": "none", an
/// algorithm that does not match the key, an encrypted token (JWE) and a header with "crit" are refused.</summary>
/// <remarks>PS3.7 D.3.3.7; RFC 7519 (JWT), RFC 7515 (JWS), RFC 7518 3.2-3.4 (HS256, RS256, ES256).</remarks>
public sealed class JwtUserIdentityValidator : IUserIdentityValidator
{
    private readonly JwtValidationOptions _options;
    private readonly string _algorithm;
    private readonly RSA? _rsa;
    private readonly ECDsa? _ecdsa;

    /// <summary>Checks the key once, so a bad key file fails at start with <see cref="ArgumentException"/>, not per association.</summary>
    public JwtUserIdentityValidator(JwtValidationOptions options)
    {
        _options = options;
        if (string.IsNullOrWhiteSpace(options.Audience))
            throw new ArgumentException("JWT validation needs the audience this SCP is (the \"aud\" claim tokens must carry)");
        if ((options.SharedSecret != null) == (options.PublicKeyPem != null))
            throw new ArgumentException("JWT validation needs exactly one key: a shared secret (HS256) or a public key PEM (RS256/ES256)");
        if (options.SharedSecret is { } secret)
        {
            if (secret.Length < 32)
                throw new ArgumentException($"the HS256 shared secret has {secret.Length} bytes; RFC 7518 3.2 requires at least 32 (256 bits)");
            _algorithm = "HS256";
        }
        else
        {
            (_rsa, _ecdsa) = LoadPublicKey(options.PublicKeyPem!);
            if (_rsa is { KeySize: < 2048 })
                throw new ArgumentException($"the RSA public key has {_rsa.KeySize} bits; RFC 7518 3.3 requires at least 2048 for RS256");
            if (_ecdsa != null && _ecdsa.KeySize != 256)
                throw new ArgumentException($"the EC public key is on a {_ecdsa.KeySize}-bit curve; ES256 needs P-256 (RFC 7518 3.4)");
            _algorithm = _rsa != null ? "RS256" : "ES256";
        }
    }

    /// <summary>The one "alg" this validator accepts, given its key.</summary>
    public string Algorithm => _algorithm;

    public ValueTask<UserIdentityValidationResult> ValidateAsync(UserIdentityRequest request, CancellationToken cancellationToken)
        => ValueTask.FromResult(Validate(request.PrimaryText));

    /// <summary>Checks one token (the Primary-field as text); the reason names the rule a refused token broke.</summary>
    public UserIdentityValidationResult Validate(string token)
    {
        token = token.Trim();
        var parts = token.Split('.');
        if (parts.Length == 5) return UserIdentityValidationResult.Reject("the JWT is encrypted (JWE, five parts); only signed tokens (JWS) are accepted");
        if (parts.Length != 3) return UserIdentityValidationResult.Reject($"the JWT has {parts.Length} dot-separated parts, not the three of a JWS compact serialization (RFC 7515 7.1)");
        if (Decode(parts[0]) is not { } headerBytes || Decode(parts[1]) is not { } payloadBytes || Decode(parts[2]) is not { } signature)
            return UserIdentityValidationResult.Reject("a part of the JWT is not base64url (RFC 7515 2)");

        JsonElement header, claims;
        try
        {
            header = JsonDocument.Parse(headerBytes).RootElement;
            claims = JsonDocument.Parse(payloadBytes).RootElement;
        }
        catch (JsonException e)
        {
            return UserIdentityValidationResult.Reject($"the JWT header or claims are not JSON: {e.Message}");
        }
        if (header.ValueKind != JsonValueKind.Object || claims.ValueKind != JsonValueKind.Object)
            return UserIdentityValidationResult.Reject("the JWT header and claims must be JSON objects (RFC 7519 7.2)");
        var alg = header.TryGetProperty("alg", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : null;
        if (alg == null) return UserIdentityValidationResult.Reject("the JWT header has no \"alg\" (RFC 7515 4.1.1)");
        if (string.Equals(alg, "none", StringComparison.OrdinalIgnoreCase))
            return UserIdentityValidationResult.Reject("the JWT is unsecured (\"alg\": \"none\", RFC 7519 6); only signed tokens are accepted");
        if (alg != _algorithm)
            return UserIdentityValidationResult.Reject($"the JWT is signed with \"{alg}\"; the configured key verifies only {_algorithm}");
        if (header.TryGetProperty("crit", out _))
            return UserIdentityValidationResult.Reject("the JWT header has \"crit\" extensions, none of which this validator understands (RFC 7515 4.1.11)");

        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (!Verify(signed, signature))
            return UserIdentityValidationResult.Reject($"the JWT signature does not verify with the configured {_algorithm} key");

        var subject = Text(claims, "sub") ?? Text(claims, "preferred_username");
        var now = _options.TimeProvider.GetUtcNow();
        var exp = Time(claims, "exp", out var badExp);
        var nbf = Time(claims, "nbf", out var badNbf);
        if (badExp || badNbf) return UserIdentityValidationResult.Reject("\"exp\" or \"nbf\" is not a NumericDate (RFC 7519 2)", subject);
        if (exp == null && _options.RequireExpiry) return UserIdentityValidationResult.Reject("the JWT has no \"exp\" (expiration time)", subject);
        if (exp != null && now >= exp.Value + _options.ClockSkew)
            return UserIdentityValidationResult.Reject($"the JWT expired at {exp.Value:u} (now {now:u}, clock skew {_options.ClockSkew.TotalSeconds:F0} s; RFC 7519 4.1.4)", subject);
        if (nbf != null && now + _options.ClockSkew < nbf.Value)
            return UserIdentityValidationResult.Reject($"the JWT is not valid before {nbf.Value:u} (now {now:u}; RFC 7519 4.1.5)", subject);
        if (!Audiences(claims).Contains(_options.Audience, StringComparer.Ordinal))
            return UserIdentityValidationResult.Reject($"the JWT's \"aud\" ({string.Join(", ", Audiences(claims).DefaultIfEmpty("none"))}) does not name this SCP's audience '{_options.Audience}' (RFC 7519 4.1.3)", subject);
        if (_options.Issuer != null && Text(claims, "iss") != _options.Issuer)
            return UserIdentityValidationResult.Reject($"the JWT's \"iss\" ('{Text(claims, "iss") ?? "none"}') is not the configured issuer '{_options.Issuer}' (RFC 7519 4.1.1)", subject);
        // PS3.7 Table D.3-15 names no Server-response for a JWT: the positive response is empty.
        return UserIdentityValidationResult.Accept(subject ?? "(JWT without \"sub\")");
    }

    private bool Verify(byte[] signed, byte[] signature)
    {
        if (_rsa != null) return _rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        // ES256 signatures are R || S, 32 bytes each (RFC 7518 3.4), .NET's IEEE P1363 format.
        if (_ecdsa != null) return _ecdsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var expected = HMACSHA256.HashData(_options.SharedSecret!.Value.Span, signed);
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    private static (RSA?, ECDsa?) LoadPublicKey(string pem)
    {
        if (pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            using var cert = X509Certificate2.CreateFromPem(pem);
            if (cert.GetRSAPublicKey() is { } certRsa) return (certRsa, null);
            if (cert.GetECDsaPublicKey() is { } certEc) return (null, certEc);
            throw new ArgumentException("the certificate's key is neither RSA nor EC");
        }
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return (rsa, null);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
        }
        var ec = ECDsa.Create();
        try
        {
            ec.ImportFromPem(pem);
            return (null, ec);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ec.Dispose();
            throw new ArgumentException($"the JWT public key is not a PEM RSA or EC public key or certificate: {e.Message}", e);
        }
    }

    private static byte[]? Decode(string part)
    {
        var bytes = new byte[Base64Url.GetMaxDecodedLength(part.Length)];
        return Base64Url.DecodeFromChars(part, bytes, out var consumed, out var written) == System.Buffers.OperationStatus.Done && consumed == part.Length
            ? bytes[..written] : null;
    }

    private static string? Text(JsonElement claims, string name)
        => claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Time(JsonElement claims, string name, out bool bad)
    {
        bad = false;
        if (!claims.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var seconds) || seconds is < 0 or > 253402300799) { bad = true; return null; }
        return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
    }

    private static IEnumerable<string> Audiences(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud)) return [];
        if (aud.ValueKind == JsonValueKind.String) return [aud.GetString()!];
        if (aud.ValueKind == JsonValueKind.Array)
            return aud.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
        return [];
    }
}
