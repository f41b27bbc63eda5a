using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DicomSpecGen.Hosting;

/// <summary>Registration of DicomSpecGen in a Microsoft.Extensions.DependencyInjection container.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The SCU side: an <see cref="IDicomClientFactory"/> (options <see cref="DicomClientOptions"/>, bound from
    /// <paramref name="configuration"/> when given, e.g. the "Dicom" section: its AeTitle and KnownAes).</summary>
    public static IServiceCollection AddDicomSpecGen(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var builder = services.AddOptions<DicomClientOptions>();
        if (configuration != null) builder.Bind(configuration);
        services.TryAddSingleton<IDicomClientFactory, DicomClientFactory>();
        return services;
    }

    /// <summary>The SCP as a hosted service, its options bound from <paramref name="configuration"/> (a section such
    /// as <c>builder.Configuration.GetSection("Dicom")</c>) and validated when the host starts; also
    /// <see cref="AddDicomSpecGen"/> from the same section.</summary>
    public static IServiceCollection AddDicomServer(this IServiceCollection services, IConfiguration configuration, Action<DicomServerOptions>? configure = null)
    {
        var path = configuration is IConfigurationSection section ? section.Path : DicomServerOptions.SectionName;
        var builder = services.AddOptions<DicomServerOptions>().Bind(configuration, o => o.ErrorOnUnknownConfiguration = true);
        if (configure != null) builder.Configure(configure);
        return services.AddDicomServerCore(path, configuration);
    }

    /// <summary>The SCP as a hosted service, configured in code.</summary>
    public static IServiceCollection AddDicomServer(this IServiceCollection services, Action<DicomServerOptions> configure)
    {
        services.AddOptions<DicomServerOptions>().Configure(configure);
        return services.AddDicomServerCore(DicomServerOptions.SectionName, null);
    }

    private static IServiceCollection AddDicomServerCore(this IServiceCollection services, string path, IConfiguration? configuration)
    {
        services.AddOptions<DicomServerOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DicomServerOptions>>(new DicomServerOptionsValidator(path)));
        services.AddDicomSpecGen(configuration);
        services.TryAddSingleton<DicomHostedServer>();
        services.AddHostedService(sp => sp.GetRequiredService<DicomHostedServer>());
        return services;
    }

    /// <summary>The C-STORE handler the Storage service hands each received instance to (one per container).</summary>
    public static IServiceCollection AddDicomStorageHandler<T>(this IServiceCollection services) where T : class, IStorageService
    {
        services.AddSingleton<IStorageService, T>();
        return services;
    }

    /// <summary>Another DICOM service (its own SOP classes and handler interfaces, see docs/architecture.md), served beside
    /// the configured ones.</summary>
    public static IServiceCollection AddDicomService<T>(this IServiceCollection services) where T : class, IDicomService
    {
        services.AddSingleton<IDicomService, T>();
        return services;
    }
}
