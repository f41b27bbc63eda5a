namespace DicomSpecGen.Dul;

/// <summary>Which side of the association this DUL is: set when it issues the transport connect (AE-1,
/// requestor) or accepts an incoming connection (AE-5, acceptor). AR-8 depends on it.</summary>
/// <remarks>PS3.8 Table 9-8, AR-8; PS3.8 7.2.2.7</remarks>
public enum DulAssociationRole
{
    /// <summary>No association has been started.</summary>
    Unknown,

    /// <summary>The association-requestor (issued the A-ASSOCIATE request).</summary>
    Requestor,

    /// <summary>The association-acceptor (received the A-ASSOCIATE-RQ).</summary>
    Acceptor,
}
