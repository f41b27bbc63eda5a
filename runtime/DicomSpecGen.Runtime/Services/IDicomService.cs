namespace DicomSpecGen.Services;

/// <summary>A DICOM service as registered in a <see cref="ServiceRegistry"/>: the SOP classes it serves, and its
/// handlers, one interface per DIMSE operation it performs (<see cref="ICEchoHandler"/> … <see cref="INDeleteHandler"/>).
/// A request for one of its SOP classes whose operation it has no handler for is answered Unrecognized Operation.</summary>
/// <remarks>PS3.4 6.1 (a service class: SOP classes and the DIMSE services they use); PS3.7 C.5.23.</remarks>
public interface IDicomService
{
    /// <summary>The SOP classes served: they are the abstract syntaxes the acceptor accepts (PS3.8 9.3.2.2.1).</summary>
    IReadOnlyList<ServedSopClass> SopClasses { get; }

    /// <summary>How the DIMSE layer delivers this service's requests.</summary>
    RequestDelivery Delivery => RequestDelivery.Concurrent;
}
