using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.ArchiveStore;
using Npgsql;
using Xunit.Abstractions;

namespace DicomSpecGen.Interop.Tests.ScaleOut;

/// <summary>Three `dsg scp` replicas sharing one folder and one PostgreSQL index behind HAProxy (TCP mode, loopback):
/// eight DCMTK storescu at once, one replica killed (SIGKILL) mid-run; every instance answered Success is on disk once,
/// indexed once, found by C-FIND and retrieved by C-GET through HAProxy. docs/scale-out.md.</summary>
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int Senders = 8;
    private const int PerSender = 200;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>SOP Instance UIDs named by open placement records of the archive's logs (<paramref name="live"/>: only
    /// those of running processes; null: all).</summary>
    private static HashSet<string> OpenRecords(string archive, bool? live)
        => Directory.GetFiles(Path.Combine(archive, ".placements"), "*.log")
            .Where(l => live == null || Running(Path.GetFileNameWithoutExtension(l)) == live)
            .SelectMany(l => DicomSpecGen.Archive.PlacementLog.ReadOpenRecords(l).Values)
            .Select(r => Path.GetFileNameWithoutExtension(r.Target)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the writer of a log "{node}-{pid}-{guid}" is running.</summary>
    private static bool Running(string stem)
    {
        var parts = stem.Split('-');
        try
        {
            using var p = Process.GetProcessById(int.Parse(parts[^2], System.Globalization.CultureInfo.InvariantCulture));
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Three_replicas_behind_haproxy_lose_nothing_answered_success_when_one_is_killed()
    {
        var clock = Stopwatch.StartNew();
        var haproxy = PeerProcess.Locate("haproxy")
            ?? throw new InvalidOperationException("haproxy is not installed: apt-get install haproxy (tests/run-all.sh installs it)");
        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        try
        {
            var index = cluster.NewDatabase();
            using var work = new TempDir("dsg-scale-");
            var archive = Path.Combine(work.Path, "archive");

            // The sent instances: one study per sender, small data sets (the test is about placement, not bytes).
            var studies = new List<(string Folder, string StudyUid)>();
            for (var s = 0; s < Senders; s++)
            {
                var folder = Directory.CreateDirectory(Path.Combine(work.Path, $"in{s}")).FullName;
                var study = $"1.2.826.0.1.3680043.10.543.77.{Environment.ProcessId}.{s}";
                for (var i = 1; i <= PerSender; i++) await WriteInstanceAsync(folder, study, i);
                studies.Add((folder, study));
            }

            // The first replica migrates the schema; the others find it done.
            var replicas = new List<DsgScpProcess>();
            try
            {
                for (var r = 0; r < 3; r++)
                    replicas.Add(await DsgScpProcess.StartAsync("--bind", "127.0.0.1", "-od", archive, "--index", index, "--no-fsync", "--max-associations", "32"));
                var front = Dcmtk.FreePort();
                var config = Path.Combine(work.Path, "haproxy.cfg");
                // (haproxy wants the last line ended.)
                await File.WriteAllTextAsync(config, $"""
                    global
                        maxconn 256
                    defaults
                        mode tcp
                        timeout connect 2s
                        timeout client 120s
                        timeout server 120s
                        retries 3
                        option redispatch
                    frontend dicom
                        bind 127.0.0.1:{front}
                        default_backend replicas
                    backend replicas
                        balance roundrobin
                    {string.Join("\n", replicas.Select((r, i) => $"    server r{i} 127.0.0.1:{r.Port} check inter 300 fall 1 rise 2"))}

                    """);
                using var proxy = Process.Start(PeerProcess.StartInfo(haproxy, ["-f", config, "-db"])) ?? throw new InvalidOperationException("could not start haproxy");
                var proxyOutput = Task.WhenAll(proxy.StandardOutput.ReadToEndAsync(), proxy.StandardError.ReadToEndAsync());
                try
                {
                    await WaitForPortAsync(front, proxy, async () => string.Concat(await proxyOutput) + "\n" + await File.ReadAllTextAsync(config));

                    // Eight storescu at once; each association lands on a replica (round robin).
                    var senders = studies.Select(s => Dcmtk.RunAsync("storescu", Limit, "-v", "-aet", "SCALESCU", "-aec", "DSGSCP", "+sd", "-nh", "127.0.0.1", front.ToString(), s.Folder)).ToList();
                    // Mid-run: once a quarter is on disk, kill -9 the second replica.
                    await WaitForAsync(() => CountFiles(archive) >= Senders * PerSender / 4, TimeSpan.FromMinutes(2));
                    var victim = replicas[1];
                    replicas.RemoveAt(1);
                    await victim.DisposeAsync(); // Process.Kill: SIGKILL
                    var results = await Task.WhenAll(senders);

                    var success = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var result in results) success.UnionWith(Succeeded(result.Output));
                    Assert.True(success.Count > 0, "no instance was stored:\n" + results[0].Output);
                    // The kill must hit stores in flight (else this run proves nothing about it): some were not answered.
                    Assert.True(success.Count < Senders * PerSender, "every store succeeded: the killed replica was serving none");

                    // On disk exactly once (the name is the UID), indexed exactly once (the key is the UID).
                    var files = Directory.GetFiles(archive, "*.dcm", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f)!).ToList();
                    Assert.Equal(files.Count, files.Distinct(StringComparer.Ordinal).Count());
                    // The index rows are written behind Success (a batch a few ms later): an instance answered Success
                    // may lack its row for that long, and, on the killed replica, until its node restarts; but then its
                    // placement record is open (settled only after its row committed; what the restart reconciles). The
                    // records are read first: a record open then is in this set, one settled before has its row below.
                    var open = OpenRecords(archive, live: null);
                    var indexed = await IndexedAsync(index);
                    Assert.Equal(indexed.Count, indexed.Distinct(StringComparer.Ordinal).Count());
                    Assert.Empty(success.Except(files));
                    Assert.Empty(success.Except(indexed).Except(open));
                    // The live replicas' writers catch up: all their records settle (the killed one's stay open).
                    await WaitForAsync(() => OpenRecords(archive, live: true).Count == 0, TimeSpan.FromMinutes(1));
                    indexed = await IndexedAsync(index);
                    // A row without its file would be a lost instance; a file without a row can only be one whose
                    // writer was killed between the rename and the index (never answered Success) until the restart below.
                    Assert.Empty(indexed.Except(files));
                    output.WriteLine($"{success.Count} of {Senders * PerSender} answered Success, {indexed.Count} indexed, {files.Count} files, " +
                        $"{results.Count(r => r.ExitCode != 0)} storescu exited non-zero, {clock.Elapsed.TotalSeconds:F0} s");

                    // Through HAProxy, on whichever replica: C-FIND sees every indexed instance, C-GET brings each back.
                    foreach (var (_, study) in studies)
                    {
                        var inStudy = indexed.Where(u => u.StartsWith(study + ".", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                        var find = await Dcmtk.RunAsync("findscu", Limit, "-v", "-S", "-aet", "SCALESCU", "-aec", "DSGSCP", "-k", "QueryRetrieveLevel=IMAGE",
                            "-k", $"StudyInstanceUID={study}", "-k", "SOPInstanceUID", "127.0.0.1", front.ToString());
                        Assert.True(find.ExitCode == 0, find.Output);
                        Assert.Equal(inStudy.Count, Regex.Matches(find.Output, @"Find Response: \d+ \(Pending\)").Count);
                        var retrieved = Directory.CreateDirectory(Path.Combine(work.Path, "get-" + study)).FullName;
                        var get = await Dcmtk.RunAsync("getscu", Limit, "-S", "-aet", "SCALESCU", "-aec", "DSGSCP", "-k", "QueryRetrieveLevel=STUDY",
                            "-k", $"StudyInstanceUID={study}", "-od", retrieved, "127.0.0.1", front.ToString());
                        Assert.True(get.ExitCode == 0, get.Output);
                        Assert.Equal(inStudy.Order(StringComparer.Ordinal), Directory.GetFiles(retrieved).Select(f => Path.GetFileName(f)[(Path.GetFileName(f).IndexOf('.') + 1)..]).Order(StringComparer.Ordinal));
                    }

                    // The killed replica's next start on this node removes its staging files and indexes the files it
                    // placed without indexing (its placement records); the live replicas are idle, their records settled.
                    var orphans = files.Except(indexed).Count();
                    await using (var restarted = await DsgScpProcess.StartAsync("--bind", "127.0.0.1", "-od", archive, "--index", index, "--no-fsync"))
                        Assert.Empty(Directory.GetFiles(Path.Combine(archive, ".incoming")));
                    var filesAfter = Directory.GetFiles(archive, "*.dcm", SearchOption.AllDirectories).Select(f => Path.GetFileNameWithoutExtension(f)!).ToHashSet(StringComparer.Ordinal);
                    var indexedAfter = await IndexedAsync(index);
                    Assert.Equal(indexedAfter.Count, indexedAfter.Distinct(StringComparer.Ordinal).Count());
                    // No orphans: files == rows, and they are the instances answered Success plus at most one in flight
                    // per sender (storescu does not resend; a modality would, and its resend is a duplicate).
                    Assert.Equal(filesAfter.Order(StringComparer.Ordinal), indexedAfter.Order(StringComparer.Ordinal));
                    Assert.Empty(success.Except(indexedAfter));
                    Assert.InRange(indexedAfter.Count - success.Count, 0, Senders);
                    Assert.False(Directory.Exists(Path.Combine(archive, ".damaged")), "a whole file was set aside");
                    output.WriteLine($"{orphans} files without a row after the kill; after the restart {filesAfter.Count} files, {indexedAfter.Count} rows, " +
                        $"{indexedAfter.Count - success.Count} of them placed but never answered");
                }
                finally
                {
                    try { proxy.Kill(); } catch (InvalidOperationException) { }
                    await proxyOutput.WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            finally
            {
                foreach (var replica in replicas) await replica.DisposeAsync();
            }
        }
        finally
        {
            await cluster.DisposeAsync();
        }
        Assert.True(clock.Elapsed < Limit, $"the run took {clock.Elapsed}");
    }

    private static async Task WriteInstanceAsync(string folder, string study, int i)
    {
        var series = study + ".1";
        var sop = $"{series}.{i}";
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sop)
            .SetString(DicomTags.Modality, DicomVr.CS, "CT")
            .SetString(DicomTags.PatientName, DicomVr.PN, "SCALE^OUT")
            .SetString(DicomTags.PatientID, DicomVr.LO, "SCALE1")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, study)
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, series)
            .SetString(DicomTags.InstanceNumber, DicomVr.IS, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await using var file = File.Create(Path.Combine(folder, $"{i:D4}.dcm"));
        await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, DicomUids.ExplicitVRLittleEndian), ds);
    }

    /// <summary>The SOP Instance UIDs storescu -v reports stored: "Sending file: F" followed by "Received Store
    /// Response (Success)" before the next file. The files are named by instance number; the UID is rebuilt from the
    /// folder's study.</summary>
    private static IEnumerable<string> Succeeded(string output)
    {
        string? current = null;
        foreach (var line in output.Split('\n'))
        {
            var sending = line.IndexOf("Sending file: ", StringComparison.Ordinal);
            if (sending >= 0) current = line[(sending + "Sending file: ".Length)..].Trim();
            else if (line.Contains("Received Store Response (Success)", StringComparison.Ordinal) && current != null)
            {
                yield return SopOf(current);
                current = null;
            }
        }
    }

    private static string SopOf(string path)
    {
        using var stream = File.OpenRead(path);
        var (meta, _) = DicomFile.ReadAsync(stream).GetAwaiter().GetResult();
        return meta.MediaStorageSopInstanceUid;
    }

    private static async Task<List<string>> IndexedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT sop_uid FROM instance", connection);
        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }

    private static int CountFiles(string archive)
        => Directory.Exists(archive) ? Directory.EnumerateFiles(archive, "*.dcm", SearchOption.AllDirectories).Count() : 0;

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > within) throw new TimeoutException($"not reached within {within}");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForPortAsync(int port, Process proxy, Func<Task<string>> explain)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (proxy.HasExited) throw new InvalidOperationException($"haproxy exited {proxy.ExitCode}: {await explain()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100);
            }
        }
    }
}
