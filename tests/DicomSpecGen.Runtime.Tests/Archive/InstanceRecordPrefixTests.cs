using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The index record parsed from the first bytes of a data set kept while it streams to disk.</summary>
public class InstanceRecordPrefixTests
{
    private static byte[] Encoded(int pixelBytes) => new DicomDataset()
        .SetString(DicomTags.SOPClassUID, DicomVr.UI, "1.2.840.10008.5.1.4.1.1.7")
        .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, "1.2.3.4")
        .SetString(DicomTags.PatientID, DicomVr.LO, "PID7")
        .SetString(DicomTags.StudyInstanceUID, DicomVr.UI, "1.2.3")
        .SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, "1.2.3.1")
        .SetString(DicomTags.InstanceNumber, DicomVr.IS, "12")
        .SetBytes(DicomTags.PixelData, DicomVr.OB, new byte[pixelBytes])
        .Encode(TransferSyntax.ExplicitVRLittleEndian);

    private static readonly DicomFileMeta Meta = new("1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", DicomUids.ExplicitVRLittleEndian);

    private static async Task<(byte[] Prefix, bool Truncated, byte[] Passed)> PassThroughAsync(byte[] data, int limit)
    {
        var capture = new PrefixCapturingReader(PipeReader.Create(new MemoryStream(data), new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 1024)), limit);
        using var passed = new MemoryStream();
        await capture.CopyToAsync(passed);
        return (capture.Prefix.ToArray(), capture.Truncated, passed.ToArray());
    }

    [Fact]
    public async Task A_large_object_passes_through_whole_and_only_the_limit_is_kept()
    {
        var data = Encoded(200_000);
        var (prefix, truncated, passed) = await PassThroughAsync(data, 64 * 1024);
        Assert.Equal(data, passed);
        Assert.True(truncated);
        Assert.Equal(data.AsSpan(0, 64 * 1024).ToArray(), prefix);
        var record = await InstanceRecordReader.TryReadDataSetAsync(prefix, truncated, Meta, "x.dcm", data.Length, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(("PID7", "1.2.3", "1.2.3.1", "12"), (record.PatientId, record.StudyInstanceUid, record.SeriesInstanceUid, record.InstanceNumber));
    }

    [Fact]
    public async Task A_prefix_ending_before_the_last_indexed_tag_asks_for_the_file()
    {
        var data = Encoded(10);
        var (prefix, truncated, _) = await PassThroughAsync(data, 40);
        Assert.True(truncated);
        Assert.Null(await InstanceRecordReader.TryReadDataSetAsync(prefix, truncated, Meta, "x.dcm", data.Length, CancellationToken.None));
    }

    [Fact]
    public async Task A_whole_small_data_set_without_a_required_key_is_refused_from_memory()
    {
        var data = new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, "P").Encode(TransferSyntax.ExplicitVRLittleEndian);
        var (prefix, truncated, _) = await PassThroughAsync(data, 64 * 1024);
        Assert.False(truncated);
        await Assert.ThrowsAsync<DicomDataException>(() => InstanceRecordReader.TryReadDataSetAsync(prefix, truncated, Meta, "x.dcm", data.Length, CancellationToken.None));
    }
}
