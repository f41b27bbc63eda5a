namespace DicomSpecGen.Association;

/// <summary>Options of an association acceptor (SCP side).</summary>
public sealed record AcceptorOptions : AssociationCommonOptions
{
    /// <summary>How the acceptor answers each A-ASSOCIATE-RQ.</summary>
    public required IAssociationPolicy Policy { get; init; }

    /// <summary>How many associations may be open at once; more are rejected (transient, local-limit-exceeded).</summary>
    public int MaxAssociations { get; init; } = 16;
}
