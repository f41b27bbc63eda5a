using System.Text.Json;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Orthanc;

/// <summary>Our SCU against a real Orthanc PACS: C-STORE into it (checked through its REST API), C-FIND of what was
/// stored, C-MOVE of it to our archive SCP, C-GET of it back on the same association.</summary>
public class OurScuToOrthancTests(OrthancPeer peer) : IClassFixture<OrthancPeer>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly PresentationContextProposal[] Contexts =
    [
        new(1, DicomUids.Verification, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
        new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: true, ScpRole: true),
        new(5, DicomUids.StudyRootQueryRetrieveInformationModelFind, [DicomUids.ExplicitVRLittleEndian]),
        new(7, DicomUids.StudyRootQueryRetrieveInformationModelMove, [DicomUids.ExplicitVRLittleEndian]),
        new(9, DicomUids.StudyRootQueryRetrieveInformationModelGet, [DicomUids.ExplicitVRLittleEndian]),
        new(11, DicomUids.PatientRootQueryRetrieveInformationModelFind, [DicomUids.ImplicitVRLittleEndian]),
    ];

    private RequestorOptions Requestor(string called = OrthancPeer.OrthancAe) => new()
    {
        Host = "127.0.0.1",
        Port = peer.Orthanc.DicomPort,
        CallingAeTitle = OrthancPeer.OurAe,
        CalledAeTitle = called,
        PresentationContexts = Contexts,
        Transport = OurArchive.Transport,
        AssociateTimeout = TimeSpan.FromSeconds(20),
        ReleaseTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A new study of <paramref name="count"/> instances (made by dump2dcm) stored into Orthanc by our SCU.</summary>
    private async Task<List<DcmtkFiles.Instance>> StoreAsync(TempDir temp, string patientId, int count = 3, int pixelWords = 256)
    {
        var files = await DcmtkFiles.CreateAsync(temp.Path, count, patientId, pixelWords: pixelWords);
        using var cts = new CancellationTokenSource(Limit);
        await using var client = await DicomClient.ConnectAsync(Requestor(), cancellationToken: cts.Token);
        foreach (var f in files)
            Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(f.Path, cts.Token)).Status);
        await client.ReleaseAsync(cts.Token);
        return files;
    }

    private static DicomDataset StudyKey(string studyUid) => new DicomDataset()
        .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, studyUid);

    private static IEnumerable<string> Uids(IEnumerable<DcmtkFiles.Instance> files) => files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal);

    [Fact]
    public async Task Echo_and_store_reach_orthanc_which_keeps_the_same_pixel_data()
    {
        using var temp = new TempDir();
        await using (var client = await DicomClient.ConnectAsync(Requestor()))
        {
            Assert.Equal(DimseStatus.Success, await client.EchoAsync());
            await client.ReleaseAsync();
        }
        var files = await StoreAsync(temp, "ORTH-STORE", 2, pixelWords: 60_000); // larger than Orthanc's maximum PDU: fragmented

        using var http = peer.Orthanc.Http();
        foreach (var f in files)
        {
            var lookup = await http.PostAsync("tools/lookup", new StringContent(f.SopInstanceUid));
            lookup.EnsureSuccessStatusCode();
            using var found = JsonDocument.Parse(await lookup.Content.ReadAsStringAsync());
            var id = Assert.Single(found.RootElement.EnumerateArray(), e => e.GetProperty("Type").GetString() == "Instance").GetProperty("ID").GetString();
            var copy = Path.Combine(temp.Path, f.SopInstanceUid + ".orthanc.dcm");
            await File.WriteAllBytesAsync(copy, await http.GetByteArrayAsync($"instances/{id}/file"));
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0020,000d", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0020,000d", copy);
            Assert.Equal(a.Output, b.Output);
        }
    }

    [Fact]
    public async Task Find_returns_the_stored_study_and_its_instances()
    {
        using var temp = new TempDir();
        var files = await StoreAsync(temp, "ORTH-FIND");
        await using var client = await DicomClient.ConnectAsync(Requestor());

        DimseResponse? final = null;
        var studies = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
            .SetString(DicomTags.PatientID, DicomVr.LO, "ORTH-FIND")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, "")
            .SetString(DicomTags.PatientName, DicomVr.PN, "")
            .SetString(DicomTags.NumberOfStudyRelatedInstances, DicomVr.IS, ""), r => final = r).ToListAsync();
        var study = Assert.Single(studies);
        Assert.Equal(DimseStatus.Success, final!.Status);
        Assert.Equal(files[0].StudyUid, study.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("DCMTK^TEST", study.GetString(DicomTags.PatientName));
        Assert.Equal("3", study.GetString(DicomTags.NumberOfStudyRelatedInstances));

        var images = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "IMAGE")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, files[0].StudyUid)
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, files[0].SeriesUid)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, "")).ToListAsync();
        Assert.Equal(Uids(files), images.Select(i => i.GetString(DicomTags.SOPInstanceUID)!).Order(StringComparer.Ordinal));

        var none = await client.FindAsync(DicomUids.PatientRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "PATIENT")
            .SetString(DicomTags.PatientID, DicomVr.LO, "NOBODY*")).ToListAsync();
        Assert.Empty(none);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Move_sends_the_study_from_orthanc_to_our_archive_scp()
    {
        using var temp = new TempDir();
        var files = await StoreAsync(temp, "ORTH-MOVE");
        await using var client = await DicomClient.ConnectAsync(Requestor());
        var final = await client.MoveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, OrthancPeer.OurAe, StudyKey(files[0].StudyUid));
        Assert.Equal(DimseStatus.Success, final.Status);
        var rsp = Assert.IsType<CMoveRsp>(final.Message);
        Assert.Equal((ushort)0, rsp.NumberOfFailedSuboperations ?? 0);
        await client.ReleaseAsync();

        var archived = peer.Archive.StoredFiles().Where(p => files.Any(f => Path.GetFileName(p) == f.SopInstanceUid + ".dcm")).ToList();
        Assert.Equal(files.Count, archived.Count);
        foreach (var f in files)
        {
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", archived.Single(p => Path.GetFileName(p) == f.SopInstanceUid + ".dcm"));
            Assert.Equal(a.Output, b.Output);
        }
    }

    [Fact]
    public async Task Get_returns_the_study_as_store_sub_operations_on_the_same_association()
    {
        using var temp = new TempDir();
        var files = await StoreAsync(temp, "ORTH-GET");
        var receivedFolder = Path.Combine(temp.Path, "got");
        using var received = DicomArchive.Open(receivedFolder, OrthancPeer.OurAe);
        var handler = new DicomServiceProvider(new ServiceProviderOptions { Storage = received });
        await using var client = await DicomClient.ConnectAsync(Requestor(), handler);
        var final = await client.GetAsync(DicomUids.StudyRootQueryRetrieveInformationModelGet, StudyKey(files[0].StudyUid));
        Assert.Equal(DimseStatus.Success, final.Status);
        Assert.Equal((ushort)3, Assert.IsType<CGetRsp>(final.Message).NumberOfCompletedSuboperations);
        await client.ReleaseAsync();
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(receivedFolder));
    }

    [Fact]
    public async Task A_wrong_called_ae_title_is_rejected_by_orthanc()
    {
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Requestor(called: "NOT-ORTHANC")));
        Assert.Equal(AssociateRejectReason.CalledAeTitleNotRecognized, e.Reason);
        Assert.False(peer.Orthanc.HasExited);
    }
}
