using System.Net.Security;
using System.Security.Authentication;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.SpecFiles;

namespace DicomSpecGen.Transport;

/// <summary>The Secure Transport Connection Profiles of PS3.15 Annex B that <see cref="TlsOptions.Profile"/> selects.</summary>
public enum TlsProfile
{
    /// <summary>PS3.15 B.10, "Non-downgrading BCP 195 TLS Secure Transport Connection Profile" (--tls-profile
    /// bcp195-nd, DCMTK +py): TLS 1.2 or later, never below. The default, as in DCMTK 3.6.7.</summary>
    Bcp195NonDowngrading = 0,

    /// <summary>PS3.15 B.9, "BCP 195 TLS Secure Transport Connection Profile" (--tls-profile bcp195, DCMTK +px).
    /// The profile tolerates a fallback to TLS 1.0/1.1; we never offer it (see docs/security.md).</summary>
    Bcp195,

    /// <summary>PS3.15 B.11, "Extended BCP 195 TLS Secure Transport Connection Profile" (--tls-profile bcp195-ex,
    /// DCMTK +pz): TLS 1.2 only, its six AES-GCM suites only.</summary>
    Bcp195Extended,
}

/// <summary>One profile row of spec/part15/tls-profiles.yaml.</summary>
/// <param name="Profile">The profile this row describes.</param>
/// <param name="Title">The profile's title in PS3.15.</param>
/// <param name="Source">The citation: "PS3.15 B.10 (2021b)".</param>
/// <param name="Name">The --tls-profile value.</param>
/// <param name="MinVersion">The lowest TLS version the profile lets us negotiate ("1.2").</param>
/// <param name="MaxVersion">The highest ("1.2" or "1.3").</param>
/// <param name="Fallback">Versions below <paramref name="MinVersion"/> the profile tolerates for old peers (B.9); not enabled.</param>
/// <param name="CipherSuites">The TLS 1.2 suites, in our order of preference.</param>
/// <param name="Tls13Suites">The TLS 1.3 suites where <paramref name="MaxVersion"/> is 1.3.</param>
/// <param name="CompatSuites">Suites the profile allows for backward compatibility (B.9); not enabled.</param>
public sealed record TlsProfileSpec(TlsProfile Profile, string Name, string Title, string Source, string MinVersion, string MaxVersion,
    IReadOnlyList<string> Fallback, IReadOnlyList<TlsCipherSuite> CipherSuites, IReadOnlyList<TlsCipherSuite> Tls13Suites,
    IReadOnlyList<string> CompatSuites)
{
    /// <summary>The smallest RSA key a peer certificate may have (BCP 195, RFC 7525 section 4.3).</summary>
    public int MinRsaKeyBits { get; init; } = 2048;

    /// <summary>The citation of <see cref="MinRsaKeyBits"/>.</summary>
    public string MinRsaKeySource { get; init; } = "";

    /// <summary>The protocol versions handed to SslStream: <see cref="MinVersion"/> to <see cref="MaxVersion"/>.</summary>
    public SslProtocols Protocols => MaxVersion == "1.3" ? SslProtocols.Tls12 | SslProtocols.Tls13 : SslProtocols.Tls12;

    /// <summary>The suites a handshake may agree on: the TLS 1.2 list, then the TLS 1.3 list.</summary>
    public IEnumerable<TlsCipherSuite> AllowedSuites => CipherSuites.Concat(Tls13Suites);

    /// <summary>"PS3.15 B.10 Non-downgrading BCP 195 ... (TLS 1.2-1.3)", for errors and logs.</summary>
    public string Describe() => $"{Source} {Title} (TLS {MinVersion}{(MaxVersion == MinVersion ? " only" : "-" + MaxVersion)})";
}

/// <summary>A profile's certificate check: the smallest RSA key accepted.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="MinRsaKeyBits">The smallest RSA key, in bits, a peer certificate may have.</param>
/// <param name="Source">The citation of the rule's row.</param>
public sealed record TlsCertificateRule(TlsProfile Profile, int MinRsaKeyBits, string Source);

/// <summary>The BCP 195 profiles of PS3.15 B.9-B.11, read once from the embedded spec/part15/tls-profiles.yaml.</summary>
public static class TlsProfiles
{
    private static readonly Lazy<IReadOnlyDictionary<TlsProfile, TlsProfileSpec>> All = new(Load);

    /// <summary>The row of <paramref name="profile"/>.</summary>
    public static TlsProfileSpec Get(TlsProfile profile) => All.Value[profile];

    /// <summary>Every profile, by its --tls-profile name.</summary>
    public static IEnumerable<TlsProfileSpec> List => All.Value.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    /// <summary>The profile rows of tls-profiles.yaml, each citing its PS3.15 section (the trace report's symbols).</summary>
    public static IReadOnlyList<TlsProfileSpec> Rows => List.ToList();

    /// <summary>The certificate rule of each profile (minimum RSA key size), citing its section.</summary>
    public static IReadOnlyList<TlsCertificateRule> CertificateRules
        => List.Select(p => new TlsCertificateRule(p.Profile, p.MinRsaKeyBits, p.MinRsaKeySource)).ToList();

