using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DicomSpecGen.Protocol.Wire;

/// <summary>Big-endian wire primitives for the generated PDU writers. Values that break a table's rule are a
/// caller error and throw <see cref="ArgumentException"/> naming the field and its row.</summary>
public static class WireWrite
{
    public static void U8(IBufferWriter<byte> writer, byte value)
    {
        writer.GetSpan(1)[0] = value;
        writer.Advance(1);
    }

    public static void U16(IBufferWriter<byte> writer, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(writer.GetSpan(2), value);
        writer.Advance(2);
    }

    public static void U32(IBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    public static void Fill(IBufferWriter<byte> writer, int count, byte value)
    {
        writer.GetSpan(count)[..count].Fill(value);
        writer.Advance(count);
    }

    public static void Length(IBufferWriter<byte> writer, int size, long length, SpecField field)
    {
        var max = size == 2 ? ushort.MaxValue : uint.MaxValue;
        if (length < 0 || length > max)
            throw new ArgumentException($"{field}: length {length} does not fit in {size} bytes", field.Field);
        if (size == 2) U16(writer, (ushort)length);
        else U32(writer, (uint)length);
    }

    /// <summary>An AE title, space padded to the field size; 1 to <paramref name="size"/> significant characters.</summary>
    public static void AeTitle(IBufferWriter<byte> writer, string value, int size, SpecField field)
    {
        var trimmed = value.Trim(' ');
        if (trimmed.Length > size)
            throw new ArgumentException($"{field}: AE title \"{value}\" is longer than {size} characters", field.Field);
        var span = writer.GetSpan(size)[..size];
        span.Fill((byte)' ');
        Encoding.ASCII.GetBytes(trimmed, span);
        writer.Advance(size);
    }

    public static void Uid(IBufferWriter<byte> writer, string value, SpecField field)
    {
        if (value.Length == 0 || value.Length > 64)
            throw new ArgumentException($"{field}: UID \"{value}\" must have 1 to 64 characters", field.Field);
        Ascii(writer, value, 1, 64, field);
    }

    public static void Ascii(IBufferWriter<byte> writer, string value, int minLength, int maxLength, SpecField field)
    {
        if (value.Length < minLength || value.Length > maxLength)
            throw new ArgumentException($"{field}: \"{value}\" must have {minLength} to {maxLength} characters", field.Field);
        var span = writer.GetSpan(value.Length)[..value.Length];
        Encoding.ASCII.GetBytes(value, span);
        writer.Advance(value.Length);
    }

    public static void Bytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> value) => writer.Write(value);

    public static void Sequence(IBufferWriter<byte> writer, in ReadOnlySequence<byte> value)
    {
        foreach (var segment in value) writer.Write(segment.Span);
    }

    /// <summary>A reserved field wider than 4 bytes: the table's value in each byte unless a received value is held.</summary>
    public static void Reserved(IBufferWriter<byte> writer, ReadOnlySpan<byte> received, int size, byte value)
    {
        if (received.IsEmpty) Fill(writer, size, value);
        else if (received.Length == size) writer.Write(received);
        else throw new ArgumentException($"reserved field holds {received.Length} bytes; the table gives {size}");
    }
}
