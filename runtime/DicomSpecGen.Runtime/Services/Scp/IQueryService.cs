using DicomSpecGen.Data;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Services.Scp;

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

/// <summary>Optionally implemented by an <see cref="IQueryService"/> to be told when a C-MOVE/C-GET's sub-operations
/// start and how each ended (the audit trail's Begin Transferring / Instances Transferred). Must not throw or block.</summary>
public interface IRetrieveObserver
{
    /// <summary>Before the first sub-operation; <paramref name="moveDestination"/> is null for C-GET.</summary>
    void SubOperationsStarting(DimseRequestContext request, KnownAe? moveDestination, IReadOnlyList<RetrievableInstance> instances);

    /// <summary>After the last sub-operation: each instance attempted with its C-STORE status.</summary>
    void SubOperationsEnded(DimseRequestContext request, KnownAe? moveDestination, IReadOnlyList<(RetrievableInstance Instance, ushort Status)> outcomes);
}
