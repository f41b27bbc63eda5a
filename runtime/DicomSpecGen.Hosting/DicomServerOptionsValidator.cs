using System.Globalization;
using System.Net;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;
using Microsoft.Extensions.Options;

namespace DicomSpecGen.Hosting;

/// <summary>Checks <see cref="DicomServerOptions"/> when the host starts: each error names the configuration key
/// (e.g. "Dicom:Port"), the value and what is allowed.</summary>
public sealed class DicomServerOptionsValidator(string sectionPath = DicomServerOptions.SectionName) : IValidateOptions<DicomServerOptions>
{
    private const int MinMaxPduLength = TransportOptions.MinConfigurableMaxPduLength;

    /// <summary>Fails with every error found.</summary>
    public ValidateOptionsResult Validate(string? name, DicomServerOptions options)
    {
        var errors = Errors(options, sectionPath);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Every problem of <paramref name="options"/>, each naming its key under <paramref name="section"/>.</summary>
    public static IReadOnlyList<string> Errors(DicomServerOptions options, string section = DicomServerOptions.SectionName)
    {
        var errors = new List<string>();
        void Check(bool ok, string key, string message)
        {
            if (!ok) errors.Add($"{section}:{key}: {message}");
        }

        Check(AeTitles.Problem(options.AeTitle) is null, "AeTitle", $"'{options.AeTitle}' {AeTitles.Problem(options.AeTitle)}");
        Check(options.Port is >= 0 and <= 65535, "Port", $"{options.Port} is not a TCP port (0-65535; 0 picks a free one)");
        Check(IPAddress.TryParse(options.BindAddress, out _), "BindAddress", $"'{options.BindAddress}' is not an IP address (e.g. 127.0.0.1, 0.0.0.0, ::)");
        for (var i = 0; i < options.AllowedCallingAeTitles.Count; i++)
        {
            var ae = options.AllowedCallingAeTitles[i];
            Check(AeTitles.Problem(ae) is null, $"AllowedCallingAeTitles:{i}", $"'{ae}' {AeTitles.Problem(ae)}");
        }
        foreach (var (ae, address) in options.KnownAes)
        {
            Check(AeTitles.Problem(ae) is null, $"KnownAes:{ae}", $"the AE title {AeTitles.Problem(ae)}");
            Check(TryParseKnownAe(ae, address, out _), $"KnownAes:{ae}", $"'{address}' is not host:port (e.g. 127.0.0.1:11113)");
        }
        Check(Enum.TryParse<DulEngine>(options.Engine, ignoreCase: true, out _), "Engine", $"'{options.Engine}' is not an engine: Generated or Interpreted");

        var services = options.Services;
        Check(services.WorklistFolder is null || Directory.Exists(services.WorklistFolder), "Services:WorklistFolder",
            $"folder '{services.WorklistFolder}' does not exist");

        var tls = options.Tls;
        if (tls.Enabled)
        {
            Check(tls.Certificate != null && tls.Key != null, "Tls", "listening with TLS needs Certificate and Key (PEM files)");
            foreach (var (key, file) in new[] { ("Certificate", tls.Certificate), ("Key", tls.Key), ("TrustedCa", tls.TrustedCa) })
                Check(file is null || File.Exists(file), $"Tls:{key}", $"file '{file}' not found");
            Check(TlsProfiles.TryParse(tls.Profile, out _), "Tls:Profile",
                $"'{tls.Profile}' is not a profile: {string.Join(", ", TlsProfiles.List.Select(p => $"{p.Name} ({p.Source})"))}");
        }
        else
        {
            Check(tls.Certificate is null && tls.Key is null && tls.TrustedCa is null && !tls.RequirePeerCertificate, "Tls",
                "certificate settings are given but Enabled is false");
        }

        var limits = options.Limits;
        Check(limits.MaxAssociations >= 1, "Limits:MaxAssociations", $"{limits.MaxAssociations}: at least 1");
        Check(limits.MaxPduLength == 0 || limits.MaxPduLength >= MinMaxPduLength, "Limits:MaxPduLength",
            $"{limits.MaxPduLength} is not a valid Maximum Length Received: 0 (no limit) or {MinMaxPduLength} to {int.MaxValue} bytes (PS3.8 Annex D.1, Table D.1-1)");
        Check(limits.MaxAssociatePduLength >= MinMaxPduLength, "Limits:MaxAssociatePduLength", $"{limits.MaxAssociatePduLength}: at least {MinMaxPduLength} bytes");

        var t = options.Timeouts;
        foreach (var (key, value) in new[] { ("Read", t.Read), ("Idle", t.Idle), ("Artim", t.Artim), ("Connect", t.Connect), ("Association", t.Association) })
            Check(value > TimeSpan.Zero, $"Timeouts:{key}", $"{value} must be positive");
        Check(t.Shutdown >= TimeSpan.Zero, "Timeouts:Shutdown", $"{t.Shutdown} must not be negative");
        return errors;
    }

    /// <summary>"host:port" → <see cref="KnownAe"/>.</summary>
    public static bool TryParseKnownAe(string ae, string? address, out KnownAe known)
    {
        known = null!;
        var colon = address?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !int.TryParse(address![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535) return false;
        known = new KnownAe(ae, address[..colon].Trim('[', ']'), port);
        return true;
    }
}
