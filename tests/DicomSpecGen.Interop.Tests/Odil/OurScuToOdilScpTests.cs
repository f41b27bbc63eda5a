using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Odil;

/// <summary>Our SCU against a storage SCP made of python3-odil's EchoSCP and StoreSCP (the odil CLI has no SCP):
/// C-ECHO and C-STORE, checked on the files it wrote.</summary>
public class OurScuToOdilScpTests
{
    [Fact]
    public async Task Echo_and_store_with_the_library_arrive_intact()
    {
        using var temp = new TempDir();
        var received = Directory.CreateDirectory(Path.Combine(temp.Path, "received")).FullName;
        var port = Dcmtk.FreePort();
        await using var peer = await Peers.Odil.StartStorageScpAsync(port, received);
        var files = await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName, 3, "ODIL4", pixelWords: 80_000);

        await using (var client = await DicomClient.ConnectAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CallingAeTitle = "DSGSCU",
            CalledAeTitle = "ODILSCP",
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
            var copy = written.SingleOrDefault(w => Path.GetFileName(w) == f.SopInstanceUid);
            Assert.True(copy != null, $"{f.SopInstanceUid} not written by odil: " + string.Join(", ", written));
            await DataSetDump.AssertSameAsync(f.Path, copy);
        }
    }
}