    /// <summary>The profile a --tls-profile value names (bcp195, bcp195-nd, bcp195-ex), case-insensitive.</summary>
    public static bool TryParse(string name, out TlsProfile profile)
    {
        foreach (var p in All.Value.Values)
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) { profile = p.Profile; return true; }
        profile = default;
        return false;
    }

    private static readonly Dictionary<string, TlsProfile> Names = new(StringComparer.Ordinal)
    {
        ["bcp195"] = TlsProfile.Bcp195,
        ["bcp195-nd"] = TlsProfile.Bcp195NonDowngrading,
        ["bcp195-ex"] = TlsProfile.Bcp195Extended,
    };

    private const string File = "spec/part15/tls-profiles.yaml";

    private static IReadOnlyDictionary<TlsProfile, TlsProfileSpec> Load() => EmbeddedSpecFile.Load(File, Read, message => new InvalidOperationException(message));

    /// <summary>Parses the profile file; throws naming file, line and rule for a malformed row.</summary>
    internal static IReadOnlyDictionary<TlsProfile, TlsProfileSpec> Parse(string text) => EmbeddedSpecFile.Parse(File, text, Read, message => new InvalidOperationException(message));

    private static IReadOnlyDictionary<TlsProfile, TlsProfileSpec> Read(SpecFileContext context, YamlMap root)
    {
        var result = new Dictionary<TlsProfile, TlsProfileSpec>();
        root.CheckKeys("edition", "document", "profiles");
        var edition = root.RequiredString("edition");
        foreach (var row in root.Sequence("profiles"))
        {
            row.CheckKeys("name", "title", "source", "edition", "minVersion", "maxVersion", "fallback", "cipherSuites", "compatSuites", "tls13Suites", "certificates");
            var name = row.RequiredString("name");
            if (!Names.TryGetValue(name, out var profile)) { row.Report(DiagnosticIds.InvalidValue, $"unknown profile name '{name}'; expected one of {string.Join(", ", Names.Keys)}", "name"); continue; }
            var min = Version(row, "minVersion");
            var max = Version(row, "maxVersion");
            if (min != "1.2") row.Report(DiagnosticIds.InvalidValue, $"minVersion {min}: the runtime negotiates nothing below TLS 1.2 (list older versions under 'fallback')", "minVersion");
            var suites = Suites(row, "cipherSuites");
            var tls13 = Suites(row, "tls13Suites");
            if (suites.Count == 0) row.Report(DiagnosticIds.MissingKey, "a profile needs at least one cipher suite", "cipherSuites");
            if (max == "1.3" && tls13.Count == 0) row.Report(DiagnosticIds.InvalidValue, "maxVersion 1.3 needs tls13Suites", "tls13Suites");
            if (max != "1.3" && tls13.Count > 0) row.Report(DiagnosticIds.InvalidValue, "tls13Suites given but maxVersion is not 1.3", "tls13Suites");
            var minRsa = 0L;
            var minRsaSource = "";
            if (row.Mapping("certificates") is not { } certificates) row.Report(DiagnosticIds.MissingKey, "missing 'certificates' (minRsaKeyBits with its source)", "certificates");
            else
            {
                certificates.CheckKeys("minRsaKeyBits", "source", "edition");
                minRsa = certificates.RequiredInteger("minRsaKeyBits");
                minRsaSource = certificates.Citation(edition).ToString();
                if (minRsa < 1024) certificates.Report(DiagnosticIds.InvalidValue, $"minRsaKeyBits {minRsa} is below any profile's floor", "minRsaKeyBits");
            }
            var spec = new TlsProfileSpec(profile, name, row.RequiredString("title"), row.Citation(edition).ToString(), min, max,
                row.StringList("fallback"), suites, tls13, row.StringList("compatSuites"))
            { MinRsaKeyBits = (int)minRsa, MinRsaKeySource = minRsaSource };
            if (!result.TryAdd(profile, spec)) row.Report(DiagnosticIds.DuplicateName, $"profile {name} is defined twice", "name");
        }
        foreach (var missing in Names.Where(n => !result.ContainsKey(n.Value)))
            context.Report(DiagnosticIds.MissingKey, root.Node, $"profile {missing.Key} is missing");
        return result;
    }

    private static string Version(YamlMap row, string key)
    {
        var v = row.RequiredString(key);
        if (v is not ("1.2" or "1.3")) row.Report(DiagnosticIds.InvalidValue, $"{key} must be 1.2 or 1.3, got '{v}'", key);
        return v;
    }

    private static List<TlsCipherSuite> Suites(YamlMap row, string key)
    {
        var list = new List<TlsCipherSuite>();
        foreach (var name in row.StringList(key))
        {
            if (Enum.TryParse<TlsCipherSuite>(name, ignoreCase: false, out var suite) && name.StartsWith("TLS_", StringComparison.Ordinal)) list.Add(suite);
            else row.Report(DiagnosticIds.InvalidValue, $"'{name}' is not an IANA TLS cipher suite name", key);
        }
        return list;
    }
}
