// Fixed part of the DIMSE command-set codec (PS3.7 6.3.1): the same for every edition of the tables,
// so it is real code; the generator adds the message classes and the dispatch on Command Field.
using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace DicomSpecGen.Dimse
{
    /// <summary>A DIMSE message: its command set fields (typed properties in each generated subclass),
    /// command-set encoding and decoding, and validation against its message field table.</summary>
    /// <remarks>PS3.7 6.3, 9.3 and 10.3 (2013)</remarks>
    public abstract partial class DimseMessage
    {
        /// <summary>The row every structural rule of a command set cites.</summary>
        /// <remarks>PS3.7 6.3.1 (2013): command elements are tag, 32-bit length, value; little endian; ascending; once each.</remarks>
        private const string StructureCitation = "PS3.7 6.3.1 (2013)";

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

        /// <summary>Creates the response that answers this request with the given Status, taking from the request the
        /// fields the response table makes equal to it. Each request with a response overrides this (generated from
        /// messages.yaml) with its typed response; responses and C-CANCEL-RQ have none.</summary>
        /// <remarks>PS3.7 9.3 and 10.3 (2013)</remarks>
        public virtual DimseMessage CreateResponse(ushort status)
            => throw new NotSupportedException($"{Title} has no response");

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
                    errors.Add(new DimseFieldError(DimseErrorKind.NotPermitted, e.Tag, StructureCitation,
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
                    list.Add(new DimseFieldError(DimseErrorKind.Malformed, null, StructureCitation, $"{buffer.Length - offset} bytes at offset {offset} are too few for an element header"));
                    return false;
                }
                var group = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset));
                var number = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset + 2));
                var length = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset + 4));
                var tag = (uint)group << 16 | number;
                if (group != 0)
                {
                    list.Add(new DimseFieldError(DimseErrorKind.Malformed, tag, StructureCitation, $"element ({group:X4},{number:X4}) at offset {offset} is not a command element (group 0000)"));
                    return false;
                }
                if (length > (uint)(buffer.Length - offset - CommandSetWriter.HeaderLength))
                {
                    list.Add(new DimseFieldError(DimseErrorKind.Malformed, tag, StructureCitation, $"value length {length} of (0000,{number:X4}) runs past the end of the command set"));
                    return false;
                }
                if (elements.Count > 0 && tag <= elements[elements.Count - 1].Tag)
                {
                    list.Add(new DimseFieldError(DimseErrorKind.Malformed, tag, StructureCitation, $"(0000,{number:X4}) is out of ascending tag order or occurs twice"));
                    return false;
                }
                elements.Add(new RawCommandElement(tag, new ReadOnlyMemory<byte>(buffer, offset + CommandSetWriter.HeaderLength, (int)length)));
                offset += CommandSetWriter.HeaderLength + (int)length;
            }

            if (elements.Count == 0 || elements[0].Tag != CommandElement.CommandGroupLength)
            {
                list.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandGroupLength, CommandGroupLengthCitation, "the command set does not start with Command Group Length"));
                return false;
            }
            var groupLength = CommandSetReader.UL(elements[0], CommandGroupLengthCitation, list);
            if (groupLength == null) return false;
            if (groupLength.Value != (uint)(buffer.Length - CommandSetWriter.SizeOfUL))
            {
                list.Add(new DimseFieldError(DimseErrorKind.InvalidValue, CommandElement.CommandGroupLength, CommandGroupLengthCitation, $"value {groupLength.Value} does not match the {buffer.Length - CommandSetWriter.SizeOfUL} bytes that follow it"));
                return false;
            }

            var field = elements.Find(e => e.Tag == CommandElement.CommandField);
            if (field.Tag != CommandElement.CommandField)
            {
                list.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandField, CommandFieldCitation, "missing"));
                return false;
            }
            var commandField = CommandSetReader.US(field, CommandFieldCitation, list);
            if (commandField == null) return false;
            var decoded = Dispatch(commandField.Value, elements, list);
            if (decoded == null)
            {
                list.Add(new DimseFieldError(DimseErrorKind.UnknownCommand, CommandElement.CommandField, CommandFieldCitation, $"0x{commandField.Value:X4} is not a DIMSE command"));
                return false;
            }
            if (!elements.Exists(e => e.Tag == CommandElement.CommandDataSetType))
            {
                list.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandDataSetType, CommandDataSetTypeCitation, "missing"));
            }
            // A malformed value would also show as a missing field: report the cause only.
            if (list.Count > 0) return false;
            list.AddRange(decoded.Validate());
            if (list.Count > 0) return false;
            message = decoded;
            return true;
        }
    }
}
