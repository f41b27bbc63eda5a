using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>Handles requests arriving on an association (the SCP role, also an SCU receiving C-GET's C-STOREs or an
/// N-EVENT-REPORT). <see cref="ServiceRegistry"/> is the usual one.</summary>
public interface IDimseRequestHandler
{
    /// <summary>How <paramref name="request"/> is to be delivered by the DIMSE layer.</summary>
    RequestDelivery DeliveryOf(DimseMessage request) => RequestDelivery.Concurrent;

    Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken);
}

/// <summary>How the DIMSE layer hands a request to its handler.</summary>
public enum RequestDelivery
{
    /// <summary>A task per request, running while the association is read: the data set streams to it, and the
    /// peer can cancel it (C-CANCEL) or the handler can start operations of its own and await their responses.</summary>
    Concurrent,

    /// <summary>On the read loop, in order: a data set up to 256 KiB is received whole first (larger ones stream to
    /// a task as with <see cref="Concurrent"/>). Cheapest for short requests (C-ECHO, small C-STOREs); the handler
    /// must not await a response from the peer.</summary>
    Inline,
}
