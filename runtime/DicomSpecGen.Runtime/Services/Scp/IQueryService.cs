using DicomSpecGen.Data;

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
