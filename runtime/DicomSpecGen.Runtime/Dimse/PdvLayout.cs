namespace DicomSpecGen.Dimse;

/// <summary>How much of a P-DATA-TF PDU's variable field a PDV item takes besides its fragment.</summary>
/// <remarks>PS3.8 Table 9-23 and Annex E.2 (2013): Item-length (4 bytes), Presentation-context-ID (1 byte),
/// then the Presentation-data-value: Message Control Header (1 byte) and the fragment.
/// TODO(merge): take these sizes from the generated PDU codec (spec/part08/pdus.yaml) once it is on main.</remarks>
public static class PdvLayout
{
    /// <summary>Item-length, Presentation-context-ID and Message Control Header.</summary>
    /// <remarks>PS3.8 Table 9-23 (2013), bytes 1-4 and 5; PS3.8 E.2 (2013)</remarks>
    public const int ItemOverhead = 4 + 1 + 1;

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
