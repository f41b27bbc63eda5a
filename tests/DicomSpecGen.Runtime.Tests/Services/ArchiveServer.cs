using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Storage;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>Our archive SCP on a free loopback port over a temporary folder.</summary>
internal sealed class ArchiveServer : IAsyncDisposable
{
    private ArchiveServer(DicomServer server, DicomArchive archive, string folder)
    {
        Server = server;
        Archive = archive;
        Folder = folder;
    }

    public DicomServer Server { get; }
    public DicomArchive Archive { get; }
    public string Folder { get; }
    public int Port => Server.Port;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Syntaxes() => new DicomServiceProvider(new ServiceProviderOptions()).Registry.AbstractSyntaxes;

    public static ArchiveServer Start(IReadOnlyDictionary<string, KnownAe>? destinations = null, string ae = "DSGSCP", ArchiveStore.IndexBackend? backend = null)
    {
        var folder = TestFiles.TempDir();
        return Start((backend ?? ArchiveStore.IndexBackend.Sqlite).Open(folder, ae), folder, destinations, ae);
    }

    /// <summary>The SCP over an archive the test made (e.g. on a store with a recording disk) in <paramref name="folder"/>.</summary>
    public static ArchiveServer Start(DicomArchive archive, string folder, IReadOnlyDictionary<string, KnownAe>? destinations = null, string ae = "DSGSCP")
    {
        var acceptor = Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = ae,
            AbstractSyntaxes = Syntaxes(),
            RequestorScpRoleAllowed = StorageService.StorageSopClasses.ToHashSet(),
        }));
        var provider = new DicomServiceProvider(new ServiceProviderOptions
        {
            AeTitle = ae,
            Storage = archive,
            Query = archive,
            MoveDestinations = destinations ?? new Dictionary<string, KnownAe>(),
            CommonOptions = acceptor,
        });
        return new ArchiveServer(DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider), archive, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Archive.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
