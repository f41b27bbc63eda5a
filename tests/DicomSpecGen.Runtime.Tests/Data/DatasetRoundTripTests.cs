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
}
