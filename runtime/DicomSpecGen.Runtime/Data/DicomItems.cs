using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>One entry of an in-memory <see cref="DicomDataset"/>.</summary>
public abstract class DicomItem
{
    protected DicomItem(DicomTag tag, DicomVr vr)
    {
        Tag = tag;
        Vr = vr;
    }

    public DicomTag Tag { get; }

    public DicomVr Vr { get; }
}

/// <summary>An element with its value in little endian byte order, as encoded (padding included).</summary>
public sealed class DicomElement(DicomTag tag, DicomVr vr, ReadOnlyMemory<byte> value) : DicomItem(tag, vr)
{
    public ReadOnlyMemory<byte> Value { get; } = value;

    public override string ToString() => $"{Tag} {DicomVrs.Code(Vr)} [{Value.Length} bytes]";
}

/// <summary>A sequence of items (PS3.5 Section 7.5).</summary>
public sealed class DicomSequence(DicomTag tag) : DicomItem(tag, DicomVr.SQ)
{
    public List<DicomDataset> Items { get; } = new();

    public override string ToString() => $"{Tag} SQ [{Items.Count} items]";
}

/// <summary>Encapsulated Pixel Data: the Basic Offset Table (first, possibly empty) then the fragments (PS3.5 Section A.4).</summary>
public sealed class DicomFragments(DicomTag tag, DicomVr vr) : DicomItem(tag, vr)
{
    public List<ReadOnlyMemory<byte>> Fragments { get; } = new();

    public override string ToString() => $"{Tag} {DicomVrs.Code(Vr)} [{Fragments.Count} fragments]";
}
