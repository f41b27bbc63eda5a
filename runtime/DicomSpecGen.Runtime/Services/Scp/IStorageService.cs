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

/// <summary>C-FIND/C-MOVE/C-GET matching over what was stored (PS3.4 C.4).</summary>
public interface IQueryService
{
    /// <summary>Every match of the identifier at its Query/Retrieve Level, with the requested keys filled in.</summary>
    IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken);

    /// <summary>The stored instances the identifier selects (for C-MOVE/C-GET).</summary>
    Task<IReadOnlyList<RetrievableInstance>> ResolveAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken);
}

/// <summary>A stored instance a C-MOVE/C-GET sends: its UIDs, transfer syntax, and how to open it as a Part 10 file.</summary>
public sealed record RetrievableInstance(string SopClassUid, string SopInstanceUid, string TransferSyntaxUid, Func<Stream> OpenFile);
