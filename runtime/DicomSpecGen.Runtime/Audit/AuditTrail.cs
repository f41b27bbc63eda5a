using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Audit;

/// <summary>A bad --audit destination.</summary>
public sealed class AuditDestinationException(string message) : Exception(message);

/// <summary>An --audit destination: udp://host:port, tcp://host:port, tls://host:port[?ca=FILE], file:PATH.</summary>
public sealed record AuditDestination(string Scheme, string Host, int Port, string? Path, string? CaFile)
{
    public static AuditDestination Parse(string text)
    {
        if (text.StartsWith("file:", StringComparison.Ordinal))
        {
            var path = text["file:".Length..];
            if (path.StartsWith("//", StringComparison.Ordinal)) path = new Uri(text).LocalPath;
            if (path.Length == 0) throw new AuditDestinationException($"--audit '{text}': file: needs a path (file:/var/log/dsg-audit.log)");
            return new AuditDestination("file", "", 0, path, null);
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("udp" or "tcp" or "tls") || uri.Port <= 0 || uri.Host.Length == 0)
            throw new AuditDestinationException($"--audit '{text}' is not udp://host:port, tcp://host:port, tls://host:port or file:PATH");
        string? ca = null;
        foreach (var part in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("ca=", StringComparison.Ordinal) && uri.Scheme == "tls") ca = Uri.UnescapeDataString(part[3..]);
            else throw new AuditDestinationException($"--audit '{text}': unknown parameter '{part}' (tls:// takes ?ca=FILE)");
        }
        return new AuditDestination(uri.Scheme, uri.IdnHost, uri.Port, null, ca);
    }

    public IAuditSink CreateSink(string appName)
    {
        switch (Scheme)
        {
            case "file":
                try
                {
                    return new FileAuditSink(Path!, appName);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    throw new AuditDestinationException($"--audit: cannot open {Path}: {e.Message}");
                }
            case "udp":
                return new UdpSyslogSink(Host, Port, appName);
            default:
                X509Certificate2Collection? roots = null;
                if (CaFile != null)
                {
                    roots = new X509Certificate2Collection();
                    try
                    {
                        roots.ImportFromPemFile(CaFile);
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
                    {
                        throw new AuditDestinationException($"--audit: cannot read the CA file {CaFile}: {e.Message}");
                    }
                }
                return new StreamSyslogSink(Host, Port, appName, Scheme == "tls", roots);
        }
    }

    public override string ToString() => Scheme == "file" ? "file:" + Path : $"{Scheme}://{Host}:{Port}";
}

/// <summary>Options of an <see cref="AuditTrail"/>.</summary>
public sealed record AuditTrailOptions
{
    /// <summary>Messages waiting at most; more are dropped (counted, logged), never waited for.</summary>
    public int Capacity { get; init; } = 1024;

    /// <summary>The longest one message may take to reach the sink (connect included).</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long disposing waits for the queue to drain.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>The audit trail: a bounded queue in front of one sink, emptied by one task. Posting never blocks and never
/// throws, so DICOM traffic cannot wait on or fail because of the collector; what does not fit is dropped and counted.
/// Messages are built in the pump (a builder may look things up, e.g. the patient of a stored instance).</summary>
public sealed class AuditTrail : IAsyncDisposable
{
    private readonly Channel<Func<CancellationToken, ValueTask<IReadOnlyList<AuditMessage>>>> _queue;
    private readonly IAuditSink _sink;
    private readonly AuditTrailOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;
    private long _sent, _dropped, _failed;

    public AuditTrail(IAuditSink sink, AuditEvents events, AuditTrailOptions? options = null, ILogger? logger = null)
    {
        _sink = sink;
        Events = events;
        _options = options ?? new AuditTrailOptions();
        _logger = logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<Func<CancellationToken, ValueTask<IReadOnlyList<AuditMessage>>>>(
            new BoundedChannelOptions(Math.Max(1, _options.Capacity)) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The message factory (who we are, the codes of the spec).</summary>
    public AuditEvents Events { get; }

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Messages not queued because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Messages the sink refused or did not take in time, or that could not be built.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Queues a message; false (and counted) when the queue is full or closed.</summary>
    public bool Post(AuditMessage message) => Post(_ => ValueTask.FromResult<IReadOnlyList<AuditMessage>>([message]));

    /// <summary>Builds a message here and queues it; a builder that throws is counted as failed, never thrown to the
    /// caller (DICOM traffic).</summary>
    public bool TryPost(Func<AuditMessage> build)
    {
        try
        {
            return Post(build());
        }
        catch (Exception e)
        {
            Fail(e, "building");
            return false;
        }
    }

    /// <summary>Queues a builder run by the pump; false (and counted) when the queue is full or closed.</summary>
    public bool Post(Func<CancellationToken, ValueTask<IReadOnlyList<AuditMessage>>> build)
    {
        if (_queue.Writer.TryWrite(build)) return true;
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
            _logger.LogWarning("audit: queue full ({Capacity} messages), {Dropped} message(s) dropped so far", _options.Capacity, dropped);
        return false;
    }

    private async Task PumpAsync()
    {
        await foreach (var build in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(_options.SendTimeout);
            IReadOnlyList<AuditMessage> messages;
            try
            {
                messages = await build(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (!_stop.IsCancellationRequested)
            {
                Fail(e, "building");
                continue;
            }
            foreach (var message in messages)
            {
                try
                {
                    await _sink.WriteAsync(message, timeout.Token).ConfigureAwait(false);
                    Interlocked.Increment(ref _sent);
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    Fail(e, "sending");
                }
            }
        }
    }

    private void Fail(Exception e, string what)
    {
        var failed = Interlocked.Increment(ref _failed);
        if (failed == 1 || failed % 100 == 0)
            _logger.LogWarning("audit: {What} a message failed ({Failed} so far): {Error}", what, failed, e.Message);
    }

    /// <summary>Stops taking messages, lets the queue drain for at most <see cref="AuditTrailOptions.DrainTimeout"/>, and
    /// logs what was sent, dropped and failed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _pump.WaitAsync(_options.DrainTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _stop.Cancel();
            try { await _pump.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false); } catch (Exception) { /* pump cancelled or still stuck: give up */ }
        }
        catch (OperationCanceledException)
        {
        }
        var left = 0;
        while (_queue.Reader.TryRead(out _)) left++;
        if (left > 0) Interlocked.Add(ref _failed, left);
        var level = Dropped + Failed > 0 ? LogLevel.Warning : LogLevel.Information;
        _logger.Log(level, "audit: {Sent} message(s) sent, {Dropped} dropped (queue full), {Failed} failed", Sent, Dropped, Failed);
        await _sink.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
