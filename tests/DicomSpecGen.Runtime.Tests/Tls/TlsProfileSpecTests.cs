using System.Net.Security;
using System.Security.Authentication;
using DicomSpecGen.Traceability;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Tls;

/// <summary>spec/part15/tls-profiles.yaml as the runtime reads it (embedded resource): the versions and suites of
/// PS3.15 B.9-B.11, and the loader's errors for a malformed row.</summary>
public class TlsProfileSpecTests
{
    private static readonly TlsCipherSuite[] Bcp195Required =
    [
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TlsCipherSuite.TLS_DHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TlsCipherSuite.TLS_DHE_RSA_WITH_AES_256_GCM_SHA384,
    ];

    [Fact]
    [SpecRow("PS3.15 B.9")]
    [SpecRow("PS3.15 B.10")]
    [SpecRow("PS3.15 B.11")]
    public void The_three_profiles_carry_their_versions_and_suites()
    {
        var nd = TlsProfiles.Get(TlsProfile.Bcp195NonDowngrading);
        Assert.Equal("bcp195-nd", nd.Name);
        Assert.StartsWith("PS3.15 B.10", nd.Source);
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, nd.Protocols);
        Assert.Equal(Bcp195Required, nd.CipherSuites);
        Assert.Empty(nd.Fallback);
        Assert.Equal(2048, nd.MinRsaKeyBits);
        Assert.Contains("RFC 7525 section 4.3", nd.MinRsaKeySource);

        var b9 = TlsProfiles.Get(TlsProfile.Bcp195);
        Assert.StartsWith("PS3.15 B.9", b9.Source);
        Assert.Equal(Bcp195Required, b9.CipherSuites);
        Assert.Equal(["1.0", "1.1"], b9.Fallback);
        Assert.Contains("TLS_RSA_WITH_AES_128_CBC_SHA", b9.CompatSuites);
        // The fallback and compatibility suites are data only: never handed to the handshake.
        Assert.DoesNotContain(b9.AllowedSuites, s => s.ToString().Contains("CBC"));
        Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, b9.Protocols);

        var ex = TlsProfiles.Get(TlsProfile.Bcp195Extended);
        Assert.StartsWith("PS3.15 B.11", ex.Source);
        Assert.Equal(SslProtocols.Tls12, ex.Protocols);
        Assert.Empty(ex.Tls13Suites);
        Assert.Equal(6, ex.CipherSuites.Count);
        Assert.Contains(TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, ex.CipherSuites);
    }

    [Fact]
    public void The_default_profile_of_tls_options_is_the_non_downgrading_one()
        => Assert.Equal(TlsProfile.Bcp195NonDowngrading, new TlsOptions().Profile);

    [Theory]
    [InlineData("bcp195", TlsProfile.Bcp195)]
    [InlineData("BCP195-ND", TlsProfile.Bcp195NonDowngrading)]
    [InlineData("bcp195-ex", TlsProfile.Bcp195Extended)]
    public void Profile_names_parse(string name, TlsProfile expected)
    {
        Assert.True(TlsProfiles.TryParse(name, out var profile));
        Assert.Equal(expected, profile);
        Assert.False(TlsProfiles.TryParse("basic", out _));
    }

    private const string Header = "edition: \"2021b\"\ndocument: PS3.15\nprofiles:\n";
    private const string Others =
        "  - { name: bcp195, title: t, source: \"PS3.15 B.9\", minVersion: \"1.2\", maxVersion: \"1.2\", cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], certificates: { minRsaKeyBits: 2048, source: \"BCP 195\" } }\n" +
        "  - { name: bcp195-ex, title: t, source: \"PS3.15 B.11\", minVersion: \"1.2\", maxVersion: \"1.2\", cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], certificates: { minRsaKeyBits: 2048, source: \"BCP 195\" } }\n";

    [Fact]
    public void An_unknown_suite_name_is_reported_with_file_and_line()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TlsProfiles.Parse(Header + Others +
            "  - { name: bcp195-nd, title: t, source: \"PS3.15 B.10\", minVersion: \"1.2\", maxVersion: \"1.2\", cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA999] }\n"));
        Assert.Contains("spec/part15/tls-profiles.yaml", e.Message);
        Assert.Contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA999", e.Message);
    }

    [Fact]
    public void A_minimum_below_tls_1_2_a_missing_profile_and_a_missing_citation_are_errors()
    {
        var low = Assert.Throws<InvalidOperationException>(() => TlsProfiles.Parse(Header + Others +
            "  - { name: bcp195-nd, title: t, source: \"PS3.15 B.10\", minVersion: \"1.1\", maxVersion: \"1.2\", cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], certificates: { minRsaKeyBits: 2048, source: \"BCP 195\" } }\n"));
        Assert.Contains("minVersion", low.Message);

        var missing = Assert.Throws<InvalidOperationException>(() => TlsProfiles.Parse(Header + Others));
        Assert.Contains("bcp195-nd is missing", missing.Message);

        var uncited = Assert.Throws<InvalidOperationException>(() => TlsProfiles.Parse(Header + Others +
            "  - { name: bcp195-nd, title: t, minVersion: \"1.2\", maxVersion: \"1.2\", cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], certificates: { minRsaKeyBits: 2048, source: \"BCP 195\" } }\n"));
        Assert.Contains("source", uncited.Message);

        var good = TlsProfiles.Parse(Header + Others +
            "  - { name: bcp195-nd, title: t, source: \"PS3.15 B.10\", minVersion: \"1.2\", maxVersion: \"1.2\", cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256], certificates: { minRsaKeyBits: 2048, source: \"BCP 195\" } }\n");
        Assert.Equal(3, good.Count);
    }
}
