using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Audit;

/// <summary>A real rsyslogd on loopback with its own configuration (imudp and imtcp on free ports, everything to one
/// file as received), its own work folder and pid file; no system configuration is read. Missing rsyslogd fails.</summary>
public sealed class Rsyslog : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDir _dir;

    private Rsyslog(Process process, TempDir dir, int udpPort, int tcpPort)
    {
        _process = process;
        _dir = dir;
        UdpPort = udpPort;
        TcpPort = tcpPort;
    }

    public int UdpPort { get; }

    public int TcpPort { get; }

    public string LogFile => Path.Combine(_dir.Path, "received.log");

    public static async Task<Rsyslog> StartAsync()
    {
        var binary = PeerProcess.Locate("rsyslogd") ?? throw new InvalidOperationException("rsyslogd is not installed (apt-get install -y rsyslog)");
        var dir = new TempDir("dsg-rsyslog-");
        var (udp, tcp) = (Dcmtk.FreePort(), Dcmtk.FreePort());
        var config = Path.Combine(dir.Path, "rsyslog.conf");
        // %rawmsg%: the message exactly as it arrived (for UDP the datagram; for TCP the frame's content).
        await File.WriteAllTextAsync(config, $"""
            global(workDirectory="{dir.Path}" maxMessageSize="64k")
            module(load="imudp")
            module(load="imtcp")
            input(type="imudp" address="127.0.0.1" port="{udp}")
            input(type="imtcp" address="127.0.0.1" port="{tcp}")
            template(name="raw" type="string" string="%rawmsg%\n")
            action(type="omfile" file="{Path.Combine(dir.Path, "received.log")}" template="raw")

            """);
        var info = PeerProcess.StartInfo(binary, ["-n", "-f", config, "-i", Path.Combine(dir.Path, "rsyslogd.pid")], dir.Path);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start rsyslogd");
        var rsyslog = new Rsyslog(process, dir, udp, tcp);
        try
        {
            await rsyslog.WaitReadyAsync();
        }
        catch
        {
            await rsyslog.DisposeAsync();
            throw;
        }
        return rsyslog;
    }

    /// <summary>Until the TCP input accepts and a UDP probe reaches the file (bounded).</summary>
    private async Task WaitReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        using var udp = new UdpClient();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited) throw new InvalidOperationException($"rsyslogd exited ({_process.ExitCode}): {await _process.StandardError.ReadToEndAsync()}");
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", TcpPort).WaitAsync(TimeSpan.FromSeconds(2));
                await udp.SendAsync(Encoding.ASCII.GetBytes("<13>1 - probe - - - - ready"), "127.0.0.1", UdpPort);
                if (Received().Any(l => l.Contains("ready", StringComparison.Ordinal))) return;
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("rsyslogd did not come up within 20 s");
    }

    /// <summary>The lines received so far.</summary>
    public string[] Received()
    {
        try
        {
            using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (FileNotFoundException)
        {
            return [];
        }
    }

    /// <summary>Waits (bounded) until <paramref name="done"/> holds for the audit messages received.</summary>
    public async Task<List<string>> WaitForAsync(Func<List<string>, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var audits = Received().Where(l => l.Contains("<AuditMessage>", StringComparison.Ordinal)).ToList();
            if (done(audits)) return audits;
            if (clock.Elapsed > within) throw new TimeoutException($"rsyslogd received only:\n{string.Join('\n', audits)}");
            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _dir.Dispose();
    }
}
