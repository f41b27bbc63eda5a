using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Odil;

/// <summary>Our SCU against a storage SCP made of python3-odil's EchoSCP and StoreSCP (the odil CLI has no SCP):
/// C-ECHO and C-STORE, checked on the files it wrote.</summary>
public class OurScuToOdilScpTests
{
    private static readonly OurScuToPeerScp Peer = new()
    {
        Name = "odil",
        CalledAeTitle = "ODILSCP",
        Start = async (port, received) => await Peers.Odil.StartStorageScpAsync(port, received),
        IsCopyOf = (_, written, uid) => Path.GetFileName(written) == uid,
    };

    [Fact]
    public Task Echo_and_store_with_the_library_arrive_intact() => Peer.LibraryEchoAndStoreAsync("ODIL4", pixelWords: 80_000);
}
