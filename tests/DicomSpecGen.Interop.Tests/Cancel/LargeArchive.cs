using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Cancel;

/// <summary>Our archive SCP holding one study of <see cref="Count"/> small CT instances (no pixel data), enough
/// matches that a peer's C-CANCEL arrives while responses and sub-operations are still going out. The instances go
/// through the archive's own C-STORE path in process (no network), without fsync, to keep the set-up short.</summary>
public sealed class LargeArchive : IAsyncLifetime
{
    public const int Count = 4000;

    private DicomArchive? _archive;
    private DicomServer? _server;

    public string Folder { get; } = DcmtkFiles.TempDir("dsg-cancel-");

    public string StudyUid { get; } = "1.2.826.0.1.3680043.10.543.19." + Random.Shared.Next(1, int.MaxValue);

    public string SeriesUid => StudyUid + ".1";

    public int Port => _server!.Port;

    /// <summary>C-MOVE destinations, filled in by a test before it moves (the provider reads the map per request).</summary>
    public Dictionary<string, KnownAe> Destinations { get; } = new();

    public async Task InitializeAsync()
    {
        _archive = DicomArchive.Open(Folder, "DSGSCP", flushToDisk: false);
        for (var i = 1; i <= Count; i++)
        {
            var sop = $"{SeriesUid}.{i}";
            var data = new DicomDataset()
                .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
                .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sop)
                .SetString(DicomTags.Modality, DicomVr.CS, "CT")
                .SetString(DicomTags.PatientName, DicomVr.PN, "CANCEL^TEST")
                .SetString(DicomTags.PatientID, DicomVr.LO, "CANCEL1")
                .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, StudyUid)
                .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, SeriesUid)
                .SetString(DicomTags.InstanceNumber, DicomVr.IS, i.ToString());
            var bytes = new ArrayBufferWriter<byte>();
            data.Encode(bytes, TransferSyntax.ExplicitVRLittleEndian);
            var status = await _archive.StoreAsync(new StoreContext(DicomUids.CTImageStorage, sop, "SETUP", "DSGSCP"),
                PipeReader.Create(new ReadOnlySequence<byte>(bytes.WrittenMemory)), TransferSyntax.ExplicitVRLittleEndian, CancellationToken.None);
            if (status != 0) throw new InvalidOperationException($"setting up instance {i} returned status 0x{status:X4}");
        }
        var acceptor = OurArchive.Acceptor("DSGSCP");
        _server = DicomServer.Start(IPAddress.Loopback, 0, acceptor, new DicomServiceProvider(new ServiceProviderOptions
        {
            AeTitle = "DSGSCP",
            Storage = _archive,
            Query = _archive,
            MoveDestinations = Destinations,
            CommonOptions = acceptor,
        }));
    }

    public async Task DisposeAsync()
    {
        if (_server != null) await _server.DisposeAsync();
        _archive?.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
