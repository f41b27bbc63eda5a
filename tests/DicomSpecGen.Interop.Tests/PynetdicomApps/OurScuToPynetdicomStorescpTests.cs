using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.PynetdicomApps;

/// <summary>Our SCU (DicomClient and dsg) against pynetdicom 2.0.2's own storescp app, checked on the files it wrote.</summary>
public class OurScuToPynetdicomStorescpTests
{
    // storescp names each file with a modality prefix before the SOP Instance UID.
    private static readonly OurScuToPeerScp Peer = new()
    {
        Name = "storescp",
        CalledAeTitle = "PYNSTORE",
        Start = async (port, received) => await Peers.PynetdicomApps.StartStorescpAsync(port, "PYNSTORE", received),
        IsCopyOf = (_, written, uid) => Path.GetFileName(written).EndsWith(uid, StringComparison.Ordinal),
    };

    [Fact]
    public Task Echo_and_store_with_the_library_arrive_intact() => Peer.LibraryEchoAndStoreAsync("PYNAPP5", pixelWords: 80_000);

    [Fact]
    public Task Dsg_echo_and_store_succeed() => Peer.DsgEchoAndStoreAsync("PYNAPP6", async (files, received) =>
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received)));
}
