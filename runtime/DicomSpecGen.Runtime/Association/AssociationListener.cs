using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Association;

/// <summary>Listens for TCP connections and runs the acceptor side of an association on each, then hands each
/// accepted association to a handler. Above <see cref="AcceptorOptions.MaxAssociations"/> open associations a
/// new request is rejected by the provider (rejected-transient, local-limit-exceeded: PS3.8 Table 9-21).</summary>
public sealed class AssociationListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly AcceptorOptions _options;
    private readonly Func<DicomAssociation, CancellationToken, Task> _handler;
    private readonly ILogger _logger;
    private readonly Action<NegotiationExplanation>? _explain;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _accepting = new();
    private readonly ConcurrentDictionary<Task, byte> _sessions = new();
    private readonly Task _acceptLoop;
    private int _active;

    private AssociationListener(TcpListener listener, AcceptorOptions options, Func<DicomAssociation, CancellationToken, Task> handler, ILogger? logger, Action<NegotiationExplanation>? explain)
    {
        _listener = listener;
        _options = options;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        _explain = explain;
        // A thread of its own, blocked in accept: a starved thread pool must not leave connections unaccepted.
        _acceptLoop = Task.Factory.StartNew(AcceptLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Starts listening; port 0 picks a free port (see <see cref="Port"/>).</summary>
    public static AssociationListener Start(IPAddress address, int port, AcceptorOptions options, Func<DicomAssociation, CancellationToken, Task> handler,
        ILogger? logger = null, Action<NegotiationExplanation>? explain = null)
    {
        var listener = new TcpListener(address, port);
        listener.Start(backlog: 64);
        return new AssociationListener(listener, options, handler, logger, explain);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The number of associations being served.</summary>
    public int ActiveAssociations => Volatile.Read(ref _active);

    private void AcceptLoop()
    {
        while (!_accepting.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                // Synchronous: an asynchronous accept would complete on a pool thread. Stop() ends the wait.
                socket = _listener.AcceptSocket();
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException or InvalidOperationException)
            {
                return;
            }
            socket.NoDelay = true;
            var active = Interlocked.Increment(ref _active);
            // The session starts on a thread of its own too (up to its first wait), rather than queued to the pool.
            var session = Task.Factory.StartNew(() => ServeAsync(socket, active > _options.MaxAssociations), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
            _sessions[session] = 0;
            _ = session.ContinueWith(t => _sessions.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Socket socket, bool overCapacity)
    {
        // Read now: a failed TLS handshake disposes the socket, and RemoteEndPoint then throws inside the catch below.
        var peer = socket.RemoteEndPoint;
        try
        {
            var association = await DicomAssociation.AcceptAsync(socket, _options, overCapacity, _logger, _explain, _stop.Token).ConfigureAwait(false);
            if (association == null) return;
            await using (association.ConfigureAwait(false))
            {
                await _handler(association, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException && _stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "association from {Peer} failed", peer);
            _options.ConnectionFailed?.Invoke(peer?.ToString(), e);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    /// <summary>Graceful stop: no new connection is accepted (the port closes), the open associations may end by
    /// themselves for up to <paramref name="drainTimeout"/> (or until <paramref name="cancellationToken"/>), then those
    /// still open are aborted (A-ABORT) as in <see cref="DisposeAsync"/>.</summary>
    public async Task StopAsync(TimeSpan drainTimeout, CancellationToken cancellationToken = default)
    {
        await StopAcceptingAsync().ConfigureAwait(false);
        var open = _sessions.Keys.ToArray();
        if (open.Length > 0)
        {
            _logger.LogInformation("stopped listening; waiting up to {Timeout} for {Count} association(s) to end", drainTimeout, open.Length);
            try
            {
                await Task.WhenAll(open).WaitAsync(drainTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                _logger.LogWarning("aborting {Count} association(s) still open after the stop timeout", open.Count(t => !t.IsCompleted));
            }
        }
        await DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopAcceptingAsync()
    {
        _accepting.Cancel();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await StopAcceptingAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_sessions.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("{Count} association(s) did not end within 10 s of stopping the listener", _sessions.Count);
        }
    }
}
