using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>A slow, lossy link between two network namespaces: client (10.77.0.1) and server (10.77.0.2) each have a
/// veth whose other end is in a middle namespace, where tests/peers/lossy-link/lossy_bridge.py copies Ethernet frames
/// across with delay, loss, reordering and, on command, an outage. That program stands in for `tc qdisc … netem`,
/// which these kernels lack (no sch_netem). Needs root (the tests run as root, in CI too). The namespaces, and with
/// them the veths, are deleted on dispose; ones left by a killed run are deleted by the next.</summary>
internal sealed partial class LossyLink : IAsyncDisposable
{
    public const string ClientAddress = "10.77.0.1";
    public const string ServerAddress = "10.77.0.2";
    private const string Prefix = "dsgl-";
    private static int _count;

    private readonly string _name;
    private Process? _bridge;
    private readonly List<string> _bridgeLines = [];
    private readonly SemaphoreSlim _lineArrived = new(0);

    private LossyLink(string name) => _name = name;

    public string ClientNs => _name + "-c";
    public string ServerNs => _name + "-s";
    private string MiddleNs => _name + "-m";

    public static string BridgeScript => Path.Combine(RepoFolders.Root, "tests", "peers", "lossy-link", "lossy_bridge.py");

    /// <param name="delayMs">one-way delay, each direction (the round trip is twice this)</param>
    /// <param name="loss">share of frames dropped, each direction</param>
    /// <param name="reorder">share of frames held back a further <paramref name="reorderMs"/>, so later ones overtake them</param>
    public static async Task<LossyLink> StartAsync(int delayMs = 200, double loss = 0.01, double reorder = 0.02, int reorderMs = 10)
    {
        if (Environment.UserName != "root") throw new InvalidOperationException("the lossy-link tests make network namespaces: run them as root");
        if (PeerProcess.Locate("ip") is null) throw new InvalidOperationException("`ip` is not installed (apt-get install -y iproute2)");
        await RemoveStaleAsync();
        var link = new LossyLink($"{Prefix}{Environment.ProcessId}-{Interlocked.Increment(ref _count)}");
        try
        {
            await link.BuildAsync(delayMs, loss, reorder, reorderMs);
        }
        catch
        {
            await link.DisposeAsync();
            throw;
        }
        return link;
    }

    private async Task BuildAsync(int delayMs, double loss, double reorder, int reorderMs)
    {
        foreach (var ns in new[] { ClientNs, MiddleNs, ServerNs })
        {
            await IpAsync("netns", "add", ns);
            await IpAsync("-n", ns, "link", "set", "lo", "up");
        }
        // Created straight in their namespaces: nothing is added to the test's own.
        await IpAsync("link", "add", "c0", "netns", ClientNs, "type", "veth", "peer", "name", "c1", "netns", MiddleNs);
        await IpAsync("link", "add", "s0", "netns", ServerNs, "type", "veth", "peer", "name", "s1", "netns", MiddleNs);
        await IpAsync("-n", ClientNs, "addr", "add", ClientAddress + "/24", "dev", "c0");
        await IpAsync("-n", ServerNs, "addr", "add", ServerAddress + "/24", "dev", "s0");
        foreach (var (ns, dev) in new[] { (ClientNs, "c0"), (ServerNs, "s0"), (MiddleNs, "c1"), (MiddleNs, "s1") })
        {
            await RunAsync(Python(ns, "no-offload", dev));
            await IpAsync("-n", ns, "link", "set", dev, "up");
        }
        // Permanent neighbours: no ARP resolution that an outage could fail.
        await IpAsync("-n", ClientNs, "neigh", "replace", ServerAddress, "lladdr", await MacAsync(ServerNs, "s0"), "dev", "c0", "nud", "permanent");
        await IpAsync("-n", ServerNs, "neigh", "replace", ClientAddress, "lladdr", await MacAsync(ClientNs, "c0"), "dev", "s0", "nud", "permanent");

        var info = Python(MiddleNs, "bridge", "c1", "s1", "--delay-ms", delayMs.ToString(), "--loss", F(loss), "--reorder", F(reorder),
            "--reorder-ms", reorderMs.ToString(), "--max-seconds", "900");
        info.RedirectStandardInput = true;
        _bridge = Process.Start(info) ?? throw new InvalidOperationException("could not start the bridge");
        _ = PumpBridgeAsync(_bridge.StandardOutput);
        _ = _bridge.StandardError.ReadToEndAsync();
        await ExpectAsync("ready", TimeSpan.FromSeconds(20));
    }

