using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Emits the command-set codec shared by the messages: errors, the element reader/writer,
    /// the DimseMessage base and the decoder that dispatches on Command Field.</summary>
    internal static class CodecEmitter
    {
        /// <summary>PS3.7 6.3.1: command elements are tag, 32-bit length, value; little endian; ascending; once each.</summary>
        public const string StructureCitation = "PS3.7 6.3.1 (2013)";

        public static string Emit(DimseSpec spec, Dictionary<string, CommandElementSpec> elements)
        {
            var groupLength = Lit(elements, "CommandGroupLength");
            var commandField = Lit(elements, "CommandField");
            var dataSetType = Lit(elements, "CommandDataSetType");
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System;");
            w.Line("using System.Buffers;");
            w.Line("using System.Buffers.Binary;");
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Diagnostics.CodeAnalysis;");
            w.Line();
            w.Open("namespace " + DimseEmitter.Namespace);
            foreach (var line in Fixed.Replace("$STRUCTURE$", CodeWriter.Literal(StructureCitation))
                         .Replace("$GROUPLENGTH$", groupLength)
                         .Replace("$COMMANDFIELD$", commandField)
                         .Replace("$DATASETTYPE$", dataSetType)
                         .Split('\n'))
            {
                w.Line(line.Length == 0 ? "" : "    " + line.TrimEnd('\r'));
            }

            // Dispatch on Command Field: one case per message of messages.yaml.
            w.Line();
            w.Doc("A DIMSE message: dispatch of a decoded command set to its message class.", "PS3.7 Table E.1-1, (0000,0100) (2013)");
            w.Open("public abstract partial class DimseMessage");
            w.Doc("Reads the message of this command field from the elements of a command set.", "PS3.7 Table E.1-1, (0000,0100)");
            w.Open("private static DimseMessage? Dispatch(ushort commandField, List<RawCommandElement> elements, List<DimseFieldError> errors)");
            w.Open("switch (commandField)");
            foreach (var m in spec.Messages.OrderBy(m => m.CommandField))
            {
                w.Line($"case 0x{m.CommandField:X4}: return {m.Name}.Read(elements, errors);");
            }
            w.Line("default: return null;");
            w.Close();
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string Lit(Dictionary<string, CommandElementSpec> elements, string keyword)
            => CodeWriter.Literal(elements.TryGetValue(keyword, out var e) ? $"{e.Source.Text} {e.Name} {e.TagText} ({e.Source.Edition})" : keyword);

        private const string Fixed = """
/// <summary>The kind of rule a command set or message breaks.</summary>
/// <remarks>PS3.7 6.3.1, 9.3 and 10.3 (2013)</remarks>
public enum DimseErrorKind
{
    /// <summary>A field the message table requires (usage M, or C with its condition met) is absent.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    MissingField,
    /// <summary>A field is present but its value is not allowed.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    InvalidValue,
    /// <summary>The bytes do not form a command set (truncated element, wrong length, wrong order).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    Malformed,
    /// <summary>Command Field (0000,0100) names no DIMSE message.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    UnknownCommand,
    /// <summary>A field or data set appears where the message table does not allow it.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    NotPermitted,
}

/// <summary>A broken rule: its kind, the element (when there is one), the table row it comes from and what is wrong.</summary>
/// <remarks>PS3.7 9.3 and 10.3 (2013)</remarks>
public sealed record DimseFieldError(DimseErrorKind Kind, uint? Tag, string Citation, string Message)
{
    /// <summary>"citation: message", e.g. "PS3.7 Table 9.3-1, Affected SOP Class UID (0000,0002) (2013): missing (usage M)".</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public override string ToString() => Citation + ": " + Message;
}

/// <summary>Thrown when a message cannot be encoded or a command set cannot be decoded; lists every broken rule.</summary>
/// <remarks>PS3.7 9.3 and 10.3 (2013)</remarks>
public sealed class DimseException : Exception
{
    /// <summary>Creates the exception from the broken rules.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public DimseException(IReadOnlyList<DimseFieldError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>The broken rules, each citing its table row.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public IReadOnlyList<DimseFieldError> Errors { get; }
}

/// <summary>A command element kept as its raw value because the message's table has no field for it;
/// it is written back unchanged, in tag order.</summary>
/// <remarks>PS3.7 6.3.1 (2013)</remarks>
public readonly record struct RawCommandElement(uint Tag, ReadOnlyMemory<byte> Value);

/// <summary>Writes command elements in Implicit VR Little Endian: tag (group, element), 32-bit value
/// length, value padded to even length. Unknown elements are merged in ascending tag order.</summary>
/// <remarks>PS3.7 6.3.1 (2013): Command Element Tag, Value Length, Value Field; Little Endian.</remarks>
public ref struct CommandSetWriter
{
    /// <summary>The output.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    private readonly IBufferWriter<byte> _output;
    /// <summary>Unknown elements, sorted by tag.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    private readonly IReadOnlyList<RawCommandElement> _unknown;
    /// <summary>The next unknown element to write.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    private int _next;

    /// <summary>A writer to <paramref name="output"/> that merges <paramref name="unknown"/> (sorted by tag).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public CommandSetWriter(IBufferWriter<byte> output, IReadOnlyList<RawCommandElement> unknown)
    {
        _output = output;
        _unknown = unknown;
        _next = 0;
    }

    /// <summary>Bytes of a tag and value length.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public const int HeaderLength = 8;

    /// <summary>Encoded size of a US element.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public const int SizeOfUS = HeaderLength + 2;

    /// <summary>Encoded size of a UL element.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public const int SizeOfUL = HeaderLength + 4;

    /// <summary>Encoded size of a text element (padded to even length).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static int SizeOfText(string value) => HeaderLength + value.Length + (value.Length & 1);

    /// <summary>Encoded size of an AT element (4 bytes per tag).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static int SizeOfAT(IReadOnlyList<uint> tags) => HeaderLength + 4 * tags.Count;

    /// <summary>Encoded size of the unknown elements.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static int SizeOfUnknown(IReadOnlyList<RawCommandElement> unknown)
    {
        var size = 0;
        for (var i = 0; i < unknown.Count; i++) size += HeaderLength + unknown[i].Value.Length;
        return size;
    }

    /// <summary>Writes the unknown elements whose tag is below <paramref name="tag"/>.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public void FlushUnknown(uint tag)
    {
        while (_next < _unknown.Count && _unknown[_next].Tag < tag)
        {
            var e = _unknown[_next++];
            Header(e.Tag, e.Value.Length);
            var span = _output.GetSpan(e.Value.Length);
            e.Value.Span.CopyTo(span);
            _output.Advance(e.Value.Length);
        }
    }

    /// <summary>Writes a Command Element Tag (group, element) and a 32-bit Value Length.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    private void Header(uint tag, int length)
    {
        var span = _output.GetSpan(HeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(2), (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(4), (uint)length);
        _output.Advance(HeaderLength);
    }

    /// <summary>Writes a US element.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public void US(uint tag, ushort value)
    {
        FlushUnknown(tag);
        Header(tag, 2);
        BinaryPrimitives.WriteUInt16LittleEndian(_output.GetSpan(2), value);
        _output.Advance(2);
    }

    /// <summary>Writes a UL element.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public void UL(uint tag, uint value)
    {
        FlushUnknown(tag);
        Header(tag, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(_output.GetSpan(4), value);
        _output.Advance(4);
    }

    /// <summary>Writes an ASCII text element padded to even length with <paramref name="pad"/>
    /// (NUL for UI, space for the other string VRs).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public void Text(uint tag, string value, byte pad)
    {
        FlushUnknown(tag);
        var length = value.Length + (value.Length & 1);
        Header(tag, length);
        var span = _output.GetSpan(length);
        for (var i = 0; i < value.Length; i++) span[i] = (byte)value[i];
        if (length != value.Length) span[value.Length] = pad;
        _output.Advance(length);
    }

    /// <summary>Writes an AT element: each tag as group then element, little endian.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public void AT(uint tag, IReadOnlyList<uint> tags)
    {
        FlushUnknown(tag);
        Header(tag, 4 * tags.Count);
        var span = _output.GetSpan(4 * tags.Count);
        for (var i = 0; i < tags.Count; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(4 * i), (ushort)(tags[i] >> 16));
            BinaryPrimitives.WriteUInt16LittleEndian(span.Slice(4 * i + 2), (ushort)tags[i]);
        }
        _output.Advance(4 * tags.Count);
    }
}

/// <summary>Reads the values of command elements; a wrong length becomes a <see cref="DimseFieldError"/>
/// citing the field's table row.</summary>
/// <remarks>PS3.7 6.3.1 (2013)</remarks>
public static class CommandSetReader
{
    /// <summary>A US value, or null (with an error) when the value is not 2 bytes.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static ushort? US(in RawCommandElement e, string citation, List<DimseFieldError> errors)
    {
        if (e.Value.Length != 2)
        {
            errors.Add(new DimseFieldError(DimseErrorKind.Malformed, e.Tag, citation, $"value length {e.Value.Length}, expected 2 (US)"));
            return null;
        }
        return BinaryPrimitives.ReadUInt16LittleEndian(e.Value.Span);
    }

    /// <summary>A UL value, or null (with an error) when the value is not 4 bytes.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static uint? UL(in RawCommandElement e, string citation, List<DimseFieldError> errors)
    {
        if (e.Value.Length != 4)
        {
            errors.Add(new DimseFieldError(DimseErrorKind.Malformed, e.Tag, citation, $"value length {e.Value.Length}, expected 4 (UL)"));
            return null;
        }
        return BinaryPrimitives.ReadUInt32LittleEndian(e.Value.Span);
    }

    /// <summary>ASCII text without its padding (trailing NUL or spaces; leading spaces too when <paramref name="trimStart"/>).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static string Text(in RawCommandElement e, bool trimStart)
    {
        var span = e.Value.Span;
        var end = span.Length;
        while (end > 0 && (span[end - 1] == 0 || span[end - 1] == (byte)' ')) end--;
        var start = 0;
        if (trimStart) while (start < end && span[start] == (byte)' ') start++;
        var chars = new char[end - start];
        for (var i = start; i < end; i++) chars[i - start] = (char)span[i];
        return new string(chars);
    }

    /// <summary>AT values, or null (with an error) when the length is not a multiple of 4.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static IReadOnlyList<uint>? AT(in RawCommandElement e, string citation, List<DimseFieldError> errors)
    {
        if (e.Value.Length % 4 != 0)
        {
            errors.Add(new DimseFieldError(DimseErrorKind.Malformed, e.Tag, citation, $"value length {e.Value.Length} is not a multiple of 4 (AT)"));
            return null;
        }
        var span = e.Value.Span;
        var tags = new uint[span.Length / 4];
        for (var i = 0; i < tags.Length; i++)
        {
            tags[i] = (uint)BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(4 * i)) << 16
                | BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(4 * i + 2));
        }
        return tags;
    }

    /// <summary>True when every character is 7-bit ASCII (the command set's default repertoire).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static bool IsAscii(string value)
    {
        foreach (var c in value) if (c > '\u007f') return false;
        return true;
    }
}

/// <summary>A DIMSE message: its command set fields (typed properties in each generated subclass),
/// command-set encoding and decoding, and validation against its message field table.</summary>
/// <remarks>PS3.7 6.3, 9.3 and 10.3 (2013)</remarks>
public abstract partial class DimseMessage
{
    /// <summary>Command Field (0000,0100) of this message.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public abstract CommandField CommandField { get; }

    /// <summary>The standard's name of the message, e.g. "C-ECHO-RQ".</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public abstract string Title { get; }

    /// <summary>True for response messages (-RSP).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public abstract bool IsResponse { get; }

    /// <summary>Command Data Set Type (0000,0800): <see cref="Dimse.CommandDataSetType.Null"/> when no data set follows.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public CommandDataSetType CommandDataSetType { get; set; } = CommandDataSetType.Null;

    /// <summary>True when a data set follows the command set (any value of Command Data Set Type but Null).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public bool HasDataSet
    {
        get => CommandDataSetType != CommandDataSetType.Null;
        set => CommandDataSetType = value ? CommandDataSetType.Present : CommandDataSetType.Null;
    }

    /// <summary>Elements the message table has no field for, kept from decoding and written back in tag order.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public List<RawCommandElement> UnknownElements { get; } = new List<RawCommandElement>();

    /// <summary>Every rule of the message table this message breaks (empty when it may be sent).</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public IReadOnlyList<DimseFieldError> Validate()
    {
        var errors = new List<DimseFieldError>();
        Validate(errors);
        foreach (var e in UnknownElements)
        {
            if (e.Tag > 0xFFFF || IsField(e.Tag))
                errors.Add(new DimseFieldError(DimseErrorKind.NotPermitted, e.Tag, $STRUCTURE$,
                    $"unknown element ({e.Tag >> 16:X4},{e.Tag & 0xFFFF:X4}) is not a group 0000 element or duplicates a field"));
        }
        return errors;
    }

    /// <summary>Adds the broken rules of this message's table.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    protected abstract void Validate(List<DimseFieldError> errors);

    /// <summary>True when the message table has a field with this tag.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    protected abstract bool IsField(uint tag);

    /// <summary>Bytes after the Command Group Length element.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    protected abstract int GroupValueLength();

    /// <summary>Writes every element after Command Group Length, in ascending tag order.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    protected abstract void WriteElements(ref CommandSetWriter writer);

    /// <summary>The size of the encoded command set.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public int EncodedLength => CommandSetWriter.SizeOfUL + GroupValueLength();

    /// <summary>Encodes the command set: Command Group Length (computed) then the elements in ascending
    /// tag order. Throws <see cref="DimseException"/> when the message breaks a rule of its table.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public void Encode(IBufferWriter<byte> output)
    {
        var errors = Validate();
        if (errors.Count > 0) throw new DimseException(errors);
        UnknownElements.Sort((a, b) => a.Tag.CompareTo(b.Tag));
        var writer = new CommandSetWriter(output, UnknownElements);
        writer.UL(CommandElement.CommandGroupLength, (uint)GroupValueLength());
        WriteElements(ref writer);
        writer.FlushUnknown(uint.MaxValue);
    }

    /// <summary>Encodes the command set into a new array.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public byte[] ToArray()
    {
        var buffer = new ArrayBufferWriter<byte>(EncodedLength);
        Encode(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes a command set; throws <see cref="DimseException"/> listing every broken rule.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static DimseMessage Decode(ReadOnlySequence<byte> commandSet)
        => TryDecode(commandSet, out var message, out var errors) ? message : throw new DimseException(errors);

    /// <summary>Decodes a command set: checks its structure and group length, dispatches on Command Field
    /// (0000,0100), reads the fields by tag (keeping unknown ones) and validates the message.</summary>
    /// <remarks>PS3.7 6.3.1 (2013)</remarks>
    public static bool TryDecode(ReadOnlySequence<byte> commandSet, [NotNullWhen(true)] out DimseMessage? message, out IReadOnlyList<DimseFieldError> errors)
    {
        var list = new List<DimseFieldError>();
        errors = list;
        message = null;
        // Command sets are small: one copy, and every element value is a slice of it.
        var buffer = commandSet.ToArray();
        var elements = new List<RawCommandElement>();
        var offset = 0;
        while (offset < buffer.Length)
        {
            if (buffer.Length - offset < CommandSetWriter.HeaderLength)
            {
                list.Add(new DimseFieldError(DimseErrorKind.Malformed, null, $STRUCTURE$, $"{buffer.Length - offset} bytes at offset {offset} are too few for an element header"));
                return false;
            }
            var group = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset));
            var number = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 2));
            var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 4));
            var tag = (uint)group << 16 | number;
            if (group != 0)
            {
                list.Add(new DimseFieldError(DimseErrorKind.Malformed, tag, $STRUCTURE$, $"element ({group:X4},{number:X4}) at offset {offset} is not a command element (group 0000)"));
                return false;
            }
            if (length > (uint)(buffer.Length - offset - CommandSetWriter.HeaderLength))
            {
                list.Add(new DimseFieldError(DimseErrorKind.Malformed, tag, $STRUCTURE$, $"value length {length} of (0000,{number:X4}) runs past the end of the command set"));
                return false;
            }
            if (elements.Count > 0 && tag <= elements[elements.Count - 1].Tag)
            {
                list.Add(new DimseFieldError(DimseErrorKind.Malformed, tag, $STRUCTURE$, $"(0000,{number:X4}) is out of ascending tag order or occurs twice"));
                return false;
            }
            elements.Add(new RawCommandElement(tag, new ReadOnlyMemory<byte>(buffer, offset + CommandSetWriter.HeaderLength, (int)length)));
            offset += CommandSetWriter.HeaderLength + (int)length;
        }

        if (elements.Count == 0 || elements[0].Tag != CommandElement.CommandGroupLength)
        {
            list.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandGroupLength, $GROUPLENGTH$, "the command set does not start with Command Group Length"));
            return false;
        }
        var groupLength = CommandSetReader.UL(elements[0], $GROUPLENGTH$, list);
        if (groupLength == null) return false;
        if (groupLength.Value != (uint)(buffer.Length - CommandSetWriter.SizeOfUL))
        {
            list.Add(new DimseFieldError(DimseErrorKind.InvalidValue, CommandElement.CommandGroupLength, $GROUPLENGTH$, $"value {groupLength.Value} does not match the {buffer.Length - CommandSetWriter.SizeOfUL} bytes that follow it"));
            return false;
        }

        var field = elements.Find(e => e.Tag == CommandElement.CommandField);
        if (field.Tag != CommandElement.CommandField)
        {
            list.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandField, $COMMANDFIELD$, "missing"));
            return false;
        }
        var commandField = CommandSetReader.US(field, $COMMANDFIELD$, list);
        if (commandField == null) return false;
        var decoded = Dispatch(commandField.Value, elements, list);
        if (decoded == null)
        {
            list.Add(new DimseFieldError(DimseErrorKind.UnknownCommand, CommandElement.CommandField, $COMMANDFIELD$, $"0x{commandField.Value:X4} is not a DIMSE command"));
            return false;
        }
        if (!elements.Exists(e => e.Tag == CommandElement.CommandDataSetType))
        {
            list.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandDataSetType, $DATASETTYPE$, "missing"));
        }
        // A malformed value would also show as a missing field: report the cause only.
        if (list.Count > 0) return false;
        list.AddRange(decoded.Validate());
        if (list.Count > 0) return false;
        message = decoded;
        return true;
    }
}
""";
    }
}
