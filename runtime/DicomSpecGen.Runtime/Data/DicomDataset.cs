using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.IO.Compression;
using System.Text;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Data;

/// <summary>An in-memory Data Set for small data (command sets, query identifiers, meta information):
/// elements kept in tag order with little endian values. Large objects should be streamed with
/// <see cref="DicomStreamReader"/>/<see cref="DicomStreamWriter"/> instead.</summary>
public sealed class DicomDataset : IEnumerable<DicomItem>
{
    private readonly SortedList<uint, DicomItem> _items = new();

    public int Count => _items.Count;

    public bool Contains(DicomTag tag) => _items.ContainsKey(tag.Value);

    public bool TryGet(DicomTag tag, out DicomItem item)
    {
        var found = _items.TryGetValue(tag.Value, out var value);
        item = value!;
        return found;
    }

    public DicomItem? this[DicomTag tag] => _items.TryGetValue(tag.Value, out var item) ? item : null;

    /// <summary>Adds or replaces an entry.</summary>
    public DicomDataset Set(DicomItem item)
    {
        _items[item.Tag.Value] = item;
        return this;
    }

    public bool Remove(DicomTag tag) => _items.Remove(tag.Value);

    /// <summary>Sets a raw value (little endian).</summary>
    public DicomDataset SetBytes(DicomTag tag, DicomVr vr, ReadOnlyMemory<byte> value) => Set(new DicomElement(tag, vr, value));

    /// <summary>Sets a text value with the dictionary's VR; several values are joined with "\" (PS3.5 Section 6.4).</summary>
    public DicomDataset SetString(DicomTag tag, params string[] values) => SetString(tag, DictionaryVr(tag), values);

    public DicomDataset SetString(DicomTag tag, DicomVr vr, params string[] values)
    {
        var text = string.Join('\\', values);
        var bytes = Latin1.GetBytes(text);
        return SetBytes(tag, vr, bytes);
    }

    /// <summary>The text value with trailing padding removed (spaces and NULs, PS3.5 Section 6.2), or null.</summary>
    public string? GetString(DicomTag tag)
    {
        if (this[tag] is not DicomElement element) return null;
        return Latin1.GetString(element.Value.Span).TrimEnd(' ', '\0');
    }

    /// <summary>The values of a multi-valued text element.</summary>
    public string[] GetStrings(DicomTag tag) => GetString(tag)?.Split('\\') ?? Array.Empty<string>();

    public DicomDataset SetUInt16(DicomTag tag, params ushort[] values) => SetNumbers(tag, DicomVr.US, values, 2, (s, v) => BinaryPrimitives.WriteUInt16LittleEndian(s, v));

    public DicomDataset SetUInt32(DicomTag tag, params uint[] values) => SetNumbers(tag, DicomVr.UL, values, 4, (s, v) => BinaryPrimitives.WriteUInt32LittleEndian(s, v));

    public DicomDataset SetInt16(DicomTag tag, params short[] values) => SetNumbers(tag, DicomVr.SS, values, 2, (s, v) => BinaryPrimitives.WriteInt16LittleEndian(s, v));

    public DicomDataset SetInt32(DicomTag tag, params int[] values) => SetNumbers(tag, DicomVr.SL, values, 4, (s, v) => BinaryPrimitives.WriteInt32LittleEndian(s, v));

    public DicomDataset SetFloat64(DicomTag tag, params double[] values) => SetNumbers(tag, DicomVr.FD, values, 8, (s, v) => BinaryPrimitives.WriteDoubleLittleEndian(s, v));

    public ushort? GetUInt16(DicomTag tag, int index = 0) => Number(tag, index, 2, s => BinaryPrimitives.ReadUInt16LittleEndian(s));

    public uint? GetUInt32(DicomTag tag, int index = 0) => Number(tag, index, 4, s => BinaryPrimitives.ReadUInt32LittleEndian(s));

    public short? GetInt16(DicomTag tag, int index = 0) => Number(tag, index, 2, s => BinaryPrimitives.ReadInt16LittleEndian(s));

    public int? GetInt32(DicomTag tag, int index = 0) => Number(tag, index, 4, s => BinaryPrimitives.ReadInt32LittleEndian(s));

    public double? GetFloat64(DicomTag tag, int index = 0) => Number(tag, index, 8, s => BinaryPrimitives.ReadDoubleLittleEndian(s));

    public DicomSequence? GetSequence(DicomTag tag) => this[tag] as DicomSequence;

    /// <summary>Adds a sequence (replacing any entry with the tag) and returns it.</summary>
    public DicomSequence AddSequence(DicomTag tag, params DicomDataset[] items)
    {
        var sequence = new DicomSequence(tag);
        sequence.Items.AddRange(items);
        Set(sequence);
        return sequence;
    }

    public IEnumerator<DicomItem> GetEnumerator() => _items.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static readonly Encoding Latin1 = Encoding.Latin1;

    private static DicomVr DictionaryVr(DicomTag tag)
        => DicomDictionary.TryLookup(tag.Value, out var entry) && entry.Vr != DicomVr.None ? entry.Vr
            : throw new ArgumentException($"{tag} is not in the data dictionary; give its VR", nameof(tag));

