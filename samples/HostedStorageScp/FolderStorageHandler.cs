using System.IO.Pipelines;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HostedStorageScp;

/// <summary>The custom C-STORE handler: each received instance becomes a Part 10 file named by its SOP Instance UID in
/// the folder "Sample:OutputFolder". Its constructor takes what it needs from the container.</summary>
public sealed class FolderStorageHandler(IConfiguration configuration, ILogger<FolderStorageHandler> logger) : IStorageService
{
    private readonly string _folder = Directory.CreateDirectory(configuration["Sample:OutputFolder"] ?? "received").FullName;

    public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        // The SOP Instance UID becomes a file name: refuse anything but digits and dots.
        if (context.SopInstanceUid.Length == 0 || context.SopInstanceUid.Any(c => c != '.' && !char.IsAsciiDigit(c)))
            return DimseStatus.Storage.CannotUnderstand;
        var path = Path.Combine(_folder, context.SopInstanceUid + ".dcm");
        var meta = new DicomFileMeta(context.SopClassUid, context.SopInstanceUid, transferSyntax.Uid, SourceApplicationEntityTitle: context.CallingAeTitle);
        await using (var file = File.Create(path + ".part"))
        {
            await DicomFileWriter.WriteMetaAsync(file, meta, cancellationToken);
            await dataSet.CopyToAsync(file, cancellationToken);
        }
        File.Move(path + ".part", path, overwrite: true);
        logger.LogInformation("stored {Sop} from {Calling} as {Path}", context.SopInstanceUid, context.CallingAeTitle, path);
        return DimseStatus.Success;
    }
}
