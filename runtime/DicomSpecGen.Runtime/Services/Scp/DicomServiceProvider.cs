using DicomSpecGen.Dimse;
using DicomSpecGen.Services.QueryRetrieve;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.Storage;
using DicomSpecGen.Services.Verification;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Services.Scp;

/// <summary>The archive's composition of services: a <see cref="ServiceRegistry"/> holding Verification, Storage into
/// <see cref="ServiceProviderOptions.Storage"/>, Query/Retrieve over <see cref="ServiceProviderOptions.Query"/> (C-MOVE
/// destinations from <see cref="ServiceProviderOptions.MoveDestinations"/>), and any
/// <see cref="ServiceProviderOptions.Services"/> added. Accept what <see cref="Registry"/> serves with
/// <c>Registry.PolicyOptions()</c>.</summary>
public sealed class DicomServiceProvider : IDimseRequestHandler
{
    public DicomServiceProvider(ServiceProviderOptions options, ILogger? logger = null)
    {
        Options = options;
        var connector = new AeConnector(new AeConnectorOptions
        {
            AeTitle = options.AeTitle,
            KnownAes = options.MoveDestinations,
            Timeout = options.SubAssociationTimeout,
            CommonOptions = options.CommonOptions,
        }, logger);
        Registry = new ServiceRegistry(logger)
            .Add(new VerificationService())
            .Add(new StorageService(options.Storage, logger))
            .Add(new QueryRetrieveService(options.Query, connector, logger));
        foreach (var service in options.Services) Registry.Add(service);
    }

    public ServiceProviderOptions Options { get; }

    /// <summary>The registered services, by SOP class.</summary>
    public ServiceRegistry Registry { get; }

    public RequestDelivery DeliveryOf(DimseMessage request) => Registry.DeliveryOf(request);

    public Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken) => Registry.HandleAsync(request, cancellationToken);
}
