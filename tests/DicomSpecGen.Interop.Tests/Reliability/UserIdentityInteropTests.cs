using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Protocol;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>User identity negotiation (PS3.7 D.3.3.7) from DCMTK storescu (-usr/-pwd) to our SCP with a
/// user check: the right password is accepted and the object stored, a wrong one is rejected and nothing stored.</summary>
public class UserIdentityInteropTests
{
    private static (DicomServer Server, DicomArchive Archive, string Folder) Start(List<UserIdentityOptions> seen)
    {
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var archive = DicomArchive.Open(folder, "DSGSCP");
        var acceptor = OurArchive.Acceptor() with
        {
            Policy = new DefaultAssociationPolicy(new AcceptorPolicyOptions
            {
                AeTitle = "DSGSCP",
                AbstractSyntaxes = OurArchive.AllSyntaxes(),
                AuthenticateUser = id =>
                {
                    lock (seen) seen.Add(id);
                    return id.Type == UserIdentityType.UsernameAndPasscode && id.Primary == "alice" && id.Secondary == "s3cret";
                },
            }),
        };
        var provider = new DicomServiceProvider(new ServiceProviderOptions { AeTitle = "DSGSCP", Storage = archive, CommonOptions = acceptor });
        return (DicomServer.Start(IPAddress.Loopback, 0, acceptor, provider), archive, folder);
    }

    [Theory]
    [InlineData("s3cret", true)]
    [InlineData("wrong", false)]
    public async Task Storescu_user_and_password_are_checked_by_our_scp(string password, bool accepted)
    {
        var seen = new List<UserIdentityOptions>();
        var (server, archive, folder) = Start(seen);
        try
        {
            var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
            var result = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60),
                "-aec", "DSGSCP", "-usr", "alice", "-pwd", password, "127.0.0.1", server.Port.ToString(), files[0].Path);
            var identity = Assert.Single(seen);
            Assert.Equal(("alice", password), (identity.Primary, identity.Secondary));
            var stored = Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Length;
            if (accepted)
            {
                Assert.True(result.ExitCode == 0, result.Output);
                Assert.Equal(1, stored);
            }
            else
            {
                Assert.NotEqual(0, result.ExitCode);
                Assert.Contains("Rejected", result.Output, StringComparison.OrdinalIgnoreCase);
                Assert.Equal(0, stored);
            }
        }
        finally
        {
            await server.DisposeAsync();
            archive.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}
