using System.Buffers;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>Encodes elements into an <see cref="IBufferWriter{T}"/> in one encoding. Values are given in
/// little endian order and swapped for big endian (PS3.5 Section 7.3); odd values are padded with the
/// VR's padding byte (PS3.5 Section 6.2). Sequences, items and encapsulated Pixel Data are written with
/// undefined length and delimiters (PS3.5 Sections 7.5.2, A.4), so nothing needs to be buffered.</summary>
public sealed class DicomBufferWriter
{
    private readonly IBufferWriter<byte> _output;

    public DicomBufferWriter(IBufferWriter<byte> output, DicomEncoding encoding)
    {
        _output = output;
        Encoding = encoding;
    }

    public DicomEncoding Encoding { get; }

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    public void WriteElement(DicomTag tag, DicomVr vr, ReadOnlySpan<byte> value)
    {
        var padded = (value.Length & 1) == 1;
        WriteHeader(tag, vr, (uint)(value.Length + (padded ? 1 : 0)));
        WriteValueChunk(vr, value);
        if (padded) WritePadding(vr);
    }

    /// <summary>Writes a header only; the caller then writes exactly <paramref name="length"/> value bytes.</summary>
    public void WriteHeader(DicomTag tag, DicomVr vr, uint length)
    {
        DicomHeaderCodec.Write(_output, Encoding, tag.Value, vr, length);
        BytesWritten += Encoding.ExplicitVr && tag.Group != DicomHeaderCodec.ItemGroup && DicomVrs.HasLongLength(vr) ? 12 : 8;
    }

    /// <summary>Writes value bytes (little endian in, swapped for big endian; whole values per call).</summary>
    public void WriteValueChunk(DicomVr vr, ReadOnlySpan<byte> chunk)
    {
        var unit = Encoding.BigEndian ? ByteSwap.UnitSize(vr) : 1;
        while (chunk.Length > 0)
        {
            var span = _output.GetSpan(Math.Min(chunk.Length, 64 * 1024));
            var n = Math.Min(span.Length, chunk.Length);
            if (unit > 1 && n < chunk.Length) n -= n % unit;
            chunk.Slice(0, n).CopyTo(span);
            if (unit > 1) ByteSwap.InPlace(span.Slice(0, n), unit);
            _output.Advance(n);
            BytesWritten += n;
            chunk = chunk.Slice(n);
        }
    }

    public void WritePadding(DicomVr vr)
    {
        var span = _output.GetSpan(1);
        span[0] = DicomVrs.PaddingByte(vr);
        _output.Advance(1);
        BytesWritten++;
    }

    public void BeginSequence(DicomTag tag) => WriteHeader(tag, DicomVr.SQ, DicomHeaderCodec.UndefinedLength);

    public void BeginItem() => WriteHeader(DicomTag.Item, DicomVr.None, DicomHeaderCodec.UndefinedLength);

    public void EndItem() => WriteHeader(DicomTag.ItemDelimitation, DicomVr.None, 0);

    public void EndSequence() => WriteHeader(DicomTag.SequenceDelimitation, DicomVr.None, 0);

    /// <summary>Starts encapsulated Pixel Data; then the Basic Offset Table and fragments (PS3.5 Section A.4).</summary>
    public void BeginFragments(DicomTag tag, DicomVr vr = DicomVr.OB)
    {
        if (Encoding.BigEndian || !Encoding.ExplicitVr)
            throw new DicomDataException("encapsulated Pixel Data needs an Explicit VR Little Endian based transfer syntax", tag, BytesWritten, "PS3.5 Section A.4");
        WriteHeader(tag, vr, DicomHeaderCodec.UndefinedLength);
    }

    public void WriteFragment(ReadOnlySpan<byte> fragment)
    {
        var padded = (fragment.Length & 1) == 1;
        WriteHeader(DicomTag.Item, DicomVr.None, (uint)(fragment.Length + (padded ? 1 : 0)));
        WriteValueChunk(DicomVr.OB, fragment);
        if (padded) WritePadding(DicomVr.OB);
    }

    public void EndFragments() => EndSequence();
}
