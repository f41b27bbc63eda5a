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

    /// <summary>On the read loop, in order (in a window wider than 1 the loop reads on while the handler waits): a data
    /// set in one fragment is handed over whole, a longer one streams to the handler as its fragments are read, without
    /// a task or thread hand-off per fragment. Cheapest for short requests (C-ECHO, C-STORE); the handler must not
    /// await a response from the peer.</summary>
    Inline,
}
