using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>The objects a soak run sends: CT-like Part 10 files of three sizes with unique UIDs, and the ledger of
/// what the SCP acknowledged (SHA-256 of each data set), checked against the archive at the end.</summary>
internal sealed class SoakObjects(string folder)
{
    public enum Size { Small, Ct, Large }

    /// <summary>Pixel bytes per size: a few KiB, one 512x512x16-bit slice, and a large multi-MiB object.</summary>
    public static int PixelBytes(Size size) => size switch
    {
        Size.Small => 4 * 1024,
        Size.Ct => 512 * 1024,
        _ => 8 * 1024 * 1024,
    };

    public sealed record Sent(string SopInstanceUid, string StudyUid, string SeriesUid, string Sha256, Size Size);

    private const string Root = "1.2.826.0.1.3680043.10.543.90";
    private readonly string _run = Environment.ProcessId + "." + DateTime.UtcNow.ToString("HHmmss");
    private long _next;

    /// <summary>Acknowledged with Success: must be in the archive, byte-identical.</summary>
    public ConcurrentDictionary<string, Sent> Acknowledged { get; } = new();

    /// <summary>Sent on an association that was aborted or closed mid-transfer: absent or complete, never partial.</summary>
    public ConcurrentDictionary<string, Sent> Uncertain { get; } = new();

    /// <summary>Small acknowledged objects, the targets of C-FIND/C-GET/C-MOVE.</summary>
    public ConcurrentQueue<Sent> Retrievable { get; } = new();

    public string StudyUid(int lane) => $"{Root}.{_run}.{lane}";

    public string SeriesUid(int lane, Size size) => $"{StudyUid(lane)}.{(int)size + 1}";

    /// <summary>A new file under the lane's study, in the size's series; the caller deletes it after sending.</summary>
    public async Task<(string Path, Sent Sent)> CreateAsync(int lane, Size size)
    {
        var n = Interlocked.Increment(ref _next);
        var study = StudyUid(lane);
        var series = SeriesUid(lane, size);
        var sop = $"{series}.{n}";
        var bytes = PixelBytes(size);
        var pixels = new byte[bytes];
        Random.Shared.NextBytes(pixels);
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sop)
            .SetString(DicomTags.PatientID, DicomVr.LO, "SOAK")
            .SetString(DicomTags.PatientName, DicomVr.PN, "SOAK^LANE" + lane)
            .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, study)
            .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, series)
            .SetString(DicomTags.Modality, DicomVr.CS, "CT")
            .SetUInt16(DicomTags.Rows, 512)
            .SetUInt16(DicomTags.Columns, (ushort)Math.Max(1, bytes / 1024))
            .SetBytes(DicomTags.PixelData, DicomVr.OW, pixels);
        var path = System.IO.Path.Combine(folder, sop + ".dcm");
        await using (var file = File.Create(path))
            await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, DicomUids.ExplicitVRLittleEndian), ds);
        return (path, new Sent(sop, study, series, DataSetSha256(path), size));
    }

    public void Acknowledge(Sent sent)
    {
        Acknowledged[sent.SopInstanceUid] = sent;
        Uncertain.TryRemove(sent.SopInstanceUid, out _);
        if (sent.Size == Size.Small) Retrievable.Enqueue(sent);
    }

    /// <summary>A recent small acknowledged object (null before the first one).</summary>
    public Sent? PickRetrievable()
    {
        // Keep the queue short: the most recent few hundred are enough targets.
        while (Retrievable.Count > 256 && Retrievable.TryDequeue(out _)) { }
        var items = Retrievable.ToArray();
        return items.Length == 0 ? null : items[Random.Shared.Next(items.Length)];
    }

    /// <summary>SHA-256 of the data set after the File Meta Information group (the SCP writes its own meta).</summary>
    public static string DataSetSha256(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // Preamble (128) + "DICM" + (0002,0000) UL explicit VR: its 4-byte value is at offset 140.
        if (bytes.Length < 144 || !bytes.AsSpan(128, 4).SequenceEqual("DICM"u8)) return "not a Part 10 file";
        var groupLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        return Convert.ToHexString(SHA256.HashData(bytes.AsSpan(144 + (int)groupLength)));
    }
}
