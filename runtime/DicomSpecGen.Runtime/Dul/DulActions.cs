namespace DicomSpecGen.Dul;

/// <summary>The hand-written bodies of the DUL actions (PS3.8 9.2.2), one instance per association.
/// They act only through <see cref="IDulPort"/> and the ARTIM timer; which action runs, and the next
/// state, come from Table 9-10 (generated or interpreted), never from here. Split by the standard's
/// tables: DulActions.Establishment.cs (9-6), .DataTransfer.cs (9-7), .Release.cs (9-8), .Abort.cs (9-9).</summary>
public sealed partial class DulActions : IDulActions
{
    private readonly IDulPort _port;
    private readonly ArtimTimer _artim;

    public DulActions(IDulPort port, ArtimTimer artim)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
        _artim = artim ?? throw new ArgumentNullException(nameof(artim));
    }

    /// <summary>Which side of the association this is (AE-1 makes it the requestor, AE-5 the acceptor).</summary>
    public DulAssociationRole Role { get; internal set; }

    /// <summary>The A-ASSOCIATE request primitive kept by AE-1 until AE-2 sends it as the A-ASSOCIATE-RQ PDU.</summary>
    public object? AssociateRequest { get; internal set; }

    /// <summary>True while ARTIM runs.</summary>
    public bool ArtimRunning => _artim.IsRunning;

    private void Send(DulPduKind kind, object? content) => _port.Send(new DulPdu(kind, content));

    private void Deliver(DulPrimitiveKind kind, object? content) => _port.Deliver(new DulPrimitive(kind, content));
}
