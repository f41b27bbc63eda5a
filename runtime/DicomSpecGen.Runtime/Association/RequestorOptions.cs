namespace DicomSpecGen.Association;

/// <summary>Options of an association requestor (SCU side).</summary>
public sealed record RequestorOptions : AssociationCommonOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>Our AE title (Calling AE Title).</summary>
    public string CallingAeTitle { get; init; } = "DSGSCU";

    /// <summary>The peer's AE title (Called AE Title).</summary>
    public string CalledAeTitle { get; init; } = "ANY-SCP";

    public required IReadOnlyList<PresentationContextProposal> PresentationContexts { get; init; }

    public UserIdentityOptions? UserIdentity { get; init; }

    public IReadOnlyList<ExtendedNegotiation> ExtendedNegotiation { get; init; } = [];

    /// <summary>How long to wait for the A-ASSOCIATE-AC/RJ after the request was sent.</summary>
    public TimeSpan AssociateTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for the A-RELEASE-RP.</summary>
    public TimeSpan ReleaseTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
