using System.Diagnostics;
using System.Security.Cryptography;
using DicomSpecGen.Archive;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;
using Xunit.Abstractions;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>C-STORE with DCMTK both ways across a slow, lossy link (200 ms each way, 1 % loss, 2 % of frames
/// reordered, see <see cref="LossyLink"/>): a CT-sized and a large object arrive intact; a 5 s outage longer than dsg's
/// timeout fails dsg (receiving dsg scp or sending dsg store) with an error naming that timeout, within it plus a
/// margin, leaving nothing half-written, and with timeouts longer than the outage is ridden out. Each test prints its measured times (docs/reliability.md).</summary>
public class LossyNetworkTests(ITestOutputHelper output)
{
    private const int CtBytes = 512 * 1024;
    private const int LargeBytes = 24 * 1024 * 1024;
    private const int ScpPort = 11112;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    // Slack on top of a configured timeout for the timer, the log line and a loaded 2-core machine.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);
    // After the link is back, the sender's TCP retransmission timer (backed off during the outage, doubling from
    // about 0.6 s: 0.6 + 1.2 + 2.4 + 4.8 s) must fire before it learns the peer aborted: well under 30 s.
    private static readonly TimeSpan AfterOutage = TimeSpan.FromSeconds(30);
    // dsg scp's ARTIM (30 s; --timeout does not set it): after its A-ABORT it reads and ignores what still arrives
    // (PS3.8 Sta13, AA-6) until the peer closes or ARTIM closes the connection, so a peer that keeps sending learns
    // of the abort by then at the latest.
    private static readonly TimeSpan ScpArtim = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TransferLimit = TimeSpan.FromSeconds(150);

    private static async Task<(string Ct, string Large)> ObjectsAsync(string dir, string root)
        => (await LargeFiles.CreateAsync(dir, root + ".1", CtBytes), await LargeFiles.CreateAsync(dir, root + ".2", LargeBytes));

    private static readonly byte[] MetaGroupLength = [0x02, 0x00, 0x00, 0x00, (byte)'U', (byte)'L'];

    /// <summary>SHA-256 of a Part 10 file's data set: what follows the File Meta Information, whose first element,
    /// (0002,0000) UL, gives its length (PS3.10 Section 7.1). The meta differs by writer; the data set must not.</summary>
    private static string DataSetSha256(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 144 && bytes.AsSpan(128, 4).SequenceEqual("DICM"u8) && bytes.AsSpan(132, 6).SequenceEqual(MetaGroupLength),
            path + " is not a Part 10 file starting with the meta group length");
        var metaEnd = 144 + (int)BitConverter.ToUInt32(bytes, 140);
        return Convert.ToHexString(SHA256.HashData(bytes.AsSpan(metaEnd)));
    }

    private static ProcessStartInfo DsgIn(string ns, params string[] args) => LossyLink.In(ns, "dotnet", [Dsg.DllPath(), .. args]);

    private static ProcessStartInfo DcmtkIn(string ns, string tool, params string[] args) => LossyLink.In(ns, Dcmtk.Find(tool), args);

    private static async Task<TimedProcess> StartDsgScpAsync(LossyLink link, string folder, int timeoutSeconds)
    {
        var scp = TimedProcess.Start(DsgIn(link.ServerNs, "scp", ScpPort.ToString(), "-od", folder, "-aet", "DSGSCP", "--timeout", timeoutSeconds.ToString(), "-v"));
        if (await scp.WaitForLineAsync("listening on port", TimeSpan.FromSeconds(60)) is null)
        {
            await scp.DisposeAsync();
            throw new InvalidOperationException("dsg scp did not start in its namespace: " + scp.Output);
        }
        return scp;
    }

    /// <summary>storescp in the server namespace; ready once `ss` there shows it listening. +B writes the object to its
    /// file as it arrives (bit-preserving), so a test sees the transfer in progress and the data set bytes are kept.</summary>
    private static async Task<TimedProcess> StartStorescpAsync(LossyLink link, string folder, int timeoutSeconds, bool bitPreserving = true)
    {
        var t = timeoutSeconds.ToString();
        var scp = TimedProcess.Start(DcmtkIn(link.ServerNs, "storescp", ["-v", .. bitPreserving ? new[] { "+B" } : [], "-aet", "STORESCP", "-ta", t, "-td", t, "-od", folder, ScpPort.ToString()]));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var ss = await PeerProcess.RunAsync(LossyLink.In(link.ServerNs, PeerProcess.Locate("ss") ?? "ss", "-Hltn"), TimeSpan.FromSeconds(20));
            if (ss.Stdout.Contains(":" + ScpPort + " ", StringComparison.Ordinal)) return scp;
            if (scp.HasExited) break;
            await Task.Delay(100);
        }
        await scp.DisposeAsync();
        throw new InvalidOperationException("storescp did not start listening in its namespace: " + scp.Output);
    }

    private static async Task<int> IndexedAsync(string folder)
    {
        using var archive = DicomArchive.Open(folder, "CHECK");
        return (await archive.Index.InstancesAsync([], CancellationToken.None)).Count;
    }

    private static string Stored(string archive, string file)
        => Assert.Single(LargeFiles.Visible(archive), f => Path.GetFileName(f) == Path.GetFileName(file));

    private void Measured(string what, long bytes, TimeSpan elapsed)
        => output.WriteLine(FormattableString.Invariant($"{what}: {bytes / 1048576.0:F1} MiB in {elapsed.TotalSeconds:F1} s ({bytes / 1024.0 / elapsed.TotalSeconds:F0} KiB/s)"));

    [Fact]
    public async Task Storescu_to_dsg_scp_across_the_lossy_link_stores_a_ct_and_a_large_object_intact()
    {
        var source = DcmtkFiles.TempDir();
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var (ct, large) = await ObjectsAsync(source, "1.2.826.0.1.3680043.10.543.90");
        await using var link = await LossyLink.StartAsync();
        await using (var scp = await StartDsgScpAsync(link, folder, 30))
        {
            foreach (var file in new[] { ct, large })
            {
                var clock = Stopwatch.StartNew();
                var storescu = await PeerProcess.RunAsync(DcmtkIn(link.ClientNs, "storescu", "-aec", "DSGSCP", LossyLink.ServerAddress, ScpPort.ToString(), file), TransferLimit);
                Assert.True(storescu.ExitCode == 0, storescu + scp.Output);
                Measured("storescu → dsg scp", new FileInfo(file).Length, clock.Elapsed);
                Assert.Equal(DataSetSha256(file), DataSetSha256(Stored(folder, file)));
            }
            output.WriteLine("link: " + await link.StatsAsync());
        }
        Assert.Equal(2, await IndexedAsync(folder));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        await AssertImpairedAsync(link);
        Directory.Delete(source, recursive: true);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Dsg_store_to_storescp_across_the_lossy_link_stores_a_ct_and_a_large_object_intact()
    {
        var source = DcmtkFiles.TempDir();
        var received = DcmtkFiles.TempDir();
        var (ct, large) = await ObjectsAsync(source, "1.2.826.0.1.3680043.10.543.91");
        await using var link = await LossyLink.StartAsync();
        await using (var scp = await StartStorescpAsync(link, received, 30))
        {
            foreach (var file in new[] { ct, large })
            {
                var clock = Stopwatch.StartNew();
                var store = await PeerProcess.RunAsync(DsgIn(link.ClientNs, "store", "-aec", "STORESCP", "--timeout", "30", LossyLink.ServerAddress, ScpPort.ToString(), file), TransferLimit);
                Assert.True(store.ExitCode == 0, store + scp.Output);
                Measured("dsg store → storescp", new FileInfo(file).Length, clock.Elapsed);
                var uid = Path.GetFileNameWithoutExtension(file);
                var copy = Assert.Single(Directory.GetFiles(received), f => Path.GetFileName(f).EndsWith(uid, StringComparison.Ordinal));
                Assert.Equal(DataSetSha256(file), DataSetSha256(copy));
            }
            output.WriteLine("link: " + await link.StatsAsync());
        }
        await AssertImpairedAsync(link);
        Directory.Delete(source, recursive: true);
        Directory.Delete(received, recursive: true);
    }

    /// <summary>dsg scp (--timeout 2) waits for the rest of a P-DATA-TF PDU that the outage holds back: its read timeout
    /// fires, it aborts (A-ABORT, AA-1), the staged file is removed and the index is unchanged; storescu, sending,
    /// learns of the abort once the link is back and fails. The SCP then takes the next object.</summary>
    [Fact]
    [SpecRow("PS3.8 Table 9-10, Evt15/Sta6")]
    public async Task An_outage_longer_than_dsg_scp_timeout_fails_with_its_read_timeout_and_leaves_nothing()
    {
        var source = DcmtkFiles.TempDir();
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var (ct, large) = await ObjectsAsync(source, "1.2.826.0.1.3680043.10.543.92");
        await using var link = await LossyLink.StartAsync();
        await using (var scp = await StartDsgScpAsync(link, folder, 2))
        {
            await using (var storescu = TimedProcess.Start(DcmtkIn(link.ClientNs, "storescu", "-to", "2", "-ta", "2", "-td", "2", "-aec", "DSGSCP", LossyLink.ServerAddress, ScpPort.ToString(), large)))
            {
                await LargeFiles.WaitForPartialAsync(folder, 1 << 20, TimeSpan.FromSeconds(60));
                var down = TimedProcess.Clock.Elapsed;
                await link.OutageAsync(Outage);
                var timedOut = await scp.WaitForLineAsync("did not arrive within the read timeout 00:00:02; aborting", Outage + Margin);
                Assert.True(timedOut is { } t && t - down <= TimeSpan.FromSeconds(2) + Margin, "no read timeout within 2 s + margin of the outage:\n" + scp.Output);
                Assert.NotEqual(0, await storescu.WaitForExitAsync(TimeSpan.FromSeconds(2) + ScpArtim + AfterOutage));
                output.WriteLine(FormattableString.Invariant($"outage at {down.TotalSeconds:F1} s; dsg scp read timeout after {(timedOut!.Value - down).TotalSeconds:F1} s; storescu exited after {(storescu.ExitedAt!.Value - down).TotalSeconds:F1} s"));
                output.WriteLine("storescu: " + storescu.Output);
                output.WriteLine("dsg scp: " + scp.Output);
            }
            var incoming = Path.Combine(folder, ".incoming");
            for (var i = 0; i < 100 && Directory.GetFiles(incoming).Length > 0; i++) await Task.Delay(100);
            Assert.Empty(Directory.GetFiles(incoming));
            Assert.Empty(LargeFiles.Visible(folder));

            // Still serving: the next object, once the link is up again, is stored.
            var next = await PeerProcess.RunAsync(DcmtkIn(link.ClientNs, "storescu", "-aec", "DSGSCP", LossyLink.ServerAddress, ScpPort.ToString(), ct), TransferLimit);
            Assert.True(next.ExitCode == 0, next + scp.Output);
            Assert.Equal(DataSetSha256(ct), DataSetSha256(Stored(folder, ct)));
        }
        Assert.Equal(1, await IndexedAsync(folder));
        Directory.Delete(source, recursive: true);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>dsg store (--timeout 2) is sending when the link goes down: the network takes no more of its PDU, and
    /// within the timeout it gives up with an error naming it (exit 3) instead of waiting for TCP to give up. storescp
    /// (-ta/-td 2) does not time out inside a data set (DCMTK 3.6.7): it learns of the end once the link is back, and
    /// keeps no file (without +B it writes an object only once it has all of it).</summary>
    [Fact]
    [SpecRow("PS3.8 Table 9-10, Evt15/Sta6")]
    public async Task An_outage_longer_than_dsg_store_timeout_fails_it_with_a_timeout_and_storescp_keeps_nothing()
    {
        var source = DcmtkFiles.TempDir();
        var received = DcmtkFiles.TempDir();
        var (_, large) = await ObjectsAsync(source, "1.2.826.0.1.3680043.10.543.93");
        await using var link = await LossyLink.StartAsync();
        await using (var scp = await StartStorescpAsync(link, received, 2, bitPreserving: false))
        {
            await using var store = TimedProcess.Start(DsgIn(link.ClientNs, "store", "-aec", "STORESCP", "--timeout", "2", LossyLink.ServerAddress, ScpPort.ToString(), large));
            Assert.NotNull(await scp.WaitForLineAsync("Received Store Request", TimeSpan.FromSeconds(60)));
            await Task.Delay(2000);
            Assert.False(store.HasExited, "the transfer ended before the outage: " + store.Output);
            var down = TimedProcess.Clock.Elapsed;
            await link.OutageAsync(Outage);
            Assert.Equal(3, await store.WaitForExitAsync(Outage + AfterOutage));
            var gaveUp = store.ExitedAt!.Value - down;
            output.WriteLine(FormattableString.Invariant($"outage at {down.TotalSeconds:F1} s; dsg store exited after {gaveUp.TotalSeconds:F1} s"));
            output.WriteLine("dsg store: " + store.Output);
            Assert.Contains(store.Output.Split('\n'), l => l.Contains("] E: ", StringComparison.Ordinal)
                && l.Contains("a PDU could not be sent within the read timeout 00:00:02", StringComparison.Ordinal));
            Assert.True(gaveUp <= TimeSpan.FromSeconds(2) + Margin, $"dsg store gave up {gaveUp} after the outage began, not within 2 s + margin");

            // storescp hears of it once the link is back, and ends the association.
            var ended = await scp.WaitForLineAsync("E: ", Outage + AfterOutage);
            output.WriteLine(FormattableString.Invariant($"storescp ended the association after {(ended - down)?.TotalSeconds:F1} s:\n{scp.Output}"));
            Assert.True(ended != null, "storescp did not end the association:\n" + scp.Output);
        }
        Assert.Empty(Directory.GetFiles(received));
        Directory.Delete(source, recursive: true);
        Directory.Delete(received, recursive: true);
    }

    /// <summary>With every timeout (30 s) longer than the 5 s outage, both directions ride it out: TCP retransmits once
    /// the link is back and the large object arrives intact.</summary>
    [Fact]
    public async Task An_outage_shorter_than_the_timeouts_is_ridden_out_both_ways()
    {
        var source = DcmtkFiles.TempDir();
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var received = DcmtkFiles.TempDir();
        var (_, large) = await ObjectsAsync(source, "1.2.826.0.1.3680043.10.543.94");
        await using var link = await LossyLink.StartAsync();
        await using (var scp = await StartDsgScpAsync(link, folder, 30))
        {
            var clock = Stopwatch.StartNew();
            await using var storescu = TimedProcess.Start(DcmtkIn(link.ClientNs, "storescu", "-to", "30", "-ta", "30", "-td", "30", "-aec", "DSGSCP", LossyLink.ServerAddress, ScpPort.ToString(), large));
            await LargeFiles.WaitForPartialAsync(folder, 1 << 20, TimeSpan.FromSeconds(60));
            await link.OutageAsync(Outage);
            Assert.True(await storescu.WaitForExitAsync(TransferLimit) == 0, storescu.Output + scp.Output);
            Measured("storescu → dsg scp, 5 s outage", new FileInfo(large).Length, clock.Elapsed);
            Assert.Equal(DataSetSha256(large), DataSetSha256(Stored(folder, large)));
        }
        Assert.Equal(1, await IndexedAsync(folder));
        await using (var scp = await StartStorescpAsync(link, received, 30))
        {
            var clock = Stopwatch.StartNew();
            await using var store = TimedProcess.Start(DsgIn(link.ClientNs, "store", "-aec", "STORESCP", "--timeout", "30", LossyLink.ServerAddress, ScpPort.ToString(), large));
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && !Directory.EnumerateFiles(received).Any(f => new FileInfo(f).Length > 1 << 20)) await Task.Delay(20);
            await link.OutageAsync(Outage);
            Assert.True(await store.WaitForExitAsync(TransferLimit) == 0, store.Output + scp.Output);
            Measured("dsg store → storescp, 5 s outage", new FileInfo(large).Length, clock.Elapsed);
            var uid = Path.GetFileNameWithoutExtension(large);
            Assert.Equal(DataSetSha256(large), DataSetSha256(Assert.Single(Directory.GetFiles(received), f => f.EndsWith(uid, StringComparison.Ordinal))));
        }
        output.WriteLine("link: " + await link.StatsAsync());
        Directory.Delete(source, recursive: true);
        Directory.Delete(folder, recursive: true);
        Directory.Delete(received, recursive: true);
    }

    /// <summary>The link did what it claims: frames were lost, reordered and forwarded.</summary>
    private async Task AssertImpairedAsync(LossyLink link)
    {
        var stats = (await link.StatsAsync()).Split(' ').Select(kv => kv.Split('=')).ToDictionary(kv => kv[0], kv => long.Parse(kv[1]));
        Assert.True(stats["lost"] > 0 && stats["reordered"] > 0 && stats["forwarded"] > 1000, "the link was not impaired: " + string.Join(' ', stats));
        output.WriteLine("TCP congestion control (the host's, inherited by the namespaces): " + File.ReadAllText("/proc/sys/net/ipv4/tcp_congestion_control").Trim());
    }
}
