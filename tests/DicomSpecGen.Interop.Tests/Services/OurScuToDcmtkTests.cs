using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>Our SCU against DCMTK's storescp and dcmqrscp: echo, store, find, move, get.</summary>
public class OurScuToDcmtkTests
{
    private static RequestorOptions Requestor(int port, string called, params PresentationContextProposal[] contexts) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "DSGSCU",
        CalledAeTitle = called,
        PresentationContexts = contexts,
        Transport = OurArchive.Transport,
        AssociateTimeout = TimeSpan.FromSeconds(20),
        ReleaseTimeout = TimeSpan.FromSeconds(20),
    };

    private static readonly PresentationContextProposal[] StoreContexts =
    [
        new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
        new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
    ];

    [Theory]
    [InlineData(Dul.DulEngine.Generated)]
    [InlineData(Dul.DulEngine.Interpreted)]
    public async Task Echo_and_store_to_storescp(Dul.DulEngine engine)
    {
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", received, port.ToString());
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 3, pixelWords: 40000);
        await using var client = await DicomClient.ConnectAsync(Requestor(port, "STORESCP", StoreContexts) with { Engine = engine });
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        foreach (var f in files) Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(f.Path)).Status);
        await client.ReleaseAsync();
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    /// <summary>dcmqrscp with a configuration written here: its storage area, our SCU allowed, our archive as move destination.</summary>
    internal static Task<DcmtkServer> StartQrScpAsync(int port, int destinationPort)
        => StartQrScpAsync(port, ("DSGDEST", destinationPort), ("DSGSCU", destinationPort));

    /// <summary>dcmqrscp knowing the given AE titles (as C-MOVE destinations on 127.0.0.1).</summary>
    internal static async Task<DcmtkServer> StartQrScpAsync(int port, params (string Ae, int Port)[] hosts)
    {
        var root = DcmtkFiles.TempDir("dsg-qr-");
        var db = Path.Combine(root, "db");
        Directory.CreateDirectory(db);
        var config = Path.Combine(root, "dcmqrscp.cfg");
        await File.WriteAllTextAsync(config, $"""
            NetworkTCPPort  = {port}
            MaxPDUSize      = 16384
            MaxAssociations = 8

            HostTable BEGIN
            {string.Join("\n", hosts.Select(h => $"{h.Ae.ToLowerInvariant()} = ({h.Ae}, 127.0.0.1, {h.Port})"))}
            HostTable END

            VendorTable BEGIN
            VendorTable END

            AETable BEGIN
            QRSCP {db} RW (200, 1024mb) ANY
            AETable END

            """);
        // Forking mode: DCMTK 3.6.7 dcmqrscp -s (single process) stops listening after its first association.
        return await DcmtkServer.StartAsync("dcmqrscp", port, "-c", config, port.ToString());
    }

    private static async Task<DicomClient> ConnectOrExplainAsync(DcmtkServer peer, RequestorOptions options, IDimseRequestHandler? handler = null)
    {
        try
        {
            return await DicomClient.ConnectAsync(options, handler);
        }
        catch (AssociationAbortedException e)
        {
            throw new InvalidOperationException("dcmqrscp: " + await peer.OutputAsync(), e);
        }
    }

    [Fact]
    public async Task Store_find_move_get_against_dcmqrscp()
    {
        await using var destination = OurArchive.Start(ae: "DSGDEST");
        var port = Dcmtk.FreePort();
        await using var qr = await StartQrScpAsync(port, destination.Port);
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 3);
        var study = files[0].StudyUid;

        await using (var client = await ConnectOrExplainAsync(qr, Requestor(port, "QRSCP", StoreContexts)))
        {
            foreach (var f in files) Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(f.Path)).Status);
            await client.ReleaseAsync();
        }

        var find = DicomUids.StudyRootQueryRetrieveInformationModelFind;
        var move = DicomUids.StudyRootQueryRetrieveInformationModelMove;
        await using (var client = await ConnectOrExplainAsync(qr, Requestor(port, "QRSCP",
            new PresentationContextProposal(1, find, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
            new PresentationContextProposal(3, move, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]))))
        {
            DimseResponse? final = null;
            var query = new DicomDataset()
                .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
                .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, "")
                .SetString(DicomTags.PatientID, DicomVr.LO, "DCMTK1");
            var matches = await client.FindAsync(find, query, r => final = r).ToListAsync();
            Assert.Equal(DimseStatus.Success, final!.Status);
            Assert.Equal(study, Assert.Single(matches).GetString(DicomTags.StudyInstanceUID));

            var moved = await client.MoveAsync(move, "DSGDEST", new DicomDataset()
                .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
                .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, study));
            Assert.Equal(DimseStatus.Success, moved.Status);
            Assert.Equal((ushort)3, Assert.IsType<CMoveRsp>(moved.Message).NumberOfCompletedSuboperations);
            await client.ReleaseAsync();
        }
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(destination.Folder));

        var got = DcmtkFiles.TempDir();
        using var local = Archive.DicomArchive.Open(got, "DSGSCU");
        var get = DicomUids.StudyRootQueryRetrieveInformationModelGet;
        await using (var client = await ConnectOrExplainAsync(qr, Requestor(port, "QRSCP",
                new PresentationContextProposal(1, get, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
                new PresentationContextProposal(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: false, ScpRole: true)),
            new DicomServiceProvider(new ServiceProviderOptions { Storage = local })))
        {
            var final = await client.GetAsync(get, new DicomDataset()
                .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY")
                .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, study));
            Assert.Equal(DimseStatus.Success, final.Status);
            await client.ReleaseAsync();
        }
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(got));
    }
}
