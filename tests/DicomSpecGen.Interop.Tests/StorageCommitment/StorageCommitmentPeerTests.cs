using System.Net;
using System.Text.Json;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.StorageCommitment;

/// <summary>Our archive SCP with storage and storage commitment, one CT instance stored by storescu.</summary>
internal sealed class OurCommitScp : IAsyncDisposable
{
    public required DicomServer Server { get; init; }
    public required DicomArchive Archive { get; init; }
    public required string Folder { get; init; }
    public required string StoredUid { get; init; }

    public static async Task<OurCommitScp> StartAsync(StorageCommitmentOptions options)
    {
        var folder = DcmtkFiles.TempDir("dsg-commit-");
        var archive = DicomArchive.Open(Path.Combine(folder, "archive"), "DSGSCP");
        var provider = new DicomServiceProvider(new ServiceProviderOptions
        {
            Storage = archive,
            Services = [new StorageCommitmentService(new IndexCommitmentArchive(archive.Index), options)],
        });
        var acceptor = new AcceptorOptions
        {
            Policy = new DefaultAssociationPolicy(provider.Registry.PolicyOptions() with { AeTitle = "DSGSCP" }),
            Transport = OurArchive.Transport,
            ArtimTimeout = TimeSpan.FromSeconds(3),
        };
        var server = DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider);
        Directory.CreateDirectory(Path.Combine(folder, "in"));
        var files = await DcmtkFiles.CreateAsync(Path.Combine(folder, "in"), 1, "COMMIT1");
        var store = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", server.Port.ToString(), files[0].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        return new OurCommitScp { Server = server, Archive = archive, Folder = folder, StoredUid = files[0].SopInstanceUid };
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Our Storage Commitment SCP (Services/StorageCommitment) against pynetdicom's SCU (pyn_stgcmt_scu.py), and
/// our SCU against pynetdicom's SCP (pyn_stgcmt_scp.py); reports on the same and on a new association.</summary>
public class StorageCommitmentPeerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const string Ct = DicomUids.CTImageStorage;
    private const string Mr = DicomUids.MRImageStorage;

