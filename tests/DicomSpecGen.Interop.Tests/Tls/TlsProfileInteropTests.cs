using System.Collections.Concurrent;
using System.Diagnostics;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Reliability;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Tls;

/// <summary>The BCP 195 TLS profiles (PS3.15 B.9-B.11, --tls-profile) against real TLS peers: DCMTK 3.6.7
/// storescp/storescu with +px/+py/+pz, and openssl s_client/s_server as clients and servers that offer what a
/// profile must refuse (TLS 1.1, TLS 1.3 under the extended profile, ChaCha20 suites).</summary>
public class TlsProfileInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static string[] ClientTls(TestCertificates certs) =>
        ["--tls", "--tls-cert", certs.Path("client.crt"), "--tls-key", certs.Path("client.key"), "--tls-ca", certs.Path("ca.crt")];

    /// <summary>dsg scp on a free port; its standard output (where the log goes) is collected line by line.</summary>
    private sealed class DsgScp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly BlockingCollection<string> _lines = new();
        public string Port { get; private set; } = "";

        private DsgScp(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => { if (e.Data != null) _lines.Add(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data != null) _lines.Add(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public static async Task<DsgScp> StartAsync(params string[] args)
        {
            var scp = new DsgScp(Dsg.Start(["scp", "0", "-aet", "TLSSCP", "-od", DcmtkFiles.TempDir("dsg-tls-profile-"), .. args]));
            string line;
            try
            {
                line = await scp.WaitForLineAsync("listening on port", TimeSpan.FromSeconds(30));
            }
            catch
            {
                await scp.DisposeAsync();
                throw;
            }
            var words = line.Split(' ');
            scp.Port = words[Array.IndexOf(words, "port") + 1].TrimEnd(',');
            return scp;
        }

        /// <summary>The next output line containing <paramref name="text"/>; fails with everything read when none comes in time.</summary>
        public Task<string> WaitForLineAsync(string text, TimeSpan timeout) => Task.Run(() => WaitForLine(text, timeout));

        private string WaitForLine(string text, TimeSpan timeout)
        {
            var seen = new List<string>();
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (_lines.TryTake(out var line, 200))
                {
                    seen.Add(line);
                    if (line.Contains(text, StringComparison.Ordinal)) return line;
                }
                else if (_process.HasExited && _lines.Count == 0) break;
            }
            throw new Xunit.Sdk.XunitException($"dsg scp printed no line with '{text}' within {timeout}; it printed:\n{string.Join('\n', seen)}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            _process.Dispose();
        }
    }

    /// <summary>Runs openssl s_client against 127.0.0.1:port with the given version/suite flags and returns its
    /// output; the handshake result is in the "Cipher is" line ("(NONE)" when it failed).</summary>
    private static async Task<string> SClientAsync(string port, params string[] flags)
    {
        var info = new ProcessStartInfo(OpenSslPath()) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["s_client", "-connect", "127.0.0.1:" + port, .. flags]) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.StandardInput.Close(); // s_client ends after the handshake when its input ends
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { p.Kill(); throw new TimeoutException("openssl s_client " + string.Join(' ', flags)); }
        return await output + await error;
    }

    private static string OpenSslPath() => File.Exists("/usr/bin/openssl") ? "/usr/bin/openssl"
        : throw new InvalidOperationException("openssl is not installed (apt-get install -y openssl)");

    private static bool Handshook(string sClientOutput) => sClientOutput.Contains("Cipher is ") && !sClientOutput.Contains("Cipher is (NONE)");

    [Theory]
    [InlineData("+px", "bcp195")]
    [InlineData("+py", "bcp195-nd")]
    [InlineData("+pz", "bcp195-ex")]
    [SpecRow("PS3.15 B.9")]
    [SpecRow("PS3.15 B.10")]
    [SpecRow("PS3.15 B.11")]
    public async Task Dsg_store_with_each_profile_stores_into_storescp_with_the_same_dcmtk_profile(string dcmtkProfile, string profile)
    {
        var certs = TestCertificates.Create();
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "+tls", certs.Path("server.key"), certs.Path("server.crt"),
            "+cf", certs.Path("ca.crt"), dcmtkProfile, "-aet", "STORESCP", "-od", received, port.ToString());
        var input = DcmtkFiles.TempDir();
        var files = await DcmtkFiles.CreateAsync(input, 2);
        var store = await Dsg.RunAsync(Limit, ["store", "-aec", "STORESCP", "127.0.0.1", port.ToString(), input, .. ClientTls(certs), "--tls-profile", profile]);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Contains("stored 2 of 2 files", store.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    [Theory]
    [InlineData("+px")]
    [InlineData("+py")]
    [InlineData("+pz")]
    [SpecRow("PS3.15 B.10")]
    public async Task Storescu_with_each_dcmtk_profile_stores_into_dsg_scp_with_the_default_profile(string dcmtkProfile)
    {
        var certs = TestCertificates.Create();
        await using var scp = await DsgScp.StartAsync("--tls", "--tls-cert", certs.Path("server.crt"), "--tls-key", certs.Path("server.key"),
            "--tls-ca", certs.Path("ca.crt"), "--tls-require-peer-cert");
        var input = DcmtkFiles.TempDir();
        await DcmtkFiles.CreateAsync(input, 2);
        var store = await Dcmtk.RunAsync("storescu", Limit, "+tls", certs.Path("client.key"), certs.Path("client.crt"), "+cf", certs.Path("ca.crt"),
            dcmtkProfile, "-aec", "TLSSCP", "+sd", "127.0.0.1", scp.Port, input);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.DoesNotContain("E:", store.Output);
    }

    [Fact]
    [SpecRow("PS3.15 B.10")]
    public async Task Dsg_scp_refuses_tls_1_1_and_suites_outside_the_profile_and_logs_why()
    {
        var certs = TestCertificates.Create();
        await using var scp = await DsgScp.StartAsync("--tls", "--tls-cert", certs.Path("server.crt"), "--tls-key", certs.Path("server.key"));

        // A TLS 1.1 client: no handshake, and our log names the profile and OpenSSL's reason.
        var tls11 = await SClientAsync(scp.Port, "-tls1_1", "-cipher", "ALL@SECLEVEL=0");
        Assert.False(Handshook(tls11), tls11);
        var logged = await scp.WaitForLineAsync("TLS handshake", TimeSpan.FromSeconds(15));
        Assert.Contains("PS3.15 B.10", logged);
        Assert.Contains("Non-downgrading BCP 195", logged);
        Assert.Contains("unsupported protocol", logged);

        // Suites the profile does not name are refused in TLS 1.2 and in TLS 1.3 (ChaCha20 is in OpenSSL's defaults).
        var chacha12 = await SClientAsync(scp.Port, "-tls1_2", "-cipher", "ECDHE-RSA-CHACHA20-POLY1305");
        Assert.False(Handshook(chacha12), chacha12);
        var chacha13 = await SClientAsync(scp.Port, "-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256");
        Assert.False(Handshook(chacha13), chacha13);

        // The profile's own suites are served, in TLS 1.2 and 1.3.
        var gcm12 = await SClientAsync(scp.Port, "-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384");
        Assert.True(Handshook(gcm12), gcm12);
        Assert.Contains("ECDHE-RSA-AES256-GCM-SHA384", gcm12);
        var gcm13 = await SClientAsync(scp.Port, "-tls1_3");
        Assert.True(Handshook(gcm13), gcm13);
        Assert.Contains("TLSv1.3", gcm13);
    }

    [Fact]
    [SpecRow("PS3.15 B.11")]
    public async Task Dsg_scp_with_the_extended_profile_refuses_tls_1_3()
    {
        var certs = TestCertificates.Create();
        await using var scp = await DsgScp.StartAsync("--tls", "--tls-cert", certs.Path("server.crt"), "--tls-key", certs.Path("server.key"), "--tls-profile", "bcp195-ex");
        var tls13 = await SClientAsync(scp.Port, "-tls1_3");
        Assert.False(Handshook(tls13), tls13);
        Assert.Contains("PS3.15 B.11", await scp.WaitForLineAsync("TLS handshake", TimeSpan.FromSeconds(15)));
        var tls12 = await SClientAsync(scp.Port, "-tls1_2");
        Assert.True(Handshook(tls12), tls12);
        Assert.Contains("GCM", tls12);
    }

    [Fact]
    [SpecRow("PS3.15 B.10")]
    public async Task Dsg_echo_refuses_a_server_that_offers_only_tls_1_1()
    {
        var certs = TestCertificates.Create();
        // A real TLS 1.1 server (OpenSSL allows 1.1 only at security level 0).
        var (server, port) = await StartSServerAsync("-tls1_1", "-cipher", "ALL@SECLEVEL=0", "-cert", certs.Path("server.crt"), "-key", certs.Path("server.key"));
        using var _ = server;
        try
        {
            // The server really speaks TLS 1.1 to a client that allows it.
            var probe = await SClientAsync(port.ToString(), "-tls1_1", "-cipher", "ALL@SECLEVEL=0");
            Assert.Contains("Protocol  : TLSv1.1", probe);
            Assert.True(Handshook(probe), probe);

            foreach (var profile in new[] { "bcp195-nd", "bcp195" })
            {
                var echo = await Dsg.RunAsync(Limit, ["echo", "-aec", "ANY", "127.0.0.1", port.ToString(), "--tls", "--tls-ca", certs.Path("ca.crt"), "--tls-profile", profile]);
                Assert.True(echo.ExitCode == 3, echo.Output);
                Assert.Contains("TLS handshake with the server", echo.Output);
                Assert.Contains(profile == "bcp195" ? "PS3.15 B.9" : "PS3.15 B.10", echo.Output);
                Assert.DoesNotContain("C-ECHO succeeded", echo.Output);
            }
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Starts openssl s_server with the given flags on a free port; its input stays open so it keeps serving.</summary>
    private static async Task<(Process Server, int Port)> StartSServerAsync(params string[] flags)
    {
        var port = Dcmtk.FreePort();
        var info = new ProcessStartInfo(OpenSslPath()) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["s_server", .. flags, "-accept", port.ToString()]) info.ArgumentList.Add(a);
        var server = Process.Start(info)!;
        var ready = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
        for (var i = 0; ready != null && !ready.Contains("ACCEPT") && i < 5; i++) ready = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(15));
        if (ready?.Contains("ACCEPT") != true)
        {
            server.Kill();
            throw new InvalidOperationException("openssl s_server did not start: " + ready + await server.StandardError.ReadToEndAsync());
        }
        return (server, port);
    }

    private static void OpenSsl(string dir, params string[] args)
    {
        var info = new ProcessStartInfo(OpenSslPath()) { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(30_000)) { p.Kill(); throw new TimeoutException("openssl " + string.Join(' ', args)); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"openssl {string.Join(' ', args)}: {err.Result}");
    }

    [Fact]
    [SpecRow("PS3.15 B.10")]
    public async Task Dsg_echo_refuses_a_trusted_server_certificate_with_a_1024_bit_rsa_key()
    {
        var certs = TestCertificates.Create();
        // A server certificate from the trusted CA, valid in every way but its 1024-bit key.
        OpenSsl(certs.Folder, "req", "-newkey", "rsa:1024", "-nodes", "-keyout", "weak.key", "-out", "weak.csr", "-subj", "/CN=localhost");
        OpenSsl(certs.Folder, "x509", "-req", "-in", "weak.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "weak.crt", "-days", "2", "-extfile", "server.ext");
        // OpenSSL's own security level would refuse to serve a 1024-bit key; level 0 lets the server offer it.
        var (server, port) = await StartSServerAsync("-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0", "-cert", certs.Path("weak.crt"), "-key", certs.Path("weak.key"));
        using var _ = server;
        try
        {
            var echo = await Dsg.RunAsync(Limit, ["echo", "-aec", "ANY", "127.0.0.1", port.ToString(), "--tls", "--tls-ca", certs.Path("ca.crt")]);
            Assert.True(echo.ExitCode == 3, echo.Output);
            Assert.Contains("1024-bit RSA key", echo.Output);
            Assert.Contains("RFC 7525 section 4.3", echo.Output);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task An_unknown_profile_or_a_profile_without_tls_exits_4()
    {
        var unknown = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", Dcmtk.FreePort().ToString(), "--tls", "--tls-no-verify", "--tls-profile", "basic");
        Assert.True(unknown.ExitCode == 4, unknown.Output);
        Assert.Contains("bcp195-nd (PS3.15 B.10", unknown.Output);
        var withoutTls = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", Dcmtk.FreePort().ToString(), "--tls-profile", "bcp195");
        Assert.True(withoutTls.ExitCode == 4, withoutTls.Output);
        Assert.Contains("need --tls", withoutTls.Output);
    }
}
