using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>TLS (PS3.15 B.1) with DCMTK: storescu +tls into our SCP, our SCU into storescp +tls, both with
/// certificates from a test CA and mutual authentication; a server certificate from another CA is refused.</summary>
public class TlsInteropTests
{
    private static (DicomServer Server, DicomArchive Archive, string Folder) StartScp(TlsOptions tls)
    {
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var archive = DicomArchive.Open(folder, "DSGSCP");
        var acceptor = OurArchive.Acceptor() with { Transport = OurArchive.Transport with { Tls = tls } };
        var provider = new DicomServiceProvider(new ServiceProviderOptions { AeTitle = "DSGSCP", Storage = archive, CommonOptions = acceptor });
        return (DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider), archive, folder);
    }

    private static RequestorOptions Requestor(int port, TlsOptions tls, string called = "DSGSCP") => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "TLSSCU",
        CalledAeTitle = called,
        PresentationContexts = [new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
        Transport = OurArchive.Transport with { Tls = tls },
    };

    [Fact]
    public async Task Storescu_over_tls_stores_into_our_scp_with_mutual_authentication()
    {
        var certs = TestCertificates.Create();
        var (server, archive, folder) = StartScp(new TlsOptions { Certificate = certs.Load("server"), TrustedRoots = certs.Root(), RequireClientCertificate = true });
        try
        {
            var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 2);
            var result = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "+tls", certs.Path("client.key"), certs.Path("client.crt"),
                "+cf", certs.Path("ca.crt"), "-aec", "DSGSCP", "127.0.0.1", server.Port.ToString(), files[0].Path, files[1].Path);
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Equal(2, Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Length);

            // Without a client certificate the handshake is refused and nothing more is stored.
            var anonymous = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "+tla", "+cf", certs.Path("ca.crt"),
                "-aec", "DSGSCP", "127.0.0.1", server.Port.ToString(), files[0].Path);
            Assert.NotEqual(0, anonymous.ExitCode);
            Assert.Equal(2, Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Length);

            // The same anonymous client is served by an SCP that does not require client certificates.
            var (open, openArchive, openFolder) = StartScp(new TlsOptions { Certificate = certs.Load("server") });
            try
            {
                var served = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "+tla", "+cf", certs.Path("ca.crt"),
                    "-aec", "DSGSCP", "127.0.0.1", open.Port.ToString(), files[0].Path);
                Assert.True(served.ExitCode == 0, served.Output);
                Assert.Single(Directory.GetFiles(openFolder, "*.dcm", SearchOption.AllDirectories));
            }
            finally
            {
                await open.DisposeAsync();
                openArchive.Dispose();
            }
        }
        finally
        {
            await server.DisposeAsync();
            archive.Dispose();
        }
    }

    [Fact]
    public async Task Our_scu_over_tls_stores_into_storescp()
    {
        var certs = TestCertificates.Create();
        var received = DcmtkFiles.TempDir();
        var port = Dcmtk.FreePort();
        using var storescp = Dcmtk.Start("storescp", "+tls", certs.Path("server.key"), certs.Path("server.crt"), "+cf", certs.Path("ca.crt"),
            "-aet", "DSGSCP", "-od", received, port.ToString());
        try
        {
            await PeerProcess.WaitUntilListeningAsync(storescp, port, TimeSpan.FromSeconds(30));
            var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
            await using var client = await DicomClient.ConnectAsync(Requestor(port, new TlsOptions { Certificate = certs.Load("client"), TrustedRoots = certs.Root() }));
            Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(files[0].Path)).Status);
            await client.ReleaseAsync();
            Assert.Single(Directory.GetFiles(received));
        }
        finally
        {
            storescp.Kill();
        }
    }

    [Fact]
    public async Task A_server_certificate_from_an_untrusted_ca_is_refused_and_the_scp_keeps_serving()
    {
        var certs = TestCertificates.Create();
        var (server, archive, _) = StartScp(new TlsOptions { Certificate = certs.Load("rogue") });
        try
        {
            var e = await Assert.ThrowsAsync<AssociationAbortedException>(() => DicomClient.ConnectAsync(Requestor(server.Port, new TlsOptions { TrustedRoots = certs.Root() })));
            Assert.Contains("127.0.0.1", e.Message);
            // The same server, trusted explicitly, still answers.
            await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new TlsOptions { TrustedRoots = certs.Root("other-ca") }));
            await client.ReleaseAsync();
        }
        finally
        {
            await server.DisposeAsync();
            archive.Dispose();
        }
    }
}
