using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>Writes small CT instances as Part 10 files with the data layer's writer.</summary>
internal static class TestFiles
{
    public sealed record Instance(string Path, string SopInstanceUid, string StudyUid, string SeriesUid, string PatientId);

    public static string TempDir()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dsg-rt-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static async Task<List<Instance>> CreateAsync(string dir, int count, string patientId = "PID1", string patientName = "DOE^JANE",
        string? studyUid = null, int pixelBytes = 512, string transferSyntax = DicomUids.ExplicitVRLittleEndian, string modality = "CT", string studyDate = "20240105")
    {
        var root = "1.2.826.0.1.3680043.10.543." + Random.Shared.Next(1, int.MaxValue);
        studyUid ??= root + ".1";
        var seriesUid = studyUid + ".2";
        var list = new List<Instance>();
        for (var i = 1; i <= count; i++)
        {
            var sop = $"{seriesUid}.{i}";
            var ds = new DicomDataset()
                .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
                .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sop)
                .SetString(DicomTags.StudyDate, DicomVr.DA, studyDate)
                .SetString(DicomTags.Modality, DicomVr.CS, modality)
                .SetString(DicomTags.PatientName, DicomVr.PN, patientName)
                .SetString(DicomTags.PatientID, DicomVr.LO, patientId)
                .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, studyUid)
                .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, seriesUid)
                .SetString(DicomTags.SeriesNumber, DicomVr.IS, "1")
                .SetString(DicomTags.InstanceNumber, DicomVr.IS, i.ToString())
                .SetUInt16(DicomTags.Rows, 16)
                .SetUInt16(DicomTags.Columns, (ushort)(pixelBytes / 32))
                .SetBytes(DicomTags.PixelData, DicomVr.OW, Enumerable.Range(0, pixelBytes).Select(b => (byte)(b * i)).ToArray());
            var path = System.IO.Path.Combine(dir, $"ct{i:D4}.dcm");
            await using (var file = File.Create(path))
            {
                await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, transferSyntax), ds);
            }
            list.Add(new Instance(path, sop, studyUid, seriesUid, patientId));
        }
        return list;
    }
}
