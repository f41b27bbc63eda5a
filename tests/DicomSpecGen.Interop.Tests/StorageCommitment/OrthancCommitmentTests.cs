using System.Net;
using System.Text.Json;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.StorageCommitment;

/// <summary>Orthanc 1.10's built-in storage commitment against ours: Orthanc as SCU (REST
/// POST /modalities/{id}/storage-commitment) against our SCP reporting on a new association, and our SCU against
/// Orthanc's SCP (which always reports on a new association to the declared modality).</summary>
public class OrthancCommitmentTests
{
    private const string Ct = DicomUids.CTImageStorage;

    [Fact]
    [SpecRow("PS3.4 Table J.3-2, Storage Commitment Request Complete - Failures Exist")]
    [SpecRow("PS3.3 C.14.1.1, Failure Reason 0112H")]
    public async Task Orthanc_as_scu_gets_our_report_on_a_new_association()
    {
        var orthancPort = Dcmtk.FreePort();
        await using var scp = await OurCommitScp.StartAsync(new StorageCommitmentOptions
        {
            ReportAssociation = ReportAssociation.New,
            Connector = new AeConnector(new AeConnectorOptions
            {
                AeTitle = "DSGSCP",
                KnownAes = new Dictionary<string, KnownAe> { ["ORTHANCSC"] = new("ORTHANCSC", "127.0.0.1", orthancPort) },
                Timeout = TimeSpan.FromSeconds(10),
            }),
            RetryInterval = TimeSpan.FromMilliseconds(500),
        });
        await using var orthanc = await Peers.Orthanc.StartAsync("ORTHANCSC", orthancPort, new Peers.Orthanc.Modality("DSGSCP", "127.0.0.1", scp.Server.Port));
        const string unknown = "1.2.826.0.1.3680043.9.7433.8.2";
        var report = await orthanc.RequestStorageCommitmentAsync("dsgscp", [(Ct, scp.StoredUid), (Ct, unknown)]);
        Assert.Equal("Failure", report.GetProperty("Status").GetString()); // event type 2
        Assert.Equal(scp.StoredUid, Assert.Single(report.GetProperty("Success").EnumerateArray()).GetProperty("SOPInstanceUID").GetString());
        var failure = Assert.Single(report.GetProperty("Failures").EnumerateArray());
        Assert.Equal(unknown, failure.GetProperty("SOPInstanceUID").GetString());
        Assert.Equal(0x0112, failure.GetProperty("FailureReason").GetInt32());
    }

    [Fact]
    [SpecRow("PS3.4 Table J.3-1, Request Storage Commitment")]
    [SpecRow("PS3.4 Table J.3-2, Storage Commitment Request Complete - Failures Exist")]
    public async Task Our_scu_gets_orthancs_report_on_its_listening_port()
    {
        var listen = Dcmtk.FreePort();
        await using var orthanc = await Peers.Orthanc.StartAsync("ORTHANCSC", new Peers.Orthanc.Modality("DSGSCU", "127.0.0.1", listen));
        using var dir = new TempDir("dsg-commit-orthanc-");
        var files = await DcmtkFiles.CreateAsync(dir.Path, 1, "ORTHCOMMIT");
        var store = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "-aet", "DSGSCU", "-aec", "ORTHANCSC", "127.0.0.1", orthanc.DicomPort.ToString(), files[0].Path);
        Assert.True(store.ExitCode == 0, store.Output);
        const string unknown = "1.2.826.0.1.3680043.9.7433.8.3";
        var result = await StorageCommitmentScu.RequestAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = orthanc.DicomPort,
            CallingAeTitle = "DSGSCU",
            CalledAeTitle = "ORTHANCSC",
            PresentationContexts = [],
            Transport = OurArchive.Transport,
        }, [new CommitmentReference(Ct, files[0].SopInstanceUid), new CommitmentReference(Ct, unknown)], TimeSpan.FromSeconds(30),
            new IPEndPoint(IPAddress.Loopback, listen));
        Assert.Equal(DimseStatus.Success, result.ActionStatus);
        Assert.Equal((ushort)2, result.EventType);
        Assert.Equal(ReportAssociation.New, result.ReportedOn);
        Assert.Equal(files[0].SopInstanceUid, Assert.Single(result.Committed).SopInstanceUid);
        var (failed, reason) = Assert.Single(result.Failed);
        Assert.Equal(unknown, failed.SopInstanceUid);
        Assert.Equal((ushort)0x0112, reason);
    }
}
