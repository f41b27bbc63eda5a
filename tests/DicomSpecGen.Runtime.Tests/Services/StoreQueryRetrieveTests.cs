using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>Our SCU against our archive SCP: C-STORE into the archive, C-FIND over its index, C-MOVE to a second
/// archive, C-GET back over the same association; against each index (SQLite, PostgreSQL).</summary>
public abstract class StoreQueryRetrieveTests
{
    protected abstract ArchiveStore.IndexBackend Backend { get; }

    private static readonly PresentationContextProposal[] Contexts =
    [
        new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
        new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: true, ScpRole: true),
        new(5, DicomUids.StudyRootQueryRetrieveInformationModelFind, [DicomUids.ExplicitVRLittleEndian]),
        new(7, DicomUids.StudyRootQueryRetrieveInformationModelMove, [DicomUids.ExplicitVRLittleEndian]),
        new(9, DicomUids.StudyRootQueryRetrieveInformationModelGet, [DicomUids.ExplicitVRLittleEndian]),
        new(11, DicomUids.PatientRootQueryRetrieveInformationModelFind, [DicomUids.ImplicitVRLittleEndian]),
    ];

    private static async Task<List<TestFiles.Instance>> StoreAsync(ArchiveServer server, int count, string patientId = "PID1", string name = "DOE^JANE")
    {
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), count, patientId, name);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, Contexts));
        foreach (var f in files)
        {
            var response = await client.StoreFileAsync(f.Path);
            Assert.Equal(DimseStatus.Success, response.Status);
        }
        await client.ReleaseAsync();
        return files;
    }

    private static DicomDataset StudyQuery(string studyUid = "") => new DicomDataset()
        .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, studyUid)
        .SetString(DicomTags.PatientID, DicomVr.LO, "")
        .SetString(DicomTags.PatientName, DicomVr.PN, "")
        .SetString(DicomTags.ModalitiesInStudy, DicomVr.CS, "")
        .SetString(DicomTags.NumberOfStudyRelatedInstances, DicomVr.IS, "");

    [Fact]
    public async Task Stored_instances_are_part10_files_with_the_same_data_set()
    {
        await using var server = ArchiveServer.Start(backend: Backend);
        var files = await StoreAsync(server, 3);
        var stored = Directory.GetFiles(server.Folder, "*.dcm", SearchOption.AllDirectories);
        Assert.Equal(3, stored.Length);
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Folder, ".incoming")));
        foreach (var f in files)
        {
            var path = Assert.Single(stored, s => Path.GetFileName(s) == f.SopInstanceUid + ".dcm");
            await using var original = File.OpenRead(f.Path);
            await using var copy = File.OpenRead(path);
            var (_, a) = await DicomFile.ReadAsync(original);
            var (meta, b) = await DicomFile.ReadAsync(copy);
            Assert.Equal(f.SopInstanceUid, meta.MediaStorageSopInstanceUid);
            Assert.Equal("DSGTEST", meta.SourceApplicationEntityTitle);
            Assert.Equal(((DicomElement)a[DicomTags.PixelData]!).Value.ToArray(), ((DicomElement)b[DicomTags.PixelData]!).Value.ToArray());
            Assert.Equal(a.GetString(DicomTags.StudyInstanceUID), b.GetString(DicomTags.StudyInstanceUID));
        }
    }

    [Fact]
    public async Task Find_matches_what_was_stored_at_study_and_image_level_with_wildcards()
    {
        await using var server = ArchiveServer.Start(backend: Backend);
        var files = await StoreAsync(server, 3);
        await StoreAsync(server, 2, "PID2", "SMITH^JOHN");
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, Contexts));

        DimseResponse? final = null;
        var studies = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, StudyQuery().SetString(DicomTags.PatientName, DicomVr.PN, "DOE*"), r => final = r).ToListAsync();
        var study = Assert.Single(studies);
        Assert.Equal(DimseStatus.Success, final!.Status);
        Assert.Equal(files[0].StudyUid, study.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("PID1", study.GetString(DicomTags.PatientID));
        Assert.Equal("CT", study.GetString(DicomTags.ModalitiesInStudy));
        Assert.Equal("3", study.GetString(DicomTags.NumberOfStudyRelatedInstances));

        var all = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, StudyQuery()).ToListAsync();
        Assert.Equal(2, all.Count);

        var images = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "IMAGE")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, files[0].StudyUid)
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, files[0].SeriesUid)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, "")).ToListAsync();
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(), images.Select(i => i.GetString(DicomTags.SOPInstanceUID)!).Order());

        var none = await client.FindAsync(DicomUids.PatientRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "PATIENT")
            .SetString(DicomTags.PatientName, DicomVr.PN, "NOBODY*")).ToListAsync();
        Assert.Empty(none);

        var ranged = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, StudyQuery().SetString(DicomTags.StudyDate, DicomVr.DA, "20240101-20240131")).ToListAsync();
        Assert.Equal(2, ranged.Count);
        var outside = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, StudyQuery().SetString(DicomTags.StudyDate, DicomVr.DA, "20250101-")).ToListAsync();
        Assert.Empty(outside);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Find_without_a_level_is_refused_with_identifier_does_not_match()
    {
        await using var server = ArchiveServer.Start(backend: Backend);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, Contexts));
        DimseResponse? final = null;
        var matches = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind,
            new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, ""), r => final = r).ToListAsync();
        Assert.Empty(matches);
        Assert.Equal(DimseStatus.QueryRetrieveFind.IdentifierDoesNotMatchSopClass, final!.Status);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Move_sends_the_study_to_the_destination_archive()
    {
        await using var destination = ArchiveServer.Start(ae: "DEST", backend: Backend);
        await using var source = ArchiveServer.Start(new Dictionary<string, KnownAe> { ["DEST"] = new("DEST", "127.0.0.1", destination.Port) }, backend: Backend);
        var files = await StoreAsync(source, 4);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(source.Port, Contexts));
        var pending = new List<DimseResponse>();
        var final = await client.MoveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, "DEST", StudyQuery(files[0].StudyUid), pending.Add);
        Assert.Equal(DimseStatus.Success, final.Status);
        var rsp = Assert.IsType<CMoveRsp>(final.Message);
        Assert.Equal((ushort)4, rsp.NumberOfCompletedSuboperations);
        Assert.Equal((ushort)0, rsp.NumberOfFailedSuboperations);
        // One pending response after each sub-operation, the last included (Remaining 0), before the release.
        Assert.Equal(4, pending.Count);
        var last = Assert.IsType<CMoveRsp>(pending[^1].Message);
        Assert.Equal((ushort)0, last.NumberOfRemainingSuboperations);
        Assert.Equal((ushort)4, last.NumberOfCompletedSuboperations);
        Assert.Equal(4, Directory.GetFiles(destination.Folder, "*.dcm", SearchOption.AllDirectories).Length);

        var unknown = await client.MoveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, "NOWHERE", StudyQuery(files[0].StudyUid));
        Assert.Equal(DimseStatus.QueryRetrieveMove.MoveDestinationUnknown, unknown.Status);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Get_returns_the_instances_as_store_sub_operations_on_the_same_association()
    {
        await using var server = ArchiveServer.Start(backend: Backend);
        var files = await StoreAsync(server, 3);
        var receivedFolder = TestFiles.TempDir();
        using var received = DicomSpecGen.Archive.DicomArchive.Open(receivedFolder, "DSGTEST");
        var handler = new DicomServiceProvider(new ServiceProviderOptions { Storage = received });
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, Contexts), handler);
        Assert.True(client.Association.GetContext(3).RequestorIsScp);
        var final = await client.GetAsync(DicomUids.StudyRootQueryRetrieveInformationModelGet, StudyQuery(files[0].StudyUid));
        Assert.Equal(DimseStatus.Success, final.Status);
        Assert.Equal((ushort)3, Assert.IsType<CGetRsp>(final.Message).NumberOfCompletedSuboperations);
        Assert.Equal(files.Select(f => f.SopInstanceUid + ".dcm").Order(),
            Directory.GetFiles(receivedFolder, "*.dcm", SearchOption.AllDirectories).Select(Path.GetFileName).Order());
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Get_without_the_scp_role_fails_its_sub_operations_instead_of_breaking_the_roles()
    {
        await using var server = ArchiveServer.Start(backend: Backend);
        var files = await StoreAsync(server, 2);
        var received = TestFiles.TempDir();
        using var archive = DicomSpecGen.Archive.DicomArchive.Open(received, "DSGTEST");
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port,
                new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian]),
                new PresentationContextProposal(3, DicomUids.StudyRootQueryRetrieveInformationModelGet, [DicomUids.ExplicitVRLittleEndian])),
            new DicomServiceProvider(new ServiceProviderOptions { Storage = archive }));
        Assert.False(client.Association.GetContext(1).RequestorIsScp);
        var final = await client.GetAsync(DicomUids.StudyRootQueryRetrieveInformationModelGet, StudyQuery(files[0].StudyUid));
        Assert.Equal(DimseStatus.QueryRetrieveGet.SubOperationsCompleteOneOrMoreFailuresOrWarnings, final.Status);
        Assert.Equal((ushort)2, Assert.IsType<CGetRsp>(final.Message).NumberOfFailedSuboperations);
        Assert.Empty(Directory.GetFiles(received, "*.dcm", SearchOption.AllDirectories));
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task A_file_is_transcoded_when_only_another_native_syntax_is_accepted()
    {
        await using var server = ArchiveServer.Start(backend: Backend);
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, transferSyntax: DicomUids.ExplicitVRLittleEndian);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port,
            new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ImplicitVRLittleEndian])));
        Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(files[0].Path)).Status);
        await client.ReleaseAsync();
        var stored = Assert.Single(Directory.GetFiles(server.Folder, "*.dcm", SearchOption.AllDirectories));
        await using var copy = File.OpenRead(stored);
        var (meta, ds) = await DicomFile.ReadAsync(copy);
        Assert.Equal(DicomUids.ImplicitVRLittleEndian, meta.TransferSyntaxUid);
        Assert.Equal(files[0].SopInstanceUid, ds.GetString(DicomTags.SOPInstanceUID));
    }
}

public sealed class SqliteStoreQueryRetrieveTests : StoreQueryRetrieveTests
{
    protected override ArchiveStore.IndexBackend Backend => ArchiveStore.IndexBackend.Sqlite;
}

[Collection(ArchiveStore.PostgresCollection.Name)]
public sealed class PostgresStoreQueryRetrieveTests(ArchiveStore.PostgresCluster cluster) : StoreQueryRetrieveTests
{
    protected override ArchiveStore.IndexBackend Backend { get; } = new ArchiveStore.PostgresBackend(cluster);
}
