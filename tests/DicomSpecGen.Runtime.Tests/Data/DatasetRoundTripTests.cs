using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Data;

public class DatasetRoundTripTests
{
    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public async Task Part10_file_round_trips_in_each_transfer_syntax(string uid)
    {
        var ts = SampleData.Ts(uid);
        using var file = new MemoryStream();
        await DicomFile.WriteAsync(file, SampleData.Meta(ts), SampleData.Build());
        file.Position = 0;
        var (meta, dataset) = await DicomFile.ReadAsync(file);
        Assert.Equal(uid, meta.TransferSyntaxUid);
        Assert.Equal(DicomFileMeta.DefaultImplementationClassUid, meta.ImplementationClassUid);
        SampleData.AssertMatches(dataset);
    }

    [Fact]
    public async Task File_starts_with_preamble_DICM_and_meta_group_length()
    {
        using var file = new MemoryStream();
        await DicomFile.WriteAsync(file, SampleData.Meta(TransferSyntax.ExplicitVRLittleEndian), SampleData.Build());
        var bytes = file.ToArray();
        Assert.All(bytes.Take(128), b => Assert.Equal(0, b));
        Assert.Equal("DICM"u8.ToArray(), bytes.Skip(128).Take(4).ToArray());
        // (0002,0000) UL 4 <length>: the meta group length counts the bytes up to the first non-0002 tag.
        Assert.Equal(new byte[] { 0x02, 0x00, 0x00, 0x00, (byte)'U', (byte)'L', 4, 0 }, bytes.Skip(132).Take(8).ToArray());
        var groupLength = BitConverter.ToUInt32(bytes, 140);
        var afterMeta = 144 + (int)groupLength;
        Assert.NotEqual(0x0002, BitConverter.ToUInt16(bytes, afterMeta));
        Assert.Equal(0x0002, BitConverter.ToUInt16(bytes, afterMeta - (int)groupLength));
    }

    [Fact]
    public void Big_endian_swaps_numbers_and_tags_but_not_text()
    {
        var ds = new DicomDataset().SetUInt16(DicomTags.Rows, 0x0102).SetString(DicomTags.PatientID, "AB");
        var bytes = ds.Encode(TransferSyntax.ExplicitVRBigEndian);
        // (0010,0020) LO 2 "AB" then (0028,0010) US 2 0x0102, all big endian.
        Assert.Equal(new byte[] { 0x00, 0x10, 0x00, 0x20, (byte)'L', (byte)'O', 0, 2, (byte)'A', (byte)'B',
                                  0x00, 0x28, 0x00, 0x10, (byte)'U', (byte)'S', 0, 2, 0x01, 0x02 }, bytes);
        var back = DicomDataset.Decode(bytes, TransferSyntax.ExplicitVRBigEndian);
        Assert.Equal((ushort)0x0102, back.GetUInt16(DicomTags.Rows));
    }

