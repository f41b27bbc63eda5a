using DicomSpecGen.Association;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Services.Scp;

/// <summary>What a <see cref="DicomServiceProvider"/> offers and how it reaches C-MOVE destinations.</summary>
public sealed record ServiceProviderOptions
{
    /// <summary>Our AE title (Calling AE of the C-MOVE sub-associations; Move Originator fields).</summary>
    public string AeTitle { get; init; } = "DSGSCP";

    public IStorageService? Storage { get; init; }

    public IQueryService? Query { get; init; }

    /// <summary>Known C-MOVE destinations by AE title.</summary>
    public IReadOnlyDictionary<string, KnownAe> MoveDestinations { get; init; } = new Dictionary<string, KnownAe>();

    /// <summary>More services to register beside verification, storage and query/retrieve (e.g. an N-ACTION service
    /// of a private SOP class); each SOP class may be served by one service only.</summary>
    public IReadOnlyList<IDicomService> Services { get; init; } = [];

    /// <summary>How long to wait for a C-MOVE sub-association's accept and release.</summary>
    public TimeSpan SubAssociationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Transport, engine and trace settings used for C-MOVE sub-associations.</summary>
    public AssociationCommonOptions? CommonOptions { get; init; }
}
