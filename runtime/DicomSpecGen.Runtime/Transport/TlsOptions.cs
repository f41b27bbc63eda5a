using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace DicomSpecGen.Transport;

/// <summary>TLS under the DICOM upper layer (PS3.15 B.1, "Basic TLS Secure Transport Connection Profile"):
/// the handshake runs on the TCP connection before the first PDU.</summary>
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

    /// <summary>Requestor: the name the acceptor's certificate must carry; null uses the host we connect to.</summary>
    public string? TargetHost { get; init; }

    /// <summary>Checks the peer certificate against <see cref="TrustedRoots"/> (or the system store), the name
    /// (requestor side) and <see cref="AllowUntrustedPeer"/>.</summary>
    public bool Validate(X509Certificate? certificate, SslPolicyErrors errors, bool isServer)
    {
        if (AllowUntrustedPeer) return true;
        if (certificate == null) return isServer && !RequireClientCertificate;
        if (errors == SslPolicyErrors.None) return true;
        if (TrustedRoots == null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(TrustedRoots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }
}
