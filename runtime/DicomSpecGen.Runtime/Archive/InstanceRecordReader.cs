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
        Dictionary<uint, string> values;
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

    private static async Task<(Dictionary<uint, string> Values, bool PassedLast)> ReadValuesAsync(DicomStreamReader data, CancellationToken cancellationToken)
    {
        var values = new Dictionary<uint, string>();
        while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (data.Depth != 0) continue;
            if (data.Tag.Value > IndexedAttributes.LastTag) return (values, true);
            if (data.Token != DicomReaderToken.Element || IndexedAttributes.ByTag(data.Tag.Value) == null) continue;
            var bytes = data.IsValueLoaded ? data.Value.ToArray() : await data.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false);
            values[data.Tag.Value] = Encoding.Latin1.GetString(bytes).TrimEnd(' ', '\0').TrimStart(' ');
        }
        return (values, false);
    }

    private static InstanceRecord Build(Dictionary<uint, string> values, DicomFileMeta meta, string relativePath, long size)
    {
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
        };
    }
}
