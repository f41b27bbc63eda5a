using DicomSpecGen.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace DicomSpecGen.Cli.Observability;

/// <summary>dsg scp --metrics-port N: the runtime's meter (<see cref="DicomTelemetry"/>) served in the Prometheus text
/// format at http://127.0.0.1:N/metrics by OpenTelemetry's HttpListener exporter. Loopback only: a scrape endpoint
/// has no authentication, so it is not offered on other interfaces.</summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>Starts serving; dispose to stop. Throws <see cref="CliInputException"/> when the port cannot be used.</summary>
    public static IDisposable Start(int port)
    {
        if (port is <= 0 or > 65535) throw new CliInputException($"--metrics-port {port} is not a TCP port (1..65535)");
        try
        {
            return Sdk.CreateMeterProviderBuilder()
                .AddMeter(DicomTelemetry.Name)
                .AddPrometheusHttpListener(o =>
                {
                    o.Host = "127.0.0.1";
                    o.Port = port;
                    o.ScrapeEndpointPath = Path;
                    // Each scrape sees the counts of that moment (the exporter caches 300 ms by default).
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                })
                .Build();
        }
        catch (Exception e) when (e is System.Net.HttpListenerException or InvalidOperationException)
        {
            throw new CliInputException($"--metrics-port {port}: cannot listen on 127.0.0.1:{port}: {e.Message}", e);
        }
    }

    public static string Url(int port) => $"http://127.0.0.1:{port}{Path}";
}
