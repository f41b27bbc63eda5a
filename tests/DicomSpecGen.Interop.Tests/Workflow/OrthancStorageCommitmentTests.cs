using System.Text.Json;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Traceability;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Interop.Tests.Workflow;

/// <summary>Orthanc 1.10 has Storage Commitment Push Model built in, both ways: as SCP (an N-ACTION from a modality
/// declared in DicomModalities starts a job that answers with an N-EVENT-REPORT on a new association to that
/// modality) and as SCU (POST /modalities/{id}/storage-commitment; the report it receives is at
/// GET /storage-commitment/{transaction}). "AllowStorageCommitment" of a modality (default true) is an alias for
/// AllowNAction and AllowEventReport. These tests prove the pynetdicom storage commitment scripts against it.</summary>
public class OrthancStorageCommitmentTests
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";

    private static string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    [SpecRow("PS3.3 C.14.1.1")]
    [SpecRow("PS3.4 Table J.3-2")]
    public async Task Orthanc_as_scu_reads_every_failure_reason_the_pynetdicom_scp_reports()
    {
        await Peers.Pynetdicom.RequireAsync();
        var scpPort = Dcmtk.FreePort();
        var orthancPort = Dcmtk.FreePort();
        // One committed instance and one failed instance per Failure Reason of spec/part04/storage-commitment.yaml.
        var reasons = StorageCommitmentSpec.FailureReasons;
        var failing = reasons.Select((r, i) => (Uid: $"1.2.826.0.1.3680043.9.7801.{i + 10}", Reason: r)).ToList();
        string[] args = ["--port", Port(scpPort), "--ae-title", "PYNSTGCMT", "--report-port", Port(orthancPort), "--report-ae", "ORTHANCSC",
            .. failing.SelectMany(f => new[] { "--fail", $"{f.Uid}={f.Reason.Code:X4}" })];
        await using var scp = await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(Peers.Pynetdicom.OwnScript("pyn_stgcmt_scp.py"), args), scpPort, TimeSpan.FromSeconds(30));
        await using var orthanc = await Peers.Orthanc.StartAsync("ORTHANCSC", orthancPort, new Peers.Orthanc.Modality("PYNSTGCMT", "127.0.0.1", scpPort));
        var report = await orthanc.RequestStorageCommitmentAsync("pynstgcmt",
            failing.Select(f => (CtImageStorage, f.Uid)).Prepend((CtImageStorage, "1.2.826.0.1.3680043.9.7801.1")));
        Assert.Equal("Failure", report.GetProperty("Status").GetString()); // event type 2: failures exist
        Assert.Equal("1.2.826.0.1.3680043.9.7801.1", Assert.Single(report.GetProperty("Success").EnumerateArray()).GetProperty("SOPInstanceUID").GetString());
        var failures = report.GetProperty("Failures").EnumerateArray().ToDictionary(f => f.GetProperty("SOPInstanceUID").GetString()!);
        Assert.Equal(failing.Count, failures.Count);
        foreach (var (uid, reason) in failing)
        {
            // Orthanc names each Failure Reason code with the PS3.3 text our row transcribes.
            Assert.Equal(reason.Code, failures[uid].GetProperty("FailureReason").GetInt32());
            Assert.Equal(reason.Description, failures[uid].GetProperty("Description").GetString() + ".");
        }
    }

    [Fact]
    [SpecRow("PS3.4 Table J.3-1")]
    [SpecRow("PS3.4 Table J.3-2")]
    public async Task Orthanc_as_scp_reports_an_unknown_instance_on_a_new_association()
    {
        var listen = Dcmtk.FreePort();
        await using var orthanc = await Peers.Orthanc.StartAsync("ORTHANCSC", new Peers.Orthanc.Modality("PYNSTGCMTSCU", "127.0.0.1", listen));
        var (code, stdout, stderr) = await Peers.Pynetdicom.RunAsync(TimeSpan.FromSeconds(60), Peers.Pynetdicom.OwnScript("pyn_stgcmt_scu.py"),
            "--port", Port(orthanc.DicomPort), "--called", "ORTHANCSC", "--calling", "PYNSTGCMTSCU", "--listen", Port(listen),
            "--ref", $"{CtImageStorage}=1.2.826.0.1.3680043.9.7801.2", "--wait", "30");
        Assert.True(code == 0, stdout + stderr);
        var report = stdout.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(l => l.GetProperty("kind").GetString() == "n-event-report");
        Assert.Equal("new", report.GetProperty("association").GetString());
        Assert.Equal(2, report.GetProperty("eventTypeId").GetInt32());
        var failed = Assert.Single(report.GetProperty("dataset").GetProperty("00081198").GetProperty("Value").EnumerateArray());
        var noSuchInstance = StorageCommitmentSpec.FailureReasons.Single(r => r.Name == "NoSuchObjectInstance");
        Assert.Equal(noSuchInstance.Code, failed.GetProperty("00081197").GetProperty("Value")[0].GetInt32());
    }
}
