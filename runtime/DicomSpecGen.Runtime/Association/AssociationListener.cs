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
        _acceptLoop = Task.Run(AcceptLoopAsync);
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

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            socket.NoDelay = true;
            var active = Interlocked.Increment(ref _active);
            var session = Task.Run(() => ServeAsync(socket, active > _options.MaxAssociations));
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

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
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
