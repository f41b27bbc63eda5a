using System.Globalization;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Observability;

/// <summary>dsg scp --metrics-port: DCMTK's echoscu and storescu drive it (and one association it rejects), then the
/// Prometheus endpoint is scraped over HTTP and its counts are checked against what the peers did.</summary>
public class MetricsEndpointTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    /// <summary>One sample of the text format: name{labels} value, the labels as a dictionary.</summary>
    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    private static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var brace = line.IndexOf('{');
            var space = line.LastIndexOf(' ');
            var name = brace >= 0 ? line[..brace] : line[..space];
            var labels = new Dictionary<string, string>();
            if (brace >= 0)
            {
                var body = line[(brace + 1)..line.LastIndexOf('}')];
                foreach (var pair in body.Split("\",", StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=');
                    labels[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                }
            }
            samples.Add(new Sample(name, labels, double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture)));
        }
        return samples;
    }

    private static double Value(List<Sample> samples, string name, params (string Key, string Value)[] labels)
        => samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    [SpecRow("PS3.4 Table B.2-1")]
    public async Task Dcmtk_echoes_stores_and_a_rejected_association_show_up_in_the_scraped_prometheus_counts()
    {
        var metricsPort = Dcmtk.FreePort();
        var archive = DcmtkFiles.TempDir("dsg-metrics-");
        await using var scp = await DsgScp.StartAsync("0", "-od", archive, "--bind", "127.0.0.1", "--require-called-aet", "--metrics-port", metricsPort.ToString(CultureInfo.InvariantCulture));
        Assert.Contains($"metrics at http://127.0.0.1:{metricsPort}/metrics", await scp.WaitForOutputAsync("metrics at", TimeSpan.FromSeconds(10)));
        var port = scp.Port.ToString(CultureInfo.InvariantCulture);

        for (var i = 0; i < 2; i++)
        {
            var echo = await Dcmtk.RunAsync("echoscu", Limit, "-aec", "DSGSCP", "127.0.0.1", port);
            Assert.True(echo.ExitCode == 0, echo.Output + scp.Output);
        }
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 3);
        var store = await Dcmtk.RunAsync("storescu", Limit, ["-aec", "DSGSCP", "127.0.0.1", port, .. files.Select(f => f.Path)]);
        Assert.True(store.ExitCode == 0, store.Output + scp.Output);
        var wrong = await Dcmtk.RunAsync("echoscu", Limit, "-aec", "WRONG", "127.0.0.1", port);
        Assert.NotEqual(0, wrong.ExitCode);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        List<Sample> samples = [];
        // The SCP records an operation after sending its response and an association after it closed: poll briefly.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            samples = Parse(await http.GetStringAsync($"http://127.0.0.1:{metricsPort}/metrics"));
            if (Value(samples, "dicom_association_accepted_total") >= 3 && Value(samples, "dicom_association_active") == 0
                && Value(samples, "dicom_dimse_operations_total", ("dicom_dimse_command", "C-STORE")) >= 3) break;
            await Task.Delay(100);
        }

        Assert.Equal(3, Value(samples, "dicom_association_accepted_total", ("dicom_association_role", "acceptor")));
        Assert.Equal(0, Value(samples, "dicom_association_active"));
        Assert.Equal(1, Value(samples, "dicom_association_rejected_total", ("dicom_association_role", "acceptor"),
            ("dicom_association_reject_result", "rejected-permanent"), ("dicom_association_reject_source", "DICOM UL service-user"),
            ("dicom_association_reject_reason", "called-AE-title-not-recognized")));
        Assert.Equal(0, Value(samples, "dicom_association_aborted_total"));
        Assert.Equal(2, Value(samples, "dicom_dimse_operations_total", ("dicom_dimse_role", "performer"), ("dicom_dimse_command", "C-ECHO"),
            ("dicom_sop_class_name", "Verification"), ("dicom_dimse_status", "0000"), ("dicom_dimse_status_class", "Success")));
        Assert.Equal(3, Value(samples, "dicom_dimse_operations_total", ("dicom_dimse_role", "performer"), ("dicom_dimse_command", "C-STORE"),
            ("dicom_sop_class_name", "CTImageStorage"), ("dicom_dimse_status", "0000")));
        Assert.Equal(3, Value(samples, "dicom_dimse_operation_duration_seconds_count", ("dicom_dimse_command", "C-STORE")));
        Assert.Equal(3, Value(samples, "dicom_dimse_operation_duration_seconds_bucket", ("dicom_dimse_command", "C-STORE"), ("le", "+Inf")));
        Assert.Equal(0, Value(samples, "dicom_dimse_operations_active"));
        // Every byte of the three files (less their 132-byte preamble and the meta group) came in as P-DATA, and more.
        var received = Value(samples, "dicom_network_io_bytes_total", ("network_io_direction", "receive"));
        Assert.True(received > files.Sum(f => new FileInfo(f.Path).Length - 300), $"received {received}");
        Assert.True(Value(samples, "dicom_network_io_bytes_total", ("network_io_direction", "transmit")) > 0);
        // The instrument scope names the meter and its version.
        Assert.All(samples.Where(s => s.Name.StartsWith("dicom_", StringComparison.Ordinal)), s => Assert.Equal("DicomSpecGen", s.Labels["otel_scope_name"]));
    }

    [Fact]
    public async Task A_metrics_port_out_of_range_is_bad_input()
    {
        var run = await Dsg.RunAsync(Limit, "scp", "0", "-od", DcmtkFiles.TempDir("dsg-metrics-"), "--bind", "127.0.0.1", "--metrics-port", "70000");
        Assert.Equal(4, run.ExitCode);
        Assert.Contains("--metrics-port 70000 is not a TCP port", run.Output);
    }
}
