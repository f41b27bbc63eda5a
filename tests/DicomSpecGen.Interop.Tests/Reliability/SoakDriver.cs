using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using Size = DicomSpecGen.Interop.Tests.Reliability.SoakObjects.Size;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>How long and how wide a soak runs. <see cref="Warmup"/>: samples before it are not judged (JIT, heap and
/// SQLite cache growing to their working size); <see cref="Window"/>: the length of the baseline window (starting at
/// the warm-up's end) and of the end window (the run's last stretch) whose peaks are compared.</summary>
internal sealed record SoakOptions(TimeSpan Duration, TimeSpan Warmup, TimeSpan Window, TimeSpan SampleInterval, int Lanes, int IdleLanes)
{
    /// <summary>DSG_SOAK_SECONDS (default <paramref name="defaultSeconds"/>): warm-up a sixth of it (5 min of 30), at
    /// least 60 s; windows a fifteenth (2 min of 30), at least 15 s; a sample every 1-5 s. The CI run's warm-up is
    /// longer than a sixth because the process's working set is still growing at 30-50 s (JIT, thread pool, GC
    /// budgets; a CI-length run at 1 s samples rose from 62 to 165 MiB by 51 s, then stayed flat or fell), and a
    /// baseline window inside that growth made the gate fail on warm-up, not on a leak.</summary>
    public static SoakOptions FromEnvironment(int defaultSeconds)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("DSG_SOAK_SECONDS"), out var s) && s >= 60 ? s : defaultSeconds;
        return new SoakOptions(
            TimeSpan.FromSeconds(seconds),
            TimeSpan.FromSeconds(Math.Max(60, seconds / 6)),
            TimeSpan.FromSeconds(Math.Max(15, seconds / 15)),
            TimeSpan.FromSeconds(Math.Clamp(seconds / 360, 1, 5)),
            Lanes: 4,
            IdleLanes: 2);
    }
}

/// <summary>One soak run (issue 18 item 5): one `dsg scp` process (the built CLI, archive in a temp folder, a DCMTK
/// storescp --ignore as its C-MOVE destination), mixed traffic on <see cref="SoakOptions.Lanes"/> concurrent lanes
/// from DCMTK tools, the dsg CLI and the DicomClient library, with aborts, idle sockets and mutated PDUs; the SCP's
/// VmRSS and open descriptors sampled from /proc; at the end every acknowledged object checked in the archive.
/// The CI test and bench/scripts/soak.sh both run this class (only the duration differs).</summary>
internal sealed class SoakDriver(SoakOptions options, Action<string> log)
{
    private const string ScpAe = "DSGSCP";
    private const string MoveAe = "MOVEDEST";
    private static readonly TimeSpan Artim = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Read = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan OpLimit = TimeSpan.FromSeconds(120);

    /// <summary>One lane's repeating mix; lanes start at different offsets so every kind runs somewhere at any time.</summary>
    private static readonly string[] Mix =
    [
        "storescu", "lib-store", "echoscu", "lib-find", "findscu", "abort", "storescu", "lib-get", "dsg-store", "getscu",
        "lib-echo", "malformed", "storescu", "movescu", "lib-store", "lib-move", "close-mid-pdata", "dsg-echo", "storescu",
        "dsg-find", "lib-store", "malformed",
    ];

    private static readonly Size[] SizeCycle = [Size.Small, Size.Ct, Size.Small, Size.Small, Size.Ct, Size.Large, Size.Small, Size.Ct, Size.Small, Size.Small];

    private readonly ConcurrentDictionary<string, SoakReport.Kind> _kinds = new();
    private readonly List<SoakReport.Sample> _samples = [];
    private int _sizeTurn;
    private int _port;
    private int _pid;
    private SoakObjects _objects = null!;

    private static readonly byte[][] Corpus = new[] { "echo-01-rq-01.bin", "echo-03-rq-04.bin", "store-01-rq-01.bin", "store-03-rq-04.bin", "store-04-rq-04.bin" }
        .Select(n => File.ReadAllBytes(Path.Combine(RepoFolders.Root, "tests", "corpus", "pdu", n))).ToArray();

