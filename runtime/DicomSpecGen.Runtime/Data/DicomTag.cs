using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>A Data Element tag: group in the high 16 bits, element in the low 16 bits (PS3.5 Section 7.1).</summary>
public readonly record struct DicomTag(uint Value) : IComparable<DicomTag>
{
    public DicomTag(ushort group, ushort element) : this(((uint)group << 16) | element) { }

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    /// <summary>Odd groups are private (PS3.5 Section 7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1;

    /// <summary>Item (FFFE,E000) (PS3.5 Section 7.5; the tag from PS3.6 Table 6-1 via the generated DicomTags).</summary>
    public static readonly DicomTag Item = new(DicomTags.Item);

    /// <summary>Item Delimitation Item (FFFE,E00D) (PS3.5 Section 7.5; the tag from PS3.6 Table 6-1 via the generated DicomTags).</summary>
    public static readonly DicomTag ItemDelimitation = new(DicomTags.ItemDelimitationItem);

    /// <summary>Sequence Delimitation Item (FFFE,E0DD) (PS3.5 Section 7.5; the tag from PS3.6 Table 6-1 via the generated DicomTags).</summary>
    public static readonly DicomTag SequenceDelimitation = new(DicomTags.SequenceDelimitationItem);

    public static implicit operator DicomTag(uint value) => new(value);

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public override string ToString() => $"({Group:X4},{Element:X4})";
}