    [Fact]
    public void Implicit_VR_takes_the_VR_from_the_dictionary()
    {
        var bytes = new DicomDataset().SetUInt16(DicomTags.Rows, 512).SetString(DicomTags.PatientName, "A^B").Encode(TransferSyntax.ImplicitVRLittleEndian);
        // Implicit VR: tag, 4-byte length, value (PS3.5 Section 7.1.3); "A^B" padded to 4.
        Assert.Equal(new byte[] { 0x10, 0, 0x10, 0, 4, 0, 0, 0, (byte)'A', (byte)'^', (byte)'B', (byte)' ',
                                  0x28, 0, 0x10, 0, 2, 0, 0, 0, 0x00, 0x02 }, bytes);
        var back = DicomDataset.Decode(bytes, TransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(DicomVr.PN, back[DicomTags.PatientName]!.Vr);
        Assert.Equal(DicomVr.US, back[DicomTags.Rows]!.Vr);
    }

    [Theory]
    [InlineData(0, DicomVr.US)]
    [InlineData(1, DicomVr.SS)]
    public void Implicit_US_or_SS_follows_pixel_representation(ushort pixelRepresentation, DicomVr expected)
    {
        var bytes = new DicomDataset()
            .SetUInt16(DicomTags.PixelRepresentation, pixelRepresentation)
            .SetBytes(DicomTags.SmallestImagePixelValue, DicomVr.US, new byte[] { 0xFB, 0xFF })
            .Encode(TransferSyntax.ImplicitVRLittleEndian);
        var back = DicomDataset.Decode(bytes, TransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(expected, back[DicomTags.SmallestImagePixelValue]!.Vr);
        // Transcoded to Explicit VR, the VR is written as decided.
        var explicitBytes = back.Encode(TransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(expected, DicomDataset.Decode(explicitBytes, TransferSyntax.ExplicitVRLittleEndian)[DicomTags.SmallestImagePixelValue]!.Vr);
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public async Task Transcoding_between_every_pair_keeps_values(string uid)
    {
        var source = SampleData.Ts(uid);
        using var input = new MemoryStream();
        await DicomFile.WriteAsync(input, SampleData.Meta(source), SampleData.Build());
        foreach (var target in new[] { TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian })
        {
            input.Position = 0;
            using var output = new MemoryStream();
            await DicomFile.TranscodeAsync(input, output, target);
            output.Position = 0;
            var (meta, dataset) = await DicomFile.ReadAsync(output);
            Assert.Equal(target.Uid, meta.TransferSyntaxUid);
            SampleData.AssertMatches(dataset);
        }
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public void In_memory_encode_and_decode_round_trip(string uid)
    {
        var ts = SampleData.Ts(uid);
        var bytes = SampleData.Build().Encode(ts);
        SampleData.AssertMatches(DicomDataset.Decode(bytes, ts));
        if (ts.IsDeflated) Assert.NotEqual(SampleData.Build().Encode(TransferSyntax.ExplicitVRLittleEndian).Length, bytes.Length);
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public async Task Raw_data_set_bytes_copy_into_a_new_file_without_parsing(string uid)
    {
        var ts = SampleData.Ts(uid);
        using var original = new MemoryStream();
        await DicomFile.WriteAsync(original, SampleData.Meta(ts), SampleData.Build());
        original.Position = 0;
        var (meta, metaDataset, raw) = await DicomFileReader.ReadMetaAsync(original, leaveOpen: true);
        Assert.Equal(uid, metaDataset.GetString(DicomTags.TransferSyntaxUID));
        using var copy = new MemoryStream();
        await DicomFileWriter.WriteMetaAsync(copy, meta with { ImplementationVersionName = "COPY" });
        await using (raw) await raw.CopyToAsync(copy);
        copy.Position = 0;
        var (copiedMeta, dataset) = await DicomFile.ReadAsync(copy);
        Assert.Equal("COPY", copiedMeta.ImplementationVersionName);
        SampleData.AssertMatches(dataset);
    }

    [Fact]
    public async Task Data_set_offset_is_where_the_data_set_bytes_start_with_or_without_a_group_length()
    {
        var meta = SampleData.Meta(TransferSyntax.ExplicitVRLittleEndian);
        var dataSet = SampleData.Build().Encode(TransferSyntax.ExplicitVRLittleEndian);
        var header = DicomFileWriter.EncodeHeader(meta);
        // The same file without (0002,0000): the reader reads group 0002 until the first tag of another group.
        var metaOnly = meta.ToDataset().Encode(TransferSyntax.ExplicitVRLittleEndian);
        var noGroupLength = new byte[132 + metaOnly.Length];
        "DICM"u8.CopyTo(noGroupLength.AsSpan(128));
        metaOnly.CopyTo(noGroupLength, 132);
        foreach (var head in new[] { header, noGroupLength })
        {
            // A few bytes before the file: the offset counts from the stream's position at open.
            byte[] bytes = [1, 2, 3, .. head, .. dataSet];
            using var stream = new MemoryStream(bytes) { Position = 3 };
            await using var reader = await DicomFileReader.OpenAsync(stream, leaveOpen: true);
            Assert.Equal(head.Length, reader.DataSetOffset);
            Assert.Equal(meta.MediaStorageSopInstanceUid, reader.Meta.MediaStorageSopInstanceUid);
        }
        Assert.Equal(noGroupLength.Length + 12, header.Length);
    }

    /// <summary>The two File Meta Information layouts of the offset test: with (0002,0000), and without it (read until
    /// the first tag of another group).</summary>
    private static (byte[] WithLength, byte[] WithoutLength, byte[] DataSet, DicomFileMeta Meta) Heads()
    {
        var meta = SampleData.Meta(TransferSyntax.ExplicitVRLittleEndian);
        var metaOnly = meta.ToDataset().Encode(TransferSyntax.ExplicitVRLittleEndian);
        var noGroupLength = new byte[132 + metaOnly.Length];
        "DICM"u8.CopyTo(noGroupLength.AsSpan(128));
        metaOnly.CopyTo(noGroupLength, 132);
        return (DicomFileWriter.EncodeHeader(meta), noGroupLength, SampleData.Build().Encode(TransferSyntax.ExplicitVRLittleEndian), meta);
    }

    [Fact]
    public async Task Meta_read_from_memory_matches_the_stream_reader_and_asks_for_more_when_cut()
    {
        var (withLength, withoutLength, dataSet, meta) = Heads();
        foreach (var head in new[] { withLength, withoutLength })
        {
            byte[] bytes = [.. head, .. dataSet];
            var read = DicomFileReader.TryReadHead(bytes, wholeFile: true);
            Assert.NotNull(read);
            await using var reader = await DicomFileReader.OpenAsync(new MemoryStream(bytes));
            Assert.Equal(reader.DataSetOffset, read.DataSetOffset);
            Assert.Equal(head.Length, read.DataSetOffset);
            Assert.Equal(meta.MediaStorageSopInstanceUid, read.Meta.MediaStorageSopInstanceUid);
            Assert.Equal(meta.MediaStorageSopClassUid, read.Meta.MediaStorageSopClassUid);
            Assert.Equal(TransferSyntax.ExplicitVRLittleEndian.Uid, read.TransferSyntax.Uid);
            Assert.Equal(reader.MetaDataset.Count(), read.MetaDataset.Count());
            // Any first bytes that end inside the meta, not the whole file: more is needed.
            for (var cut = 0; cut < head.Length; cut++) Assert.Null(DicomFileReader.TryReadHead(bytes.AsMemory(0, cut), wholeFile: false));
        }
        // With a group length the meta's end is known at its last byte; a whole file cut inside it is malformed.
        Assert.NotNull(DicomFileReader.TryReadHead(withLength, wholeFile: false));
        for (var cut = 0; cut < withLength.Length; cut++)
            Assert.Throws<DicomDataException>(() => DicomFileReader.TryReadHead(withLength.AsMemory(0, cut), wholeFile: true));
    }

    [Fact]
    public async Task Stream_reader_takes_the_meta_a_byte_at_a_time()
    {
        var (withLength, withoutLength, dataSet, meta) = Heads();
        foreach (var head in new[] { withLength, withoutLength })
        {
            await using var reader = await DicomFileReader.OpenAsync(new TrickleStream([.. head, .. dataSet]));
            Assert.Equal(head.Length, reader.DataSetOffset);
            Assert.Equal(meta.MediaStorageSopInstanceUid, reader.Meta.MediaStorageSopInstanceUid);
            SampleData.AssertMatches(await DicomDataset.ReadAsync(reader.Dataset));
        }
    }

    [Fact]
    public async Task Meta_of_a_file_beyond_the_first_read_comes_through_the_stream_reader()
    {
        var (_, _, dataSet, meta) = Heads();
        // (0002,0102) Private Information of 6000 bytes: the meta no longer fits in the first 4 KiB read.
        var metaSet = meta.ToDataset();
        metaSet.SetBytes(DicomTags.PrivateInformationCreatorUID, DicomVr.UI, "1.2.3.4\0"u8.ToArray());
        metaSet.SetBytes(DicomTags.PrivateInformation, DicomVr.OB, Enumerable.Range(0, 6000).Select(i => (byte)i).ToArray());
        var metaBytes = metaSet.Encode(TransferSyntax.ExplicitVRLittleEndian);
        var path = Path.Combine(Path.GetTempPath(), $"long-meta-{Guid.NewGuid():N}.dcm");
        var head = new byte[132 + metaBytes.Length];
        "DICM"u8.CopyTo(head.AsSpan(128));
        metaBytes.CopyTo(head, 132);
        await File.WriteAllBytesAsync(path, [.. head, .. dataSet]);
        try
        {
            Assert.Null(DicomFileReader.TryReadHead(head.AsMemory(0, 4096), wholeFile: false));
            var read = await DicomFileReader.ReadHeadAsync(path);
            Assert.Equal(head.Length, read.DataSetOffset);
            Assert.Equal(meta.MediaStorageSopInstanceUid, read.Meta.MediaStorageSopInstanceUid);
            Assert.Equal(6000, ((DicomElement)read.MetaDataset[new DicomTag(DicomTags.PrivateInformation)]!).Value.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A stream that returns one byte per read: every element of the meta arrives in pieces.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => base.ReadAsync(buffer, offset, Math.Min(1, count), cancellationToken);
    }
}
