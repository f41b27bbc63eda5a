using System.Diagnostics;
using System.Text;
using System.Xml.Linq;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Reliability;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Audit;

/// <summary>The audit trail end to end (PS3.15 A.5 messages as RFC 5424 syslog): DCMTK talks to `dsg scp --audit`, a
/// real rsyslogd receives over UDP (RFC 5426) or TCP with octet counting (RFC 5425 framing), and every message that
/// arrives is valid under the A.5.1.1 schema; the file sink alike.</summary>
public class AuditRsyslogInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>`dsg scp` run so that it can be stopped with SIGTERM (the way an operator stops it), which is when it
    /// sends Application Stop.</summary>
    private sealed class AuditedScp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _pumps;

        public AuditedScp(int port, string folder, params string[] args)
        {
            Port = port;
            _process = Dsg.Start(["scp", port.ToString(), "--bind", "127.0.0.1", "-od", folder, "-v", .. args]);
            _pumps = Task.WhenAll(PumpAsync(_process.StandardOutput), PumpAsync(_process.StandardError));
        }

        public int Port { get; }

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        private async Task PumpAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_output) _output.AppendLine(line);
                if (line.Contains("listening on port", StringComparison.Ordinal)) _listening.TrySetResult();
            }
        }

        public Task ListeningAsync() => _listening.Task.WaitAsync(Limit);

        /// <summary>SIGTERM, then the exit (bounded).</summary>
        public async Task StopAsync()
        {
            var kill = await PeerProcess.RunAsync("/bin/kill", TimeSpan.FromSeconds(10), "-TERM", _process.Id.ToString());
            Assert.True(kill.ExitCode == 0, kill.ToString());
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _pumps.WaitAsync(TimeSpan.FromSeconds(10));
        }

        public async ValueTask DisposeAsync()
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            _process.Dispose();
        }
    }

    private static List<XElement> Messages(IEnumerable<string> lines) => lines.Select(AuditXml.Parse).ToList();

    [Fact]
    [SpecRow("PS3.15 A.5.3.1")]
    [SpecRow("PS3.15 A.5.3.3")]
    [SpecRow("PS3.15 A.5.3.7")]
    [SpecRow("PS3.15 A.5.3.10")]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task Storescu_findscu_getscu_and_a_refused_association_reach_rsyslog_over_udp()
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        using var dir = new TempDir("dsg-audit-");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2, patientId: "AUDIT1");
        await using var scp = new AuditedScp(Dcmtk.FreePort(), Path.Combine(dir.Path, "archive"), "--allow", "DCMTKSCU", "--audit", $"udp://127.0.0.1:{rsyslog.UdpPort}");
        await scp.ListeningAsync();
        var port = scp.Port.ToString();

        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", port, files[0].Path, files[1].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        var refused = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "STRANGER", "-aec", "DSGSCP", "127.0.0.1", port);
        Assert.Contains("Calling AE Title Not Recognized", refused.Output);
        var find = await Dcmtk.RunAsync("findscu", Limit, "-S", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=AUDIT1", "-k", "StudyInstanceUID", "127.0.0.1", port);
        Assert.True(find.ExitCode == 0, find.Output);
        using var retrieved = new TempDir("dsg-audit-get-");
        var get = await Dcmtk.RunAsync("getscu", Limit, "-S", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "-od", retrieved.Path, "-k", "QueryRetrieveLevel=STUDY",
            "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", port);
        Assert.True(get.ExitCode == 0, get.Output);
        await scp.StopAsync();

        // Start, 2 × Instances Transferred (received), Security Alert, Query, Begin Transferring and Instances
        // Transferred (sent) for the C-GET, Stop.
        var lines = await rsyslog.WaitForAsync(l => l.Count >= 8 && l.Any(x => x.Contains("110121", StringComparison.Ordinal)), Limit);
        Assert.All(lines, l => Assert.StartsWith("<85>1 ", l));
        var messages = Messages(lines);
        Assert.Equal(["110100", "110100", "110102", "110104", "110104", "110104", "110112", "110113"], messages.Select(AuditXml.EventId).Order());
        Assert.Equal("110120", AuditXml.EventType(messages[0]));
        Assert.Equal("110121", AuditXml.EventType(messages[^1]));

        var transferred = messages.Where(m => AuditXml.EventId(m) == "110104" && m.Elements("ActiveParticipant").First().Attribute("UserID")!.Value == "DCMTKSCU").ToList();
        Assert.Equal(2, transferred.Count);
        Assert.All(transferred, m =>
        {
            Assert.Equal([files[0].StudyUid, "AUDIT1"], AuditXml.ObjectIds(m));
            Assert.Equal("DCMTKSCU", m.Elements("ActiveParticipant").First().Attribute("UserID")!.Value);
            Assert.Equal("127.0.0.1", m.Elements("ActiveParticipant").First().Attribute("NetworkAccessPointID")!.Value);
            Assert.Equal("0", AuditXml.Outcome(m));
        });

        var alert = messages.Single(m => AuditXml.EventId(m) == "110113");
        Assert.Equal("110126", AuditXml.EventType(alert));
        Assert.Equal(["127.0.0.1"], AuditXml.ObjectIds(alert));
        Assert.Contains("STRANGER", alert.Element("EventIdentification")!.Element("EventOutcomeDescription")!.Value);

        var query = messages.Single(m => AuditXml.EventId(m) == "110112");
        Assert.Equal(["1.2.840.10008.5.1.4.1.2.2.1"], AuditXml.ObjectIds(query));
        var begin = messages.Single(m => AuditXml.EventId(m) == "110102");
        Assert.Equal([files[0].StudyUid, "AUDIT1"], AuditXml.ObjectIds(begin));
        Assert.Equal("DCMTKSCU", begin.Elements("ActiveParticipant").Last().Attribute("UserID")!.Value);
        // After the sub-operations: we the source, the C-GET requestor the destination, both instances of the study.
        var sent = messages.Single(m => AuditXml.EventId(m) == "110104" && m.Elements("ActiveParticipant").First().Attribute("AlternativeUserID")!.Value == "AETITLES=DSGSCP");
        Assert.Equal(["110153", "110152"], AuditXml.Roles(sent));
        Assert.Equal("DCMTKSCU", sent.Elements("ActiveParticipant").Last().Attribute("UserID")!.Value);
        Assert.Equal("true", sent.Elements("ActiveParticipant").Last().Attribute("UserIsRequestor")!.Value);
        Assert.Equal([files[0].StudyUid, "AUDIT1"], AuditXml.ObjectIds(sent));
        Assert.Equal("0", AuditXml.Outcome(sent));
        Assert.Contains("audit: 8 message(s) sent, 0 dropped", scp.Output);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.7")]
    public async Task Dsg_store_reports_what_it_sent_to_rsyslog_over_tcp_with_octet_counting()
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        using var dir = new TempDir("dsg-audit-");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 3, patientId: "AUDIT2");
        var storePort = Dcmtk.FreePort();
        await using (var storescp = await DcmtkServer.StartAsync("storescp", storePort, "-aet", "STORESCP", "-od", dir.Path, storePort.ToString()))
        {
            var run = await Dsg.RunAsync(Limit, "store", "-aet", "DSGSCU", "-aec", "STORESCP", "--audit", $"tcp://127.0.0.1:{rsyslog.TcpPort}", "127.0.0.1", storePort.ToString(),
                files[0].Path, files[1].Path, files[2].Path);
            Assert.True(run.ExitCode == 0, run.Output);
        }
        // Application Start, the instances sent, Application Stop.
        var lines = await rsyslog.WaitForAsync(l => l.Count >= 3, Limit);
        var all = Messages(lines);
        Assert.Equal(["110100", "110104", "110100"], all.Select(AuditXml.EventId));
        var message = all[1];
        var participants = message.Elements("ActiveParticipant").ToList();
        Assert.Equal("AETITLES=DSGSCU", participants[0].Attribute("AlternativeUserID")!.Value);
        Assert.Equal("true", participants[0].Attribute("UserIsRequestor")!.Value);
        Assert.Equal("STORESCP", participants[1].Attribute("UserID")!.Value);
        Assert.Equal([files[0].StudyUid, "AUDIT2"], AuditXml.ObjectIds(message));
        Assert.Equal("3", message.Element("ParticipantObjectIdentification")!.Element("ParticipantObjectDescription")!.Element("SOPClass")!.Attribute("NumberOfInstances")!.Value);
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.1")]
    [SpecRow("PS3.15 A.5.3.7")]
    public async Task The_file_sink_gets_the_same_messages()
    {
        using var dir = new TempDir("dsg-audit-");
        var log = Path.Combine(dir.Path, "audit.log");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, patientId: "AUDIT3");
        await using (var scp = new AuditedScp(Dcmtk.FreePort(), Path.Combine(dir.Path, "archive"), "--audit", "file:" + log))
        {
            await scp.ListeningAsync();
            var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path);
            Assert.True(store.ExitCode == 0, store.Output);
            await scp.StopAsync();
        }
        var messages = Messages(await File.ReadAllLinesAsync(log));
        Assert.Equal(["110100", "110104", "110100"], messages.Select(AuditXml.EventId));
        Assert.Equal([files[0].StudyUid, "AUDIT3"], AuditXml.ObjectIds(messages[1]));
    }

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task A_failed_tls_client_authentication_is_a_serious_security_alert()
    {
        var certs = TestCertificates.Create();
        await using var rsyslog = await Rsyslog.StartAsync();
        using var dir = new TempDir("dsg-audit-");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1, patientId: "AUDIT4");
        await using var scp = new AuditedScp(Dcmtk.FreePort(), Path.Combine(dir.Path, "archive"), "--tls", "--tls-cert", certs.Path("server.crt"),
            "--tls-key", certs.Path("server.key"), "--tls-ca", certs.Path("ca.crt"), "--tls-require-peer-cert", "--audit", $"udp://127.0.0.1:{rsyslog.UdpPort}");
        await scp.ListeningAsync();
        // DCMTK without a client certificate (anonymous TLS): the SCP requires one, the handshake fails.
        var store = await Dcmtk.RunAsync("storescu", Limit, "+tla", "+cf", certs.Path("ca.crt"), "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path);
        Assert.NotEqual(0, store.ExitCode);
        var lines = await rsyslog.WaitForAsync(l => l.Any(x => x.Contains("110113", StringComparison.Ordinal)), Limit);
        var alert = Messages(lines).Single(m => AuditXml.EventId(m) == "110113");
        Assert.Equal("110126", AuditXml.EventType(alert));
        Assert.Equal("8", AuditXml.Outcome(alert));
        Assert.Equal(["127.0.0.1"], AuditXml.ObjectIds(alert));
        Assert.Contains("TLS", alert.Element("EventIdentification")!.Element("EventOutcomeDescription")!.Value);
    }

    [Fact]
    public async Task A_bad_audit_destination_exits_4()
    {
        var run = await Dsg.RunAsync(Limit, "scp", "0", "--bind", "127.0.0.1", "--audit", "syslog://nowhere");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("--audit 'syslog://nowhere'", run.Output);
    }
}
