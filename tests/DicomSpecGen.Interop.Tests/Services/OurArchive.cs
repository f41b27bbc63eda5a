using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Storage;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>Our archive SCP on a free loopback port over a temporary folder.</summary>
public sealed class OurArchive : IAsyncDisposable
{
    private OurArchive(DicomServer server, DicomArchive archive, string folder)
    {
        Server = server;
        Archive = archive;
        Folder = folder;
    }

    public DicomServer Server { get; }
    public DicomArchive Archive { get; }
    public string Folder { get; }
    public int Port => Server.Port;

    public static readonly TransportOptions Transport = new() { ConnectTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(30) };

    public static Dictionary<string, IReadOnlyList<string>> AllSyntaxes() => new(new DicomServiceProvider(new ServiceProviderOptions()).Registry.AbstractSyntaxes);

    public static AcceptorOptions Acceptor(string ae = "DSGSCP", IReadOnlyDictionary<string, IReadOnlyList<string>>? syntaxes = null, IReadOnlySet<string>? allowed = null, int max = 8) => new()
    {
        Policy = new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = ae,
            AllowedCallingAeTitles = allowed,
            AbstractSyntaxes = syntaxes ?? AllSyntaxes(),
            RequestorScpRoleAllowed = StorageService.StorageSopClasses.ToHashSet(),
        }),
        MaxAssociations = max,
        Transport = Transport,
        ArtimTimeout = TimeSpan.FromSeconds(3),
    };

    public static OurArchive Start(IReadOnlyDictionary<string, KnownAe>? destinations = null, AcceptorOptions? acceptor = null, string ae = "DSGSCP",
        ArchiveQueryOptions? queryOptions = null)
    {
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var archive = DicomArchive.Open(folder, ae, queryOptions: queryOptions);
        acceptor ??= Acceptor(ae);
        var provider = new DicomServiceProvider(new ServiceProviderOptions
        {
            AeTitle = ae,
            Storage = archive,
            Query = archive,
            MoveDestinations = destinations ?? new Dictionary<string, KnownAe>(),
            CommonOptions = acceptor,
        });
        return new OurArchive(DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider), archive, folder);
    }

    public List<string> StoredFiles() => Directory.GetFiles(Folder, "*.dcm", SearchOption.AllDirectories).ToList();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
