using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Data;

public class RegistryLookupTests
{
    [Theory]
    [InlineData(0x00100010u, "PatientName", DicomVr.PN, "1", false)]
    [InlineData(0x7FE00010u, "PixelData", DicomVr.OB, "1", false)] // "OB or OW"
    [InlineData(0x00080001u, "LengthToEnd", DicomVr.UL, "1", true)]
    [InlineData(0x00020010u, "TransferSyntaxUID", DicomVr.UI, "1", false)] // Table 7-1
    [InlineData(0x00041220u, "DirectoryRecordSequence", DicomVr.SQ, "1", false)] // Table 8-1
    [InlineData(0x00000100u, "CommandField", DicomVr.US, "1", false)] // PS3.7
    [InlineData(0x60003000u, "OverlayData", DicomVr.OB, "1", false)] // (60xx,3000)
    [InlineData(0x601E3000u, "OverlayData", DicomVr.OB, "1", false)]
    [InlineData(0x50020005u, "CurveDimensions", DicomVr.US, "1", true)] // (50xx,0005)
    [InlineData(0x00203105u, "SourceImageIDs", DicomVr.CS, "1-n", true)] // (0020,31xx)
    [InlineData(0x10000012u, "HuffmanTableSize", DicomVr.US, "1", true)] // (1000,xxx2)
    [InlineData(0x00280412u, "CoefficientCoding", DicomVr.LO, "1-n", true)] // (0028,04x2)
    public void Lookup_finds_plain_and_repeating_tags(uint tag, string keyword, DicomVr vr, string vm, bool retired)
    {
        Assert.True(DicomDictionary.TryLookup(tag, out var entry));
        Assert.Equal(keyword, entry.Keyword);
        Assert.Equal(vr, entry.Vr);
        Assert.Equal(vm, entry.Vm);
        Assert.Equal(retired, entry.IsRetired);
        Assert.True(DicomDictionary.TryLookupKeyword(keyword, out var byKeyword));
        Assert.Same(entry, byKeyword);
    }

    [Theory]
    [InlineData(0x60013000u)] // odd group: private, not an overlay
    [InlineData(0x0010001Fu)] // unassigned (0010,0011 was, until PS3.6 added Person Names to Use Sequence after 2024d)
    [InlineData(0x00090010u)]
    public void Lookup_misses_private_and_unknown_tags(uint tag) => Assert.False(DicomDictionary.TryLookup(tag, out _));

    [Fact]
    public void Masked_entries_print_their_pattern()
    {
        Assert.True(DicomDictionary.TryLookup(0x60223000u, out var entry));
        Assert.Equal("(60xx,3000)", entry.TagText);
        Assert.Equal(new[] { DicomVr.OB, DicomVr.OW }, entry.Vrs);
    }

    [Fact]
    public void Every_entry_is_found_by_its_own_tag()
    {
        foreach (var e in DicomDictionary.All)
        {
            Assert.True(DicomDictionary.TryLookup(e.Tag, out var found), e.ToString());
            // A plain tag wins over a pattern covering it, e.g. (0028,0400) TransformLabel over (0028,04x0).
            if (found.Mask == e.Mask) Assert.Equal(e.Keyword, found.Keyword);
            else Assert.Equal(0xFFFFFFFFu, found.Mask);
        }
        Assert.Equal(DicomDictionary.Count, DicomDictionary.All.Count);
    }

    [Fact]
    public void Transfer_syntaxes_carry_their_encoding()
    {
        Assert.True(TransferSyntax.TryGet("1.2.840.10008.1.2", out var implicitLe));
        Assert.False(implicitLe.IsExplicitVr);
        Assert.False(implicitLe.IsBigEndian);
        Assert.True(TransferSyntax.ExplicitVRBigEndian.IsBigEndian);
        Assert.True(TransferSyntax.ExplicitVRBigEndian.IsRetired);
        Assert.True(TransferSyntax.DeflatedExplicitVRLittleEndian.IsDeflated);
        Assert.True(TransferSyntax.JPEGBaseline8Bit.IsEncapsulated);
        Assert.True(TransferSyntax.RLELossless.IsEncapsulated);
        Assert.Equal(TransferSyntaxPixelData.Referenced, TransferSyntax.JPIPReferenced.PixelData);
        Assert.False(TransferSyntax.XMLEncoding.IsDataSetEncoding);
        Assert.False(TransferSyntax.TryGet("1.2.3", out _));
        Assert.Equal(63, TransferSyntax.All.Count);
    }

    [Fact]
    public void Uid_lookup_returns_registry_rows()
    {
        Assert.Equal("1.2.840.10008.1.1", DicomUids.Verification);
        Assert.True(DicomUids.TryGetInfo(DicomUids.Verification, out var info));
        Assert.Equal("Verification SOP Class", info.Name);
        Assert.Equal(DicomUidType.SopClass, info.Type);
        Assert.True(DicomUids.TryGetInfo(DicomUids.ImplicitVRLittleEndian, out var ts));
        Assert.Equal("Default Transfer Syntax for DICOM", ts.Info);
        Assert.True(DicomUids.TryGetInfo("1.2.840.10008.5.1.4.1.1.40", out var placeholder));
        Assert.True(placeholder.IsRetired);
        Assert.False(DicomUids.TryGetInfo("1.2.3.4", out _));
        Assert.Equal("1.2.3.4", DicomUids.Describe("1.2.3.4"));
    }

    [Fact]
    public void Vr_properties_follow_PS3_5()
    {
        Assert.True(DicomVrs.HasLongLength(DicomVr.SQ));
        Assert.True(DicomVrs.HasLongLength(DicomVr.UC));
        Assert.False(DicomVrs.HasLongLength(DicomVr.US));
        Assert.Equal((byte)0, DicomVrs.PaddingByte(DicomVr.UI));
        Assert.Equal((byte)' ', DicomVrs.PaddingByte(DicomVr.PN));
        Assert.True(DicomVrs.TryParse((byte)'F', (byte)'D', out var fd));
        Assert.Equal(8, DicomVrs.ValueSize(fd));
        Assert.False(DicomVrs.TryParse((byte)'Z', (byte)'Z', out _));
    }
}
