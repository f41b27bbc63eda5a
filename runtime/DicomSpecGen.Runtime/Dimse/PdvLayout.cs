using DicomSpecGen.Protocol;

namespace DicomSpecGen.Dimse;

/// <summary>How much of a P-DATA-TF PDU's variable field a PDV item takes besides its fragment.</summary>
/// <remarks>PS3.8 Table 9-23 and Annex E.2 (2013): Item-length, Presentation-context-ID and the Message
/// Control Header precede the fragment. The size comes from the generated PDV codec.</remarks>
public static class PdvLayout
{
    /// <summary>Bytes of a PDV item with an empty fragment: Item-length, Presentation-context-ID, Message Control Header.</summary>
    /// <remarks>PS3.8 Table 9-23 (2013)</remarks>
    public static readonly int ItemOverhead = new PresentationDataValue().GetEncodedLength();

    /// <summary>The longest fragment one PDV may carry when the peer's Maximum Length Received is
    /// <paramref name="maxPduLength"/> (0 = no limit, then <paramref name="unlimited"/>), rounded down to even
    /// because every fragment has an even number of bytes.</summary>
    /// <remarks>PS3.8 D.1.1 (2013): Maximum Length is the limit of the P-DATA-TF variable field (0 = none);
    /// PS3.8 E.1 (2013): fragments consist of an even number of bytes.</remarks>
    public static int MaxFragmentLength(uint maxPduLength, int unlimited)
    {
        long room = maxPduLength == 0 ? unlimited : Math.Min((long)maxPduLength - ItemOverhead, unlimited);
        room &= ~1L;
        if (room < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPduLength), maxPduLength,
                $"a maximum PDU length of {maxPduLength} leaves no room for a fragment after the {ItemOverhead}-byte PDV header (PS3.8 D.1.1)");
        }
        return (int)room;
    }
}
