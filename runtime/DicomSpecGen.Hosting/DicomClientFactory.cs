using DicomSpecGen.Association;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DicomSpecGen.Hosting;

/// <summary>Opens SCU associations with the container's logging and settings.</summary>
public interface IDicomClientFactory
{
    /// <summary>Requests an association to the AE known by <paramref name="aeTitle"/> (<see cref="DicomClientOptions.KnownAes"/>).</summary>
    Task<DicomClient> ConnectAsync(string aeTitle, IReadOnlyList<PresentationContextProposal> contexts, CancellationToken cancellationToken = default);

    /// <summary>Requests an association to <paramref name="host"/>:<paramref name="port"/>, calling <paramref name="calledAeTitle"/>.</summary>
    Task<DicomClient> ConnectAsync(string host, int port, string calledAeTitle, IReadOnlyList<PresentationContextProposal> contexts, CancellationToken cancellationToken = default);

    /// <summary>Requests an association with options of your own; <paramref name="handler"/> serves requests the peer
    /// sends on it (the C-STOREs of a C-GET).</summary>
    Task<DicomClient> ConnectAsync(RequestorOptions options, IDimseRequestHandler? handler = null, CancellationToken cancellationToken = default);
}

/// <summary>The client factory's settings; bound from the same section as the SCP's (its AeTitle and KnownAes).</summary>
public sealed class DicomClientOptions
{
    /// <summary>Our AE title as SCU (Calling AE Title).</summary>
    public string AeTitle { get; set; } = "DSGSCU";

    /// <summary>Peers by AE title, as "host:port".</summary>
    public Dictionary<string, string> KnownAes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Timeouts (the Connect, Read and Association ones are used).</summary>
    public DicomTimeoutsConfig Timeouts { get; set; } = new();
}

internal sealed class DicomClientFactory(IOptions<DicomClientOptions> options, ILoggerFactory? loggers = null) : IDicomClientFactory
{
    private readonly ILogger _logger = (loggers ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("DicomSpecGen.Client");

    public Task<DicomClient> ConnectAsync(string aeTitle, IReadOnlyList<PresentationContextProposal> contexts, CancellationToken cancellationToken = default)
    {
        var known = options.Value.KnownAes;
        if (!known.TryGetValue(aeTitle, out var address) || !DicomServerOptionsValidator.TryParseKnownAe(aeTitle, address, out var ae))
            throw new InvalidOperationException(known.ContainsKey(aeTitle)
                ? $"KnownAes:{aeTitle}: '{address}' is not host:port"
                : $"AE '{aeTitle}' is not in KnownAes (known: {(known.Count == 0 ? "none" : string.Join(", ", known.Keys))})");
        return ConnectAsync(ae.Host, ae.Port, ae.AeTitle, contexts, cancellationToken);
    }

    public Task<DicomClient> ConnectAsync(string host, int port, string calledAeTitle, IReadOnlyList<PresentationContextProposal> contexts, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        return ConnectAsync(new RequestorOptions
        {
            Host = host,
            Port = port,
            CallingAeTitle = o.AeTitle,
            CalledAeTitle = calledAeTitle,
            PresentationContexts = contexts,
            AssociateTimeout = o.Timeouts.Association,
            ReleaseTimeout = o.Timeouts.Association,
            Transport = new() { ConnectTimeout = o.Timeouts.Connect, ReadTimeout = o.Timeouts.Read },
        }, null, cancellationToken);
    }

    public Task<DicomClient> ConnectAsync(RequestorOptions requestor, IDimseRequestHandler? handler = null, CancellationToken cancellationToken = default)
        => DicomClient.ConnectAsync(requestor, handler, _logger, cancellationToken);
}