    private static List<JsonElement> JsonLines(string stdout)
        => [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)];

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [SpecRow("PS3.4 Table J.3-1, Request Storage Commitment")]
    [SpecRow("PS3.4 Table J.3-2, Storage Commitment Request Complete - Failures Exist")]
    [SpecRow("PS3.3 C.14.1.1, Failure Reason 0112H")]
    [SpecRow("PS3.3 C.14.1.1, Failure Reason 0119H")]
    public async Task Pynetdicom_scu_gets_our_report_with_each_failure_reason(bool newAssociation)
    {
        await Peers.Pynetdicom.RequireAsync();
        var listen = Dcmtk.FreePort();
        await using var scp = await OurCommitScp.StartAsync(new StorageCommitmentOptions
        {
            ReportAssociation = newAssociation ? ReportAssociation.New : ReportAssociation.Same,
            Connector = new AeConnector(new AeConnectorOptions
            {
                AeTitle = "DSGSCP",
                KnownAes = new Dictionary<string, KnownAe> { ["PYNSTGCMTSCU"] = new("PYNSTGCMTSCU", "127.0.0.1", listen) },
                Timeout = TimeSpan.FromSeconds(10),
            }),
            RetryInterval = TimeSpan.FromMilliseconds(500),
        });
        const string unknown = "1.2.826.0.1.3680043.9.7433.8.1";
        string[] args = ["--port", Port(scp.Server.Port), "--called", "DSGSCP", "--ref", $"{Ct}={scp.StoredUid}", "--ref", $"{Ct}={unknown}", "--ref", $"{Mr}={scp.StoredUid}"];
        if (newAssociation) args = [.. args, "--listen", Port(listen)];
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_stgcmt_scu.py"), args);
        Assert.True(code == 0, stdout + stderr);
        var lines = JsonLines(stdout);
        Assert.Equal(0, Assert.Single(lines, l => l.GetProperty("kind").GetString() == "n-action-rsp").GetProperty("status").GetInt32());
        var report = Assert.Single(lines, l => l.GetProperty("kind").GetString() == "n-event-report");
        Assert.Equal(newAssociation ? "new" : "same", report.GetProperty("association").GetString());
        Assert.Equal(2, report.GetProperty("eventTypeId").GetInt32());
        var dataset = report.GetProperty("dataset");
        var committed = Assert.Single(dataset.GetProperty("00081199").GetProperty("Value").EnumerateArray());
        Assert.Equal(scp.StoredUid, committed.GetProperty("00081155").GetProperty("Value")[0].GetString());
        var failed = dataset.GetProperty("00081198").GetProperty("Value").EnumerateArray()
            .ToDictionary(f => f.GetProperty("00081150").GetProperty("Value")[0].GetString() + "=" + f.GetProperty("00081155").GetProperty("Value")[0].GetString(),
                f => f.GetProperty("00081197").GetProperty("Value")[0].GetInt32());
        Assert.Equal(new Dictionary<string, int> { [$"{Ct}={unknown}"] = 0x0112, [$"{Mr}={scp.StoredUid}"] = 0x0119 }, failed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    [SpecRow("PS3.4 Table J.3-2, Storage Commitment Request Complete - Failures Exist")]
    public async Task Our_scu_gets_the_pynetdicom_report_on_the_same_or_a_new_association(bool newAssociation)
    {
        await Peers.Pynetdicom.RequireAsync();
        var port = Dcmtk.FreePort();
        var listen = Dcmtk.FreePort();
        string[] scpArgs = ["--port", Port(port), "--fail", "1.2.3.5", .. newAssociation ? new[] { "--report-port", Port(listen), "--report-ae", "DSGSCU" } : []];
        await using var scp = await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_stgcmt_scp.py"), scpArgs), port, TimeSpan.FromSeconds(30));
        var result = await StorageCommitmentScu.RequestAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CallingAeTitle = "DSGSCU",
            CalledAeTitle = "PYNSTGCMT",
            PresentationContexts = [],
            Transport = OurArchive.Transport,
        }, [new CommitmentReference(Ct, "1.2.3.4"), new CommitmentReference(Ct, "1.2.3.5")], TimeSpan.FromSeconds(20),
            newAssociation ? new IPEndPoint(IPAddress.Loopback, listen) : null);
        Assert.Equal(DimseStatus.Success, result.ActionStatus);
        Assert.Equal((ushort)2, result.EventType);
        Assert.Equal(newAssociation ? ReportAssociation.New : ReportAssociation.Same, result.ReportedOn);
        Assert.Equal("1.2.3.4", Assert.Single(result.Committed).SopInstanceUid);
        var (failed, reason) = Assert.Single(result.Failed);
        Assert.Equal("1.2.3.5", failed.SopInstanceUid);
        Assert.Equal((ushort)0x0112, reason);
        var printed = JsonLines(await scp.StopAsync());
        Assert.Contains(printed, l => l.GetProperty("kind").GetString() == "n-event-report-rsp" && l.GetProperty("status").GetInt32() == 0
            && l.GetProperty("association").GetString() == (newAssociation ? "new" : "same"));
    }

    [Fact]
    [SpecRow("PS3.7 Annex C.5.13")]
    [SpecRow("PS3.7 Annex C.5.14")]
    [SpecRow("PS3.7 Annex C.5.24")]
    public async Task Bad_requests_get_precise_statuses_no_report_and_the_scp_keeps_serving()
    {
        await using var scp = await OurCommitScp.StartAsync(new StorageCommitmentOptions());
        var receiver = new CommitmentReportReceiver();
        await using var client = await DicomClient.ConnectAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = scp.Server.Port,
            CalledAeTitle = "DSGSCP",
            PresentationContexts = [new PresentationContextProposal(1, StorageCommitmentService.SopClassUid, [DicomUids.ExplicitVRLittleEndian])],
            Transport = OurArchive.Transport,
        }, new DicomSpecGen.Services.ServiceRegistry().Add(receiver));
        Task<DicomSpecGen.Services.DimseResponse> Action(DicomDataset? data, ushort type = 1) => client.RequestAsync(new NActionRq
        {
            RequestedSOPClassUID = StorageCommitmentService.SopClassUid,
            RequestedSOPInstanceUID = StorageCommitmentService.WellKnownInstanceUid,
            MessageID = client.Connection.NextMessageId(),
            ActionTypeID = type,
        }, data);

        var noSequence = new DicomDataset().SetString(DicomTags.TransactionUID, "1.2.3.100");
        Assert.Equal(DimseStatus.MissingAttribute, (await Action(noSequence)).Status);
        var empty = StorageCommitmentScu.ActionInformation("1.2.3.101", []);
        var emptyResponse = await Action(empty);
        Assert.Equal(DimseStatus.MissingAttributeValue, emptyResponse.Status);
        Assert.NotNull(emptyResponse.DataSet?.GetSequence(DicomTags.ReferencedSOPSequence)); // the Attribute List names it (C.5.14)
        var noInstance = StorageCommitmentScu.ActionInformation("1.2.3.102", [new CommitmentReference(Ct, "")]);
        Assert.Equal(DimseStatus.MissingAttributeValue, (await Action(noInstance)).Status);
        Assert.Equal(DimseStatus.NoSuchActionType, (await Action(StorageCommitmentScu.ActionInformation("1.2.3.103", [new CommitmentReference(Ct, scp.StoredUid)]), 2)).Status);

        // Still serving: a good request on the same association is committed and reported.
        var report = receiver.WaitAsync("1.2.3.104");
        Assert.Equal(DimseStatus.Success, (await Action(StorageCommitmentScu.ActionInformation("1.2.3.104", [new CommitmentReference(Ct, scp.StoredUid)]))).Status);
        var (eventType, data) = await report.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((ushort)1, eventType);
        Assert.Equal(scp.StoredUid, data.GetSequence(DicomTags.ReferencedSOPSequence)!.Items.Single().GetString(DicomTags.ReferencedSOPInstanceUID)?.TrimEnd('\0'));
        foreach (var refused in new[] { "1.2.3.100", "1.2.3.101", "1.2.3.102", "1.2.3.103" }) Assert.False(receiver.WaitAsync(refused).IsCompleted);
        await client.ReleaseAsync();
    }
}
