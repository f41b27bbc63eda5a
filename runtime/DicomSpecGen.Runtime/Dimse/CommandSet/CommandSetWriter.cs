// Fixed part of the DIMSE command-set codec (PS3.7 6.3.1): the same for every edition of the tables,
// so it is real code; the generator adds the message classes and the dispatch on Command Field.
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace DicomSpecGen.Dimse
{
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
}
