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
    internal DimseRequestContext(DimseConnection connection, byte contextId, DimseMessage request, PipeReader? dataSet, TransferSyntax transferSyntax, CancellationToken cancelled, DimseConnection.OperationSlot slot)
    {
        _slot = slot;
        Connection = connection;
        PresentationContextId = contextId;
        Request = request;
        DataSet = dataSet;
        TransferSyntax = transferSyntax;
        Cancelled = cancelled;
    }

    private readonly DimseConnection.OperationSlot _slot;

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
        return ReceivedDataSet = DicomDataset.Decode(buffer.ToArray(), TransferSyntax);
    }

    /// <summary>The data set as <see cref="ReadDataSetAsync"/> decoded it (null until then), for the audit trail.</summary>
    internal DicomDataset? ReceivedDataSet { get; private set; }

    /// <summary>Lets the rest of the data set go unread (a refused request).</summary>
    public async Task DiscardDataSetAsync()
    {
        if (DataSet != null) await DataSet.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Starts an operation towards the peer on this association (e.g. an N-EVENT-REPORT from an SCP) and
    /// returns its final response. It goes on this request's presentation context when the SOP class is the same,
    /// else on one accepted for its SOP class. The caller must not be delivered inline (the read loop routes the
    /// response).</summary>
    /// <remarks>PS3.7 10.1.1 (N-EVENT-REPORT is invoked by the SCP of a SOP class).</remarks>
    public Task<DimseResponse> SendRequestAsync(DimseMessage request, DicomDataset? dataSet, CancellationToken cancellationToken = default)
    {
        var sopClass = request.RequestSOPClassUID ?? throw new ArgumentException($"{request.Title} names no SOP class", nameof(request));
        var contextId = sopClass == Request.RequestSOPClassUID ? PresentationContextId : Connection.Association.GetAcceptedContextId(sopClass);
        return Connection.RequestFinalAsync(contextId, request, dataSet, cancellationToken);
    }

    /// <summary>Sends a response on the request's presentation context. Once the final (non-pending) one is sent the
    /// operation no longer counts against the asynchronous operations window (PS3.7 D.3.3.3).</summary>
    public async Task RespondAsync(DimseMessage response, DicomDataset? dataSet = null, CancellationToken cancellationToken = default)
    {
        LastStatus = response.ResponseStatus ?? LastStatus;
        await Connection.SendAsync(PresentationContextId, response, dataSet, cancellationToken).ConfigureAwait(false);
        if (DimseStatus.ClassOf(response.ResponseStatus ?? 0) != StatusClass.Pending) _slot.Release();
    }

    /// <summary>The Status of the last response sent (the final one once the handler has finished), for telemetry.</summary>
    internal ushort? LastStatus { get; private set; }
}