    private DicomDataset SetNumbers<T>(DicomTag tag, DicomVr vr, T[] values, int size, SpanAction<T> write)
    {
        if (DicomDictionary.TryLookup(tag.Value, out var entry) && entry.Vrs.Count == 1 && DicomVrs.ValueSize(entry.Vr) == size) vr = entry.Vr;
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++) write(bytes.AsSpan(i * size), values[i]);
        return SetBytes(tag, vr, bytes);
    }

    private T? Number<T>(DicomTag tag, int index, int size, SpanFunc<T> read) where T : struct
    {
        if (this[tag] is not DicomElement element) return null;
        var span = element.Value.Span;
        if ((index + 1) * size > span.Length) return null;
        return read(span.Slice(index * size));
    }

    private delegate void SpanAction<T>(Span<byte> span, T value);

    private delegate T SpanFunc<T>(ReadOnlySpan<byte> span);

    /// <summary>Reads the rest of the reader's current level (the whole Data Set at depth 0, or the current item)
    /// into memory, large values included.</summary>
    public static async ValueTask<DicomDataset> ReadAsync(DicomStreamReader reader, CancellationToken cancellationToken = default)
    {
        var dataset = new DicomDataset();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (reader.Token)
            {
                case DicomReaderToken.Element:
                    dataset.Set(new DicomElement(reader.Tag, reader.Vr, await reader.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false)));
                    break;
                case DicomReaderToken.SequenceStart:
                    dataset.Set(await ReadSequenceAsync(reader, cancellationToken).ConfigureAwait(false));
                    break;
                case DicomReaderToken.FragmentsStart:
                    var fragments = new DicomFragments(reader.Tag, reader.Vr);
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.Token == DicomReaderToken.Fragment)
                        fragments.Fragments.Add(await reader.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false));
                    dataset.Set(fragments);
                    break;
                case DicomReaderToken.ItemEnd:
                    return dataset;
                default:
                    throw new DicomDataException($"unexpected {reader.Token}", reader.Tag, reader.Position, "PS3.5 Section 7.5");
            }
        }
        return dataset;
    }

    private static async ValueTask<DicomSequence> ReadSequenceAsync(DicomStreamReader reader, CancellationToken cancellationToken)
    {
        var sequence = new DicomSequence(reader.Tag);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.Token == DicomReaderToken.SequenceEnd) return sequence;
            // The reader only yields ItemStart here; anything else is rejected by it.
            sequence.Items.Add(await ReadAsync(reader, cancellationToken).ConfigureAwait(false));
        }
        return sequence;
    }

    /// <summary>Encodes every entry.</summary>
    public void Write(DicomBufferWriter writer)
    {
        foreach (var item in _items.Values)
        {
            switch (item)
            {
                case DicomElement e:
                    writer.WriteElement(e.Tag, e.Vr, e.Value.Span);
                    break;
                case DicomSequence s:
                    writer.BeginSequence(s.Tag);
                    foreach (var child in s.Items)
                    {
                        writer.BeginItem();
                        child.Write(writer);
                        writer.EndItem();
                    }
                    writer.EndSequence();
                    break;
                case DicomFragments f:
                    writer.BeginFragments(f.Tag, f.Vr);
                    foreach (var fragment in f.Fragments) writer.WriteFragment(fragment.Span);
                    writer.EndFragments();
                    break;
            }
        }
    }

    public async ValueTask WriteAsync(DicomStreamWriter writer, CancellationToken cancellationToken = default)
    {
        Write(writer.Buffer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Encodes to bytes (e.g. for a P-DATA PDV); a deflated transfer syntax is deflated (PS3.5 Section A.5).</summary>
    public void Encode(IBufferWriter<byte> output, TransferSyntax transferSyntax)
    {
        if (!transferSyntax.IsDeflated)
        {
            Write(new DicomBufferWriter(output, DicomEncoding.Of(transferSyntax)));
            return;
        }
        var plain = new ArrayBufferWriter<byte>();
        Write(new DicomBufferWriter(plain, DicomEncoding.Of(transferSyntax)));
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true))
            deflate.Write(plain.WrittenSpan);
        output.Write(deflated.GetBuffer().AsSpan(0, (int)deflated.Length));
    }

    public byte[] Encode(TransferSyntax transferSyntax)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Encode(buffer, transferSyntax);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes an in-memory Data Set (inflating a deflated one).</summary>
    public static DicomDataset Decode(ReadOnlySequence<byte> data, TransferSyntax transferSyntax)
    {
        var options = new DicomReaderOptions(MaxInlineValueLength: int.MaxValue);
        var reader = transferSyntax.IsDeflated
            ? new DicomStreamReader(new MemoryStream(data.ToArray()), transferSyntax, options)
            : new DicomStreamReader(data, transferSyntax, options);
        try
        {
            // Readers over memory never wait, so the value tasks complete synchronously.
            var task = ReadAsync(reader);
            return task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public static DicomDataset Decode(ReadOnlyMemory<byte> data, TransferSyntax transferSyntax) => Decode(new ReadOnlySequence<byte>(data), transferSyntax);
}
