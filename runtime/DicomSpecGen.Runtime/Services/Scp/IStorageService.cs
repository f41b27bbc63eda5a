using System.IO.Pipelines;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Services.Scp;

/// <summary>What a C-STORE SCP does with a received instance (PS3.4 B.2.2).</summary>
public interface IStorageService
{
    /// <summary>Stores the data set streamed from <paramref name="dataSet"/> (encoded in <paramref name="transferSyntax"/>)
    /// and returns the C-STORE status (0000 success, or a failure/warning code of PS3.4 Table B.2-1).</summary>
    Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken);
}

/// <summary>The C-STORE request as the storage service sees it.</summary>
public sealed record StoreContext(string SopClassUid, string SopInstanceUid, string CallingAeTitle, string CalledAeTitle);
