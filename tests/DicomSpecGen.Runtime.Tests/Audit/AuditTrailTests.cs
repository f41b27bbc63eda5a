using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DicomSpecGen.Audit;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Audit;

/// <summary>The queue in front of the sinks (never blocks, counts drops and failures), the sinks' framing (RFC 5424
/// header, RFC 5425 octet counting over TCP and TLS, lines in a file), --audit parsing and the spec file's loader.</summary>
public class AuditTrailTests
{
    private static readonly AuditEvents Events = new(new AuditIdentity("DSGSCP"));
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>A sink that waits until released, to fill the queue.</summary>
    private sealed class StuckSink : IAuditSink
    {
        public readonly TaskCompletionSource Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Written;

        public async Task WriteAsync(AuditMessage message, CancellationToken cancellationToken)
        {
            await Release.Task.WaitAsync(cancellationToken);
            Interlocked.Increment(ref Written);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class FailingSink : IAuditSink
    {
        public Task WriteAsync(AuditMessage message, CancellationToken cancellationToken) => throw new IOException("collector down");

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_full_queue_drops_and_counts_without_waiting()
    {
        var sink = new StuckSink();
        var trail = new AuditTrail(sink, Events, new AuditTrailOptions { Capacity = 4, SendTimeout = TimeSpan.FromSeconds(30) });
        var message = Events.ApplicationActivity(true);
        var posted = Enumerable.Range(0, 20).Count(_ => trail.Post(message));
        // One is being written (taken off the queue), four wait: the rest are dropped at once.
        Assert.InRange(posted, 4, 5);
        Assert.Equal(20 - posted, trail.Dropped);
        sink.Release.SetResult();
        await trail.DisposeAsync().AsTask().WaitAsync(Limit);
        Assert.Equal(posted, sink.Written);
        Assert.Equal(posted, trail.Sent);
    }

    [Fact]
    public async Task A_failing_sink_or_builder_is_counted_and_never_throws_to_the_caller()
    {
        var trail = new AuditTrail(new FailingSink(), Events);
        Assert.True(trail.Post(Events.ApplicationActivity(true)));
        Assert.True(trail.Post(_ => throw new InvalidOperationException("builder broke")));
        // Built on the caller's side (DICOM traffic): the exception stays here, counted.
        Assert.False(trail.TryPost(() => throw new InvalidOperationException("builder broke")));
        await trail.DisposeAsync().AsTask().WaitAsync(Limit);
        Assert.Equal(3, trail.Failed);
        Assert.Equal(0, trail.Sent);
    }

    [Fact]
    public async Task A_sink_that_never_answers_is_bounded_by_the_send_timeout()
    {
        var sink = new StuckSink();
        var trail = new AuditTrail(sink, Events, new AuditTrailOptions { SendTimeout = TimeSpan.FromMilliseconds(200), DrainTimeout = TimeSpan.FromSeconds(10) });
        trail.Post(Events.ApplicationActivity(true));
        trail.Post(Events.ApplicationActivity(false));
        await trail.DisposeAsync().AsTask().WaitAsync(Limit);
        Assert.Equal(2, trail.Failed);
    }

    [Fact]
    public async Task The_file_sink_writes_one_syslog_line_per_message()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dsg-audit-").FullName, "audit.log");
        await using (var trail = new AuditTrail(AuditDestination.Parse("file:" + path).CreateSink("dsg"), Events))
        {
            trail.Post(Events.ApplicationActivity(true));
            trail.Post(Events.NodeAuthenticationFailure("10.1.2.3:5", "refused", serious: false));
        }
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2, lines.Length);
        // PRI = facility 10 * 8 + severity 5; VERSION 1; MSGID of IHE ITI-20; no structured data.
        Assert.All(lines, l => Assert.Matches(@"^<85>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \S+ dsg \d+ IHE\+RFC-3881 - <AuditMessage>", l));
        Assert.Empty(AuditSchema.Errors(lines[1][lines[1].IndexOf("<AuditMessage>", StringComparison.Ordinal)..]));
        Assert.Contains("110113", lines[1]);
    }

    private static async Task<List<string>> ReadOctetCountedAsync(Stream stream, int count)
    {
        var messages = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var length = 0;
            int b;
            while ((b = stream.ReadByte()) != ' ')
            {
                Assert.InRange(b, '0', '9');
                length = length * 10 + (b - '0');
            }
            var body = new byte[length];
            await stream.ReadExactlyAsync(body);
            messages.Add(Encoding.UTF8.GetString(body));
        }
        return messages;
    }

