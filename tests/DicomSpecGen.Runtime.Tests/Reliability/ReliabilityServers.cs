using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Storage;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Our archive SCP with the limits under test (transport options, engine, association cap) and the
/// requestor contexts that reach it.</summary>
internal sealed class ReliabilityServer : IAsyncDisposable
{
    public static readonly PresentationContextProposal[] Contexts =
    [
        new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
        new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian], ScuRole: true, ScpRole: true),
        new(5, DicomUids.StudyRootQueryRetrieveInformationModelFind, [DicomUids.ExplicitVRLittleEndian]),
        new(9, DicomUids.StudyRootQueryRetrieveInformationModelGet, [DicomUids.ExplicitVRLittleEndian]),
    ];

    private ReliabilityServer(DicomServer server, DicomArchive archive, string folder, CollectingLogger log)
    {
        Log = log;
        Server = server;
        Archive = archive;
        Folder = folder;
    }

    public DicomServer Server { get; }
    public CollectingLogger Log { get; }
    public DicomArchive Archive { get; }
    public string Folder { get; }
    public int Port => Server.Port;

    public static ReliabilityServer Start(TransportOptions? transport = null, DulEngine engine = DulEngine.Generated, int maxAssociations = 8,
        TimeSpan? artim = null, Action<PduDirection, Protocol.Pdu>? trace = null, string? folder = null)
    {
        folder ??= TestFiles.TempDir();
        var archive = DicomArchive.Open(folder, "DSGSCP");
        var acceptor = Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = "DSGSCP",
            AbstractSyntaxes = ArchiveServer.Syntaxes(),
            RequestorScpRoleAllowed = StorageService.StorageSopClasses.ToHashSet(),
        }), maxAssociations, engine) with
        {
            Transport = transport ?? Loopback.FastTransport,
            ArtimTimeout = artim ?? TimeSpan.FromSeconds(2),
            Trace = trace,
        };
        var provider = new DicomServiceProvider(new ServiceProviderOptions { AeTitle = "DSGSCP", Storage = archive, Query = archive, CommonOptions = acceptor });
        var log = new CollectingLogger();
        return new ReliabilityServer(DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider, log), archive, folder, log);
    }

    public RequestorOptions Requestor(DulEngine engine = DulEngine.Generated) => Loopback.Requestor(Port, Contexts) with { Engine = engine };

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
