using System.Security.Cryptography.X509Certificates;

namespace DicomSpecGen.Transport;

/// <summary>Certificates for <see cref="TlsOptions"/> from PEM files; callers word the errors
/// (CryptographicException, ArgumentException, IOException) for their own configuration surface.</summary>
public static class TlsPemFiles
{
    /// <summary>Our certificate with its private key.</summary>
    public static X509Certificate2 Certificate(string certificateFile, string keyFile)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
        // Exported and re-imported so SslStream can use the key as a server certificate on every platform.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The CA certificates in a PEM file (empty when it holds none).</summary>
    public static X509Certificate2Collection Roots(string caFile)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return roots;
    }
}
