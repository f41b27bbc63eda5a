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

namespace DicomSpecGen.Interop.Tests.Pynetdicom;

/// <summary>Our SCU against pynetdicom 2.0.2 SCPs: scripts/pyn_storescp.py (echo, store) and scripts/pyn_qr_scp.py
/// (find, move, get over a folder of dump2dcm files; association rejection).</summary>
public class OurScuToPynetdicomScpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static readonly PresentationContextProposal[] Contexts =
    [
        new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
        new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: true, ScpRole: true),
        new(5, DicomUids.StudyRootQueryRetrieveInformationModelFind, [DicomUids.ExplicitVRLittleEndian]),
        new(7, DicomUids.StudyRootQueryRetrieveInformationModelMove, [DicomUids.ExplicitVRLittleEndian]),
        new(9, DicomUids.StudyRootQueryRetrieveInformationModelGet, [DicomUids.ExplicitVRLittleEndian]),
        new(11, DicomUids.PatientRootQueryRetrieveInformationModelFind, [DicomUids.ImplicitVRLittleEndian]),
    ];

    private static RequestorOptions Requestor(int port, string called) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "DSGSCU",
        CalledAeTitle = called,
        PresentationContexts = Contexts,
        Transport = OurArchive.Transport,
        AssociateTimeout = TimeSpan.FromSeconds(20),
        ReleaseTimeout = TimeSpan.FromSeconds(10),
    };

    private static async Task<PeerServer> StartAsync(string script, int port, params string[] args)
    {
        await Peers.Pynetdicom.RequireAsync();
        return await PeerServer.StartAsync(Peers.Pynetdicom.StartInfo(script, [port.ToString(), .. args, "--max-seconds", "180"]), port, TimeSpan.FromSeconds(30));
    }

    private static Task<PeerServer> StartStorescpAsync(int port, params string[] args) => StartAsync(Peers.Pynetdicom.OwnScript("pyn_storescp.py"), port, ["--aet", "PYNSCP", .. args]);

    private static Task<PeerServer> StartQrScpAsync(int port, string folder, params string[] args) => StartAsync(Peers.Pynetdicom.OwnScript("pyn_qr_scp.py"), port, ["--aet", "PYNQR", "--folder", folder, .. args]);

    private static IEnumerable<string> Uids(IEnumerable<DcmtkFiles.Instance> files) => files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal);

    private static DicomDataset StudyKey(string studyUid) => new DicomDataset()
        .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, studyUid);

    [Fact]
    public async Task Echo_succeeds_repeatedly_on_one_association()
    {
        var port = Dcmtk.FreePort();
        await using var scp = await StartStorescpAsync(port, "--nodelay");
        using var cts = new CancellationTokenSource(Limit);
        await using var client = await DicomClient.ConnectAsync(Requestor(port, "PYNSCP"), cancellationToken: cts.Token);
        for (var i = 0; i < 10; i++) Assert.Equal(DimseStatus.Success, await client.EchoAsync(cts.Token));
        await client.ReleaseAsync(cts.Token);
    }

    [Theory]
    [InlineData("+te", 256, 16382)]
    [InlineData("+ti", 256, 16382)]
    [InlineData("+te", 100_000, 16382)] // fragmented to pynetdicom's maximum PDU
    [InlineData("+te", 100_000, 0)] // 0: pynetdicom sets no limit (PS3.8 D.1), so our own cap applies
    public async Task Store_writes_the_same_data_set_at_pynetdicom(string syntax, int pixelWords, int peerMaxPdu)
    {
        using var temp = new TempDir();
        var source = Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName;
        var received = Path.Combine(temp.Path, "received");
        var files = await DcmtkFiles.CreateAsync(source, 2, "PYN-STORE", syntax, pixelWords);
        var port = Dcmtk.FreePort();
        await using (var scp = await StartStorescpAsync(port, "--out", received, "--max-pdu", peerMaxPdu.ToString()))
        {
            using var cts = new CancellationTokenSource(Limit);
            await using var client = await DicomClient.ConnectAsync(Requestor(port, "PYNSCP"), cancellationToken: cts.Token);
            foreach (var f in files) Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(f.Path, cts.Token)).Status);
            await client.ReleaseAsync(cts.Token);
        }
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(received));
        foreach (var f in files)
        {
            var a = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", f.Path);
            var b = await Dcmtk.RunAsync("dcmdump", Limit, "+L", "+P", "7fe0,0010", "+P", "0010,0020", Path.Combine(received, f.SopInstanceUid + ".dcm"));
            Assert.Equal(a.Output, b.Output);
        }
    }

    [Fact]
    public async Task Pynetdicom_rejects_a_wrong_called_ae_title_and_we_report_its_reason()
    {
        using var temp = new TempDir();
        var port = Dcmtk.FreePort();
        await using var scp = await StartQrScpAsync(port, temp.Path, "--require-called-aet");
        var e = await Assert.ThrowsAsync<AssociationRejectedException>(() => DicomClient.ConnectAsync(Requestor(port, "NOT-PYNQR")));
        Assert.Equal(AssociateRejectResult.RejectedPermanent, e.Result);
        Assert.Equal(AssociateRejectReason.CalledAeTitleNotRecognized, e.Reason);

        await using var client = await DicomClient.ConnectAsync(Requestor(port, "PYNQR"));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Find_move_and_get_against_a_pynetdicom_query_retrieve_scp()
    {
        using var temp = new TempDir();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "qr")).FullName;
        var files = await DcmtkFiles.CreateAsync(folder, 3, "PYN-QR");
        var other = await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(folder, "tmp")).FullName, 1, "PYN-OTHER");
        File.Move(other[0].Path, Path.Combine(folder, "other.dcm"));
        await using var destination = OurArchive.Start(ae: "DSGDEST");
        var port = Dcmtk.FreePort();
        await using var scp = await StartQrScpAsync(port, folder, "--dest", $"DSGDEST={destination.Port}");
        using var cts = new CancellationTokenSource(Limit);

        var gotFolder = Path.Combine(temp.Path, "got");
        using var got = DicomArchive.Open(gotFolder, "DSGSCU");
        await using var client = await DicomClient.ConnectAsync(Requestor(port, "PYNQR"), new DicomServiceProvider(new ServiceProviderOptions { Storage = got }), cancellationToken: cts.Token);

        DimseResponse? final = null;
        var studies = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
            .SetString(DicomTags.PatientID, DicomVr.LO, "PYN-Q*")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, "")
            .SetString(DicomTags.NumberOfStudyRelatedInstances, DicomVr.IS, ""), r => final = r, cts.Token).ToListAsync(cts.Token);
        var study = Assert.Single(studies);
        Assert.Equal(DimseStatus.Success, final!.Status);
        Assert.Equal(files[0].StudyUid, study.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("3", study.GetString(DicomTags.NumberOfStudyRelatedInstances));

        var images = await client.FindAsync(DicomUids.StudyRootQueryRetrieveInformationModelFind, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "IMAGE")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, files[0].StudyUid)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, ""), cancellationToken: cts.Token).ToListAsync(cts.Token);
        Assert.Equal(Uids(files), images.Select(i => i.GetString(DicomTags.SOPInstanceUID)!).Order(StringComparer.Ordinal));

        var move = await client.MoveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, "DSGDEST", StudyKey(files[0].StudyUid), cancellationToken: cts.Token);
        Assert.Equal(DimseStatus.Success, move.Status);
        Assert.Equal((ushort)3, Assert.IsType<CMoveRsp>(move.Message).NumberOfCompletedSuboperations);
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(destination.Folder));

        var unknown = await client.MoveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, "NOWHERE", StudyKey(files[0].StudyUid), cancellationToken: cts.Token);
        Assert.Equal(DimseStatus.QueryRetrieveMove.MoveDestinationUnknown, unknown.Status);

        var get = await client.GetAsync(DicomUids.StudyRootQueryRetrieveInformationModelGet, StudyKey(files[0].StudyUid), cancellationToken: cts.Token);
        Assert.Equal(DimseStatus.Success, get.Status);
        Assert.Equal((ushort)3, Assert.IsType<CGetRsp>(get.Message).NumberOfCompletedSuboperations);
        Assert.Equal(Uids(files), await DcmtkFiles.SopInstanceUidsAsync(gotFolder));
        await client.ReleaseAsync(cts.Token);
    }
}
