// Fixed part of the DIMSE command-set codec (PS3.7 6.3.1): the same for every edition of the tables,
// so it is real code; the generator adds the message classes and the dispatch on Command Field.
using System.Buffers.Binary;
using System.Collections.Generic;

namespace DicomSpecGen.Dimse
{
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
}
