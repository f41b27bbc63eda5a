namespace DicomSpecGen.Association;

/// <summary>Options of an association acceptor (SCP side).</summary>
public sealed record AcceptorOptions : AssociationCommonOptions
{
    /// <summary>How the acceptor answers each A-ASSOCIATE-RQ.</summary>
    public required IAssociationPolicy Policy { get; init; }

    /// <summary>How many associations may be open at once; more are rejected (transient, local-limit-exceeded).</summary>
    public int MaxAssociations { get; init; } = 16;

    /// <summary>Called with the peer's address when a connection fails before or while serving its association (a failed
    /// TLS handshake, an abort); the audit trail reports authentication failures from it. Must not throw or block.</summary>
    public Action<string?, Exception>? ConnectionFailed { get; init; }
}