    public async Task<SoakReport> RunAsync()
    {
        var work = DcmtkFiles.TempDir("dsg-soak-");
        var archive = Path.Combine(work, "archive");
        var source = Directory.CreateDirectory(Path.Combine(work, "source")).FullName;
        _objects = new SoakObjects(source);
        var movePort = Dcmtk.FreePort();
        await using var moveDest = await DcmtkServer.StartAsync("storescp", movePort, "--ignore", "-aet", MoveAe, movePort.ToString());
        var config = Path.Combine(work, "soak.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Dicom": {
                "AeTitle": "{{ScpAe}}", "Port": 0, "BindAddress": "127.0.0.1",
                "KnownAes": { "{{MoveAe}}": "127.0.0.1:{{movePort}}" },
                "Limits": { "MaxAssociations": 32 },
                "Timeouts": { "Read": "{{Read}}", "Idle": "{{Idle}}", "Artim": "{{Artim}}" } } }
            """);
        var scp = await DsgScpProcess.StartWithAsync("scp", "--config", config, "-od", archive);
        _port = scp.Port;
        _pid = scp.ProcessId;
        var report = new SoakReport { Options = options, Archive = archive };
        try
        {
            log($"soak: dsg scp pid {_pid} port {_port}, archive {archive}, {options.Duration.TotalSeconds:F0} s, {options.Lanes} lanes + {options.IdleLanes} idle");
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(options.Duration);
            var sampler = SampleAsync(clock, stop.Token);
            var lanes = Enumerable.Range(0, options.Lanes).Select(l => Task.Run(() => LaneAsync(l, stop.Token)))
                .Concat(Enumerable.Range(0, options.IdleLanes).Select(l => Task.Run(() => IdleLaneAsync(l, stop.Token)))).ToArray();
            await Task.WhenAll(lanes).WaitAsync(options.Duration + OpLimit + TimeSpan.FromSeconds(60));
            await sampler;
            TakeSample(clock);
            report.Elapsed = clock.Elapsed;
            report.ScpAliveAtEnd = !Process.GetProcessById(_pid).HasExited;

            // C-FIND sees every acknowledged object (before shutdown, through the running SCP).
            report.MissingFromFind = await MissingFromFindAsync();

            // Clean shutdown: SIGTERM, exit code 0.
            using (var kill = Process.Start("kill", ["-TERM", _pid.ToString()])) await kill.WaitForExitAsync();
            try
            {
                report.ExitCode = await scp.WaitForExitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                report.ExitCode = null;
            }
            CheckArchive(archive, report);
            report.Log = scp.Output;
        }
        finally
        {
            await scp.DisposeAsync();
        }
        report.Kinds = _kinds.Values.OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        report.Samples = [.. _samples];
        report.Acknowledged = _objects.Acknowledged.Count;
        report.Uncertain = _objects.Uncertain.Count;
        report.Work = work;
        return report;
    }

    private async Task SampleAsync(Stopwatch clock, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TakeSample(clock);
            try { await Task.Delay(options.SampleInterval, stop); } catch (OperationCanceledException) { }
        }
    }

    private void TakeSample(Stopwatch clock)
    {
        try
        {
            var rss = File.ReadLines($"/proc/{_pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = long.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            var fds = Directory.GetFileSystemEntries($"/proc/{_pid}/fd").Length;
            lock (_samples) _samples.Add(new SoakReport.Sample(clock.Elapsed, kb, fds));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Count("sampler", e);
        }
    }

    private async Task LaneAsync(int lane, CancellationToken stop)
    {
        for (var turn = lane * Mix.Length / options.Lanes; !stop.IsCancellationRequested; turn++)
        {
            var kind = Mix[turn % Mix.Length];
            using var limit = new CancellationTokenSource(OpLimit);
            try
            {
                var outcome = await RunOpAsync(kind, lane, limit.Token);
                Count(kind, outcome);
            }
            catch (Exception e)
            {
                Count(kind, e);
            }
        }
    }

    /// <summary>Sockets that send nothing, or nothing after the A-ASSOCIATE-AC: the SCP must close them (ARTIM, idle timeout).</summary>
    private async Task IdleLaneAsync(int lane, CancellationToken stop)
    {
        for (var turn = lane; !stop.IsCancellationRequested; turn++)
        {
            var kind = turn % 2 == 0 ? "idle-no-rq" : "idle-after-ac";
            try
            {
                Count(kind, await IdleAsync(associate: turn % 2 == 1));
            }
            catch (Exception e)
            {
                Count(kind, e);
            }
        }
    }

    private Task<string?> RunOpAsync(string kind, int lane, CancellationToken ct) => kind switch
    {
        "echoscu" => ToolAsync("echoscu", "-aec", ScpAe, "127.0.0.1", _port.ToString()),
        "storescu" => StorescuAsync(lane),
        "findscu" => ToolAsync("findscu", "-S", "-aec", ScpAe, "-k", "QueryRetrieveLevel=STUDY", "-k", $"StudyInstanceUID={_objects.StudyUid(lane)}",
            "-k", "NumberOfStudyRelatedInstances", "127.0.0.1", _port.ToString()),
        "getscu" => GetscuAsync(),
        "movescu" => MovescuAsync(),
        "dsg-echo" => DsgAsync("echo", "-aec", ScpAe, "127.0.0.1", _port.ToString()),
        "dsg-store" => DsgStoreAsync(lane),
        "dsg-find" => DsgAsync("find", "-aec", ScpAe, "-L", "STUDY", "-k", $"StudyInstanceUID={_objects.StudyUid(lane)}", "127.0.0.1", _port.ToString()),
        "lib-echo" => LibEchoAsync(ct),
        "lib-store" => LibStoreAsync(lane, ct),
        "lib-find" => LibFindAsync(ct),
        "lib-get" => LibGetAsync(ct),
        "lib-move" => LibMoveAsync(ct),
        "abort" => AbortAsync(lane, ct),
        "close-mid-pdata" => CloseMidPDataAsync(),
        "malformed" => MalformedAsync(),
        _ => throw new InvalidOperationException(kind),
    };

    private Size NextSize() => SizeCycle[Interlocked.Increment(ref _sizeTurn) % SizeCycle.Length];

    // ---- DCMTK and dsg CLI ----

    private static async Task<string?> ToolAsync(string tool, params string[] args)
    {
        var run = await Dcmtk.RunAsync(tool, OpLimit, args);
        return run.ExitCode == 0 ? null : $"exit {run.ExitCode}: {FirstError(run.Output)}";
    }

    private static async Task<string?> DsgAsync(params string[] args)
    {
        var run = await Dsg.RunAsync(OpLimit, args);
        return run.ExitCode == 0 ? null : $"exit {run.ExitCode}: {FirstError(run.Output)}";
    }

    private async Task<string?> StorescuAsync(int lane)
    {
        var (path, sent) = await _objects.CreateAsync(lane, NextSize());
        try
        {
            var run = await Dcmtk.RunAsync("storescu", OpLimit, "-v", "-aec", ScpAe, "127.0.0.1", _port.ToString(), path);
            if (run.ExitCode != 0 || !run.Output.Contains("Received Store Response (Success)", StringComparison.Ordinal))
                return $"exit {run.ExitCode}: {FirstError(run.Output)}";
            _objects.Acknowledge(sent);
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<string?> DsgStoreAsync(int lane)
    {
        var (path, sent) = await _objects.CreateAsync(lane, NextSize() == Size.Large ? Size.Ct : Size.Small);
        try
        {
            var failure = await DsgAsync("store", "-aec", ScpAe, "127.0.0.1", _port.ToString(), path);
            if (failure == null) _objects.Acknowledge(sent);
            return failure;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] ImageKeys(SoakObjects.Sent target) =>
    [
        "-k", "QueryRetrieveLevel=IMAGE", "-k", $"StudyInstanceUID={target.StudyUid}", "-k", $"SeriesInstanceUID={target.SeriesUid}",
        "-k", $"SOPInstanceUID={target.SopInstanceUid}",
    ];

    /// <summary>getscu of one acknowledged instance: exactly that instance arrives, with the data set sent.</summary>
    private async Task<string?> GetscuAsync()
    {
        if (_objects.PickRetrievable() is not { } target) return await ToolAsync("echoscu", "-aec", ScpAe, "127.0.0.1", _port.ToString());
        var output = DcmtkFiles.TempDir("dsg-soak-get-");
        try
        {
            var run = await Dcmtk.RunAsync("getscu", OpLimit, ["-S", "-aec", ScpAe, "-od", output, .. ImageKeys(target), "127.0.0.1", _port.ToString()]);
            if (run.ExitCode != 0) return $"exit {run.ExitCode}: {FirstError(run.Output)}";
            var files = Directory.GetFiles(output);
            if (files.Length != 1) return $"{files.Length} files received, expected 1";
            return SoakObjects.DataSetSha256(files[0]) == target.Sha256 ? null : "retrieved data set differs (SHA-256)";
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private async Task<string?> MovescuAsync()
    {
        if (_objects.PickRetrievable() is not { } target) return await ToolAsync("echoscu", "-aec", ScpAe, "127.0.0.1", _port.ToString());
        var run = await Dcmtk.RunAsync("movescu", OpLimit, ["-v", "-S", "-aec", ScpAe, "-aem", MoveAe, .. ImageKeys(target), "127.0.0.1", _port.ToString()]);
        if (run.ExitCode != 0) return $"exit {run.ExitCode}: {FirstError(run.Output)}";
        return run.Output.Contains("Received Final Move Response (Success)", StringComparison.Ordinal) ? null : "final response not Success: " + FirstError(run.Output);
    }

    // ---- our library ----

    private RequestorOptions Requestor(params PresentationContextProposal[] contexts) => new()
    {
        Host = "127.0.0.1",
        Port = _port,
        CallingAeTitle = "SOAKSCU",
        CalledAeTitle = ScpAe,
        PresentationContexts = contexts,
        Transport = OurArchive.Transport,
        AssociateTimeout = TimeSpan.FromSeconds(30),
        ReleaseTimeout = TimeSpan.FromSeconds(30),
    };

    private static readonly PresentationContextProposal EchoContext = new(1, DicomUids.Verification, [DicomUids.ExplicitVRLittleEndian]);
    private static readonly PresentationContextProposal StoreContext = new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian]);
    private static readonly PresentationContextProposal FindContext = new(5, DicomUids.StudyRootQueryRetrieveInformationModelFind, [DicomUids.ExplicitVRLittleEndian]);
    private static readonly PresentationContextProposal MoveContext = new(7, DicomUids.StudyRootQueryRetrieveInformationModelMove, [DicomUids.ExplicitVRLittleEndian]);
    private static readonly PresentationContextProposal GetContext = new(9, DicomUids.StudyRootQueryRetrieveInformationModelGet, [DicomUids.ExplicitVRLittleEndian]);
    private static readonly PresentationContextProposal GetStoreContext = new(11, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian], ScuRole: false, ScpRole: true);

    private async Task<string?> LibEchoAsync(CancellationToken ct)
    {
        await using var client = await DicomClient.ConnectAsync(Requestor(EchoContext), cancellationToken: ct);
        var status = await client.EchoAsync(ct);
        await client.ReleaseAsync(ct);
        return status == DimseStatus.Success ? null : $"status 0x{status:X4}";
    }

    private async Task<string?> LibStoreAsync(int lane, CancellationToken ct)
    {
        await using var client = await DicomClient.ConnectAsync(Requestor(StoreContext), cancellationToken: ct);
        for (var i = 0; i < 3; i++)
        {
            var (path, sent) = await _objects.CreateAsync(lane, NextSize());
            try
            {
                var response = await client.StoreFileAsync(path, ct);
                if (response.Status != DimseStatus.Success) return $"status 0x{response.Status:X4}";
                _objects.Acknowledge(sent);
            }
            finally
            {
                File.Delete(path);
            }
        }
        await client.ReleaseAsync(ct);
        return null;
    }

    private static DicomDataset ImageKey(SoakObjects.Sent target) => new DicomDataset()
        .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "IMAGE")
        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, target.StudyUid)
        .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, target.SeriesUid)
        .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, target.SopInstanceUid);

    private async Task<string?> LibFindAsync(CancellationToken ct)
    {
        if (_objects.PickRetrievable() is not { } target) return await LibEchoAsync(ct);
        await using var client = await DicomClient.ConnectAsync(Requestor(FindContext), cancellationToken: ct);
        var matches = new List<string?>();
        DimseResponse? final = null;
        await foreach (var m in client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, ImageKey(target), r => final = r, ct))
            matches.Add(m.GetString(DicomTags.SOPInstanceUID)?.Trim('\0', ' '));
        await client.ReleaseAsync(ct);
        if (final?.Status != DimseStatus.Success) return $"final status 0x{final?.Status:X4}";
        return matches.Count == 1 && matches[0] == target.SopInstanceUid ? null : $"{matches.Count} matches for one stored instance";
    }

    /// <summary>Receives C-GET sub-operations without storing them: hashes the data set as it streams in.</summary>
    private sealed class HashingReceiver : IStorageService
    {
        public ConcurrentQueue<string> Hashes { get; } = new();

        public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            while (true)
            {
                var read = await dataSet.ReadAsync(cancellationToken);
                foreach (var segment in read.Buffer) hash.AppendData(segment.Span);
                dataSet.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted) break;
            }
            Hashes.Enqueue(Convert.ToHexString(hash.GetHashAndReset()));
            return DimseStatus.Success;
        }
    }

    private async Task<string?> LibGetAsync(CancellationToken ct)
    {
        if (_objects.PickRetrievable() is not { } target) return await LibEchoAsync(ct);
        var receiver = new HashingReceiver();
        var handler = new DicomServiceProvider(new ServiceProviderOptions { Storage = receiver });
        await using var client = await DicomClient.ConnectAsync(Requestor(GetContext, GetStoreContext), handler, cancellationToken: ct);
        var final = await client.GetAsync(DicomUids.StudyRootQueryRetrieveInformationModelGet, ImageKey(target), cancellationToken: ct);
        await client.ReleaseAsync(ct);
        if (final.Status != DimseStatus.Success) return $"final status 0x{final.Status:X4}";
        var hashes = receiver.Hashes.ToArray();
        if (hashes.Length != 1) return $"{hashes.Length} instances received, expected 1";
        return hashes[0] == target.Sha256 ? null : "retrieved data set differs (SHA-256)";
    }

    private async Task<string?> LibMoveAsync(CancellationToken ct)
    {
        if (_objects.PickRetrievable() is not { } target) return await LibEchoAsync(ct);
        await using var client = await DicomClient.ConnectAsync(Requestor(MoveContext), cancellationToken: ct);
        var final = await client.MoveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, MoveAe, ImageKey(target), cancellationToken: ct);
        await client.ReleaseAsync(ct);
        if (final.Status != DimseStatus.Success) return $"final status 0x{final.Status:X4}";
        return final.Message is CMoveRsp { NumberOfCompletedSuboperations: 1 } ? null : "completed sub-operations not 1";
    }

    /// <summary>A-ABORT from our SCU while a CT or large object is on the wire. The object was either acknowledged
    /// before the abort (then it must be archived) or must not appear partially.</summary>
    private async Task<string?> AbortAsync(int lane, CancellationToken ct)
    {
        var (path, sent) = await _objects.CreateAsync(lane, Random.Shared.Next(3) == 0 ? Size.Large : Size.Ct);
        try
        {
            _objects.Uncertain[sent.SopInstanceUid] = sent;
            await using var client = await DicomClient.ConnectAsync(Requestor(StoreContext), cancellationToken: ct);
            var store = client.StoreFileAsync(path, ct);
            await Task.Delay(Random.Shared.Next(5, 150), ct);
            await client.Association.AbortAsync();
            try
            {
                if ((await store).Status == DimseStatus.Success) _objects.Acknowledge(sent);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // Expected: the store fails because we aborted.
            }
            return null;
        }
        finally
        {
            File.Delete(path);
        }
    }

    // ---- raw sockets: PDUs from the DCMTK capture in tests/corpus/pdu ----

    private async Task<Socket> ConnectRawAsync()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", _port);
        return socket;
    }

    /// <summary>The next PDU's type, or null when the SCP closed the connection; throws TimeoutException after <paramref name="within"/>.</summary>
    private static async Task<int?> ReadPduTypeAsync(Socket socket, TimeSpan within)
    {
        using var cts = new CancellationTokenSource(within);
        var header = new byte[6];
        try
        {
            if (!await ReadExactlyAsync(socket, header, cts.Token)) return null;
            var length = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2));
            var body = new byte[Math.Min(length, 1 << 20)];
            if (!await ReadExactlyAsync(socket, body, cts.Token)) return null;
            return header[0];
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the SCP neither answered nor closed within {within.TotalSeconds:F0} s");
        }
        catch (SocketException)
        {
            return null;
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken ct)
    {
        for (var at = 0; at < buffer.Length;)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(at), SocketFlags.None, ct);
            if (n == 0) return false;
            at += n;
        }
        return true;
    }

    /// <summary>Association for CT storage, the C-STORE command, then part of the data PDU, then a plain close.</summary>
    private async Task<string?> CloseMidPDataAsync()
    {
        using var socket = await ConnectRawAsync();
        await socket.SendAsync(Corpus[2]);
        var answer = await ReadPduTypeAsync(socket, TimeSpan.FromSeconds(30));
        if (answer != 2) return $"A-ASSOCIATE-RQ answered with PDU type {answer?.ToString() ?? "none (closed)"}";
        await socket.SendAsync(Corpus[3]);
        await socket.SendAsync(Corpus[4].AsMemory(0, Random.Shared.Next(7, Corpus[4].Length - 1)));
        socket.Close();
        return null;
    }

    /// <summary>The C-ECHO conversation of the capture with 1-3 bytes of one PDU replaced: whatever the SCP does
    /// (answer, reject, abort, close), it must do it within its timeouts.</summary>
    private async Task<string?> MalformedAsync()
    {
        var rq = (byte[])Corpus[0].Clone();
        var data = (byte[])Corpus[1].Clone();
        var target = Random.Shared.Next(2) == 0 ? rq : data;
        for (int i = 0, n = Random.Shared.Next(1, 4); i < n; i++) target[Random.Shared.Next(target.Length)] = (byte)Random.Shared.Next(256);
        var bound = Read + Artim + TimeSpan.FromSeconds(20);
        using var socket = await ConnectRawAsync();
        await socket.SendAsync(rq);
        if (await ReadPduTypeAsync(socket, bound) != 2) return null;
        await socket.SendAsync(data);
        await ReadPduTypeAsync(socket, bound);
        return null;
    }

    /// <summary>A connection that sends nothing (closed by ARTIM) or nothing after the A-ASSOCIATE-AC (idle timeout).</summary>
    private async Task<string?> IdleAsync(bool associate)
    {
        using var socket = await ConnectRawAsync();
        var clock = Stopwatch.StartNew();
        var timer = associate ? Idle : Artim;
        if (associate)
        {
            await socket.SendAsync(Corpus[0]);
            if (await ReadPduTypeAsync(socket, TimeSpan.FromSeconds(30)) is var answer && answer != 2) return $"A-ASSOCIATE-RQ answered with PDU type {answer}";
            clock.Restart();
        }
        var bound = timer + TimeSpan.FromSeconds(15);
        // An A-ABORT may precede the close.
        while (await ReadPduTypeAsync(socket, bound - clock.Elapsed) is { } type)
            if (type != 7) return $"unexpected PDU type {type} on an idle connection";
        return clock.Elapsed >= timer - TimeSpan.FromSeconds(1) ? null : $"closed after {clock.Elapsed.TotalSeconds:F1} s, before the {timer.TotalSeconds:F0} s timer";
    }

    // ---- bookkeeping and the end checks ----

    private void Count(string kind, string? failure)
    {
        var k = _kinds.GetOrAdd(kind, n => new SoakReport.Kind(n));
        if (failure == null) Interlocked.Increment(ref k.Ok);
        else k.Fail(failure);
    }

    private void Count(string kind, Exception e) => Count(kind, e.GetType().Name + ": " + FirstLine(e.Message));

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length > 120 ? line[..120] : line;
    }

    private static string FirstError(string output) => FirstLine(string.Join('\n', output.Split('\n').Where(l => l.StartsWith("E:", StringComparison.Ordinal) || l.StartsWith("F:", StringComparison.Ordinal)).DefaultIfEmpty(output)));

    /// <summary>Acknowledged objects that a C-FIND (IMAGE level, per lane study and size series) does not return.</summary>
    private async Task<List<string>> MissingFromFindAsync()
    {
        var missing = new List<string>();
        await using var client = await DicomClient.ConnectAsync(Requestor(FindContext));
        foreach (var series in _objects.Acknowledged.Values.GroupBy(s => (s.StudyUid, s.SeriesUid)))
        {
            var key = new DicomDataset()
                .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "IMAGE")
                .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, series.Key.StudyUid)
                .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, series.Key.SeriesUid)
                .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, "");
            var found = new HashSet<string>(StringComparer.Ordinal);
            DimseResponse? final = null;
            await foreach (var m in client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, key, r => final = r))
                if (m.GetString(DicomTags.SOPInstanceUID)?.Trim('\0', ' ') is { } sop) found.Add(sop);
            if (final?.Status != DimseStatus.Success) missing.Add($"C-FIND of series {series.Key.SeriesUid} ended 0x{final?.Status:X4}");
            missing.AddRange(series.Where(s => !found.Contains(s.SopInstanceUid)).Select(s => s.SopInstanceUid + " (not found by C-FIND)"));
        }
        await client.ReleaseAsync();
        return missing;
    }

    /// <summary>After shutdown: every acknowledged object has an index row and a file whose data set has the sent SHA-256;
    /// an object of an aborted association is absent or complete; nothing is left in staging.</summary>
    private void CheckArchive(string folder, SoakReport report)
    {
        using var archive = DicomArchive.Open(folder, "SOAKCHECK");
        var rows = archive.Index.InstancesAsync([], CancellationToken.None).GetAwaiter().GetResult().ToDictionary(r => r.SopInstanceUid);
        report.IndexRows = rows.Count;
        string? Problem(SoakObjects.Sent sent)
        {
            if (!rows.TryGetValue(sent.SopInstanceUid, out var row)) return "no index row";
            var path = Path.Combine(folder, row.RelativePath);
            if (!File.Exists(path)) return "index row without file";
            return SoakObjects.DataSetSha256(path) == sent.Sha256 ? null : "SHA-256 differs";
        }
        foreach (var sent in _objects.Acknowledged.Values)
            if (Problem(sent) is { } p) report.Lost.Add($"{sent.SopInstanceUid} ({sent.Size}): {p}");
        foreach (var sent in _objects.Uncertain.Values)
        {
            if (rows.ContainsKey(sent.SopInstanceUid) && Problem(sent) is { } p) report.Lost.Add($"{sent.SopInstanceUid} (aborted, {sent.Size}): partial: {p}");
            if (rows.ContainsKey(sent.SopInstanceUid)) report.UncertainStored++;
        }
        var incoming = Path.Combine(folder, ".incoming");
        report.StagingLeft = Directory.Exists(incoming) ? Directory.GetFiles(incoming).Length : 0;
    }
}

/// <summary>What a soak run measured, and its verdict.</summary>
internal sealed class SoakReport
{
    public const double MaxGrowth = 0.10;

    public sealed record Sample(TimeSpan At, long RssKb, int Fds);

    public sealed class Kind(string name)
    {
        public string Name { get; } = name;
        public int Ok;
        public ConcurrentDictionary<string, int> Failures { get; } = new();

        public int Failed => Failures.Values.Sum();

        public void Fail(string reason) => Failures.AddOrUpdate(reason, 1, (_, n) => n + 1);
    }

    public required SoakOptions Options { get; init; }
    public required string Archive { get; init; }
    public string Work { get; set; } = "";
    public TimeSpan Elapsed { get; set; }
    public bool ScpAliveAtEnd { get; set; }
    public int? ExitCode { get; set; }
    public string Log { get; set; } = "";
    public List<Kind> Kinds { get; set; } = [];
    public List<Sample> Samples { get; set; } = [];
    public int Acknowledged { get; set; }
    public int Uncertain { get; set; }
    public int UncertainStored { get; set; }
    public int IndexRows { get; set; }
    public int StagingLeft { get; set; }
    public List<string> MissingFromFind { get; set; } = [];
    public List<string> Lost { get; } = [];

    private IEnumerable<Sample> In(TimeSpan from, TimeSpan to) => Samples.Where(s => s.At >= from && s.At <= to);

    /// <summary>The baseline window: from the end of the warm-up, one window long.</summary>
    public List<Sample> Baseline => In(Options.Warmup, Options.Warmup + Options.Window).ToList();

    /// <summary>The end window: the last window of the run.</summary>
    public List<Sample> End => In(Elapsed - Options.Window, Elapsed).ToList();

    /// <summary>Peak of the end window over peak of the baseline window, minus 1. Peaks against peaks: the managed
    /// heap's RSS is a saw-tooth (it grows until a GC, and the GC keeps freed segments for a while), and a large
    /// C-STORE or a burst of connections lifts one sample; comparing the highest sample of each window compares the
    /// same phase of the saw-tooth, while a leak raises every peak. A median of the end window against the median of the
    /// baseline is printed too.</summary>
    public static double Growth(IEnumerable<double> baseline, IEnumerable<double> end) => end.Max() / baseline.Max() - 1;

    public static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    public double RssGrowth => Growth(Baseline.Select(s => (double)s.RssKb), End.Select(s => (double)s.RssKb));

    /// <summary>Runs at least this long judge memory by <see cref="RssGrowth"/> (two windows far apart); shorter ones
    /// (the CI run) only by <see cref="ShortRunRssCeilingKb"/>: inside the full suite the working set is still growing
    /// towards its plateau (140-165 MiB in solo and 10-30 min runs) for the whole two minutes (three CI runs: +13.5 %,
    /// +22.7 %, +22.9 % between the windows and a new high of +10.6 % at the end, never above 146 MiB, nothing lost),
    /// so no growth measure of a short run tells that from a leak; growth and the new high are printed.</summary>
    public static readonly TimeSpan LongRun = TimeSpan.FromMinutes(10);

    /// <summary>A short run's ceiling on VmRSS: issue 20's bound for 64 concurrent associations (the soak has fewer).</summary>
    public const long ShortRunRssCeilingKb = 256 * 1024;

    /// <summary>Every sample from the end of the warm-up to the start of the end window.</summary>
    public List<Sample> BeforeEnd => In(Options.Warmup, Elapsed - Options.Window - TimeSpan.FromTicks(1)).ToList();

    /// <summary>Peak of the end window over the highest sample before it (after the warm-up), minus 1: a new high.
    /// In a run of two minutes the working set may still be growing to its plateau when the baseline window is taken
    /// (under the full suite's load it grew from 119 to 146 MiB between the windows of one CI run, while alone it is
    /// flat from about 55 s, and the 30-minute run is flat from 15 min); a leak keeps making new highs.</summary>
    public double RssNewHigh => Growth(BeforeEnd.Select(s => (double)s.RssKb), End.Select(s => (double)s.RssKb));

    private bool IsLongRun => Options.Duration >= LongRun;

    public double FdGrowth => Growth(Baseline.Select(s => (double)s.Fds), End.Select(s => (double)s.Fds));

    public IEnumerable<string> LogLines(params string[] marks) => Log.Split('\n').Where(l => marks.Any(m => l.Contains(m, StringComparison.Ordinal)));

    /// <summary>Everything that makes the run fail; empty when it passed.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (Baseline.Count == 0 || End.Count == 0) problems.Add($"too few samples ({Samples.Count}) for the windows");
        else
        {
            if (IsLongRun && RssGrowth >= MaxGrowth) problems.Add($"VmRSS grew {RssGrowth:P1} (peak {End.Max(s => s.RssKb)} kB vs {Baseline.Max(s => s.RssKb)} kB)");
            if (!IsLongRun && Samples.Max(s => s.RssKb) >= ShortRunRssCeilingKb)
                problems.Add($"VmRSS reached {Samples.Max(s => s.RssKb)} kB, above the {ShortRunRssCeilingKb} kB ceiling of a short run");
            if (FdGrowth >= MaxGrowth) problems.Add($"open descriptors grew {FdGrowth:P1} (peak {End.Max(s => s.Fds)} vs {Baseline.Max(s => s.Fds)})");
        }
        foreach (var k in Kinds.Where(k => k.Failed > 0))
            problems.Add($"{k.Name}: {k.Failed} failed: " + string.Join("; ", k.Failures.Select(f => $"{f.Value}x {f.Key}")));
        foreach (var k in Kinds.Where(k => k.Ok == 0)) problems.Add($"{k.Name}: never succeeded");
        problems.AddRange(Lost.Select(l => "lost: " + l));
        problems.AddRange(MissingFromFind.Select(m => "C-FIND: " + m));
        if (Acknowledged == 0) problems.Add("no object was acknowledged");
        if (StagingLeft > 0) problems.Add($"{StagingLeft} files left in .incoming (staging files or placement records never settled)");
        if (!ScpAliveAtEnd) problems.Add("dsg scp was not running at the end");
        // SIGTERM cancels the verb, which stops the server and exits 0 (143 would mean the shutdown bound ran out).
        if (ExitCode is not 0) problems.Add($"dsg scp did not shut down cleanly on SIGTERM (exit code {ExitCode?.ToString() ?? "none within 30 s"})");
        problems.AddRange(LogLines("Unhandled exception", "crit:").Take(5).Select(l => "log: " + l.Trim()));
        return problems;
    }

    public string Summary()
    {
        var b = new StringBuilder();
        b.AppendLine($"soak: {Elapsed.TotalSeconds:F0} s, warm-up {Options.Warmup.TotalSeconds:F0} s, windows {Options.Window.TotalSeconds:F0} s, {Samples.Count} samples every {Options.SampleInterval.TotalSeconds:F0} s");
        b.AppendLine();
        b.AppendLine("| operation | ok | failed | failure reasons |");
        b.AppendLine("| --- | ---: | ---: | --- |");
        foreach (var k in Kinds)
            b.AppendLine($"| {k.Name} | {k.Ok} | {k.Failed} | {string.Join("; ", k.Failures.Select(f => $"{f.Value}x {f.Key}"))} |");
        b.AppendLine($"| total | {Kinds.Sum(k => k.Ok)} | {Kinds.Sum(k => k.Failed)} | |");
        b.AppendLine();
        if (Baseline.Count > 0 && End.Count > 0)
        {
            var first = Samples.First();
            b.AppendLine("| | first sample | baseline window peak (median) | end window peak (median) | growth peak/peak | growth median/median |");
            b.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
            double Med(List<Sample> s, Func<Sample, double> f) => Median(s.Select(f));
            b.AppendLine($"| VmRSS (MiB) | {first.RssKb / 1024.0:F1} | {Baseline.Max(s => s.RssKb) / 1024.0:F1} ({Med(Baseline, s => s.RssKb) / 1024:F1}) | {End.Max(s => s.RssKb) / 1024.0:F1} ({Med(End, s => s.RssKb) / 1024:F1}) | {RssGrowth:+0.0%;-0.0%} | {Med(End, s => s.RssKb) / Med(Baseline, s => s.RssKb) - 1:+0.0%;-0.0%} |");
            b.AppendLine($"| open fds | {first.Fds} | {Baseline.Max(s => s.Fds)} ({Med(Baseline, s => s.Fds):F0}) | {End.Max(s => s.Fds)} ({Med(End, s => s.Fds):F0}) | {FdGrowth:+0.0%;-0.0%} | {Med(End, s => s.Fds) / Med(Baseline, s => s.Fds) - 1:+0.0%;-0.0%} |");
            b.AppendLine($"VmRSS range over the run: {Samples.Min(s => s.RssKb) / 1024.0:F1}-{Samples.Max(s => s.RssKb) / 1024.0:F1} MiB; fds {Samples.Min(s => s.Fds)}-{Samples.Max(s => s.Fds)}");
            if (BeforeEnd.Count > 0)
                b.AppendLine($"end window peak over the highest sample before it (after the warm-up): {RssNewHigh:+0.0%;-0.0%}");
            b.AppendLine(IsLongRun
                ? $"memory judged by growth peak/peak (a run of {LongRun.TotalMinutes:F0} min or more)"
                : $"memory judged by the {ShortRunRssCeilingKb / 1024} MiB ceiling (a run under {LongRun.TotalMinutes:F0} min: growth and the new high printed, not judged)");
        }
        b.AppendLine();
        b.AppendLine($"objects acknowledged: {Acknowledged}; index rows: {IndexRows}; lost: {Lost.Count}; not found by C-FIND: {MissingFromFind.Count}; " +
            $"aborted mid-store, not acknowledged: {Uncertain} ({UncertainStored} of them complete in the archive, none partial unless listed as lost); staging files left: {StagingLeft}");
        b.AppendLine($"dsg scp alive at the end: {ScpAliveAtEnd}; exit code after SIGTERM: {ExitCode?.ToString() ?? "none"}; log lines: " +
            $"{LogLines("Unhandled exception").Count()} 'Unhandled exception', {LogLines("crit:").Count()} crit, {LogLines("fail:").Count()} fail, {LogLines("warn:").Count()} warn");
        var problems = Problems();
        b.AppendLine(problems.Count == 0 ? "verdict: PASS" : "verdict: FAIL\n  " + string.Join("\n  ", problems));
        return b.ToString();
    }
}
