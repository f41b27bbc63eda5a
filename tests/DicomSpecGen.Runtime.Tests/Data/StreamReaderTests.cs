using System.Buffers;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Data;

public class StreamReaderTests
{
    private static byte[] Encode(DicomEncoding encoding, Action<DicomBufferWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new DicomBufferWriter(buffer, encoding));
        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<List<string>> Tokens(byte[] data, TransferSyntax ts)
    {
        var list = new List<string>();
        await using var reader = new DicomStreamReader(new ReadOnlySequence<byte>(data), ts);
        while (await reader.ReadAsync())
            list.Add($"{reader.Depth}:{reader.Token}:{reader.Tag}" + (reader.Token is DicomReaderToken.Element or DicomReaderToken.Fragment ? "=" + Convert.ToHexString(reader.Value.Span) : ""));
        return list;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Defined_length_sequences_and_items_end_by_length(bool explicitVr)
    {
        var enc = new DicomEncoding(explicitVr, false);
        var element = Encode(enc, w => w.WriteElement(DicomTags.CodeValue, DicomVr.SH, "AB"u8));
        var item = Encode(enc, w => { w.WriteHeader(DicomTag.Item, DicomVr.None, (uint)element.Length); w.WriteValueChunk(DicomVr.OB, element); });
        var data = Encode(enc, w =>
        {
            w.WriteHeader(DicomTags.ConceptNameCodeSequence, DicomVr.SQ, (uint)(item.Length * 2));
            w.WriteValueChunk(DicomVr.OB, item);
            w.WriteValueChunk(DicomVr.OB, item);
            w.WriteElement(DicomTags.PatientID, DicomVr.LO, "X1"u8);
        });
        var ts = explicitVr ? TransferSyntax.ExplicitVRLittleEndian : TransferSyntax.ImplicitVRLittleEndian;
        Assert.Equal(new[]
        {
            "1:SequenceStart:(0040,A043)", "2:ItemStart:(FFFE,E000)", "2:Element:(0008,0100)=4142", "1:ItemEnd:(FFFE,E00D)",
            "2:ItemStart:(FFFE,E000)", "2:Element:(0008,0100)=4142", "1:ItemEnd:(FFFE,E00D)", "0:SequenceEnd:(FFFE,E0DD)",
            "0:Element:(0010,0020)=5831",
        }, await Tokens(data, ts));
    }

    [Fact]
    public async Task Undefined_length_sequences_end_by_delimiters()
    {
        var data = Encode(DicomEncoding.ImplicitLittle, w =>
        {
            w.BeginSequence(DicomTags.ConceptNameCodeSequence);
            w.BeginItem();
            w.BeginSequence(DicomTags.ConceptCodeSequence);
            w.EndSequence();
            w.EndItem();
            w.EndSequence();
        });
        Assert.Equal(new[]
        {
            "1:SequenceStart:(0040,A043)", "2:ItemStart:(FFFE,E000)", "3:SequenceStart:(0040,A168)", "2:SequenceEnd:(FFFE,E0DD)",
            "1:ItemEnd:(FFFE,E00D)", "0:SequenceEnd:(FFFE,E0DD)",
        }, await Tokens(data, TransferSyntax.ImplicitVRLittleEndian));
    }

    [Fact]
    public async Task Encapsulated_pixel_data_passes_through_as_fragments()
    {
        var data = Encode(DicomEncoding.ExplicitLittle, w =>
        {
            w.BeginFragments(DicomTags.PixelData);
            w.WriteFragment(ReadOnlySpan<byte>.Empty);
            w.WriteFragment(new byte[] { 0xFF, 0xD8, 0xFF, 0xD9 });
            w.EndFragments();
        });
        Assert.Equal(new[]
        {
            "1:FragmentsStart:(7FE0,0010)", "1:Fragment:(FFFE,E000)=", "1:Fragment:(FFFE,E000)=FFD8FFD9", "0:FragmentsEnd:(FFFE,E0DD)",
        }, await Tokens(data, TransferSyntax.JPEGBaseline8Bit));
    }

    [Fact]
    public async Task Undefined_length_UN_is_read_as_an_implicit_VR_sequence()
    {
        // PS3.5 Section 6.2.2: UN of undefined length holds Implicit VR Little Endian items.
        var inner = Encode(DicomEncoding.ImplicitLittle, w => { w.BeginItem(); w.WriteElement(DicomTags.CodeValue, DicomVr.SH, "AB"u8); w.EndItem(); w.EndSequence(); });
        var data = Encode(DicomEncoding.ExplicitLittle, w => { w.WriteHeader(0x00091010, DicomVr.UN, DicomHeaderCodec.UndefinedLength); w.WriteValueChunk(DicomVr.OB, inner); });
        Assert.Equal(new[]
        {
            "1:SequenceStart:(0009,1010)", "2:ItemStart:(FFFE,E000)", "2:Element:(0008,0100)=4142", "1:ItemEnd:(FFFE,E00D)", "0:SequenceEnd:(FFFE,E0DD)",
        }, await Tokens(data, TransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public async Task Large_values_are_streamed_not_loaded()
    {
        var value = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var data = Encode(DicomEncoding.ExplicitLittle, w => w.WriteElement(DicomTags.PixelData, DicomVr.OB, value));
        await using var reader = new DicomStreamReader(new ReadOnlySequence<byte>(data), TransferSyntax.ExplicitVRLittleEndian, new DicomReaderOptions(MaxInlineValueLength: 100));
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.IsValueLoaded);
        Assert.Throws<InvalidOperationException>(() => reader.Value);
        using var copy = new MemoryStream();
        await reader.CopyValueToAsync(copy);
        Assert.Equal(value, copy.ToArray());
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Trailing_zero_bytes_after_the_last_element_end_the_data_set()
    {
        var data = Encode(DicomEncoding.ExplicitLittle, w => w.WriteElement(DicomTags.PatientID, DicomVr.LO, "AB"u8));
        Assert.Equal(new[] { "0:Element:(0010,0020)=4142" }, await Tokens([.. data, 0, 0, 0], TransferSyntax.ExplicitVRLittleEndian));
        await Assert.ThrowsAsync<DicomDataException>(async () => await Tokens([.. data, 0, 1, 0], TransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public async Task Truncated_value_is_a_typed_error()
    {
        var data = Encode(DicomEncoding.ExplicitLittle, w => w.WriteElement(DicomTags.PatientID, DicomVr.LO, "ABCDEF"u8));
        var error = await Assert.ThrowsAsync<DicomDataException>(async () => await Tokens(data[..^2], TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(new DicomTag(DicomTags.PatientID), error.Tag);
        Assert.Contains("PS3.5", error.Rule);
    }

    [Fact]
    public async Task Item_outside_a_sequence_is_a_typed_error()
    {
        var data = Encode(DicomEncoding.ExplicitLittle, w => w.BeginItem());
        var error = await Assert.ThrowsAsync<DicomDataException>(async () => await Tokens(data, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal("PS3.5 Section 7.5", error.Rule);
    }

    [Fact]
    public async Task Unknown_explicit_VR_is_a_typed_error()
    {
        var data = new byte[] { 0x10, 0, 0x10, 0, (byte)'Q', (byte)'Q', 2, 0, (byte)'A', (byte)'B' };
        var error = await Assert.ThrowsAsync<DicomDataException>(async () => await Tokens(data, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal(new DicomTag(0x00100010), error.Tag);
        Assert.Contains("7.1.2", error.Rule);
    }

    [Fact]
    public async Task Element_longer_than_its_item_is_a_typed_error()
    {
        var element = Encode(DicomEncoding.ExplicitLittle, w => w.WriteElement(DicomTags.CodeValue, DicomVr.SH, "ABCD"u8));
        var data = Encode(DicomEncoding.ExplicitLittle, w =>
        {
            w.BeginSequence(DicomTags.ConceptNameCodeSequence);
            w.WriteHeader(DicomTag.Item, DicomVr.None, 4); // shorter than the element inside
            w.WriteValueChunk(DicomVr.OB, element);
            w.EndSequence();
        });
        var error = await Assert.ThrowsAsync<DicomDataException>(async () => await Tokens(data, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Equal("PS3.5 Section 7.5.1", error.Rule);
    }

    [Fact]
    public async Task Missing_DICM_prefix_is_a_typed_error()
    {
        using var stream = new MemoryStream(new byte[200]);
        var error = await Assert.ThrowsAsync<DicomDataException>(() => DicomSpecGen.Data.Part10.DicomFileReader.OpenAsync(stream));
        Assert.Equal("PS3.10 Section 7.1", error.Rule);
    }
}
