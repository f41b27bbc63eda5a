using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.ArchiveStore;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Runtime.Tests.Mpps;

/// <summary>The MPPS SCP's refusals that the pynetdicom SCU cannot send (duplicate instance, attributes Table F.7.2-1
/// does not allow in N-SET, a transition mpps.yaml lacks), the SCP-allocated UID, and the durable store (in each index).</summary>
public abstract class MppsServiceTests : IDisposable
{
    protected abstract IndexBackend Backend { get; }

    private readonly string _folder = Directory.CreateTempSubdirectory("dsg-mpps-rt-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static Dictionary<string, string> Values() => new() { ["PatientID"] = "RT1", ["Modality"] = "MR", ["PerformedProcedureStepID"] = "P1", ["PerformedStationAETitle"] = "RTSCU" };

    private static async Task<DicomClient> ConnectAsync(int port)
        => await DicomClient.ConnectAsync(Loopback.Requestor(port, new PresentationContextProposal(1, MppsScu.SopClassUid, [DicomUids.ExplicitVRLittleEndian])));

    [Fact]
    [SpecRow("PS3.7 Annex C.5.8")]
    [SpecRow("PS3.7 Annex C.5.11")]
    [SpecRow("PS3.4 Table F.7.2-1, Performed Procedure Step ID")]
    public async Task Refusals_change_nothing_and_the_instance_survives_a_new_store()
    {
        string uid;
        using (var store = Backend.Mpps(_folder))
        {
            var registry = new ServiceRegistry().Add(new MppsService(store));
            await using var server = Loopback.StartServer(Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = "DSGSCP" })), registry);
            await using var client = await ConnectAsync(server.Port);

            // Without an Affected SOP Instance UID the SCP allocates one and returns it (PS3.7 10.1.5.1.4).
            var created = await client.RequestAsync(new NCreateRq { AffectedSOPClassUID = MppsScu.SopClassUid, MessageID = client.Connection.NextMessageId() },
                MppsScu.CreateAttributes(Values()));
            Assert.Equal(DimseStatus.Success, created.Status);
            uid = Assert.IsType<NCreateRsp>(created.Message).AffectedSOPInstanceUID!;
            Assert.StartsWith("2.25.", uid);

            Assert.Equal(DimseStatus.DuplicateSOPInstance, (await MppsScu.CreateAsync(client, uid, MppsScu.CreateAttributes(Values()))).Status);

            // Performed Procedure Step ID is "Not allowed" in N-SET (Table F.7.2-1): 0106 with it as the Modification List.
            var notAllowed = MppsScu.SetAttributes("COMPLETED", new Dictionary<string, string> { ["PerformedProcedureStepID"] = "OTHER" });
            var refused = await MppsScu.SetAsync(client, uid, notAllowed);
            Assert.Equal(DimseStatus.InvalidAttributeValue, refused.Status);
            Assert.Equal("OTHER", refused.DataSet!.GetString(DicomTags.PerformedProcedureStepID));
            Assert.Single(refused.DataSet);
            Assert.Equal("IN PROGRESS", (await store.GetAsync(uid, CancellationToken.None))!.Status);

            // A status no transition of mpps.yaml reaches is 0106 too.
            var bogus = new DicomDataset().SetString(DicomTags.PerformedProcedureStepStatus, "SCHEDULED");
            Assert.Equal(DimseStatus.InvalidAttributeValue, (await MppsScu.SetAsync(client, uid, bogus)).Status);

            Assert.Equal(DimseStatus.Success, (await MppsScu.SetAsync(client, uid, MppsScu.SetAttributes("DISCONTINUED"))).Status);
            await client.ReleaseAsync();
        }

        // A new store on the same archive index sees the instance and its final state.
        using var reopened = Backend.Mpps(_folder);
        var record = Assert.Single(await reopened.ListAsync(CancellationToken.None));
        Assert.Equal(uid, record.SopInstanceUid);
        Assert.Equal(MppsSpec.States.Single(s => s.Name == "Discontinued").Value, record.Status);
        Assert.Equal("P1", record.PerformedProcedureStepId);
        Assert.NotNull(record.Attributes.GetString(DicomTags.PerformedProcedureStepEndDate));
    }

    [Fact]
    [SpecRow("PS3.4 Table F.7.2-1, Scheduled Step Attribute Sequence")]
    public void The_create_attributes_hold_every_type_1_and_2_row_of_the_table()
    {
        var attributes = MppsScu.CreateAttributes(Values());
        foreach (var row in MppsSpec.Attributes.Where(a => a.Parent == null && a.NCreateScu is "1" or "2"))
            Assert.True(attributes.Contains(row.Tag), row.Name);
        var step = Assert.Single(attributes.GetSequence(DicomTags.ScheduledStepAttributesSequence)!.Items);
        foreach (var row in MppsSpec.Attributes.Where(a => a.Parent == "ScheduledStepAttributesSequence" && a.NCreateScu is "1" or "2"))
            Assert.True(step.Contains(row.Tag), row.Name);
        Assert.Equal("IN PROGRESS", attributes.GetString(DicomTags.PerformedProcedureStepStatus));
        // A type 1 value that cannot be made up is asked for by name.
        var e = Assert.Throws<ArgumentException>(() => MppsScu.CreateAttributes(new Dictionary<string, string>()));
        Assert.Contains("type 1", e.Message);
    }
}

public sealed class SqliteMppsServiceTests : MppsServiceTests
{
    protected override IndexBackend Backend => IndexBackend.Sqlite;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresMppsServiceTests(PostgresCluster cluster) : MppsServiceTests
{
    protected override IndexBackend Backend { get; } = new PostgresBackend(cluster);
}
