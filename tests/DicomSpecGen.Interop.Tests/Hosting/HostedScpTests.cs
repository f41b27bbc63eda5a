using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Hosting;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Reliability;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DicomSpecGen.Interop.Tests.Hosting;

/// <summary>The SCP hosted by the generic host from an appsettings-style JSON file (AddDicomServer), driven by DCMTK's
/// echoscu and storescu; graceful stop; configuration errors at start; the same file given to dsg scp --config; the
/// client factory against DCMTK storescp.</summary>
public sealed class HostedScpTests
{
    private static string Json(int port, string extra = "") => $$"""
        {
          "Dicom": {
            "AeTitle": "HOSTSCP",
            "Port": {{port}},
            "BindAddress": "127.0.0.1",
            "RequireCalledAeTitle": true,
            "AllowedCallingAeTitles": [ "ECHOSCU", "STORESCU", "DSGSCU" ],
            "Limits": { "MaxAssociations": 4 },
            "Timeouts": { "Shutdown": "00:00:20" }{{extra}}
          }
        }
        """;

    /// <summary>A user's C-STORE handler: keeps what it received (SOP instance → data set bytes).</summary>
    private sealed class RecordingStore : IStorageService
    {
        public ConcurrentDictionary<string, long> Received { get; } = new();

        public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
        {
            using var bytes = new MemoryStream();
            await dataSet.CopyToAsync(bytes, cancellationToken);
            Received[context.SopInstanceUid] = bytes.Length;
            return DimseStatus.Success;
        }
    }

