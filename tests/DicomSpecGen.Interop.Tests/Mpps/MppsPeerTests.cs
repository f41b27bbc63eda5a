using System.Net;
using System.Text.Json;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Mpps;

/// <summary>Our MPPS SCP (Services/ProcedureStep) against pynetdicom's MPPS SCU (pyn_mpps_scu.py), and our MPPS SCU
/// against pynetdicom's MPPS SCP (pyn_mpps_scp.py).</summary>
public class MppsPeerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Our SCP with the MPPS service over an archive index in a temporary folder.</summary>
    private sealed class OurMppsScp : IAsyncDisposable
    {
        public required DicomServer Server { get; init; }
        public required SqliteMppsStore Store { get; init; }
        public required TempDir Folder { get; init; }

        public static OurMppsScp Start()
        {
            var folder = new TempDir("dsg-mpps-");
            var store = SqliteMppsStore.ForArchive(folder.Path);
            var provider = new DicomServiceProvider(new ServiceProviderOptions { Services = [new MppsService(store)] });
            var acceptor = new AcceptorOptions
            {
                Policy = new DefaultAssociationPolicy(provider.Registry.PolicyOptions() with { AeTitle = "DSGSCP" }),
                Transport = OurArchive.Transport,
                ArtimTimeout = TimeSpan.FromSeconds(3),
            };
            return new OurMppsScp { Server = DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider), Store = store, Folder = folder };
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            Store.Dispose();
            Folder.Dispose();
        }
    }

    private static List<JsonElement> JsonLines(string stdout)
        => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> RunScuAsync(int port, params string[] args)
    {
        await Peers.Pynetdicom.RequireAsync();
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_mpps_scu.py"), ["--port", Port(port), "--called", "DSGSCP", .. args]);
        Assert.True(code == 0, stdout + stderr);
        return JsonLines(stdout);
    }

    [Fact]
    [SpecRow("PS3.4 F.7.2.1.3, N-CREATE IN PROGRESS")]
    [SpecRow("PS3.4 F.7.2.2.2, IN PROGRESS to COMPLETED")]
    [SpecRow("PS3.4 F.7.2.2.3, status not IN PROGRESS")]
    [SpecRow("PS3.4 Table F.7.2-2, 0110")]
    public async Task Pynetdicom_scu_creates_completes_and_a_second_set_is_refused_0110_A710()
    {
        await using var scp = OurMppsScp.Start();
        var lines = await RunScuAsync(scp.Server.Port, "--set-status", "COMPLETED", "--set-status", "COMPLETED");
        Assert.Equal(["n-create-rsp", "n-set-rsp", "n-set-rsp"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal([0, 0, 0x0110], lines.Select(l => l.GetProperty("status").GetInt32()));
        Assert.Equal("Performed Procedure Step Object may no longer be updated", lines[2].GetProperty("errorComment").GetString());
        Assert.Equal(0xA710, lines[2].GetProperty("errorId").GetInt32());

        // Stored in the archive index: the created attributes with the status and end date of the first N-SET.
        var record = Assert.Single(await scp.Store.ListAsync(CancellationToken.None));
        Assert.Equal(lines[0].GetProperty("instance").GetString(), record.SopInstanceUid);
        Assert.Equal("COMPLETED", record.Status);
        Assert.Equal("WF001", record.PatientId);
        Assert.Equal("20260101", record.Attributes.GetString(DicomTags.PerformedProcedureStepEndDate));
        Assert.Single(record.Attributes.GetSequence(DicomTags.PerformedSeriesSequence)!.Items);
    }

    [Fact]
    [SpecRow("PS3.4 F.7.2.1.3, status other than IN PROGRESS")]
    public async Task Pynetdicom_scu_create_not_in_progress_is_refused_0106_and_nothing_is_stored()
    {
        await using var scp = OurMppsScp.Start();
        var line = Assert.Single(await RunScuAsync(scp.Server.Port, "--status", "COMPLETED"));
        Assert.Equal(0x0106, line.GetProperty("status").GetInt32());
        Assert.Empty(await scp.Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    [SpecRow("PS3.7 Annex C.5.19")]
    public async Task Pynetdicom_scu_set_of_an_unknown_instance_is_refused_0112()
    {
        await using var scp = OurMppsScp.Start();
        var lines = await RunScuAsync(scp.Server.Port, "--set-status", "COMPLETED", "--set-uid", "1.2.826.0.1.3680043.9.7433.9.1");
        Assert.Equal([0, 0x0112], lines.Select(l => l.GetProperty("status").GetInt32()));
        Assert.Equal("IN PROGRESS", Assert.Single(await scp.Store.ListAsync(CancellationToken.None)).Status);
    }

    private static async Task<DicomClient> ConnectAsync(int port, string called)
        => await DicomClient.ConnectAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CallingAeTitle = "DSGSCU",
            CalledAeTitle = called,
            PresentationContexts = [new PresentationContextProposal(1, MppsScu.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
            Transport = OurArchive.Transport,
        });

    [Fact]
    [SpecRow("PS3.4 F.7.2.1.3, N-CREATE IN PROGRESS")]
    [SpecRow("PS3.4 Table F.7.2-2, 0110")]
    public async Task Our_scu_creates_and_completes_at_the_pynetdicom_scp()
    {
        await Peers.Pynetdicom.RequireAsync();
        var port = Dcmtk.FreePort();
        await using var scp = await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_mpps_scp.py"), ["--port", Port(port)]), port, TimeSpan.FromSeconds(30));
        await using (var client = await ConnectAsync(port, "PYNMPPS"))
        {
            var uid = MppsService.NewUid();
            var create = await MppsScu.CreateAsync(client, uid, MppsScu.CreateAttributes(new Dictionary<string, string>
            {
                ["PatientID"] = "OURSCU1", ["PatientName"] = "OUR^SCU", ["Modality"] = "CT", ["PerformedProcedureStepID"] = "PPS9", ["PerformedStationAETitle"] = "DSGSCU",
            }));
            Assert.Equal(DimseStatus.Success, create.Status);
            var set = await MppsScu.SetAsync(client, uid, MppsScu.SetAttributes("COMPLETED"));
            Assert.Equal(DimseStatus.Success, set.Status);
            var again = await MppsScu.SetAsync(client, uid, MppsScu.SetAttributes("COMPLETED"));
            Assert.Equal(DimseStatus.ProcessingFailure, again.Status);
            var rsp = Assert.IsType<NSetRsp>(again.Message);
            Assert.Equal("Performed Procedure Step Object may no longer be updated", rsp.ErrorComment);
            Assert.Equal((ushort)0xA710, rsp.ErrorID);
            await client.ReleaseAsync();
        }
        // What pynetdicom received: our N-CREATE data set with the status IN PROGRESS and the given values.
        var received = JsonLines(await scp.StopAsync());
        var created = Assert.Single(received, l => l.GetProperty("kind").GetString() == "n-create").GetProperty("dataset");
        Assert.Equal("IN PROGRESS", created.GetProperty("00400252").GetProperty("Value")[0].GetString());
        Assert.Equal("OURSCU1", created.GetProperty("00100020").GetProperty("Value")[0].GetString());
        Assert.True(created.TryGetProperty("00400270", out _)); // Scheduled Step Attributes Sequence (type 1)
        var set1 = received.First(l => l.GetProperty("kind").GetString() == "n-set").GetProperty("dataset");
        Assert.Equal("COMPLETED", set1.GetProperty("00400252").GetProperty("Value")[0].GetString());
        Assert.True(set1.TryGetProperty("00400250", out _)); // End Date, Final State column
    }
}
