using DicomSpecGen.Association;
using DicomSpecGen.Services;
using DicomSpecGen.Services.QueryRetrieve;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.Storage;
using DicomSpecGen.Services.Verification;
using DicomSpecGen.Services.Worklist;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DicomSpecGen.Hosting;

/// <summary>The SCP as an <see cref="IHostedService"/>: on start it composes a <see cref="ServiceRegistry"/> from the
/// configuration and the container (see <see cref="ComposeServices"/>) and listens; on stop it stops accepting, lets
/// open associations finish for up to <see cref="DicomTimeoutsConfig.Shutdown"/> and aborts those left.</summary>
public sealed class DicomHostedServer(IOptions<DicomServerOptions> options, IServiceProvider container, ILogger<DicomHostedServer> logger)
    : IHostedService, IAsyncDisposable
{
    private DicomServer? _server;

    /// <summary>The port listened on (the one picked when the configuration says 0); 0 before start.</summary>
    public int Port => _server?.Port ?? 0;

    /// <summary>The associations being served.</summary>
    public int ActiveAssociations => _server?.ActiveAssociations ?? 0;

    /// <summary>The services served, once started.</summary>
    public ServiceRegistry? Services { get; private set; }

    /// <summary>Receives the explanation of every negotiation (why each association and context got its result).</summary>
    public Action<NegotiationExplanation>? Explain { get; set; }

    /// <summary>Composes the services and starts listening.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value; // validated here at the latest (OptionsValidationException naming each key)
        Services = ComposeServices(o, container, logger);
        var acceptor = DicomServerComposition.Acceptor(o, Services);
        _server = DicomServer.Start(DicomServerComposition.BindAddress(o), o.Port, acceptor, Services, logger, Explain);
        logger.LogInformation("{AeTitle} listening on port {Port} of {Address}{Tls}; serving {Services}", o.AeTitle, _server.Port, o.BindAddress,
            acceptor.Transport.Tls != null ? " (TLS)" : "", string.Join("; ", Services.Services.Select(ServiceRegistry.Describe)));
        return Task.CompletedTask;
    }

    /// <summary>Graceful stop (see the class summary).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not { } server) return;
        await server.StopAsync(options.Value.Timeouts.Shutdown, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("{AeTitle} stopped", options.Value.AeTitle);
    }

    /// <summary>Stops at once (open associations are aborted).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The services of the SCP: Verification (unless turned off); Storage into the container's
    /// <see cref="IStorageService"/>; Query/Retrieve over its <see cref="IQueryService"/> (C-MOVE to the known AEs);
    /// Modality Worklist from <see cref="DicomServicesConfig.WorklistFolder"/>; and every <see cref="IDicomService"/>
    /// registered in the container (<c>AddDicomService</c>). A service required by the configuration whose backend is
    /// not registered is an <see cref="InvalidOperationException"/> naming the key and the call that registers it.</summary>
    public static ServiceRegistry ComposeServices(DicomServerOptions o, IServiceProvider container, ILogger? logger = null, string section = DicomServerOptions.SectionName)
    {
        var registry = new ServiceRegistry(logger);
        if (o.Services.Verification) registry.Add(new VerificationService());
        var storage = container.GetService<IStorageService>();
        if (Wanted(o.Services.Storage, storage, $"{section}:Services:Storage", "C-STORE handler (IStorageService)", "services.AddDicomStorageHandler<T>()"))
            registry.Add(new StorageService(storage, logger));
        var query = container.GetService<IQueryService>();
        if (Wanted(o.Services.QueryRetrieve, query, $"{section}:Services:QueryRetrieve", "IQueryService", "services.AddSingleton<IQueryService, T>()"))
        {
            var connector = new AeConnector(new AeConnectorOptions
            {
                AeTitle = o.AeTitle,
                KnownAes = DicomServerComposition.KnownAes(o),
                Timeout = o.Timeouts.Association,
                CommonOptions = DicomServerComposition.Acceptor(o, new ServiceRegistry(), DicomServerComposition.Transport(o, acceptor: false)),
            }, logger);
            registry.Add(new QueryRetrieveService(query, connector, logger));
        }
        if (o.Services.WorklistFolder is { } folder)
            registry.Add(new WorklistService(new FolderWorklistSource(folder, logger), null, logger));
        foreach (var service in container.GetServices<IDicomService>())
        {
            try
            {
                registry.Add(service);
            }
            catch (ArgumentException e)
            {
                throw new InvalidOperationException($"{ServiceRegistry.Describe(service)} cannot be added: {e.Message}", e);
            }
        }
        if (registry.Services.Count == 0)
            throw new InvalidOperationException($"{section}:Services: no service is served (Verification is false and no other service is configured or registered)");
        return registry;
    }

    private static bool Wanted<T>(bool? setting, T? backend, string key, string what, string how) where T : class
    {
        if (setting == true && backend is null)
            throw new InvalidOperationException($"{key} is true but no {what} is registered: call {how}, or set {key} to false");
        return setting != false && backend is not null;
    }
}
