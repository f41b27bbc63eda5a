using System.Net;
using DicomSpecGen.Association;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Services.Scp;

/// <summary>An SCP: an <see cref="AssociationListener"/> whose associations are served by an <see cref="IDimseRequestHandler"/>
/// (usually a <see cref="ServiceRegistry"/> or a <see cref="DicomServiceProvider"/>).</summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly AssociationListener _listener;

    private DicomServer(AssociationListener listener) => _listener = listener;

    public int Port => _listener.Port;

    public int ActiveAssociations => _listener.ActiveAssociations;

    public static DicomServer Start(IPAddress address, int port, AcceptorOptions options, IDimseRequestHandler handler, ILogger? logger = null,
        Action<NegotiationExplanation>? explain = null)
    {
        var listener = AssociationListener.Start(address, port, options, async (association, stop) =>
        {
            var connection = DimseConnection.Start(association, handler, logger);
            await using (stop.Register(() => _ = association.AbortAsync()))
            {
                await connection.Completion.ConfigureAwait(false);
            }
        }, logger, explain);
        return new DicomServer(listener);
    }

    /// <summary>Stops accepting, lets open associations finish for up to <paramref name="drainTimeout"/>, then aborts the rest.</summary>
    public Task StopAsync(TimeSpan drainTimeout, CancellationToken cancellationToken = default) => _listener.StopAsync(drainTimeout, cancellationToken);

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
