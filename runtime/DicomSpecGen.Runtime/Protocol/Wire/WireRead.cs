using DicomSpecGen.Protocol;
using System.Buffers;
using System.Text;

namespace DicomSpecGen.Protocol.Wire;

/// <summary>Big-endian wire primitives for the generated PDU readers. Every read is bounded by the extent
/// <c>end</c> (an absolute <see cref="SequenceReader{T}.Consumed"/> position) so a declared length can never
/// make a reader run past its structure.</summary>
public static class WireRead
{
    internal static readonly SpecField EmptyPdu = new("PDU", "PDU-type", "PS3.8 Section 9.3.1");

    private static PduFormatException Truncated(SpecField field, long needed, long left) =>
        new(field, $"needs {needed} byte(s) but only {left} remain in the enclosing length", AbortReason.InvalidPduParameterValue);

    private static void Ensure(ref SequenceReader<byte> reader, long end, long count, SpecField field)
    {
        var left = end - reader.Consumed;
        if (left < count || reader.Remaining < count) throw Truncated(field, count, Math.Min(left, reader.Remaining));
    }

    public static void Skip(ref SequenceReader<byte> reader, long end, int count, SpecField field)
    {
        Ensure(ref reader, end, count, field);
        reader.Advance(count);
    }

    public static byte U8(ref SequenceReader<byte> reader, long end, SpecField field)
    {
        Ensure(ref reader, end, 1, field);
        reader.TryRead(out var value);
        return value;
    }

    public static ushort U16(ref SequenceReader<byte> reader, long end, SpecField field)
    {
        Ensure(ref reader, end, 2, field);
        reader.TryReadBigEndian(out short value);
        return unchecked((ushort)value);
    }

    public static uint U32(ref SequenceReader<byte> reader, long end, SpecField field)
    {
        Ensure(ref reader, end, 4, field);
        reader.TryReadBigEndian(out int value);
        return unchecked((uint)value);
    }

    /// <summary>Reads a structure length field and returns the structure's new end, checked against the outer extent.</summary>
    public static long Length(ref SequenceReader<byte> reader, long end, int size, SpecField field)
    {
        var length = LengthOf(ref reader, end, size, field);
        return reader.Consumed + length;
    }

    /// <summary>Reads a length field and checks that many bytes remain in the extent.</summary>
    public static long LengthOf(ref SequenceReader<byte> reader, long end, int size, SpecField field)
    {
        long length = size == 2 ? U16(ref reader, end, field) : U32(ref reader, end, field);
        var left = end - reader.Consumed;
        if (length > left)
        {
            throw new PduFormatException(field, $"declared length {length} exceeds the {left} byte(s) left in the enclosing structure",
                AbortReason.InvalidPduParameterValue);
        }
        return length;
    }

    /// <summary>Fails when bytes are left over after the last fixed field of a structure.</summary>
    public static void ExpectEnd(ref SequenceReader<byte> reader, long end, string structure)
    {
        if (reader.Consumed != end)
        {
            throw new PduFormatException(new SpecField(structure, "length", "PS3.8 Section 9.3"),
                $"{end - reader.Consumed} byte(s) beyond the fields the table defines", AbortReason.InvalidPduParameterValue);
        }
    }

    /// <summary>An AE title: <paramref name="size"/> bytes, leading and trailing spaces not significant; when tested, not all spaces and
    /// no control characters or backslash (PS3.5 Table 6.2-1, AE).</summary>
    public static string AeTitle(ref SequenceReader<byte> reader, long end, int size, bool tested, SpecField field)
    {
        Ensure(ref reader, end, size, field);
        Span<byte> raw = stackalloc byte[size];
        reader.TryCopyTo(raw);
        reader.Advance(size);
        var text = Encoding.Latin1.GetString(raw).Trim(' ', '\0');
        if (!tested) return text;
        if (text.Length == 0)
            throw new PduFormatException(field, "AE title is all spaces", AbortReason.InvalidPduParameterValue);
        if (InvalidAeCharacter(text) is { } c)
            throw new PduFormatException(field, $"AE title has character 0x{(int)c:X2}, {AeRepertoire}", AbortReason.InvalidPduParameterValue);
        return text;
    }

