using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Cli;

/// <summary>A command-line value that cannot be used (missing or unreadable certificate, conflicting flags): exit 4.</summary>
public sealed class CliInputException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>DICOM TLS (PS3.15 B.1; profiles B.9-B.11) flags, mapped onto <see cref="TlsOptions"/>. DCMTK's "+tls key cert" takes two
/// values after one flag; here each value has its own option.</summary>
public sealed class TlsArguments
{
    public Option<bool> Enable { get; } = new("--tls") { Description = "use TLS (PS3.15 B.1) on the connection" };
    public Option<string?> Cert { get; } = new("--tls-cert") { Description = "our certificate (PEM); required to listen, optional as SCU (sent when the peer asks)" };
    public Option<string?> Key { get; } = new("--tls-key") { Description = "the private key of --tls-cert (PEM, unencrypted)" };
    public Option<string?> Ca { get; } = new("--tls-ca") { Description = "trusted CA certificate(s) (PEM) the peer's certificate must chain to, instead of the system store" };
    public Option<string?> ServerName { get; } = new("--tls-server-name") { Description = "SCU: the name the SCP's certificate must carry (default: the host connected to)" };
    public Option<bool> RequirePeerCert { get; } = new("--tls-require-peer-cert") { Description = "SCP: refuse clients that present no valid certificate" };
    public Option<string?> Profile { get; } = new("--tls-profile")
    {
        Description = "TLS profile (PS3.15 B.9-B.11): bcp195-nd (default: TLS 1.2+, never lower), bcp195 (TLS 1.2+; the profile's 1.0/1.1 fallback is not offered), bcp195-ex (TLS 1.2 only, the extended profile's suites only)",
        HelpName = "bcp195|bcp195-nd|bcp195-ex",
    };
    public Option<bool> NoVerify { get; } = new("--tls-no-verify") { Description = "do NOT verify the peer's certificate (testing only: encrypted but not authenticated)" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Enable, Cert, Key, Ca, ServerName, RequirePeerCert, Profile, NoVerify }) command.Options.Add(o);
    }

    /// <summary>The TLS options for one side, or null without --tls. Throws <see cref="CliInputException"/> for
    /// unusable flags or files.</summary>
    public TlsOptions? Build(ParseResult result, bool acceptor)
    {
        var cert = result.GetValue(Cert);
        var key = result.GetValue(Key);
        var ca = result.GetValue(Ca);
        var serverName = result.GetValue(ServerName);
        var require = result.GetValue(RequirePeerCert);
        var noVerify = result.GetValue(NoVerify);
        var profileName = result.GetValue(Profile);
        if (!result.GetValue(Enable))
        {
            if (cert != null || key != null || ca != null || serverName != null || require || noVerify || profileName != null)
                throw new CliInputException("the --tls-* options need --tls");
            return null;
        }
        var profile = TlsProfile.Bcp195NonDowngrading;
        if (profileName != null && !TlsProfiles.TryParse(profileName, out profile))
            throw new CliInputException($"--tls-profile {profileName}: expected one of {string.Join(", ", TlsProfiles.List.Select(p => $"{p.Name} ({p.Source})"))}");
        if ((cert == null) != (key == null)) throw new CliInputException("--tls-cert and --tls-key go together");
        if (acceptor && cert == null) throw new CliInputException("listening with --tls needs --tls-cert and --tls-key");
        if (noVerify)
            Console.Error.WriteLine("W: --tls-no-verify: the peer's certificate is NOT verified; the connection is encrypted but not authenticated");
        return new TlsOptions
        {
            Certificate = cert == null ? null : LoadCertificate(cert, key!),
            TrustedRoots = ca == null ? null : LoadRoots(ca),
            RequireClientCertificate = acceptor && require,
            AllowUntrustedPeer = noVerify,
            TargetHost = serverName,
            Profile = profile,
        };
    }

    private static X509Certificate2 LoadCertificate(string cert, string key)
    {
        foreach (var file in new[] { cert, key })
            if (!File.Exists(file)) throw new CliInputException($"TLS: file not found: {file}");
        try
        {
            return TlsPemFiles.Certificate(cert, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            throw new CliInputException($"TLS: cannot use certificate {cert} with key {key}: {e.Message}", e);
        }
    }

    private static X509Certificate2Collection LoadRoots(string ca)
    {
        if (!File.Exists(ca)) throw new CliInputException($"TLS: file not found: {ca}");
        try
        {
            var roots = TlsPemFiles.Roots(ca);
            return roots.Count > 0 ? roots : throw new CliInputException($"TLS: no certificate in {ca}");
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException)
        {
            throw new CliInputException($"TLS: cannot read CA certificate(s) from {ca}: {e.Message}", e);
        }
    }
}
