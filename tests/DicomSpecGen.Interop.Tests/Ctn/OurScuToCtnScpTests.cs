using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Ctn;

/// <summary>Our SCU against CTN's simple_storage (maximum PDU 16384, so our larger objects go in many fragments):
/// C-ECHO and C-STORE, checked on the files it wrote.</summary>
public class OurScuToCtnScpTests
{
    // simple_storage writes MODALITY/SOPInstanceUID under its folder.
    private static readonly OurScuToPeerScp Peer = new()
    {
        Name = "simple_storage",
        CalledAeTitle = "CTNSCP",
        Start = async (port, received) => await Peers.Ctn.StartStorageScpAsync(port, "CTNSCP", received),
        IsCopyOf = (received, written, uid) => written == Path.Combine(received, "CT", uid),
    };

    [Fact]
    public Task Echo_and_store_with_the_library_arrive_intact() => Peer.LibraryEchoAndStoreAsync("CTN2", pixelWords: 100_000);

    [Fact]
    public Task Dsg_echo_and_store_succeed() => Peer.DsgEchoAndStoreAsync("CTN3");
}