    private static async Task<IHost> StartHostAsync(string json, bool withStorage = true)
    {
        var dir = Directory.CreateTempSubdirectory("dsg-host-").FullName;
        var file = Path.Combine(dir, "appsettings.json");
        await File.WriteAllTextAsync(file, json);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = dir, DisableDefaults = true });
        builder.Configuration.AddJsonFile(file);
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDicomServer(builder.Configuration.GetSection("Dicom"));
        if (withStorage)
        {
            builder.Services.AddSingleton<RecordingStore>();
            builder.Services.AddSingleton<IStorageService>(sp => sp.GetRequiredService<RecordingStore>());
        }
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return host;
    }

    private static int PortOf(IHost host) => host.Services.GetRequiredService<DicomHostedServer>().Port;

    [Fact]
    [SpecRow("PS3.8 Table 9-21")]
    public async Task Hosted_scp_from_configuration_answers_echoscu_and_storescu_and_applies_the_configured_ae_rules()
    {
        using var host = await StartHostAsync(Json(0));
        var port = PortOf(host).ToString();
        var echo = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "ECHOSCU", "-aec", "HOSTSCP", "127.0.0.1", port);
        Assert.True(echo.ExitCode == 0, echo.Output);

        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2);
        var store = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), ["-aet", "STORESCU", "-aec", "HOSTSCP", "127.0.0.1", port, .. files.Select(f => f.Path)]);
        Assert.True(store.ExitCode == 0, store.Output);
        var received = host.Services.GetRequiredService<RecordingStore>().Received;
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(), received.Keys.Order());
        Assert.All(received.Values, size => Assert.True(size > 512, "data set of " + size + " bytes"));

        // RequireCalledAeTitle and AllowedCallingAeTitles from the file: both refusals come from the configuration.
        var wrongCalled = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "ECHOSCU", "-aec", "OTHER", "127.0.0.1", port);
        Assert.NotEqual(0, wrongCalled.ExitCode);
        Assert.Contains("Called AE Title Not Recognized", wrongCalled.Output);
        var wrongCalling = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "STRANGER", "-aec", "HOSTSCP", "127.0.0.1", port);
        Assert.NotEqual(0, wrongCalling.ExitCode);
        Assert.Contains("Calling AE Title Not Recognized", wrongCalling.Output);
        await host.StopAsync();
    }

    [Fact]
    [SpecRow("PS3.4 Table K.6-1")]
    public async Task Hosted_scp_serves_the_configured_worklist_folder_to_findscu()
    {
        using var wl = new TempDir("dsg-host-wl-");
        await Worklists.WriteExamplesAsync(wl.Path);
        using var host = await StartHostAsync(Json(0, $", \"Services\": {{ \"WorklistFolder\": \"{wl.Path}\" }}"));
        var find = await Worklists.FindScuAsync(PortOf(host), "HOSTSCP", "ECHOSCU", "PatientName", "ScheduledProcedureStepSequence[0].Modality=MR");
        Assert.True(find.ExitCode == 0, find.Output);
        // DCMTK's example worklist has two MR steps, one for each of these patients.
        Assert.Equal(["MOZART^WOLFGANG^AMADEUS", "VIVALDI^ANTONIO"], Worklists.PatientNames(find.Output).Order().ToList());
        await host.StopAsync();
    }

    [Fact]
    [SpecRow("PS3.15 B.10")]
    public async Task Hosted_scp_with_tls_from_configuration_answers_echoscu_over_tls_only()
    {
        var certs = TestCertificates.Create();
        var tls = $$""", "Tls": { "Enabled": true, "Certificate": "{{certs.Path("server.crt")}}", "Key": "{{certs.Path("server.key")}}", "TrustedCa": "{{certs.Path("ca.crt")}}", "RequirePeerCertificate": true }""";
        using var host = await StartHostAsync(Json(0, tls));
        var port = PortOf(host).ToString();
        var echo = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "+tls", certs.Path("client.key"), certs.Path("client.crt"), "+cf", certs.Path("ca.crt"),
            "-aet", "ECHOSCU", "-aec", "HOSTSCP", "127.0.0.1", port);
        Assert.True(echo.ExitCode == 0, echo.Output);
        var plain = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "ECHOSCU", "-aec", "HOSTSCP", "127.0.0.1", port);
        Assert.NotEqual(0, plain.ExitCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task Stop_closes_the_port_and_lets_an_open_association_finish()
    {
        using var host = await StartHostAsync(Json(0));
        var port = PortOf(host);
        await using var client = await Connect(port);
        var clock = Stopwatch.StartNew();
        var stopping = host.StopAsync();

        await WaitUntilRefusedAsync(port);
        var echo = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "ECHOSCU", "-aec", "HOSTSCP", "127.0.0.1", port.ToString());
        Assert.NotEqual(0, echo.ExitCode);

        // The association opened before the stop is still served, and ends normally.
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        await client.ReleaseAsync();
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"stop took {clock.Elapsed}, the association had been released");
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26")]
    public async Task Stop_aborts_associations_still_open_after_the_shutdown_timeout()
    {
        using var host = await StartHostAsync(Json(0).Replace("\"Shutdown\": \"00:00:20\"", "\"Shutdown\": \"00:00:01\""));
        await using var client = await Connect(PortOf(host));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        var clock = Stopwatch.StartNew();
        await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"stopped after {clock.Elapsed}, before the 1 s shutdown timeout");
        await client.Connection.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<AssociationAbortedException>(() => client.EchoAsync());
    }

    [Fact]
    public async Task Bad_configuration_fails_the_start_naming_each_key_and_what_is_allowed()
    {
        var json = Json(70000).Replace("\"HOSTSCP\"", "\"A-TITLE-MUCH-TOO-LONG\"").Replace("\"127.0.0.1\"", "\"localhost\"")
            .Replace("\"MaxAssociations\": 4", "\"MaxAssociations\": 0, \"MaxPduLength\": 100");
        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => StartHostAsync(json));
        Assert.Contains("Dicom:AeTitle: 'A-TITLE-MUCH-TOO-LONG' has 21 characters; an AE title has at most 16", e.Message);
        Assert.Contains("Dicom:Port: 70000 is not a TCP port", e.Message);
        Assert.Contains("Dicom:BindAddress: 'localhost' is not an IP address", e.Message);
        Assert.Contains("Dicom:Limits:MaxAssociations", e.Message);
        Assert.Contains("Dicom:Limits:MaxPduLength: 100 is not a valid Maximum Length Received", e.Message);
    }

    [Fact]
    public async Task Storage_required_without_a_handler_and_unknown_keys_fail_the_start()
    {
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => StartHostAsync(Json(0, ", \"Services\": { \"Storage\": true }"), withStorage: false));
        Assert.Contains("Dicom:Services:Storage is true but no C-STORE handler (IStorageService) is registered: call services.AddDicomStorageHandler<T>()", missing.Message);

        var typo = await Assert.ThrowsAsync<InvalidOperationException>(() => StartHostAsync(Json(0, ", \"Prot\": 104")));
        Assert.Contains("'Prot'", typo.Message);

        // Without a handler and without "Storage": true, storage is simply not served: C-STORE contexts are refused.
        using var host = await StartHostAsync(Json(0), withStorage: false);
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        var store = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "-aet", "STORESCU", "-aec", "HOSTSCP", "127.0.0.1", PortOf(host).ToString(), files[0].Path);
        Assert.NotEqual(0, store.ExitCode);
        await host.StopAsync();
    }

    [Fact]
    public async Task Dsg_scp_takes_the_same_file_and_echoscu_reaches_it_on_the_files_port()
    {
        using var dir = new TempDir("dsg-host-cli-");
        var port = Dcmtk.FreePort();
        var config = Path.Combine(dir.Path, "appsettings.json");
        await File.WriteAllTextAsync(config, Json(port));
        await using (var scp = await DsgScpProcess.StartWithAsync("scp", "--config", config, "-od", Path.Combine(dir.Path, "archive")))
        {
            Assert.Equal(port, scp.Port);
            Assert.Contains("HOSTSCP listening", scp.Output);
            var echo = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "ECHOSCU", "-aec", "HOSTSCP", "127.0.0.1", port.ToString());
            Assert.True(echo.ExitCode == 0, echo.Output + scp.Output);
            var wrongCalled = await Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "ECHOSCU", "-aec", "OTHER", "127.0.0.1", port.ToString());
            Assert.Contains("Called AE Title Not Recognized", wrongCalled.Output);
        }

        await File.WriteAllTextAsync(config, Json(70000));
        var bad = await Dsg.RunAsync(TimeSpan.FromSeconds(60), "scp", "--config", config, "-od", Path.Combine(dir.Path, "archive"));
        Assert.Equal(4, bad.ExitCode);
        Assert.Contains("Dicom:Port: 70000 is not a TCP port", bad.Output);
    }

    [Fact]
    public async Task Client_factory_echoes_a_known_ae_served_by_dcmtk_storescp()
    {
        var port = Dcmtk.FreePort();
        var info = new ProcessStartInfo(Dcmtk.Find("storescp")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-aet", "STORESCP", "-od", Path.GetTempPath(), port.ToString() }) info.ArgumentList.Add(a);
        await using var storescp = await PeerServer.StartAsync(info, port, TimeSpan.FromSeconds(20));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dicom:AeTitle"] = "FACTORYSCU",
            ["Dicom:KnownAes:STORESCP"] = $"127.0.0.1:{port}",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDicomSpecGen(configuration.GetSection("Dicom")).BuildServiceProvider();
        var factory = services.GetRequiredService<IDicomClientFactory>();
        await using var client = await factory.ConnectAsync("STORESCP", [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])]);
        Assert.Equal("FACTORYSCU", client.Association.CallingAeTitle);
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        await client.ReleaseAsync();

        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.ConnectAsync("NOBODY", [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])]));
        Assert.Contains("AE 'NOBODY' is not in KnownAes (known: STORESCP)", unknown.Message);
    }

    private static Task<DicomClient> Connect(int port) => DicomClient.ConnectAsync(new RequestorOptions
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "DSGSCU",
        CalledAeTitle = "HOSTSCP",
        PresentationContexts = [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
    });

    /// <summary>Polls until a TCP connect to the port is refused (the listener closed).</summary>
    private static async Task WaitUntilRefusedAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (SocketException)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"port {port} still accepts connections 10 s after the stop began");
    }
}
