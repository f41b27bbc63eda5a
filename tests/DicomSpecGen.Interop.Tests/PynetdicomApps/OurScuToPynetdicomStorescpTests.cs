using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.PynetdicomApps;

/// <summary>Our SCU (DicomClient and dsg) against pynetdicom 2.0.2's own storescp app, checked on the files it wrote.</summary>
public class OurScuToPynetdicomStorescpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Echo_and_store_with_the_library_arrive_intact()
    {
        using var temp = new TempDir();
        var received = Directory.CreateDirectory(Path.Combine(temp.Path, "received")).FullName;
        var port = Dcmtk.FreePort();
        await using var peer = await Peers.PynetdicomApps.StartStorescpAsync(port, "PYNSTORE", received);
        var files = await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName, 3, "PYNAPP5", pixelWords: 80_000);

        await using (var client = await DicomClient.ConnectAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CallingAeTitle = "DSGSCU",
            CalledAeTitle = "PYNSTORE",
            PresentationContexts =
            [
                new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
                new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
            ],
            Transport = OurArchive.Transport,
            AssociateTimeout = TimeSpan.FromSeconds(20),
            ReleaseTimeout = TimeSpan.FromSeconds(20),
        }))
        {
            Assert.Equal(DimseStatus.Success, await client.EchoAsync());
            foreach (var f in files) Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(f.Path)).Status);
            await client.ReleaseAsync();
        }
        var written = await PeerProcess.WaitForFilesAsync(received, files.Count, TimeSpan.FromSeconds(20));
        foreach (var f in files)
        {
            var copy = written.SingleOrDefault(w => Path.GetFileName(w).EndsWith(f.SopInstanceUid, StringComparison.Ordinal));
            Assert.True(copy != null, $"{f.SopInstanceUid} not written by storescp: " + string.Join(", ", written));
            await DataSetDump.AssertSameAsync(f.Path, copy);
        }
    }

    [Fact]
    public async Task Dsg_echo_and_store_succeed()
    {
        using var temp = new TempDir();
        var received = Directory.CreateDirectory(Path.Combine(temp.Path, "received")).FullName;
        var source = Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName;
        var port = Dcmtk.FreePort();
        await using var peer = await Peers.PynetdicomApps.StartStorescpAsync(port, "PYNSTORE", received);
        var files = await DcmtkFiles.CreateAsync(source, 2, "PYNAPP6");

        var echo = await Dsg.RunAsync(Limit, "echo", "-aet", "DSGSCU", "-aec", "PYNSTORE", "127.0.0.1", port.ToString());
        Assert.True(echo.ExitCode == 0, echo.Output);
        var store = await Dsg.RunAsync(Limit, "store", "-aet", "DSGSCU", "-aec", "PYNSTORE", "127.0.0.1", port.ToString(), source);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Contains("stored 2 of 2", store.Output);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }
}
