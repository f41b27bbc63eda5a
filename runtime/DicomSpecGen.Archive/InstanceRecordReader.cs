using System.Buffers;
using System.Text;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Archive;

/// <summary>Reads the indexed attributes from the top level of a stored file, stopping after the last indexed
/// tag, so pixel data is never read.</summary>
public static class InstanceRecordReader
{
    public static async Task<InstanceRecord> ReadAsync(Stream file, string relativePath, long size, CancellationToken cancellationToken)
    {
        await using var reader = await DicomFileReader.OpenAsync(file, leaveOpen: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var (values, _) = await ReadValuesAsync(reader.Dataset, cancellationToken).ConfigureAwait(false);
        return Build(values, reader.Meta, relativePath, size);
    }

    /// <summary>The record from the first bytes of a data set (no File Meta Information) held in memory; null when
    /// <paramref name="truncated"/> and the bytes end before the last indexed tag (then read the file instead).</summary>
    public static async Task<InstanceRecord?> TryReadDataSetAsync(ReadOnlyMemory<byte> dataSet, bool truncated, DicomFileMeta meta,
        string relativePath, long size, CancellationToken cancellationToken)
    {
        if (!TransferSyntax.TryGet(meta.TransferSyntaxUid, out var ts) || ts.IsDeflated) return null;
        await using var reader = new DicomStreamReader(new ReadOnlySequence<byte>(dataSet), ts);
        Values values;
        bool passedLast;
        try
        {
            (values, passedLast) = await ReadValuesAsync(reader, cancellationToken).ConfigureAwait(false);
        }
        catch (DicomDataException) when (truncated)
        {
            // The prefix ends inside an element: the file has the rest.
            return null;
        }
        if (truncated && !passedLast) return null;
        return Build(values, meta, relativePath, size);
    }

    private sealed class Values
    {
        public readonly Dictionary<uint, string> Top = new();
        public readonly Dictionary<uint, List<IReadOnlyDictionary<uint, string>>> Items = new();
    }

    /// <summary>The indexed top-level elements and the item keys of the indexed sequences (one level deep).</summary>
    private static async Task<(Values Values, bool PassedLast)> ReadValuesAsync(DicomStreamReader data, CancellationToken cancellationToken)
    {
        var values = new Values();
        IndexedAttributes.Sequence? sequence = null;
        Dictionary<uint, string>? item = null;
        while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (data.Token)
            {
                case DicomReaderToken.SequenceStart when data.Depth == 1:
                    if (data.Tag.Value > IndexedAttributes.LastTag) return (values, true);
                    sequence = IndexedAttributes.SequenceByTag(data.Tag.Value);
                    if (sequence != null) values.Items[sequence.Tag] = [];
                    continue;
                case DicomReaderToken.SequenceEnd when data.Depth == 0:
                    sequence = null;
                    continue;
                case DicomReaderToken.ItemStart when data.Depth == 2 && sequence != null:
                    item = new Dictionary<uint, string>();
                    values.Items[sequence.Tag].Add(item);
                    continue;
                case DicomReaderToken.Element when data.Depth == 2 && sequence != null && item != null:
                    if (sequence.HasItemKey(data.Tag.Value))
                        item[data.Tag.Value] = data.IsValueLoaded ? Text(data.Value.Span) : await TextAsync(data, cancellationToken).ConfigureAwait(false);
                    continue;
                case DicomReaderToken.Element or DicomReaderToken.FragmentsStart when data.Depth <= 1:
                    // Depth 1 here is encapsulated pixel data's own frame.
                    if (data.Tag.Value > IndexedAttributes.LastTag) return (values, true);
                    if (data.Token == DicomReaderToken.Element && IndexedAttributes.ByTag(data.Tag.Value) != null)
                        values.Top[data.Tag.Value] = data.IsValueLoaded ? Text(data.Value.Span) : await TextAsync(data, cancellationToken).ConfigureAwait(false);
                    continue;
            }
        }
        return (values, false);
    }

    /// <summary>A value not yet in memory (read from the stream); a loaded one is decoded in place (<see cref="Text"/>).</summary>
    private static async Task<string> TextAsync(DicomStreamReader data, CancellationToken cancellationToken)
        => Text(await data.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The value as text without its padding (trailing spaces and NULs, leading spaces): trimmed as bytes,
    /// so one string is made.</summary>
    private static string Text(ReadOnlySpan<byte> value)
    {
        value = value.TrimEnd(" \0"u8).TrimStart((byte)' ');
        return Encoding.Latin1.GetString(value);
    }

    private static InstanceRecord Build(Values read, DicomFileMeta meta, string relativePath, long size)
    {
        var values = read.Top;
        string? Get(uint tag) => values.TryGetValue(tag, out var v) && v.Length > 0 ? v : null;
        string Required(uint tag, string name) => Get(tag) ?? throw new DicomDataException($"the data set has no {name}, which the archive index needs", new DicomTag(tag), 0, "PS3.4 C.6.1.1");
        return new InstanceRecord
        {
            PatientId = Get(DicomTags.PatientID) ?? "",
            PatientName = Get(DicomTags.PatientName),
            PatientBirthDate = Get(DicomTags.PatientBirthDate),
            PatientSex = Get(DicomTags.PatientSex),
            StudyInstanceUid = Required(DicomTags.StudyInstanceUID, "Study Instance UID"),
            StudyDate = Get(DicomTags.StudyDate),
            StudyTime = Get(DicomTags.StudyTime),
            AccessionNumber = Get(DicomTags.AccessionNumber),
            StudyId = Get(DicomTags.StudyID),
            StudyDescription = Get(DicomTags.StudyDescription),
            SeriesInstanceUid = Required(DicomTags.SeriesInstanceUID, "Series Instance UID"),
            Modality = Get(DicomTags.Modality),
            SeriesNumber = Get(DicomTags.SeriesNumber),
            SeriesDescription = Get(DicomTags.SeriesDescription),
            SopInstanceUid = Get(DicomTags.SOPInstanceUID) ?? meta.MediaStorageSopInstanceUid,
            SopClassUid = Get(DicomTags.SOPClassUID) ?? meta.MediaStorageSopClassUid,
            InstanceNumber = Get(DicomTags.InstanceNumber),
            TransferSyntaxUid = meta.TransferSyntaxUid,
            RelativePath = relativePath,
            Size = size,
            SequenceItems = read.Items.ToDictionary(p => p.Key, p => (IReadOnlyList<IReadOnlyDictionary<uint, string>>)p.Value),
        };
    }
}
