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

    /// <summary>Called when the acceptor drops or refuses a peer for a reason of its own, not the policy's (capacity,
    /// ARTIM, idle timeout, malformed PDU); the audit trail reports them as Security Alerts. Must not throw or block.</summary>
    public Action<AssociationIncident>? Incident { get; init; }
}

/// <summary>Why the acceptor dropped or refused a peer on its own.</summary>
public enum AssociationIncidentKind
{
    /// <summary>A-ASSOCIATE-RJ transient, local-limit-exceeded (PS3.8 Table 9-21): MaxAssociations already served.</summary>
    CapacityExceeded,

    /// <summary>ARTIM expired (PS3.8 Evt18) before an A-ASSOCIATE-RQ arrived: the connection was closed.</summary>
    ArtimExpired,

    /// <summary>No PDU (or not the rest of one) within the transport's idle or read timeout: A-ABORT sent.</summary>
    IdleTimeout,

    /// <summary>A PDU that could not be decoded (PS3.8 9.3): A-ABORT with a provider reason sent.</summary>
    MalformedPdu,
}

/// <summary>One acceptor incident: its kind, the peer's address, the calling AE title when known, and the reason.</summary>
public sealed record AssociationIncident(AssociationIncidentKind Kind, string? PeerAddress, string? CallingAeTitle, string Reason);