    [Fact]
    public async Task The_tcp_sink_frames_by_octet_counting()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var trail = new AuditTrail(AuditDestination.Parse($"tcp://127.0.0.1:{port}").CreateSink("dsg"), Events);
        trail.Post(Events.ApplicationActivity(true));
        trail.Post(Events.ApplicationActivity(false));
        using var client = await listener.AcceptTcpClientAsync().WaitAsync(Limit);
        var messages = await ReadOctetCountedAsync(client.GetStream(), 2).WaitAsync(Limit);
        await trail.DisposeAsync();
        Assert.Contains("110120", messages[0]);
        Assert.Contains("110121", messages[1]);
        // The MSG is UTF-8 with a BOM (RFC 5424 6.4).
        Assert.Contains("- \uFEFF<AuditMessage>", messages[0]);
    }

    [Fact]
    public async Task The_tls_sink_authenticates_the_collector_and_frames_by_octet_counting()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var cert = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
        var dir = Directory.CreateTempSubdirectory("dsg-audit-tls-").FullName;
        var ca = Path.Combine(dir, "ca.pem");
        await File.WriteAllTextAsync(ca, cert.ExportCertificatePem());

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var trail = new AuditTrail(AuditDestination.Parse($"tls://127.0.0.1:{port}?ca={Uri.EscapeDataString(ca)}").CreateSink("dsg"), Events);
        trail.Post(Events.ApplicationActivity(true));
        using var client = await listener.AcceptTcpClientAsync().WaitAsync(Limit);
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = cert }).WaitAsync(Limit);
        var messages = await ReadOctetCountedAsync(tls, 1).WaitAsync(Limit);
        await trail.DisposeAsync();
        Assert.Contains("110120", messages[0]);
        Assert.Equal(1, trail.Sent);
    }

    [Fact]
    public async Task A_tls_collector_with_an_untrusted_certificate_gets_nothing()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var cert = X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        // No ?ca=: the system store, which does not hold this self-signed certificate.
        var trail = new AuditTrail(AuditDestination.Parse($"tls://127.0.0.1:{port}").CreateSink("dsg"), Events);
        trail.Post(Events.ApplicationActivity(true));
        using var client = await listener.AcceptTcpClientAsync().WaitAsync(Limit);
        await using var tls = new SslStream(client.GetStream());
        // Under TLS 1.3 the server's side of the handshake may complete before the client refuses the certificate.
        try { await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = cert }).WaitAsync(Limit); } catch (Exception e) when (e is IOException or System.Security.Authentication.AuthenticationException) { }
        await trail.DisposeAsync();
        Assert.Equal(1, trail.Failed);
        Assert.Equal(0, trail.Sent);
    }

    [Theory]
    [InlineData("udp://127.0.0.1:514", "udp", "127.0.0.1", 514)]
    [InlineData("tcp://collector:601", "tcp", "collector", 601)]
    [InlineData("tls://collector:6514?ca=%2Fetc%2Fca.pem", "tls", "collector", 6514)]
    public void Destinations_parse(string text, string scheme, string host, int port)
    {
        var d = AuditDestination.Parse(text);
        Assert.Equal((scheme, host, port), (d.Scheme, d.Host, d.Port));
        if (scheme == "tls") Assert.Equal("/etc/ca.pem", d.CaFile);
    }

    [Theory]
    [InlineData("syslog://x:1")]
    [InlineData("udp://x")]
    [InlineData("file:")]
    [InlineData("tcp://x:1?ca=y")]
    public void Bad_destinations_are_refused(string text)
        => Assert.Throws<AuditDestinationException>(() => AuditDestination.Parse(text));

    [Fact]
    public void File_destination_keeps_its_path()
        => Assert.Equal("/tmp/a b.log", AuditDestination.Parse("file:/tmp/a b.log").Path);

    [Fact]
    [SpecRow("PS3.15 A.5.3.1")]
    public void The_spec_file_gives_the_codes()
    {
        var spec = AuditSpec.Current;
        Assert.Equal("110104", spec.Event("instances-transferred").Id.Code);
        Assert.Equal(["C", "R", "U"], spec.Event("instances-transferred").Actions);
        Assert.Equal(["110122", "110123"], spec.Event("user-authentication").TypeCodes.Select(c => c.Code));
        Assert.Equal("12", spec.Value("EventOutcomeIndicator", "major-failure"));
        Assert.Equal((10, 5, "IHE+RFC-3881"), (spec.SyslogFacility, spec.SyslogSeverity, spec.SyslogMsgId));
    }

    [Fact]
    public void The_loader_names_each_problem_of_a_broken_file()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot(), "spec", "part15", "audit.yaml"));
        var broken = text.Replace("typeCodes: [login, logout]", "typeCodes: [login, logoff]")
            .Replace("actions: [C, R, U]", "actions: [C, R, X]")
            .Replace("{ name: query, code: \"110112\",", "{ name: query, cod: \"110112\",");
        var e = Assert.Throws<AuditSpecException>(() => AuditSpec.Parse(broken));
        Assert.Contains("'logoff' is not a code", e.Message);
        Assert.Contains("EventActionCode 'X'", e.Message);
        Assert.Contains("unknown key 'cod'", e.Message);
        Assert.Contains("audit.yaml", e.Message);
    }
}
