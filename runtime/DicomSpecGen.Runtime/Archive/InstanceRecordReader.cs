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
        var values = new Dictionary<uint, string>();
        var data = reader.Dataset;
        while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (data.Depth != 0) continue;
            if (data.Tag.Value > IndexedAttributes.LastTag) break;
            if (data.Token != DicomReaderToken.Element || IndexedAttributes.ByTag(data.Tag.Value) == null) continue;
            var bytes = data.IsValueLoaded ? data.Value.ToArray() : await data.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false);
            values[data.Tag.Value] = Encoding.Latin1.GetString(bytes).TrimEnd(' ', '\0').TrimStart(' ');
        }
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
            SopInstanceUid = Get(DicomTags.SOPInstanceUID) ?? reader.Meta.MediaStorageSopInstanceUid,
            SopClassUid = Get(DicomTags.SOPClassUID) ?? reader.Meta.MediaStorageSopClassUid,
            InstanceNumber = Get(DicomTags.InstanceNumber),
            TransferSyntaxUid = reader.Meta.TransferSyntaxUid,
            RelativePath = relativePath,
            Size = size,
        };
    }
}
