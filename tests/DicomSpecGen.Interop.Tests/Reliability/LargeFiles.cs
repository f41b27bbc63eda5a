using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>Secondary-capture-like Part 10 files of a chosen pixel size, written by our data layer.</summary>
internal static class LargeFiles
{
    public static async Task<string> CreateAsync(string dir, string sopInstanceUid, int pixelBytes)
    {
        var pixels = new byte[pixelBytes];
        new Random(pixelBytes).NextBytes(pixels);
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sopInstanceUid)
            .SetString(DicomTags.PatientID, DicomVr.LO, "FAULT")
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, sopInstanceUid + ".1")
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, sopInstanceUid + ".2")
            .SetString(DicomTags.Modality, DicomVr.CS, "CT")
            .SetUInt16(DicomTags.Rows, 512)
            .SetUInt16(DicomTags.Columns, (ushort)(pixelBytes / 1024))
            .SetBytes(DicomTags.PixelData, DicomVr.OW, pixels);
        var path = Path.Combine(dir, sopInstanceUid + ".dcm");
        await using var file = File.Create(path);
        await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sopInstanceUid, DicomUids.ExplicitVRLittleEndian), ds);
        return path;
    }

    /// <summary>Instance files visible in an archive folder (its staging folder .incoming excluded).</summary>
    public static string[] Visible(string archive) => Directory.GetFiles(archive, "*.dcm", SearchOption.AllDirectories)
        .Where(f => !f.Contains(Path.DirectorySeparatorChar + ".incoming" + Path.DirectorySeparatorChar)).ToArray();

    /// <summary>Waits until a staged .part file in the archive has at least <paramref name="bytes"/> (a write in progress).</summary>
    public static async Task WaitForPartialAsync(string archive, long bytes, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var incoming = Path.Combine(archive, ".incoming");
        while (clock.Elapsed < timeout)
        {
            // Staging files are written where the pool made them (.incoming/.ready/N) or in .incoming itself.
            if (Directory.Exists(incoming) && Directory.GetFiles(incoming, "*.part", SearchOption.AllDirectories).Any(f => { try { return new FileInfo(f).Length >= bytes; } catch (IOException) { return false; } })) return;
            await Task.Delay(2);
        }
        throw new TimeoutException($"no staged file of {bytes} bytes appeared in {incoming} within {timeout}");
    }
}
