using System.Buffers;
using System.Buffers.Binary;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>Element and item headers (PS3.5 Sections 7.1.2, 7.1.3 and 7.5).</summary>
public static class DicomHeaderCodec
{
    /// <summary>Value Length meaning "undefined" (PS3.5 Section 7.1.1).</summary>
    public const uint UndefinedLength = 0xFFFFFFFF;

    /// <summary>The group of Item and delimitation tags, which never have a VR (PS3.5 Section 7.5).</summary>
    public const ushort ItemGroup = (ushort)(DicomTags.Item >> 16);

    public enum Status { Ok, NeedMoreData, UnknownVr }

    /// <summary>Reads one header. For Implicit VR (and items) <paramref name="vr"/> is None: the caller
    /// takes it from the data dictionary.</summary>
    public static Status TryRead(ref SequenceReader<byte> reader, DicomEncoding encoding, out uint tag, out DicomVr vr, out uint length)
    {
        vr = DicomVr.None;
        length = 0;
        tag = 0;
        var start = reader.Consumed;
        Span<byte> head = stackalloc byte[12];
        if (!reader.TryCopyTo(head.Slice(0, 8))) return Status.NeedMoreData;
        var big = encoding.BigEndian;
        var group = big ? BinaryPrimitives.ReadUInt16BigEndian(head) : BinaryPrimitives.ReadUInt16LittleEndian(head);
        var element = big ? BinaryPrimitives.ReadUInt16BigEndian(head.Slice(2)) : BinaryPrimitives.ReadUInt16LittleEndian(head.Slice(2));
        tag = ((uint)group << 16) | element;
        if (group == ItemGroup || !encoding.ExplicitVr)
        {
            length = big ? BinaryPrimitives.ReadUInt32BigEndian(head.Slice(4)) : BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(4));
            reader.Advance(8);
            return Status.Ok;
        }
        if (!DicomVrs.TryParse(head[4], head[5], out vr)) return Status.UnknownVr;
        if (DicomVrs.HasLongLength(vr))
        {
            if (!reader.TryCopyTo(head)) return Status.NeedMoreData;
            length = big ? BinaryPrimitives.ReadUInt32BigEndian(head.Slice(8)) : BinaryPrimitives.ReadUInt32LittleEndian(head.Slice(8));
            reader.Advance(12);
        }
        else
        {
            length = big ? BinaryPrimitives.ReadUInt16BigEndian(head.Slice(6)) : BinaryPrimitives.ReadUInt16LittleEndian(head.Slice(6));
            reader.Advance(8);
        }
        return Status.Ok;
    }

    /// <summary>Writes an element header. <paramref name="vr"/> is ignored for Implicit VR and for items.</summary>
    public static void Write(IBufferWriter<byte> writer, DicomEncoding encoding, uint tag, DicomVr vr, uint length)
    {
        var group = (ushort)(tag >> 16);
        var explicitVr = encoding.ExplicitVr && group != ItemGroup;
        var longForm = explicitVr && DicomVrs.HasLongLength(vr);
        var size = longForm ? 12 : 8;
        var span = writer.GetSpan(size);
        var big = encoding.BigEndian;
        WriteUInt16(span, group, big);
        WriteUInt16(span.Slice(2), (ushort)tag, big);
        if (!explicitVr)
        {
            WriteUInt32(span.Slice(4), length, big);
        }
        else
        {
            if (vr == DicomVr.None) throw new ArgumentException($"Explicit VR needs a VR for {new DicomTag(tag)}", nameof(vr));
            span[4] = (byte)((ushort)vr >> 8);
            span[5] = (byte)vr;
            if (longForm)
            {
                span[6] = 0;
                span[7] = 0;
                WriteUInt32(span.Slice(8), length, big);
            }
            else
            {
                if (length > ushort.MaxValue)
                    throw new DicomDataException($"value of {length} bytes exceeds the 16-bit length of VR {DicomVrs.Code(vr)}", new DicomTag(tag), 0, "PS3.5 Section 7.1.2");
                WriteUInt16(span.Slice(6), (ushort)length, big);
            }
        }
        writer.Advance(size);
    }

    private static void WriteUInt16(Span<byte> span, ushort value, bool big)
    {
        if (big) BinaryPrimitives.WriteUInt16BigEndian(span, value);
        else BinaryPrimitives.WriteUInt16LittleEndian(span, value);
    }

    private static void WriteUInt32(Span<byte> span, uint value, bool big)
    {
        if (big) BinaryPrimitives.WriteUInt32BigEndian(span, value);
        else BinaryPrimitives.WriteUInt32LittleEndian(span, value);
    }
}
