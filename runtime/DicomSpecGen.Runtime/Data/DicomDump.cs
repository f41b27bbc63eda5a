using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>A text dump of a Data Set in the layout of DCMTK's dcmdump (tag, VR, value, then "# length, keyword"),
/// for logs and for comparing our decoding with DCMTK's. Streams: large values are shown by length only.</summary>
public static class DicomDump
{
    /// <summary>Values longer than this many bytes are not shown (the reader streams them past).</summary>
    public const int MaxShownValueLength = 64 * 1024;

    public static async ValueTask WriteAsync(DicomStreamReader reader, TextWriter output, CancellationToken cancellationToken = default)
    {
        var indent = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (reader.Token)
            {
                case DicomReaderToken.Element:
                    var value = reader.IsValueLoaded || reader.Length <= MaxShownValueLength
                        ? Value(reader.Vr, await reader.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false))
                        : $"(not loaded, {reader.Length} bytes)";
                    Line(output, indent, reader.Tag, DicomVrs.Code(reader.Vr), value, reader.Length);
                    break;
                case DicomReaderToken.SequenceStart:
                    Line(output, indent++, reader.Tag, "SQ", "(Sequence)", reader.Length);
                    break;
                case DicomReaderToken.ItemStart:
                    Line(output, indent++, reader.Tag, "na", "(Item)", reader.Length);
                    break;
                case DicomReaderToken.ItemEnd:
                    Line(output, --indent, DicomTag.ItemDelimitation, "na", "(ItemDelimitationItem)", 0);
                    break;
                case DicomReaderToken.SequenceEnd:
                case DicomReaderToken.FragmentsEnd:
                    Line(output, --indent, DicomTag.SequenceDelimitation, "na", "(SequenceDelimitationItem)", 0);
                    break;
                case DicomReaderToken.FragmentsStart:
                    Line(output, indent++, reader.Tag, DicomVrs.Code(reader.Vr), "(PixelSequence)", -1);
                    break;
                case DicomReaderToken.Fragment:
                    var fragment = reader.Length <= MaxShownValueLength ? Value(DicomVr.OB, await reader.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false)) : $"(not loaded, {reader.Length} bytes)";
                    Line(output, indent, reader.Tag, "pi", fragment, reader.Length);
                    break;
            }
        }
    }

    /// <summary>The dump of a Data Set held in memory.</summary>
    public static string Format(DicomDataset dataset)
    {
        var bytes = dataset.Encode(TransferSyntax.ExplicitVRLittleEndian);
        var reader = new DicomStreamReader(new System.Buffers.ReadOnlySequence<byte>(bytes), TransferSyntax.ExplicitVRLittleEndian);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteAsync(reader, text).AsTask().GetAwaiter().GetResult();
        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return text.ToString();
    }

    private static void Line(TextWriter output, int indent, DicomTag tag, string vr, string value, long length)
    {
        var keyword = tag.Group == DicomHeaderCodec.ItemGroup ? "" : DicomDictionary.TryLookup(tag.Value, out var entry) ? entry.Keyword : tag.IsPrivate ? "PrivateTag" : "Unknown";
        output.Write(new string(' ', indent * 2));
        output.Write($"({tag.Group:x4},{tag.Element:x4}) {vr} {value}");
        output.WriteLine(length < 0 ? $" # u/l {keyword}".TrimEnd() : $" # {length} {keyword}".TrimEnd());
    }

    /// <summary>A value as dcmdump shows it: text in brackets, numbers separated by "\", bytes and words in hex.</summary>
    public static string Value(DicomVr vr, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return "(no value available)";
        switch (DicomVrs.Kind(vr))
        {
            case DicomVrKind.Text:
                return "[" + Encoding.Latin1.GetString(value).TrimEnd(' ', '\0') + "]";
            case DicomVrKind.Binary:
                return Numbers(vr, value);
            default:
                var unit = vr == DicomVr.OW ? 2 : 1;
                var sb = new StringBuilder();
                for (var i = 0; i + unit <= value.Length; i += unit)
                {
                    if (i > 0) sb.Append('\\');
                    sb.Append(unit == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(value.Slice(i)).ToString("x4", CultureInfo.InvariantCulture) : value[i].ToString("x2", CultureInfo.InvariantCulture));
                }
                return sb.ToString();
        }
    }

    private static string Numbers(DicomVr vr, ReadOnlySpan<byte> value)
    {
        var size = DicomVrs.ValueSize(vr);
        var parts = new List<string>();
        for (var i = 0; i + size <= value.Length; i += size)
        {
            var v = value.Slice(i, size);
            parts.Add(vr switch
            {
                DicomVr.US => BinaryPrimitives.ReadUInt16LittleEndian(v).ToString(CultureInfo.InvariantCulture),
                DicomVr.SS => BinaryPrimitives.ReadInt16LittleEndian(v).ToString(CultureInfo.InvariantCulture),
                DicomVr.UL => BinaryPrimitives.ReadUInt32LittleEndian(v).ToString(CultureInfo.InvariantCulture),
                DicomVr.SL => BinaryPrimitives.ReadInt32LittleEndian(v).ToString(CultureInfo.InvariantCulture),
                DicomVr.UV => BinaryPrimitives.ReadUInt64LittleEndian(v).ToString(CultureInfo.InvariantCulture),
                DicomVr.SV => BinaryPrimitives.ReadInt64LittleEndian(v).ToString(CultureInfo.InvariantCulture),
                DicomVr.FL => BinaryPrimitives.ReadSingleLittleEndian(v).ToString("G9", CultureInfo.InvariantCulture),
                DicomVr.FD => BinaryPrimitives.ReadDoubleLittleEndian(v).ToString("G17", CultureInfo.InvariantCulture),
                DicomVr.AT => $"({BinaryPrimitives.ReadUInt16LittleEndian(v):x4},{BinaryPrimitives.ReadUInt16LittleEndian(v.Slice(2)):x4})",
                _ => Convert.ToHexString(v),
            });
        }
        return string.Join('\\', parts);
    }
}
