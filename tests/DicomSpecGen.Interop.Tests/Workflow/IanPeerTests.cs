using System.Net;
using System.Text.Json;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services.InstanceAvailability;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Workflow;

/// <summary>Instance Availability Notification (PS3.4 Annex R): our archive's IAN SCU (IanNotifier behind
/// IanStorageHook) against pynetdicom's IAN SCP (pyn_ian_scp.py) and against our IanService; pynetdicom's IAN SCU
/// (pyn_ian_scu.py) against our IanService.</summary>
public class IanPeerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const string Ct = "1.2.840.10008.5.1.4.1.1.2";

    private static List<JsonElement> JsonLines(string stdout)
        => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static AcceptorOptions Acceptor(DicomSpecGen.Services.ServiceRegistry registry, string ae = "DSGSCP") => new()
    {
        Policy = new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = ae }),
        Transport = OurArchive.Transport,
        ArtimTimeout = TimeSpan.FromSeconds(3),
    };

    /// <summary>An archive SCP whose stores feed an IAN SCU notifying <paramref name="destination"/>.</summary>
    private sealed class NotifyingArchive : IAsyncDisposable
    {
        public required DicomServer Server { get; init; }
        public required DicomArchive Archive { get; init; }
        public required IanNotifier Notifier { get; init; }
        public required string Folder { get; init; }

        public static NotifyingArchive Start(KnownAe destination, TimeSpan quiet)
        {
            var folder = DcmtkFiles.TempDir("dsg-ian-");
            var archive = DicomArchive.Open(Path.Combine(folder, "archive"), "DSGSCP");
            var notifier = new IanNotifier(new IanNotifierOptions
            {
                Destinations = [destination.AeTitle],
                Connector = new AeConnector(new AeConnectorOptions { AeTitle = "DSGSCP", KnownAes = new Dictionary<string, KnownAe> { [destination.AeTitle] = destination } }),
                StudyInstances = (study, ct) => IanStorageHook.StudyInstancesAsync(archive.Index, study, ct),
                QuietPeriod = quiet,
                RetryInterval = TimeSpan.FromMilliseconds(200),
            });
            var provider = new DicomServiceProvider(new ServiceProviderOptions { Storage = new IanStorageHook(archive, notifier) });
            return new NotifyingArchive { Server = DicomServer.Start(IPAddress.Loopback, 0, Acceptor(provider.Registry), provider), Archive = archive, Notifier = notifier, Folder = folder };
        }

        /// <summary>storescu sends the files, one association.</summary>
        public async Task StoreAsync(IEnumerable<DcmtkFiles.Instance> files)
        {
            var store = await Dcmtk.RunAsync("storescu", Limit, ["-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", Port(Server.Port), .. files.Select(f => f.Path)]);
            Assert.True(store.ExitCode == 0, store.Output);
        }

        public async Task<IanOutcome> FirstOutcomeAsync()
        {
            var until = DateTime.UtcNow + Limit;
            while (Notifier.Outcomes.Count == 0 && DateTime.UtcNow < until) await Task.Delay(100);
            return Assert.Single(Notifier.Outcomes);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Notifier.DisposeAsync();
            Archive.Dispose();
            try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<List<DcmtkFiles.Instance>> FilesAsync(string folder, int count, string patient)
    {
        var dir = Path.Combine(folder, "in");
        Directory.CreateDirectory(dir);
        return await DcmtkFiles.CreateAsync(dir, count, patient);
    }

    [Fact]
    [SpecRow("PS3.4 Table R.3.2-1, Study Instance UID")]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Series Sequence >Referenced SOP Sequence >>Instance Availability")]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Series Sequence >Referenced SOP Sequence >>Retrieve AE Title")]
    [SpecRow("PS3.4 R.3.3, Instance Availability Notification SOP Class UID")]
    public async Task Our_archive_notifies_the_pynetdicom_scp_once_per_study_after_the_quiet_period()
    {
        await Peers.Pynetdicom.RequireAsync();
        var port = Dcmtk.FreePort();
        await using var peer = await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_ian_scp.py"), ["--port", Port(port)]), port, TimeSpan.FromSeconds(30));
        await using var archive = NotifyingArchive.Start(new KnownAe("PYNIAN", "127.0.0.1", port), TimeSpan.FromSeconds(1));
        var files = await FilesAsync(archive.Folder, 3, "IAN1");
        await archive.StoreAsync(files);
        var outcome = await archive.FirstOutcomeAsync();
        Assert.Equal(DimseStatus.Success, outcome.Status);
        Assert.Equal(3, outcome.InstanceCount);

        var created = Assert.Single(JsonLines(await peer.StopAsync()), l => l.GetProperty("kind").GetString() == "n-create");
        Assert.Equal(outcome.SopInstanceUid, created.GetProperty("instance").GetString());
        Assert.Equal("DSGSCP", created.GetProperty("calling").GetString());
        var ds = created.GetProperty("dataset");
        Assert.Equal(files[0].StudyUid, ds.GetProperty("0020000D").GetProperty("Value")[0].GetString());
        Assert.True(ds.TryGetProperty("00081111", out _)); // Referenced Performed Procedure Step Sequence (type 2, empty)
        var series = Assert.Single(ds.GetProperty("00081115").GetProperty("Value").EnumerateArray());
        Assert.Equal(files[0].SeriesUid, series.GetProperty("0020000E").GetProperty("Value")[0].GetString());
        var sops = series.GetProperty("00081199").GetProperty("Value").EnumerateArray().ToList();
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(), sops.Select(s => s.GetProperty("00081155").GetProperty("Value")[0].GetString()).Order());
        Assert.All(sops, s =>
        {
            Assert.Equal(Ct, s.GetProperty("00081150").GetProperty("Value")[0].GetString());
            Assert.Equal("ONLINE", s.GetProperty("00080056").GetProperty("Value")[0].GetString());
            Assert.Equal("DSGSCP", s.GetProperty("00080054").GetProperty("Value")[0].GetString());
        });
    }

    [Fact]
    public async Task An_unreachable_destination_is_tried_the_bounded_number_of_times_and_reported()
    {
        var port = Dcmtk.FreePort(); // nothing listens there
        await using var archive = NotifyingArchive.Start(new KnownAe("NOBODY", "127.0.0.1", port), TimeSpan.FromMilliseconds(300));
        await archive.StoreAsync(await FilesAsync(archive.Folder, 1, "IAN2"));
        var outcome = await archive.FirstOutcomeAsync();
        Assert.Null(outcome.Status);
        Assert.Equal(archive.Notifier.Options.Attempts, outcome.Attempts);
        Assert.NotNull(outcome.Error);
    }

    private static (DicomServer Server, IanService Service) StartOurScp(string ae = "DSGSCP")
    {
        var service = new IanService();
        var provider = new DicomServiceProvider(new ServiceProviderOptions { Services = [service] });
        return (DicomServer.Start(IPAddress.Loopback, 0, Acceptor(provider.Registry, ae), provider), service);
    }

    [Fact]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Series Sequence >Referenced SOP Sequence")]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Series Sequence >Series Instance UID")]
    public async Task Our_archive_notifies_our_scp()
    {
        var (server, service) = StartOurScp("DSGIAN");
        await using var _ = server;
        await using var archive = NotifyingArchive.Start(new KnownAe("DSGIAN", "127.0.0.1", server.Port), TimeSpan.FromMilliseconds(500));
        var files = await FilesAsync(archive.Folder, 2, "IAN3");
        await archive.StoreAsync(files);
        var outcome = await archive.FirstOutcomeAsync();
        Assert.True(outcome.Status == DimseStatus.Success, outcome.ToString());
        var received = Assert.Single(service.Received);
        Assert.Equal("DSGSCP", received.CallingAeTitle);
        Assert.Equal(files[0].StudyUid, received.StudyInstanceUid);
        Assert.Equal((1, 2), (received.SeriesCount, received.InstanceCount));
        Assert.Equal(["ONLINE"], received.Availabilities);
    }

    private static async Task<JsonElement> RunScuAsync(int port, params string[] args)
    {
        await Peers.Pynetdicom.RequireAsync();
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_ian_scu.py"), ["--port", Port(port), .. args]);
        Assert.True(code == 0, stdout + stderr);
        return Assert.Single(JsonLines(stdout));
    }

    [Fact]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Performed Procedure Step Sequence")]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Series Sequence")]
    public async Task Pynetdicom_scu_notifies_our_scp()
    {
        var (server, service) = StartOurScp();
        await using var _ = server;
        var line = await RunScuAsync(server.Port, "--count", "3");
        Assert.Equal(0, line.GetProperty("status").GetInt32());
        var received = Assert.Single(service.Received);
        Assert.Equal(line.GetProperty("instance").GetString(), received.SopInstanceUid);
        Assert.Equal(line.GetProperty("study").GetString(), received.StudyInstanceUid);
        Assert.Equal("PYNIANSCU", received.CallingAeTitle);
        Assert.Equal((1, 3), (received.SeriesCount, received.InstanceCount));
        Assert.Equal(["PYNARCHIVE"], received.RetrieveAeTitles);
    }

    [Theory]
    [InlineData(new[] { "--omit", "StudyInstanceUID" }, 0x0120)] // type 1 absent: Missing Attribute (PS3.7 C.5.13)
    [InlineData(new[] { "--omit", "ReferencedPerformedProcedureStepSequence" }, 0x0120)] // type 2 absent
    [InlineData(new[] { "--empty-sops" }, 0x0121)] // type 1 sequence without items: Missing Attribute Value (PS3.7 C.5.14)
    [InlineData(new[] { "--availability", "SOMEDAY" }, 0x0106)] // not a value of Instance Availability
    [SpecRow("PS3.4 Table R.3.2-1, Study Instance UID")]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Performed Procedure Step Sequence")]
    [SpecRow("PS3.4 Table R.3.2-1, Referenced Series Sequence >Referenced SOP Sequence")]
    [SpecRow("PS3.3 C.4.23.1.1, ONLINE")]
    public async Task Our_scp_refuses_a_notification_that_breaks_table_R_3_2_1(string[] args, int status)
    {
        var (server, service) = StartOurScp();
        await using var _ = server;
        var line = await RunScuAsync(server.Port, args);
        Assert.Equal(status, line.GetProperty("status").GetInt32());
        Assert.Empty(service.Received);
    }

    [Theory]
    [InlineData("NEARLINE")]
    [InlineData("OFFLINE")]
    [InlineData("UNAVAILABLE")]
    [SpecRow("PS3.3 C.4.23.1.1, NEARLINE")]
    [SpecRow("PS3.3 C.4.23.1.1, OFFLINE")]
    [SpecRow("PS3.3 C.4.23.1.1, UNAVAILABLE")]
    public async Task Our_scp_accepts_every_defined_instance_availability(string availability)
    {
        var (server, service) = StartOurScp();
        await using var _ = server;
        var line = await RunScuAsync(server.Port, "--availability", availability);
        Assert.Equal(0, line.GetProperty("status").GetInt32());
        Assert.Single(service.Received);
    }
}
