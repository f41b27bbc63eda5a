using System.Text;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Audit;

/// <summary>The patient and study of Part 10 files, for the messages of an SCU that sent them.</summary>
public static class AuditFiles
{
    /// <summary>Reads the top-level elements up to Study Instance UID; null for a file that cannot be read.</summary>
    public static async Task<AuditInstance?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            await using var file = await DicomFileReader.OpenAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var data = file.Dataset;
            var values = new Dictionary<uint, string>();
            while (await data.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (data.Depth > 0 || data.Token != DicomReaderToken.Element) continue;
                if (data.Tag.Value > DicomTags.StudyInstanceUID) break;
                if (data.Tag.Value is DicomTags.SOPClassUID or DicomTags.SOPInstanceUID or DicomTags.PatientName or DicomTags.PatientID or DicomTags.StudyInstanceUID)
                {
                    var bytes = data.IsValueLoaded ? data.Value.ToArray() : await data.ReadValueToArrayAsync(cancellationToken).ConfigureAwait(false);
                    values[data.Tag.Value] = Encoding.Latin1.GetString(bytes).Trim(' ', '\0');
                }
            }
            string Get(uint tag) => values.TryGetValue(tag, out var v) && v.Length > 0 ? v : "unknown";
            return new AuditInstance(Get(DicomTags.SOPClassUID), Get(DicomTags.SOPInstanceUID), Get(DicomTags.StudyInstanceUID), Get(DicomTags.PatientID),
                values.GetValueOrDefault(DicomTags.PatientName));
        }
        catch (Exception e) when (e is DicomDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
