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

        /// <summary>The process id: the PROCID of its syslog messages.</summary>
        public int Pid => _process.Id;

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

    private static XElement Event(IEnumerable<XElement> messages, string id, Func<XElement, bool>? where = null)
        => Assert.Single(messages, m => AuditXml.EventId(m) == id && (where == null || where(m)));

    private static string Action(XElement m) => m.Element("EventIdentification")!.Attribute("EventActionCode")!.Value;

    [Fact]
    [SpecRow("PS3.15 A.5.3.1")]
    [SpecRow("PS3.15 A.5.3.3")]
    [SpecRow("PS3.15 A.5.3.6")]
    [SpecRow("PS3.15 A.5.3.7")]
    [SpecRow("PS3.15 A.5.3.10")]
    [SpecRow("PS3.15 A.5.3.15")]
    public async Task The_workflow_and_retrieve_verbs_and_dsg_scp_report_to_rsyslog()
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        using var dir = new TempDir("dsg-audit-wf-");
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2, patientId: "AUDIT5");
        var worklist = Path.Combine(dir.Path, "worklist");
        await Worklists.WriteExamplesAsync(worklist);
        var movePort = Dcmtk.FreePort();
        await using var scp = new AuditedScp(Dcmtk.FreePort(), Path.Combine(dir.Path, "archive"), "--worklist", worklist, "--mpps", "--commit-report", "same",
            "-md", $"DSGMOVE=127.0.0.1:{movePort}", "--audit", $"udp://127.0.0.1:{rsyslog.UdpPort}");
        await scp.ListeningAsync();
        var port = scp.Port.ToString();
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", port, files[0].Path, files[1].Path);
        Assert.True(store.ExitCode == 0, store.Output);

        // Each verb with --audit over TCP to the same rsyslogd, under its own AE title; PROCID tells the processes apart.
        var audit = new[] { "--audit", $"tcp://127.0.0.1:{rsyslog.TcpPort}" };
        async Task<string> Run(string aet, params string[] args)
        {
            var run = await Dsg.RunAsync(Limit, [.. args, "-aet", aet, "-aec", "DSGSCP", .. audit]);
            Assert.True(run.ExitCode == 0, $"dsg {string.Join(' ', args)}: {run.Output}");
            return aet;
        }
        var echo = await Run("ECHOSCU", "echo", "127.0.0.1", port);
        var wl = await Run("WLSCU", "worklist", "-k", "PatientID", "127.0.0.1", port);
        const string Mpps = "1.2.826.0.1.3680043.9.7433.7.99";
        var create = await Run("MPPSCREATE", "mpps", "create", "127.0.0.1", port, "--uid", Mpps, "-k", "PatientID=AUDIT5", "-k", "PatientName=AUDIT^FIVE");
        var set = await Run("MPPSSET", "mpps", "set", "127.0.0.1", port, Mpps, "--status", "COMPLETED");
        var commit = await Run("COMMITSCU", "commit", "127.0.0.1", port, files[0].Path, files[1].Path);
        using var got = new TempDir("dsg-audit-get-");
        var get = await Run("GETSCU", "get", "-od", got.Path, "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", port);
        using var moved = new TempDir("dsg-audit-move-");
        var move = await Run("DSGMOVE", "move", "--port", movePort.ToString(), "-od", moved.Path, "-k", $"StudyInstanceUID={files[0].StudyUid}", "127.0.0.1", port);
        await scp.StopAsync();

        var lines = await rsyslog.WaitForAsync(l => l.Any(x => AuditXml.ProcId(x) == scp.Pid && x.Contains("110121", StringComparison.Ordinal))
            && l.Count(x => x.Contains("110121", StringComparison.Ordinal)) >= 8, Limit);
        var scpMessages = Messages(lines.Where(l => AuditXml.ProcId(l) == scp.Pid));
        // The SCU runs by the AE title their Application Start names.
        var by = lines.Where(l => AuditXml.ProcId(l) != scp.Pid).GroupBy(AuditXml.ProcId).Select(g => Messages(g))
            .ToDictionary(m => m[0].Element("ActiveParticipant")!.Attribute("AlternativeUserID")!.Value["AETITLES=".Length..]);

        // Every SCU run: Application Start first, Application Stop last.
        foreach (var aet in new[] { echo, wl, create, set, commit, get, move })
        {
            Assert.True(by.ContainsKey(aet), $"nothing from {aet}");
            Assert.Equal("110120", AuditXml.EventType(by[aet][0]));
            Assert.Equal("110121", AuditXml.EventType(by[aet][^1]));
        }
        Assert.Equal(2, by[echo].Count);
        Assert.Equal(2, by[commit].Count);

        // Worklist: a Query of the MWL model, issued (we the requestor and source), on both sides.
        var issued = Event(by[wl], "110112");
        Assert.Equal([WorklistModel], AuditXml.ObjectIds(issued));
        Assert.Equal("true", issued.Elements("ActiveParticipant").First().Attribute("UserIsRequestor")!.Value);
        var received = Event(scpMessages, "110112", m => AuditXml.ObjectIds(m).Single() == WorklistModel);
        Assert.Equal("WLSCU", received.Elements("ActiveParticipant").First().Attribute("UserID")!.Value);

        // MPPS: Procedure Record C then U; the SCP names the patient of the N-SET from its store.
        var created = Event(by[create], "110111");
        Assert.Equal(("C", "0"), (Action(created), AuditXml.Outcome(created)));
        // The study the N-CREATE's scheduled step names (dsg mpps create makes one up), then the patient.
        var ids = AuditXml.ObjectIds(created).ToList();
        Assert.Equal(2, ids.Count);
        Assert.StartsWith("2.25.", ids[0]);
        Assert.Equal("AUDIT5", ids[1]);
        var updated = Event(by[set], "110111");
        Assert.Equal("U", Action(updated));
        Assert.Equal(["unknown"], AuditXml.ObjectIds(updated));
        var scpRecords = scpMessages.Where(m => AuditXml.EventId(m) == "110111").ToList();
        Assert.Equal(["C", "U"], scpRecords.Select(Action));
        Assert.All(scpRecords, m => Assert.Equal(ids, AuditXml.ObjectIds(m)));

        // Storage commitment: the SCP read both instances: DICOM Instances Accessed, R.
        var accessed = Event(scpMessages, "110103");
        Assert.Equal("R", Action(accessed));
        Assert.Equal([files[0].StudyUid, "AUDIT5"], AuditXml.ObjectIds(accessed));
        Assert.Contains("2 instance(s), 2 held", accessed.Element("EventIdentification")!.Element("EventOutcomeDescription")!.Value);

        // C-GET: the SCU received the study (we the destination and requestor); the SCP began and sent it.
        var gotten = Event(by[get], "110104");
        Assert.Equal(["110153", "110152"], AuditXml.Roles(gotten));
        Assert.Equal(("DSGSCP", "false"), (gotten.Elements("ActiveParticipant").First().Attribute("UserID")!.Value, gotten.Elements("ActiveParticipant").First().Attribute("UserIsRequestor")!.Value));
        Assert.Equal("2", gotten.Element("ParticipantObjectIdentification")!.Element("ParticipantObjectDescription")!.Element("SOPClass")!.Attribute("NumberOfInstances")!.Value);

        // C-MOVE to the SCU's own port: Begin names the move destination, Transferred the destination and the requestor.
        var begins = scpMessages.Where(m => AuditXml.EventId(m) == "110102").ToList();
        Assert.Equal(2, begins.Count);
        var beginMove = Assert.Single(begins, m => m.Elements("ActiveParticipant").Count() == 3);
        Assert.Equal(["110153", "110152", "(none)"], AuditXml.Roles(beginMove));
        Assert.Equal(("DSGMOVE", "127.0.0.1"), (beginMove.Elements("ActiveParticipant").ElementAt(1).Attribute("UserID")!.Value,
            beginMove.Elements("ActiveParticipant").ElementAt(1).Attribute("NetworkAccessPointID")!.Value));
        var sentMove = Event(scpMessages, "110104", m => m.Elements("ActiveParticipant").Count() == 3);
        Assert.Equal("true", sentMove.Elements("ActiveParticipant").Last().Attribute("UserIsRequestor")!.Value);
        Assert.Equal([files[0].StudyUid, "AUDIT5"], AuditXml.ObjectIds(sentMove));
        Assert.Equal([files[0].StudyUid, "AUDIT5"], AuditXml.ObjectIds(Event(by[move], "110104")));
    }

    private const string WorklistModel = "1.2.840.10008.5.1.4.31";

    [Fact]
    [SpecRow("PS3.15 A.5.3.11")]
    public async Task Capacity_rejections_and_malformed_pdus_are_rate_limited_security_alerts_in_rsyslog()
    {
        await using var rsyslog = await Rsyslog.StartAsync();
        using var dir = new TempDir("dsg-audit-alerts-");
        await using var scp = new AuditedScp(Dcmtk.FreePort(), Path.Combine(dir.Path, "archive"), "--max-associations", "1", "--audit", $"udp://127.0.0.1:{rsyslog.UdpPort}");
        await scp.ListeningAsync();
        // A connection that sends nothing holds the only slot (until ARTIM, 30 s): DCMTK is refused for capacity.
        using (var held = new System.Net.Sockets.TcpClient())
        {
            await held.ConnectAsync("127.0.0.1", scp.Port);
            await Task.Delay(200);
            var refused = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "BUSYSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Local Limit Exceeded", refused.Output);
        }
        // A flood of 8 connections each sending an undefined PDU type: 5 alerts, then one aggregate (at the stop).
        for (var i = 0; i < 8; i++)
        {
            using var flood = new System.Net.Sockets.TcpClient();
            await flood.ConnectAsync("127.0.0.1", scp.Port);
            var stream = flood.GetStream();
            await stream.WriteAsync(new byte[] { 0x09, 0, 0, 0, 0, 2, 0, 0 });
            // The SCP answers with an A-ABORT (10 bytes) and waits for us to close (PS3.8 Sta13).
            var abort = new byte[10];
            using var wait = new CancellationTokenSource(Limit);
            await stream.ReadExactlyAsync(abort, wait.Token);
            Assert.Equal(0x07, abort[0]);
        }
        await scp.StopAsync();
        var lines = await rsyslog.WaitForAsync(l => l.Any(x => x.Contains("110121", StringComparison.Ordinal)), Limit);
        var alerts = Messages(lines).Where(m => AuditXml.EventId(m) == "110113").ToList();
        Assert.All(alerts, a => Assert.Equal(("110126", "4"), (AuditXml.EventType(a), AuditXml.Outcome(a))));
        string Why(XElement a) => a.Element("EventIdentification")!.Element("EventOutcomeDescription")!.Value;
        var capacity = Assert.Single(alerts, a => Why(a).Contains("local-limit-exceeded", StringComparison.Ordinal));
        Assert.StartsWith("BUSYSCU from 127.0.0.1:", Why(capacity));
        Assert.Equal(["127.0.0.1"], AuditXml.ObjectIds(capacity));
        Assert.Equal(5, alerts.Count(a => Why(a).Contains("malformed PDU", StringComparison.Ordinal) && !Why(a).Contains("held back", StringComparison.Ordinal)));
        var aggregate = Assert.Single(alerts, a => Why(a).Contains("held back", StringComparison.Ordinal));
        Assert.Contains("3 further 'malformed-pdu' alert(s)", Why(aggregate));
        Assert.Equal(["127.0.0.1"], AuditXml.ObjectIds(aggregate));
    }

    [Fact]
    public async Task A_bad_audit_destination_exits_4()
    {
        var run = await Dsg.RunAsync(Limit, "scp", "0", "--bind", "127.0.0.1", "--audit", "syslog://nowhere");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("--audit 'syslog://nowhere'", run.Output);
    }
}
