using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Orthanc;

/// <summary>One Orthanc and our archive SCP for the tests of a class: Orthanc knows our AE (DSGSCP, used both as
/// our SCU's calling AE and as the C-MOVE destination) at our archive's port, and our archive knows Orthanc as a
/// C-MOVE destination. Each test uses its own study.</summary>
public sealed class OrthancPeer : IAsyncLifetime
{
    public const string OurAe = "DSGSCP";
    public const string OrthancAe = "ORTHANC";

    public OurArchive Archive { get; private set; } = null!;

    public Peers.Orthanc Orthanc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Each must know the other's port: Orthanc's is chosen first and given to our archive as its C-MOVE destination.
        var orthancPort = Dcmtk.FreePort();
        Archive = OurArchive.Start(new Dictionary<string, KnownAe> { [OrthancAe] = new(OrthancAe, "127.0.0.1", orthancPort) }, ae: OurAe);
        Orthanc = await Peers.Orthanc.StartAsync(OrthancAe, orthancPort, new Peers.Orthanc.Modality(OurAe, "127.0.0.1", Archive.Port));
    }

    public async Task DisposeAsync()
    {
        if (Orthanc != null) await Orthanc.DisposeAsync();
        if (Archive != null) await Archive.DisposeAsync();
    }
}
