using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DicomSpecGen.Transport;

/// <summary>TLS under the DICOM upper layer (PS3.15 B.1): the handshake runs on the TCP connection before the first
/// PDU, with the versions and cipher suites of one of the BCP 195 profiles (PS3.15 B.9-B.11, <see cref="Profile"/>).</summary>
public sealed record TlsOptions
{
    /// <summary>Our certificate with its private key: required for an acceptor, optional for a requestor
    /// (sent when the acceptor asks for a client certificate).</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>Roots that the peer's certificate must chain to, instead of the system store (e.g. a site CA).</summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>Acceptor: refuse peers that present no valid client certificate.</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>Accept any peer certificate (testing only): the connection is encrypted but not authenticated.</summary>
    public bool AllowUntrustedPeer { get; init; }

    /// <summary>The Secure Transport Connection Profile whose TLS versions and cipher suites both sides of the
    /// handshake are held to (spec/part15/tls-profiles.yaml); the default is the non-downgrading BCP 195 profile.</summary>
    /// <remarks>PS3.15 B.9, B.10, B.11.</remarks>
    public TlsProfile Profile { get; init; } = TlsProfile.Bcp195NonDowngrading;

    /// <summary>Requestor: the name the acceptor's certificate must carry; null uses the host we connect to.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Checks the peer certificate against <see cref="TrustedRoots"/> (or the system store), the name
    /// (requestor side), the profile's minimum RSA key size and <see cref="AllowUntrustedPeer"/>.</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors, bool isServer) => Validate(certificate, errors, isServer, out _);

    /// <summary>As <see cref="Validate(X509Certificate?, SslPolicyErrors, bool)"/>, with why a certificate was refused.</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors, bool isServer, out string? refusal)
    {
        refusal = null;
        if (AllowUntrustedPeer) return true;
        if (certificate == null)
        {
            if (isServer && !RequireClientCertificate) return true;
            refusal = isServer ? "the client sent no certificate and one is required" : "the server sent no certificate";
            return false;
        }
        var cert = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var profile = TlsProfiles.Get(Profile);
        // BCP 195 (RFC 7525 4.3), which the PS3.15 B.9-B.11 profiles adopt: RSA certificates of at least 2048 bits.
        using (var rsa = cert.GetRSAPublicKey())
        {
            if (rsa != null && rsa.KeySize < profile.MinRsaKeyBits)
            {
                refusal = $"the peer's certificate {cert.Subject} has a {rsa.KeySize}-bit RSA key; {profile.MinRsaKeySource} requires at least {profile.MinRsaKeyBits} bits";
                return false;
            }
        }
        if (errors == SslPolicyErrors.None) return true;
        if (TrustedRoots == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            refusal = $"the peer's certificate {cert.Subject} failed validation: {errors}";
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(TrustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(cert)) return true;
        refusal = $"the peer's certificate {cert.Subject} does not chain to the trusted roots: {string.Join("; ", chain.ChainStatus.Select(c => c.StatusInformation.Trim()))}";
        return false;
    }
}
