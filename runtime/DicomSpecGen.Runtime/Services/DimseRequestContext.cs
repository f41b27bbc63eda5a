using System.IO.Pipelines;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Services;

/// <summary>One request received on an association, handed to an <see cref="IDimseRequestHandler"/>. A data
/// set streams through <see cref="DataSet"/> (encoded in <see cref="TransferSyntax"/>) as its PDVs arrive; the
/// handler must read it to the end (or call <see cref="ReadDataSetAsync"/>).</summary>
public sealed class DimseRequestContext
{
    internal DimseRequestContext(DimseConnection connection, byte contextId, DimseMessage request, PipeReader? dataSet, TransferSyntax transferSyntax, CancellationToken cancelled)
    {
        Connection = connection;
        PresentationContextId = contextId;
        Request = request;
        DataSet = dataSet;
        TransferSyntax = transferSyntax;
        Cancelled = cancelled;
    }

    public DimseConnection Connection { get; }

    public byte PresentationContextId { get; }

    public DimseMessage Request { get; }

    public ushort MessageId => Request.RequestMessageID ?? 0;

    /// <summary>The data set of the request, as raw bytes in the context's transfer syntax; null when none.</summary>
    public PipeReader? DataSet { get; }

    public TransferSyntax TransferSyntax { get; }

    /// <summary>Signalled when the requestor sends a C-CANCEL-RQ for this request (PS3.7 9.3.2.3).</summary>
    public CancellationToken Cancelled { get; }

    /// <summary>Reads and decodes the whole data set (for small ones: identifiers, N-* attribute lists).</summary>
    public async Task<DicomDataset?> ReadDataSetAsync(CancellationToken cancellationToken)
    {
        if (DataSet == null) return null;
        using var buffer = new MemoryStream();
        await DataSet.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        await DataSet.CompleteAsync().ConfigureAwait(false);
        return DicomDataset.Decode(buffer.ToArray(), TransferSyntax);
    }

    /// <summary>Sends a response on the request's presentation context.</summary>
    public Task RespondAsync(DimseMessage response, DicomDataset? dataSet = null, CancellationToken cancellationToken = default)
        => Connection.SendAsync(PresentationContextId, response, dataSet, cancellationToken);
}

/// <summary>Handles requests arriving on an association (the SCP role, also an SCU receiving C-GET's C-STOREs).</summary>
public interface IDimseRequestHandler
{
    Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken);
}
