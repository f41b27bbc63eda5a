using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Hosting;

/// <summary>Turns validated <see cref="DicomServerOptions"/> into the runtime's options: the acceptor (policy from the
/// registered services), transport (TLS, limits, timeouts) and the known AEs. Shared by the hosted SCP and
/// <c>dsg scp --config</c>.</summary>
public static class DicomServerComposition
{
    /// <summary>The acceptor accepting exactly what <paramref name="services"/> serves.</summary>
    public static AcceptorOptions Acceptor(DicomServerOptions options, ServiceRegistry services, TransportOptions? transport = null)
        => new()
        {
            Policy = new DefaultAssociationPolicy(services.PolicyOptions() with
            {
                AeTitle = options.AeTitle,
                RequireCalledAeTitle = options.RequireCalledAeTitle,
                AllowedCallingAeTitles = options.AllowedCallingAeTitles.Count > 0 ? options.AllowedCallingAeTitles.ToHashSet(StringComparer.Ordinal) : null,
            }),
            MaxAssociations = options.Limits.MaxAssociations,
            Transport = transport ?? Transport(options, acceptor: true),
            ArtimTimeout = options.Timeouts.Artim,
            Engine = Engine(options),
        };

    /// <summary>The DUL engine named by <see cref="DicomServerOptions.Engine"/>.</summary>
    public static DulEngine Engine(DicomServerOptions options) => Enum.Parse<DulEngine>(options.Engine, ignoreCase: true);

    /// <summary>The address listened on.</summary>
    public static IPAddress BindAddress(DicomServerOptions options) => IPAddress.Parse(options.BindAddress);

    /// <summary>The known AEs by title (C-MOVE destinations, report destinations, client factory peers).</summary>
    public static Dictionary<string, KnownAe> KnownAes(DicomServerOptions options)
        => options.KnownAes.ToDictionary(e => e.Key, e => DicomServerOptionsValidator.TryParseKnownAe(e.Key, e.Value, out var ae) ? ae
            : throw new InvalidOperationException($"KnownAes:{e.Key}: '{e.Value}' is not host:port"), StringComparer.Ordinal);

    /// <summary>Transport limits and timeouts, and TLS when enabled (certificate files read here: an unusable one is an
    /// <see cref="InvalidOperationException"/> naming the file).</summary>
    public static TransportOptions Transport(DicomServerOptions options, bool acceptor)
        => new()
        {
            MaxPDataPduLength = options.Limits.MaxPduLength,
            MaxAssociatePduLength = options.Limits.MaxAssociatePduLength,
            ReadTimeout = options.Timeouts.Read,
            IdleTimeout = options.Timeouts.Idle,
            ConnectTimeout = options.Timeouts.Connect,
            Tls = options.Tls.Enabled ? Tls(options.Tls, acceptor) : null,
        };

    private static TlsOptions Tls(DicomTlsConfig tls, bool acceptor)
    {
        TlsProfiles.TryParse(tls.Profile, out var profile);
        return new TlsOptions
        {
            Certificate = tls.Certificate is null ? null : LoadCertificate(tls.Certificate, tls.Key!),
            TrustedRoots = tls.TrustedCa is null ? null : LoadRoots(tls.TrustedCa),
            RequireClientCertificate = acceptor && tls.RequirePeerCertificate,
            Profile = profile,
        };
    }

    private static X509Certificate2 LoadCertificate(string cert, string key)
    {
        try
        {
            return TlsPemFiles.Certificate(cert, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            throw new InvalidOperationException($"Tls: cannot use certificate {cert} with key {key}: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection LoadRoots(string ca)
    {
        try
        {
            var roots = TlsPemFiles.Roots(ca);
            return roots.Count > 0 ? roots : throw new InvalidOperationException($"Tls:TrustedCa: no certificate in {ca}");
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            throw new InvalidOperationException($"Tls:TrustedCa: cannot read CA certificate(s) from {ca}: {e.Message}", e);
        }
    }
}
