using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services;

/// <summary>The services of an application entity, keyed by SOP class UID. Requests are dispatched to the service of
/// their SOP class and to its handler for their operation; the acceptor's abstract syntaxes, role selections and
/// negotiation explanations come from the registered services (<see cref="PolicyOptions"/>).</summary>
/// <remarks>A request for a SOP class no service serves is answered Refused: SOP Class Not Supported (DIMSE-C, PS3.7
/// C.5.6) or No Such SOP Class (DIMSE-N, PS3.7 C.5.20); an operation the service has no handler for, Unrecognized
/// Operation (PS3.7 C.5.23).</remarks>
public sealed class ServiceRegistry(ILogger? logger = null) : IDimseRequestHandler
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly List<IDicomService> _services = [];
    private readonly Dictionary<string, (IDicomService Service, ServedSopClass SopClass)> _bySopClass = new(StringComparer.Ordinal);

    public IReadOnlyList<IDicomService> Services => _services;

    /// <summary>Registers a service for each of its SOP classes; a SOP class already served by another service is an error.</summary>
    public ServiceRegistry Add(IDicomService service)
    {
        foreach (var sop in service.SopClasses)
        {
            if (_bySopClass.TryGetValue(sop.Uid, out var existing))
                throw new ArgumentException($"SOP class {Registry.DicomUids.Describe(sop.Uid)} is already served by {NameOf(existing.Service)}", nameof(service));
        }
        foreach (var sop in service.SopClasses) _bySopClass[sop.Uid] = (service, sop);
        _services.Add(service);
        return this;
    }

    /// <summary>The service of a SOP class, or null.</summary>
    public IDicomService? Find(string sopClassUid) => _bySopClass.TryGetValue(sopClassUid, out var entry) ? entry.Service : null;

    /// <summary>Every served SOP class with its transfer syntaxes: what the acceptor accepts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> AbstractSyntaxes
        => _bySopClass.ToDictionary(e => e.Key, e => e.Value.SopClass.TransferSyntaxes, StringComparer.Ordinal);

    /// <summary>The SOP classes for which a requestor may take the SCP role.</summary>
    public IReadOnlySet<string> RequestorScpRoleAllowed
        => _bySopClass.Where(e => e.Value.SopClass.RequestorMayBeScp).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Acceptor policy options accepting exactly the registered SOP classes; set the AE titles with <c>with</c>.</summary>
    public AcceptorPolicyOptions PolicyOptions() => new()
    {
        AbstractSyntaxes = AbstractSyntaxes,
        RequestorScpRoleAllowed = RequestorScpRoleAllowed,
        ServedBy = _bySopClass.ToDictionary(e => e.Key, e => Describe(e.Value.Service), StringComparer.Ordinal),
    };

    /// <summary>One line per service: its name, operations and SOP classes (the explanation of what this AE serves).</summary>
    public IReadOnlyList<string> Explain()
        => _services.Select(s => $"{Describe(s)}: {s.SopClasses.Count} SOP class(es): "
            + string.Join(", ", s.SopClasses.Take(6).Select(c => Registry.DicomUids.Describe(c.Uid))) + (s.SopClasses.Count > 6 ? ", …" : "")).ToList();

    /// <summary>A service's name and the operations it performs, e.g. "VerificationService (C-ECHO)".</summary>
    public static string Describe(IDicomService service) => $"{NameOf(service)} ({string.Join(", ", Operations(service))})";

    /// <summary>The DIMSE operations a service has handlers for.</summary>
    public static IReadOnlyList<string> Operations(IDicomService service)
    {
        var operations = new List<string>();
        if (service is ICEchoHandler) operations.Add("C-ECHO");
        if (service is ICStoreHandler) operations.Add("C-STORE");
        if (service is ICFindHandler) operations.Add("C-FIND");
        if (service is ICMoveHandler) operations.Add("C-MOVE");
        if (service is ICGetHandler) operations.Add("C-GET");
        if (service is INEventReportHandler) operations.Add("N-EVENT-REPORT");
        if (service is INGetHandler) operations.Add("N-GET");
        if (service is INSetHandler) operations.Add("N-SET");
        if (service is INActionHandler) operations.Add("N-ACTION");
        if (service is INCreateHandler) operations.Add("N-CREATE");
        if (service is INDeleteHandler) operations.Add("N-DELETE");
        return operations;
    }

    private static string NameOf(IDicomService service) => service.GetType().Name;

    public RequestDelivery DeliveryOf(DimseMessage request)
        => request.RequestSOPClassUID is { } sop && Find(sop) is { } service ? service.Delivery : RequestDelivery.Concurrent;

    /// <summary>Dispatches a request to its service, measuring it (<see cref="Telemetry.DicomTelemetry"/>: count, duration and
    /// span by command, SOP class and final status).</summary>
    public async Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken)
    {
        var operation = Telemetry.DimseOperationTelemetry.Start(performer: true, request.Request, request.Connection.Association);
        try
        {
            await DispatchAsync(request, cancellationToken).ConfigureAwait(false);
            operation.Complete(request.LastStatus);
        }
        catch (Exception e)
        {
            // A handler failing before its final response is answered Processing Failure by DimseConnection (PS3.7
            // C.5.21); a cancelled or aborted one gets no response.
            operation.Complete(request.LastStatus is { } sent && DimseStatus.ClassOf(sent) != StatusClass.Pending ? sent
                : e is OperationCanceledException or AssociationAbortedException ? null : DimseStatus.ProcessingFailure, e);
            throw;
        }
    }

    private async Task DispatchAsync(DimseRequestContext request, CancellationToken cancellationToken)
    {
        var message = request.Request;
        var service = message.RequestSOPClassUID is { } sop ? Find(sop) : null;
        if (service == null)
        {
            var status = IsNormalized(message) ? DimseStatus.NoSuchSOPClass : DimseStatus.RefusedSOPClassNotSupported;
            _logger.LogWarning("{Message} for SOP class {Sop}, which no service here serves: {Status}", message.Title, message.RequestSOPClassUID, DimseStatus.Describe(DimseService.General, status));
            await RefuseAsync(request, status, cancellationToken).ConfigureAwait(false);
            return;
        }
        var handled = message switch
        {
            CEchoRq echo when service is ICEchoHandler h => RespondAsync(request, h.OnCEchoAsync(request, echo, cancellationToken), cancellationToken),
            CStoreRq store when service is ICStoreHandler h => RespondAsync(request, h.OnCStoreAsync(request, store, cancellationToken), cancellationToken),
            CFindRq find when service is ICFindHandler h => h.OnCFindAsync(request, find, cancellationToken),
            CMoveRq move when service is ICMoveHandler h => h.OnCMoveAsync(request, move, cancellationToken),
            CGetRq get when service is ICGetHandler h => h.OnCGetAsync(request, get, cancellationToken),
            NEventReportRq m when service is INEventReportHandler h => NormalizedAsync(request, m, h.OnNEventReportAsync, cancellationToken),
            NGetRq m when service is INGetHandler h => NormalizedAsync(request, m, h.OnNGetAsync, cancellationToken),
            NSetRq m when service is INSetHandler h => NormalizedAsync(request, m, h.OnNSetAsync, cancellationToken),
            NActionRq m when service is INActionHandler h => NormalizedAsync(request, m, h.OnNActionAsync, cancellationToken),
            NCreateRq m when service is INCreateHandler h => NormalizedAsync(request, m, h.OnNCreateAsync, cancellationToken),
            NDeleteRq m when service is INDeleteHandler h => NormalizedAsync(request, m, h.OnNDeleteAsync, cancellationToken),
            _ => null,
        };
        if (handled != null)
        {
            await handled.ConfigureAwait(false);
            return;
        }
        _logger.LogWarning("{Message}: {Service} does not perform this operation", message.Title, Describe(service));
        await RefuseAsync(request, DimseStatus.UnrecognizedOperation, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsNormalized(DimseMessage request) => request is NEventReportRq or NGetRq or NSetRq or NActionRq or NCreateRq or NDeleteRq;

    private static async Task RefuseAsync(DimseRequestContext request, ushort status, CancellationToken cancellationToken)
    {
        await request.DiscardDataSetAsync().ConfigureAwait(false);
        await request.RespondAsync(request.Request.CreateResponse(status), null, cancellationToken).ConfigureAwait(false);
    }

    private static async Task RespondAsync(DimseRequestContext request, Task<ushort> status, CancellationToken cancellationToken)
        => await request.RespondAsync(request.Request.CreateResponse(await status.ConfigureAwait(false)), null, cancellationToken).ConfigureAwait(false);

    private static async Task NormalizedAsync<TRequest>(DimseRequestContext request, TRequest message,
        Func<NormalizedRequest<TRequest>, CancellationToken, Task<NormalizedResult>> handler, CancellationToken cancellationToken) where TRequest : DimseMessage
    {
        var dataSet = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        var result = await handler(new NormalizedRequest<TRequest>(request, message, dataSet), cancellationToken).ConfigureAwait(false);
        var response = message.CreateResponse(result.Status);
        result.Amend?.Invoke(response);
        await request.RespondAsync(response, result.DataSet, cancellationToken).ConfigureAwait(false);
        if (result.ThenAsync != null) await result.ThenAsync(cancellationToken).ConfigureAwait(false);
    }
}