    /// <summary>What an AE title may hold, for error messages.</summary>
    internal const string AeRepertoire = "not in the default character repertoire without backslash and control characters (PS3.5 Table 6.2-1, AE)";

    /// <summary>The first character an AE title may not hold, or null. The AE VR: the Default Character Repertoire (ISO 646,
    /// 0x20-0x7E) without backslash and control characters (PS3.5 Table 6.2-1, AE). Anything above 0x7E would not survive
    /// being echoed in the A-ASSOCIATE-AC.</summary>
    internal static char? InvalidAeCharacter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c < 0x20 || c == '\\' || c >= 0x7F) return c;
        return null;
    }

    /// <summary>A UID filling the extent: 1-64 characters of digits and '.', a trailing NUL pad tolerated (PS3.5 9.1).</summary>
    public static string Uid(ref SequenceReader<byte> reader, long fieldEnd, SpecField field)
    {
        var text = AsciiUpTo(ref reader, fieldEnd, field).TrimEnd('\0');
        if (text.Length == 0 || text.Length > 64)
            throw new PduFormatException(field, $"UID has {text.Length} characters; a UID has 1 to 64", AbortReason.InvalidPduParameterValue);
        foreach (var c in text)
        {
            if (c != '.' && (c < '0' || c > '9'))
                throw new PduFormatException(field, $"UID \"{text}\" has character '{c}'; a UID has only digits and '.'", AbortReason.InvalidPduParameterValue);
        }
        return text;
    }

    /// <summary>Text filling the extent, checked against the table's length limits.</summary>
    public static string Ascii(ref SequenceReader<byte> reader, long fieldEnd, int minLength, int maxLength, SpecField field)
    {
        var text = AsciiUpTo(ref reader, fieldEnd, field).TrimEnd('\0');
        if (text.Length < minLength || text.Length > maxLength)
            throw new PduFormatException(field, $"has {text.Length} characters; allowed {minLength} to {maxLength}", AbortReason.InvalidPduParameterValue);
        return text;
    }

    public static ReadOnlyMemory<byte> Bytes(ref SequenceReader<byte> reader, long fieldEnd, SpecField field)
    {
        var count = fieldEnd - reader.Consumed;
        Ensure(ref reader, fieldEnd, count, field);
        var value = reader.UnreadSequence.Slice(0, count).ToArray();
        reader.Advance(count);
        return value;
    }

    /// <summary>A slice of the input, not copied: valid as long as the input buffer is.</summary>
    public static ReadOnlySequence<byte> Fragment(ref SequenceReader<byte> reader, long fieldEnd, SpecField field)
    {
        var count = fieldEnd - reader.Consumed;
        Ensure(ref reader, fieldEnd, count, field);
        var value = reader.UnreadSequence.Slice(0, count);
        reader.Advance(count);
        return value;
    }

    private static string AsciiUpTo(ref SequenceReader<byte> reader, long fieldEnd, SpecField field)
    {
        var count = fieldEnd - reader.Consumed;
        Ensure(ref reader, fieldEnd, count, field);
        var text = Encoding.Latin1.GetString(reader.UnreadSequence.Slice(0, count));
        reader.Advance(count);
        return text;
    }

    /// <summary>A reserved field wider than 4 bytes: empty when it holds the table's value in every byte (the usual
    /// case, no allocation), otherwise the bytes as received so re-encoding is exact.</summary>
    public static ReadOnlyMemory<byte> Reserved(ref SequenceReader<byte> reader, long end, int size, byte value, SpecField field)
    {
        Ensure(ref reader, end, size, field);
        var raw = reader.UnreadSequence.Slice(0, size);
        var usual = true;
        foreach (var segment in raw)
        {
            if (segment.Span.IndexOfAnyExcept(value) >= 0) usual = false;
        }
        var result = usual ? ReadOnlyMemory<byte>.Empty : raw.ToArray();
        reader.Advance(size);
        return result;
    }
}