    private static string F(double value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task PumpBridgeAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_bridgeLines) _bridgeLines.Add(line);
            _lineArrived.Release();
        }
        _lineArrived.Release();
    }

    /// <summary>Waits (bounded) for the bridge's next line starting with <paramref name="word"/>, skipping others.</summary>
    private async Task<string> ExpectAsync(string word, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            lock (_bridgeLines)
            {
                var at = _bridgeLines.FindIndex(l => l.StartsWith(word, StringComparison.Ordinal));
                if (at >= 0)
                {
                    var line = _bridgeLines[at];
                    _bridgeLines.RemoveRange(0, at + 1);
                    return line;
                }
            }
            if (_bridge!.HasExited) throw new InvalidOperationException("the lossy bridge exited: " + string.Join('\n', _bridgeLines));
            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"the lossy bridge did not answer '{word}' within {within}");
    }

    /// <summary>Drops every frame both ways for <paramref name="length"/>; returns once the link is down.</summary>
    public async Task OutageAsync(TimeSpan length)
    {
        await _bridge!.StandardInput.WriteLineAsync(FormattableString.Invariant($"down {length.TotalSeconds}"));
        await _bridge.StandardInput.FlushAsync();
        await ExpectAsync("down", TimeSpan.FromSeconds(5));
    }

    /// <summary>The bridge's counters: "forwarded=N lost=N outage=N reordered=N send_errors=N".</summary>
    public async Task<string> StatsAsync()
    {
        await _bridge!.StandardInput.WriteLineAsync("stats");
        await _bridge.StandardInput.FlushAsync();
        return (await ExpectAsync("stats", TimeSpan.FromSeconds(5)))["stats ".Length..];
    }

    /// <summary>A program run inside a namespace (ip netns exec keeps the PID: it execs the program).</summary>
    public static ProcessStartInfo In(string ns, string file, params string[] args)
        => PeerProcess.StartInfo("ip", ["netns", "exec", ns, file, .. args]);

    private ProcessStartInfo Python(string ns, params string[] args) => In(ns, Python3, [BridgeScript, .. args]);

    private static string Python3 => PeerProcess.Locate("python3") ?? throw new InvalidOperationException("python3 is not installed (apt-get install -y python3)");

    private static async Task<string> MacAsync(string ns, string dev)
    {
        var output = await RunAsync(PeerProcess.StartInfo("ip", ["-n", ns, "-o", "link", "show", dev]));
        return MacPattern().Match(output) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no MAC address in: " + output);
    }

    [GeneratedRegex(@"link/ether ([0-9a-f:]{17})")]
    private static partial Regex MacPattern();

    private static Task<string> IpAsync(params string[] args) => RunAsync(PeerProcess.StartInfo("ip", args));

    private static async Task<string> RunAsync(ProcessStartInfo info)
    {
        var result = await PeerProcess.RunAsync(info, TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0) throw new InvalidOperationException($"{info.FileName} {string.Join(' ', info.ArgumentList)} failed: {result}");
        return result.Stdout;
    }

    /// <summary>Namespaces of earlier runs whose test process is gone (killed before its dispose ran).</summary>
    private static async Task RemoveStaleAsync()
    {
        var list = await PeerProcess.RunAsync(PeerProcess.StartInfo("ip", ["netns", "list"]), TimeSpan.FromSeconds(30));
        foreach (var line in list.Stdout.Split('\n'))
        {
            var m = StalePattern().Match(line);
            if (!m.Success || Directory.Exists("/proc/" + m.Groups[2].Value)) continue;
            await PeerProcess.RunAsync(PeerProcess.StartInfo("ip", ["netns", "del", m.Groups[1].Value]), TimeSpan.FromSeconds(30));
        }
    }

    [GeneratedRegex(@"^(dsgl-(\d+)-\d+-[cms])\b")]
    private static partial Regex StalePattern();

    public async ValueTask DisposeAsync()
    {
        var errors = new StringBuilder();
        if (_bridge is { } bridge)
        {
            try
            {
                if (!bridge.HasExited) bridge.Kill(entireProcessTree: true);
                await bridge.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                errors.AppendLine(e.Message);
            }
            bridge.Dispose();
        }
        // Deleting a namespace deletes its veth ends, and with them their peers.
        foreach (var ns in new[] { ClientNs, MiddleNs, ServerNs })
        {
            var del = await PeerProcess.RunAsync(PeerProcess.StartInfo("ip", ["netns", "del", ns]), TimeSpan.FromSeconds(30));
            if (del.ExitCode != 0 && !del.Stderr.Contains("No such file", StringComparison.Ordinal)) errors.AppendLine(del.ToString());
        }
        _lineArrived.Dispose();
        if (errors.Length > 0) throw new InvalidOperationException("cleaning up the lossy link: " + errors);
    }
}
