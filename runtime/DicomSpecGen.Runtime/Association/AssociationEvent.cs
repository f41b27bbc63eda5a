namespace DicomSpecGen.Association;

/// <summary>What the association delivers to its service-user after establishment.</summary>
public abstract record AssociationEvent
{
    /// <summary>A P-DATA indication (PS3.8 7.6).</summary>
    public sealed record Data(ReceivedPData PData) : AssociationEvent;

    /// <summary>An A-RELEASE indication: the peer asks to release; answer with <see cref="DicomAssociation.RespondReleaseAsync"/> (PS3.8 7.2).</summary>
    public sealed record ReleaseRequested : AssociationEvent;
}
