using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Services.Scu;

/// <summary>Opens associations from our AE to AEs known by title: what a C-MOVE SCP does for its C-STORE
/// sub-operations, and an SCP reporting on a new association (e.g. Storage Commitment's N-EVENT-REPORT).</summary>
/// <remarks>PS3.4 C.4.2.2.1 (C-MOVE sub-operations on a separate association); PS3.4 J.3.3 (a report on a new
/// association).</remarks>
public sealed class AeConnector(AeConnectorOptions options, ILogger? logger = null)
{
    public AeConnectorOptions Options { get; } = options;

    /// <summary>The AE known by this title (trailing spaces ignored), or null.</summary>
    public KnownAe? Find(string aeTitle) => Options.KnownAes.TryGetValue(aeTitle.Trim(), out var ae) ? ae : null;

    /// <summary>Requests an association to <paramref name="ae"/> proposing <paramref name="contexts"/>;
    /// <paramref name="handler"/> serves requests the peer sends on it.</summary>
    public async Task<DimseConnection> OpenAsync(KnownAe ae, IReadOnlyList<PresentationContextProposal> contexts, IDimseRequestHandler? handler,
        CancellationToken cancellationToken)
    {
        var common = Options.CommonOptions;
        var association = await DicomAssociation.RequestAsync(new RequestorOptions
        {
            Host = ae.Host,
            Port = ae.Port,
            CallingAeTitle = Options.AeTitle,
            CalledAeTitle = ae.AeTitle,
            PresentationContexts = contexts,
            AssociateTimeout = Options.Timeout,
            ReleaseTimeout = Options.Timeout,
            Transport = common?.Transport ?? new(),
            Engine = common?.Engine ?? DulEngine.Generated,
            Trace = common?.Trace,
        }, logger, cancellationToken).ConfigureAwait(false);
        return DimseConnection.Start(association, handler, logger);
    }
}

/// <summary>Configuration of an <see cref="AeConnector"/>.</summary>
public sealed record AeConnectorOptions
{
    /// <summary>Our AE title (the Calling AE Title of the associations opened).</summary>
    public string AeTitle { get; init; } = "DSGSCP";

    /// <summary>The AEs reachable, by AE title.</summary>
    public IReadOnlyDictionary<string, KnownAe> KnownAes { get; init; } = new Dictionary<string, KnownAe>();

    /// <summary>How long to wait for the association's accept and release.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Transport, engine and trace settings of the associations opened (e.g. the acceptor's).</summary>
    public AssociationCommonOptions? CommonOptions { get; init; }
}
