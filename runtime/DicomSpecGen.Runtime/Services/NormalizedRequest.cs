using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>An N-* request as a handler sees it: the association's request context, the typed message and its
/// decoded data set (null when none).</summary>
public sealed record NormalizedRequest<TRequest>(DimseRequestContext Context, TRequest Message, Data.DicomDataset? DataSet) where TRequest : DimseMessage;

/// <summary>What an N-* handler answers: the status and data set of the response (built from the request, PS3.7
/// 10.1), and optionally work to start once the response is sent, e.g. an N-EVENT-REPORT to the requestor
/// (<see cref="DimseRequestContext.SendRequestAsync"/>). A release the peer requests waits for that work, so the peer
/// must stay on the association until it has the report (as a Storage Commitment SCU does, PS3.4 J.3.3).
/// <see cref="Amend"/> sets the response's status fields, e.g. Error Comment and Error ID (PS3.7 C.5.21).</summary>
public sealed record NormalizedResult(ushort Status, Data.DicomDataset? DataSet = null, Func<CancellationToken, Task>? ThenAsync = null)
{
    /// <summary>Applied to the response built from the request before it is sent (the optional fields PS3.7 Annex C
    /// gives a status).</summary>
    public Action<DimseMessage>? Amend { get; init; }
}
