namespace DicomSpecGen.Dimse;

/// <summary>Options of <see cref="DimseFragmenter"/>.</summary>
/// <remarks>PS3.8 D.1.1 and E.1 (2013)</remarks>
public sealed record DimseFragmenterOptions
{
    /// <summary>The peer's Maximum Length Received (its A-ASSOCIATE Maximum Length sub-item); 0 = no limit.</summary>
    public uint PeerMaxPduLength { get; init; } = 16384;

    /// <summary>The fragment size used when the peer sets no limit, so memory stays bounded.</summary>
    public int UnlimitedFragmentLength { get; init; } = 1 << 20;
}
