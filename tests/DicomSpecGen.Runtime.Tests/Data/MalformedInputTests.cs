using DicomSpecGen.Data;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>Malformed input never crashes the decoder: every truncation and many single-byte corruptions of a
/// valid Data Set either decode or raise <see cref="DicomDataException"/>.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public class MalformedInputTests
{
    private static void DecodeOrTypedError(byte[] data, TransferSyntax ts)
    {
        try
        {
            DicomDataset.Decode(data, ts);
        }
        catch (DicomDataException e)
        {
            Assert.False(string.IsNullOrEmpty(e.Rule));
        }
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public void Every_truncation_decodes_or_fails_with_a_typed_error(string uid)
    {
        var ts = SampleData.Ts(uid);
        var data = SampleData.Build().Encode(ts);
        var typedErrors = 0;
        for (var length = 0; length < data.Length; length++)
        {
            try
            {
                DicomDataset.Decode(data.AsMemory(0, length), ts);
            }
            catch (DicomDataException)
            {
                typedErrors++;
            }
        }
        Assert.True(typedErrors > data.Length / 2, $"{typedErrors} of {data.Length} truncations were rejected");
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public void Single_byte_corruptions_decode_or_fail_with_a_typed_error(string uid)
    {
        var ts = SampleData.Ts(uid);
        var data = SampleData.Build().Encode(ts);
        foreach (var value in new byte[] { 0x00, 0xFF, 0x7F, 0xFE })
        {
            for (var i = 0; i < data.Length; i++)
            {
                var copy = (byte[])data.Clone();
                copy[i] = value;
                DecodeOrTypedError(copy, ts);
            }
        }
    }

    [Fact]
    public void A_huge_length_field_does_not_allocate_what_the_input_lacks()
    {
        // (0010,0010) UN with a 2 GB length and 4 bytes of data: truncated, not an OutOfMemoryException.
        var data = new byte[] { 0x10, 0, 0x10, 0, (byte)'U', (byte)'N', 0, 0, 0x00, 0x00, 0x00, 0x7F, 1, 2, 3, 4 };
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.Throws<DicomDataException>(() => DicomDataset.Decode(data, TransferSyntax.ExplicitVRLittleEndian));
        Assert.Contains("ends", error.Message);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 16 * 1024 * 1024);
    }
}
