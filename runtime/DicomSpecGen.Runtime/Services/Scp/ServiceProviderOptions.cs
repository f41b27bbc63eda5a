using DicomSpecGen.Association;

namespace DicomSpecGen.Services.Scp;

/// <summary>What a <see cref="DicomServiceProvider"/> offers and how it reaches C-MOVE destinations.</summary>
public sealed record ServiceProviderOptions
{
    /// <summary>Our AE title (Calling AE of the C-MOVE sub-associations; Move Originator fields).</summary>
    public string AeTitle { get; init; } = "DSGSCP";

    public IStorageService? Storage { get; init; }

    public IQueryService? Query { get; init; }

    /// <summary>Known C-MOVE destinations by AE title.</summary>
    public IReadOnlyDictionary<string, MoveDestination> MoveDestinations { get; init; } = new Dictionary<string, MoveDestination>();

    /// <summary>Handles N-EVENT-REPORT/N-GET/N-SET/N-ACTION/N-CREATE/N-DELETE requests: given the request and its
    /// data set, returns the status and the response data set. Null answers No Such SOP Class (PS3.7 C.5.20).</summary>
    public Func<DimseRequestContext, Data.DicomDataset?, CancellationToken, Task<(ushort Status, Data.DicomDataset? DataSet)>>? NormalizedHandler { get; init; }

    /// <summary>Options of the associations opened to C-MOVE destinations (AE titles and contexts are set per move).</summary>
    public TimeSpan SubAssociationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Transport, engine and trace settings used for C-MOVE sub-associations.</summary>
    public AcceptorOptions? CommonOptions { get; init; }
}
