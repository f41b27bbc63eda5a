using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.Storage;

/// <summary>The Storage service class SCP: every storage SOP class, each received instance handed to an
/// <see cref="IStorageService"/> (none: Refused: SOP Class Not Supported). Small instances are stored on the read
/// loop, in order; the requestor may take the SCP role (so a C-GET SCU can use this to receive).</summary>
/// <remarks>PS3.4 Annex B.2.2 (C-STORE SCP behaviour, statuses of Table B.2-1).</remarks>
public sealed class StorageService(IStorageService? storage, ILogger? logger = null) : IDicomService, ICStoreHandler, IServiceStatuses
{
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } =
    [
        new("C-STORE", DimseService.Storage, DimseStatus.Success, "the instance is stored (or the storage backend's own status)"),
        new("C-STORE", DimseService.Storage, DimseStatus.Storage.RefusedOutOfResources, "the file cannot be written"),
        new("C-STORE", DimseService.Storage, DimseStatus.Storage.CannotUnderstand, "the data set cannot be decoded"),
        new("C-STORE", DimseService.Storage, DimseStatus.RefusedSOPClassNotSupported, "no storage backend is configured"),
    ];

    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = StorageSopClasses.Select(s => new ServedSopClass(s, DefaultTransferSyntaxes, RequestorMayBeScp: true)).ToList();

    public RequestDelivery Delivery => RequestDelivery.Inline;

    /// <summary>Every storage SOP class in the UID registry (PS3.6 Annex A, "Storage" SOP classes).</summary>
    public static IReadOnlyList<string> StorageSopClasses { get; } = DicomUids.All
        .Where(u => u.Type == DicomUidType.SopClass && u.Name.EndsWith("Storage", StringComparison.Ordinal) && !u.IsRetired)
        .Select(u => u.Uid).ToList();

    /// <summary>The transfer syntaxes accepted for storage, most preferred first.</summary>
    public static IReadOnlyList<string> DefaultTransferSyntaxes { get; } =
    [
        DicomUids.ExplicitVRLittleEndian,
        DicomUids.ImplicitVRLittleEndian,
        DicomUids.DeflatedExplicitVRLittleEndian,
        DicomUids.JPEGBaseline8Bit,
        DicomUids.JPEGExtended12Bit,
        DicomUids.JPEGLossless,
        DicomUids.JPEGLosslessSV1,
        DicomUids.JPEGLSLossless,
        DicomUids.JPEGLSNearLossless,
        DicomUids.JPEG2000Lossless,
        DicomUids.JPEG2000,
        DicomUids.RLELossless,
    ];

    public async Task<ushort> OnCStoreAsync(DimseRequestContext request, CStoreRq store, CancellationToken cancellationToken)
    {
        if (storage == null)
        {
            await request.DiscardDataSetAsync().ConfigureAwait(false);
            return DimseStatus.RefusedSOPClassNotSupported;
        }
        var association = request.Connection.Association;
        var context = new StoreContext(store.AffectedSOPClassUID ?? "", store.AffectedSOPInstanceUID ?? "", association.CallingAeTitle, association.CalledAeTitle);
        try
        {
            return await storage.StoreAsync(context, request.DataSet!, request.TransferSyntax, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomDataException or InvalidDataException)
        {
            _logger.LogWarning("storing {Sop} failed: {Error}", context.SopInstanceUid, e.Message);
            return e is DicomDataException or InvalidDataException ? DimseStatus.Storage.CannotUnderstand : DimseStatus.Storage.RefusedOutOfResources;
        }
    }
}
