using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.Scp;

/// <summary>The SCP side of the DIMSE services: C-ECHO (PS3.4 A), C-STORE (B) into an <see cref="IStorageService"/>,
/// C-FIND/C-MOVE/C-GET (C) over an <see cref="IQueryService"/>, C-CANCEL, and N-* requests through a hook.</summary>
public sealed partial class DicomServiceProvider(ServiceProviderOptions options, ILogger? logger = null) : IDimseRequestHandler
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public ServiceProviderOptions Options { get; } = options;

    public Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken) => request.Request switch
    {
        CEchoRq => request.RespondAsync(request.Request.CreateResponse(DimseStatus.Success), null, cancellationToken),
        CStoreRq store => StoreAsync(request, store, cancellationToken),
        CFindRq find => FindAsync(request, find, cancellationToken),
        CMoveRq move => MoveAsync(request, move, cancellationToken),
        CGetRq get => GetAsync(request, get, cancellationToken),
        _ => NormalizedAsync(request, cancellationToken),
    };

    private async Task StoreAsync(DimseRequestContext request, CStoreRq store, CancellationToken cancellationToken)
    {
        ushort status;
        if (Options.Storage == null)
        {
            await request.DataSet!.CompleteAsync().ConfigureAwait(false);
            status = DimseStatus.RefusedSOPClassNotSupported;
        }
        else
        {
            var association = request.Connection.Association;
            var context = new StoreContext(store.AffectedSOPClassUID ?? "", store.AffectedSOPInstanceUID ?? "", association.CallingAeTitle, association.CalledAeTitle);
            try
            {
                status = await Options.Storage.StoreAsync(context, request.DataSet!, request.TransferSyntax, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomDataException or InvalidDataException)
            {
                _logger.LogWarning("storing {Sop} failed: {Error}", context.SopInstanceUid, e.Message);
                status = e is DicomDataException or InvalidDataException ? ServiceStatus.StorageCannotUnderstand : ServiceStatus.StorageOutOfResources;
            }
        }
        await request.RespondAsync(store.CreateResponse(status), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task FindAsync(DimseRequestContext request, CFindRq find, CancellationToken cancellationToken)
    {
        var identifier = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        if (Options.Query == null || identifier == null)
        {
            await request.RespondAsync(find.CreateResponse(Options.Query == null ? DimseStatus.RefusedSOPClassNotSupported : ServiceStatus.IdentifierDoesNotMatchSopClass), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        ushort final = DimseStatus.Success;
        try
        {
            await foreach (var match in Options.Query.FindAsync(find.AffectedSOPClassUID ?? "", identifier, cancellationToken).ConfigureAwait(false))
            {
                if (request.Cancelled.IsCancellationRequested)
                {
                    final = DimseStatus.Cancel;
                    break;
                }
                await request.RespondAsync(find.CreateResponse(ServiceStatus.Pending), match, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (QueryException e)
        {
            _logger.LogWarning("C-FIND identifier refused: {Error}", e.Message);
            final = ServiceStatus.IdentifierDoesNotMatchSopClass;
        }
        if (request.Cancelled.IsCancellationRequested) final = DimseStatus.Cancel;
        await request.RespondAsync(find.CreateResponse(final), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task NormalizedAsync(DimseRequestContext request, CancellationToken cancellationToken)
    {
        var dataSet = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        if (Options.NormalizedHandler == null)
        {
            await request.RespondAsync(request.Request.CreateResponse(DimseStatus.NoSuchSOPClass), null, cancellationToken).ConfigureAwait(false);
            return;
        }
        var (status, response) = await Options.NormalizedHandler(request, dataSet, cancellationToken).ConfigureAwait(false);
        await request.RespondAsync(request.Request.CreateResponse(status), response, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>An identifier the query service cannot match (e.g. no or an unknown Query/Retrieve Level).</summary>
public sealed class QueryException(string message) : Exception(message);
