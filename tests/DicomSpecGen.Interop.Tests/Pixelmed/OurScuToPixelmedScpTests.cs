using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Pixelmed;

/// <summary>Our SCU (the library's DicomClient and the dsg CLI) against PixelMed's StorageSOPClassSCPDispatcher,
/// which writes each object it receives into a folder: C-ECHO, then C-STORE checked on the files it wrote.</summary>
public class OurScuToPixelmedScpTests
{
    private static readonly OurScuToPeerScp Peer = new()
    {
        Name = "PixelMed",
        CalledAeTitle = "PIXELSCP",
        Start = async (port, received) => await Peers.Pixelmed.StartStorageScpAsync(port, "PIXELSCP", received),
        IsCopyOf = (_, written, uid) => Path.GetFileName(written) == uid,
        // 30 s, as this class has always given PixelMed (a JVM) to accept; the others get 20.
        AssociateTimeout = TimeSpan.FromSeconds(30),
        DsgStoreNamesFiles = true,
    };

    [Fact]
    public Task Echo_and_store_with_the_library_arrive_intact() => Peer.LibraryEchoAndStoreAsync("PIXELMED3", pixelWords: 80_000);

    [Fact]
    public Task Dsg_echo_and_store_succeed() => Peer.DsgEchoAndStoreAsync("PIXELMED4");
}
