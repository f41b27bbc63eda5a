using System.Diagnostics;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Reliability;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>dsg's TLS flags (PS3.15 B.1) against DCMTK's +tls, with certificates from a throw-away openssl CA:
/// dsg store into storescp, storescu into dsg scp (client certificate required), an untrusted server refused.</summary>
public class CliTlsInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>Starts dsg scp on a free port and reads the port from its "listening on port N" line.</summary>
    private static async Task<(Process Scp, string Port)> StartDsgScpAsync(params string[] args)
    {
        var scp = Dsg.Start(["scp", "0", "-aet", "CLISCP", .. args]);
        var line = await scp.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line == null || !line.Contains("listening on port"))
        {
            // Not started: it has exited (or will), so its error output ends.
            scp.Kill(entireProcessTree: true);
            Assert.Fail("dsg scp did not start: " + line + await scp.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        }
        var words = line!.Split(' ');
        return (scp, words[Array.IndexOf(words, "port") + 1].TrimEnd(','));
    }

    private static async Task StopAsync(Process scp)
    {
        scp.Kill(entireProcessTree: true);
        await scp.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        scp.Dispose();
    }

    [Fact]
    public async Task Dsg_echo_and_store_with_tls_into_storescp_tls_with_mutual_authentication()
    {
        var certs = TestCertificates.Create();
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        // storescp +tls requires a client certificate by default (DCMTK --require-peer-cert).
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "+tls", certs.Path("server.key"), certs.Path("server.crt"),
            "+cf", certs.Path("ca.crt"), "-aet", "STORESCP", "-od", received, port.ToString());
        var tls = new[] { "--tls", "--tls-cert", certs.Path("client.crt"), "--tls-key", certs.Path("client.key"), "--tls-ca", certs.Path("ca.crt") };

        var echo = await Dsg.RunAsync(Limit, ["echo", "-aec", "STORESCP", "127.0.0.1", port.ToString(), .. tls]);
        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.Contains("C-ECHO succeeded", echo.Output);

        var input = DcmtkFiles.TempDir();
        var files = await DcmtkFiles.CreateAsync(input, 2);
        var store = await Dsg.RunAsync(Limit, ["store", "-aec", "STORESCP", "127.0.0.1", port.ToString(), input, .. tls]);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Contains("stored 2 of 2 files", store.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));

        // Without our certificate storescp refuses the handshake: a network failure, exit 3, nothing more stored.
        var anonymous = await Dsg.RunAsync(Limit, "store", "-aec", "STORESCP", "127.0.0.1", port.ToString(), input, "--tls", "--tls-ca", certs.Path("ca.crt"));
        Assert.True(anonymous.ExitCode == 3, anonymous.Output);
        Assert.Equal(2, (await DcmtkFiles.SopInstanceUidsAsync(received)).Count);
    }

    [Fact]
    public async Task Storescu_tls_stores_into_dsg_scp_that_requires_a_client_certificate()
    {
        var certs = TestCertificates.Create();
        var archive = DcmtkFiles.TempDir("dsg-cli-tls-");
        var (scp, port) = await StartDsgScpAsync("-od", archive, "--tls", "--tls-cert", certs.Path("server.crt"), "--tls-key", certs.Path("server.key"),
            "--tls-ca", certs.Path("ca.crt"), "--tls-require-peer-cert");
        try
        {
            var input = DcmtkFiles.TempDir();
            var files = await DcmtkFiles.CreateAsync(input, 2);
            var store = await Dcmtk.RunAsync("storescu", Limit, "+tls", certs.Path("client.key"), certs.Path("client.crt"), "+cf", certs.Path("ca.crt"),
                "-aec", "CLISCP", "+sd", "127.0.0.1", port, input);
            Assert.True(store.ExitCode == 0, store.Output);
            Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(archive));

            // storescu +tla sends no certificate: the SCP refuses the handshake and stores nothing more.
            var other = DcmtkFiles.TempDir();
            await DcmtkFiles.CreateAsync(other, 1, "OTHER1");
            var anonymous = await Dcmtk.RunAsync("storescu", Limit, "+tla", "+cf", certs.Path("ca.crt"), "-aec", "CLISCP", "+sd", "127.0.0.1", port, other);
            Assert.NotEqual(0, anonymous.ExitCode);
            Assert.Equal(2, (await DcmtkFiles.SopInstanceUidsAsync(archive)).Count);

            // And the SCP keeps serving: our own SCU over TLS echoes.
            var echo = await Dsg.RunAsync(Limit, "echo", "-aec", "CLISCP", "127.0.0.1", port, "--tls", "--tls-cert", certs.Path("client.crt"),
                "--tls-key", certs.Path("client.key"), "--tls-ca", certs.Path("ca.crt"));
            Assert.True(echo.ExitCode == 0, echo.Output);
        }
        finally
        {
            await StopAsync(scp);
        }
    }

    [Fact]
    public async Task An_untrusted_server_certificate_exits_3_unless_verification_is_explicitly_off()
    {
        var certs = TestCertificates.Create();
        var (scp, port) = await StartDsgScpAsync("-od", DcmtkFiles.TempDir("dsg-cli-tls-"), "--tls", "--tls-cert", certs.Path("rogue.crt"), "--tls-key", certs.Path("rogue.key"));
        try
        {
            var refused = await Dsg.RunAsync(Limit, "echo", "-aec", "CLISCP", "127.0.0.1", port, "--tls", "--tls-ca", certs.Path("ca.crt"));
            Assert.True(refused.ExitCode == 3, refused.Output);
            Assert.Contains("certificate", refused.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("C-ECHO succeeded", refused.Output);

            var unverified = await Dsg.RunAsync(Limit, "echo", "-aec", "CLISCP", "127.0.0.1", port, "--tls", "--tls-no-verify");
            Assert.True(unverified.ExitCode == 0, unverified.Output);
            Assert.Contains("NOT verified", unverified.Output);
            Assert.Contains("C-ECHO succeeded", unverified.Output);
        }
        finally
        {
            await StopAsync(scp);
        }
    }

    [Fact]
    public async Task Unusable_tls_flags_exit_4_before_connecting()
    {
        var certs = TestCertificates.Create();
        var missing = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", Dcmtk.FreePort().ToString(), "--tls", "--tls-cert", certs.Path("nope.crt"), "--tls-key", certs.Path("client.key"));
        Assert.True(missing.ExitCode == 4, missing.Output);
        Assert.Contains("nope.crt", missing.Output);

        // A key that does not belong to the certificate.
        var mismatched = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", Dcmtk.FreePort().ToString(), "--tls", "--tls-cert", certs.Path("client.crt"), "--tls-key", certs.Path("server.key"));
        Assert.True(mismatched.ExitCode == 4, mismatched.Output);

        var noCert = await Dsg.RunAsync(Limit, "scp", "0", "-od", DcmtkFiles.TempDir("dsg-cli-tls-"), "--tls");
        Assert.True(noCert.ExitCode == 4, noCert.Output);
        Assert.Contains("--tls-cert", noCert.Output);

        var withoutTls = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", Dcmtk.FreePort().ToString(), "--tls-ca", certs.Path("ca.crt"));
        Assert.True(withoutTls.ExitCode == 4, withoutTls.Output);
    }
}
