using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Orthanc;

/// <summary>One Orthanc and our archive SCP for the tests of a class: Orthanc knows our AE (DSGSCP, used both as
/// our SCU's calling AE and as the C-MOVE destination) at our archive's port. Each test uses its own study.</summary>
public sealed class OrthancPeer : IAsyncLifetime
{
    public const string OurAe = "DSGSCP";
    public const string OrthancAe = "ORTHANC";

    public OurArchive Archive { get; private set; } = null!;

    public Peers.Orthanc Orthanc { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Archive = OurArchive.Start(ae: OurAe);
        Orthanc = await Peers.Orthanc.StartAsync(OrthancAe, new Peers.Orthanc.Modality(OurAe, "127.0.0.1", Archive.Port));
    }

    public async Task DisposeAsync()
    {
        if (Orthanc != null) await Orthanc.DisposeAsync();
        if (Archive != null) await Archive.DisposeAsync();
    }
}
