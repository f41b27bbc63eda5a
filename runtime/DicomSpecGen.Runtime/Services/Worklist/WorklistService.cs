using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Services.Worklist;

/// <summary>Options of the Modality Worklist SCP.</summary>
public sealed record WorklistServiceOptions
{
    /// <summary>Match PN keys ignoring case (PS3.4 C.2.2.2.1.1 allows it; DCMTK's wlmscpfs does the same by default).</summary>
    public bool CaseInsensitivePersonNames { get; init; } = true;
}

/// <summary>The Basic Worklist Management service class SCP for the Modality Worklist Information Model - FIND SOP
/// class: answers C-FIND from the items of an <see cref="IWorklistSource"/>, one Pending response per matching item,
/// then Success; Cancel (FE00) when the requestor sends C-CANCEL. An identifier with a key value no matching is defined
/// for (an invalid date, a range that ends before it starts) is refused with A900 and an Error Comment naming the key.</summary>
/// <remarks>PS3.4 K.4.1.3 (C-FIND SCP behaviour), K.4.1.3.1 ("Worklist" search), K.4.1.1.4 and Table K.4-1 (statuses), 2020c.</remarks>
public sealed class WorklistService(IWorklistSource source, WorklistServiceOptions? options = null, ILogger? logger = null) : IDicomService, ICFindHandler, IServiceStatuses
{
    public IReadOnlyList<ServiceStatusUse> Statuses { get; } =
    [
        new("C-FIND", DimseService.ModalityWorklistFind, DimseStatus.ModalityWorklistFind.MatchesAreContinuingFF00, "one per matching worklist item, with the item"),
        new("C-FIND", DimseService.ModalityWorklistFind, DimseStatus.Success, "all matches sent"),
        new("C-FIND", DimseService.ModalityWorklistFind, DimseStatus.Cancel, "after a C-CANCEL"),
        new("C-FIND", DimseService.ModalityWorklistFind, DimseStatus.ModalityWorklistFind.ErrorDataSetDoesNotMatchSopClass, "no identifier, or a key value that cannot be matched (with an Error Comment)"),
        new("C-FIND", DimseService.ModalityWorklistFind, DimseStatus.ModalityWorklistFind.FailedUnableToProcess, "the worklist folder cannot be read"),
    ];

    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private readonly WorklistMatcher _matcher = new((options ?? new WorklistServiceOptions()).CaseInsensitivePersonNames);

    /// <summary>Modality Worklist Information Model - FIND, from spec/part04/worklist.yaml.</summary>
    /// <remarks>PS3.4 Table K.6.1.4-1, Modality Worklist Information Model - FIND (2020c)</remarks>
    public static string SopClassUid => WorklistSpec.SopClasses.Single(s => s.Name == "ModalityWorklistInformationModelFind").Uid;

    public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(SopClassUid)];

    public IWorklistSource Source { get; } = source;

    public async Task OnCFindAsync(DimseRequestContext request, CFindRq find, CancellationToken cancellationToken)
    {
        var identifier = await request.ReadDataSetAsync(cancellationToken).ConfigureAwait(false);
        if (identifier == null)
        {
            // PS3.7 9.1.2.1: a C-FIND request carries an Identifier.
            await RespondFailureAsync(request, find, DimseStatus.ModalityWorklistFind.ErrorDataSetDoesNotMatchSopClass, null, "C-FIND request without an Identifier", cancellationToken).ConfigureAwait(false);
            return;
        }
        try
        {
            _matcher.Validate(identifier);
        }
        catch (WorklistQueryException e)
        {
            // PS3.4 K.4.1.1.4, Table K.4-1: A900 "Data Set does not match SOP Class" is the failure whose related fields
            // are Offending Element and Error Comment, so it names the key at fault; C000-CFFF "Unable to process" is
            // kept for an SCP that cannot serve a valid query (the worklist source failing, below). wlmscpfs instead
            // answers Success with no match.
            _logger.LogWarning("worklist C-FIND identifier refused: {Error}", e.Message);
            await RespondFailureAsync(request, find, DimseStatus.ModalityWorklistFind.ErrorDataSetDoesNotMatchSopClass, e.Tag, e.Comment, cancellationToken).ConfigureAwait(false);
            return;
        }
        ushort final = DimseStatus.Success;
        try
        {
            await foreach (var item in Source.GetItemsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (request.Cancelled.IsCancellationRequested) break;
                if (!_matcher.Matches(identifier, item)) continue;
                await request.RespondAsync(find.CreateResponse(DimseStatus.ModalityWorklistFind.MatchesAreContinuingFF00), _matcher.Response(identifier, item), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DicomDataException)
        {
            _logger.LogError("worklist source failed: {Error}", e.Message);
            await RespondFailureAsync(request, find, DimseStatus.ModalityWorklistFind.FailedUnableToProcess, null, Truncate("worklist unavailable: " + e.Message), cancellationToken).ConfigureAwait(false);
            return;
        }
        // PS3.4 K.4.1.3: a C-CANCEL before the matches are all sent ends the operation with Cancel.
        if (request.Cancelled.IsCancellationRequested) final = DimseStatus.Cancel;
        await request.RespondAsync(find.CreateResponse(final), null, cancellationToken).ConfigureAwait(false);
    }

    private static Task RespondFailureAsync(DimseRequestContext request, CFindRq find, ushort status, uint? offending, string comment, CancellationToken cancellationToken)
    {
        var response = find.CreateResponse(status);
        response.ErrorComment = Truncate(comment);
        if (offending is { } tag) response.OffendingElement = [tag];
        return request.RespondAsync(response, null, cancellationToken);
    }

    /// <summary>Error Comment is LO: at most 64 characters (PS3.7 Annex C.4.1; PS3.5 Table 6.2-1).</summary>
    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64];
}
