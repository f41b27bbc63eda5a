using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Interop.Tests.Data;

/// <summary>Files we write are read by dcmdump/dcmftest; files DCMTK writes (dump2dcm, converted by dcmconv
/// to each transfer syntax, with defined and undefined lengths) are read by us.</summary>
public sealed class DcmtkFileInteropTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dsg-interop-data-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public static readonly TheoryData<string, string> DcmconvOptions = new()
    {
        { "+ti", TransferSyntax.ImplicitVRLittleEndian.Uid },
        { "+te", TransferSyntax.ExplicitVRLittleEndian.Uid },
        { "+tb", TransferSyntax.ExplicitVRBigEndian.Uid },
        { "+td", TransferSyntax.DeflatedExplicitVRLittleEndian.Uid },
    };

    private const string Dump = """
        (0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]
        (0008,0018) UI [1.2.3.4]
        (0008,1140) SQ (Sequence with undefined length #=2)
          (fffe,e000) na (Item with undefined length #=2)
            (0008,1150) UI [1.2.840.10008.5.1.4.1.1.2]
            (0008,1155) UI [1.2.3.4.5]
            (0040,a170) SQ (Sequence with undefined length #=1)
              (fffe,e000) na (Item with undefined length #=1)
                (0008,0104) LO [Localizer]
              (fffe,e00d) na (ItemDelimitationItem)
            (fffe,e0dd) na (SequenceDelimitationItem)
          (fffe,e00d) na (ItemDelimitationItem)
          (fffe,e000) na (Item with undefined length #=1)
            (0008,1155) UI [1.2.3.4.6]
          (fffe,e00d) na (ItemDelimitationItem)
        (fffe,e0dd) na (SequenceDelimitationItem)
        (0010,0010) PN [Doe^Jane]
        (0010,0020) LO [PID42]
        (0018,6028) FD 0.125
        (0028,0010) US 2
        (0028,0011) US 2
        (0028,1052) DS [-1024]
        (7fe0,0010) OW 0001\0203\fffe\8000
        """;

    [Theory]
    [MemberData(nameof(DcmconvOptions))]
    public async Task Files_from_DCMTK_are_read_in_each_transfer_syntax(string option, string expectedTs)
    {
        File.WriteAllText(PathOf("in.dump"), Dump);
        DcmtkTool.RunOk("dump2dcm", PathOf("in.dump"), PathOf("in.dcm"));
        // -e: undefined lengths for sequences and items; +e (default): defined lengths; +g: group lengths.
        foreach (var lengths in new[] { new[] { "-e" }, new[] { "+e", "+g" } })
        {
            var output = PathOf($"out{option}{lengths[0]}.dcm");
            DcmtkTool.RunOk("dcmconv", [.. lengths, option, PathOf("in.dcm"), output]);
            await using var stream = File.OpenRead(output);
            var (meta, ds) = await DicomFile.ReadAsync(stream);
            Assert.Equal(expectedTs, meta.TransferSyntaxUid);
            Assert.Equal("Doe^Jane", ds.GetString(DicomTags.PatientName));
            Assert.Equal("PID42", ds.GetString(DicomTags.PatientID));
            Assert.Equal("-1024", ds.GetString(DicomTags.RescaleIntercept));
            Assert.Equal(0.125, ds.GetFloat64(DicomTags.ReferencePixelPhysicalValueX));
            Assert.Equal((ushort)2, ds.GetUInt16(DicomTags.Rows));
            // OW words 0x0001 0x0203 0xFFFE 0x8000 in little endian, whatever the file's byte order.
            var pixels = Assert.IsType<DicomElement>(ds[DicomTags.PixelData]);
            Assert.Equal(new byte[] { 0x01, 0x00, 0x03, 0x02, 0xFE, 0xFF, 0x00, 0x80 }, pixels.Value.ToArray());
            var seq = ds.GetSequence(DicomTags.ReferencedImageSequence)!;
            Assert.Equal(2, seq.Items.Count);
            Assert.Equal("1.2.3.4.5", seq.Items[0].GetString(DicomTags.ReferencedSOPInstanceUID));
            Assert.Equal("Localizer", seq.Items[0].GetSequence(DicomTags.PurposeOfReferenceCodeSequence)!.Items[0].GetString(DicomTags.CodeMeaning));
            Assert.Equal("1.2.3.4.6", seq.Items[1].GetString(DicomTags.ReferencedSOPInstanceUID));
        }
    }

    [Theory]
    [MemberData(nameof(DcmconvOptions))]
    public async Task Files_we_write_are_read_by_dcmdump_and_dcmftest(string option, string tsUid)
    {
        _ = option;
        Assert.True(TransferSyntax.TryGet(tsUid, out var ts));
        var inner = new DicomDataset().SetString(DicomTags.CodeMeaning, "Localizer");
        var item = new DicomDataset().SetString(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4.5");
        item.AddSequence(DicomTags.PurposeOfReferenceCodeSequence, inner);
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomUids.SecondaryCaptureImageStorage)
            .SetString(DicomTags.SOPInstanceUID, "1.2.3.4")
            .SetString(DicomTags.PatientName, "Doe^John")
            .SetString(DicomTags.PatientID, "P1") 
            .SetUInt16(DicomTags.Rows, 513)
            .SetBytes(DicomTags.PixelData, DicomVr.OW, new byte[] { 0x01, 0x00, 0x03, 0x02 });
        ds.AddSequence(DicomTags.ReferencedImageSequence, item);
        var path = PathOf("ours.dcm");
        await using (var file = File.Create(path))
            await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.SecondaryCaptureImageStorage, "1.2.3.4", ts.Uid), ds);

        Assert.Contains("yes:", DcmtkTool.RunOk("dcmftest", path));
        var dump = DcmtkTool.RunOk("dcmdump", "-q", "+L", path);
        Assert.Contains("(0010,0010) PN [Doe^John]", dump);
        Assert.Contains("(0010,0020) LO [P1]", dump);
        Assert.Contains("(0028,0010) US 513", dump);
        Assert.Contains("(0008,0104) LO [Localizer]", dump);
        Assert.Contains("(0008,1155) UI [1.2.3.4.5]", dump);
        Assert.Contains("(7fe0,0010) OW 0001\\0203", dump);
        Assert.Contains(ts.Uid == TransferSyntax.ImplicitVRLittleEndian.Uid ? "=LittleEndianImplicit" : ts.IsBigEndian ? "=BigEndianExplicit" : ts.IsDeflated ? "=DeflatedLittleEndianExplicit" : "=LittleEndianExplicit", dump);
    }

    [Theory]
    [MemberData(nameof(DcmconvOptions))]
    public async Task Files_we_write_and_dcmodify_edits_are_read_back(string option, string tsUid)
    {
        _ = option;
        Assert.True(TransferSyntax.TryGet(tsUid, out var ts));
        var path = PathOf("edit.dcm");
        var item = new DicomDataset().SetString(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4.5");
        var ds = new DicomDataset().SetString(DicomTags.SOPInstanceUID, "1.2.3.4").SetString(DicomTags.PatientName, "Doe^John");
        ds.AddSequence(DicomTags.ReferencedImageSequence, item);
        await using (var file = File.Create(path))
            await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.SecondaryCaptureImageStorage, "1.2.3.4", ts.Uid), ds);

        // dcmodify rewrites the whole file in its transfer syntax, inside and outside the sequence.
        DcmtkTool.RunOk("dcmodify", "-nb", "-m", "(0010,0010)=Roe^Richard", "-i", "(0008,1140)[0].(0008,1150)=1.2.840.10008.5.1.4.1.1.2",
            "-i", "(0008,1140)[1].(0008,1155)=9.8.7", "-i", "(0020,0013)=42", path);

        await using var edited = File.OpenRead(path);
        var (meta, back) = await DicomFile.ReadAsync(edited);
        Assert.Equal(ts.Uid, meta.TransferSyntaxUid);
        Assert.Equal("Roe^Richard", back.GetString(DicomTags.PatientName));
        Assert.Equal("42", back.GetString(DicomTags.InstanceNumber));
        var items = back.GetSequence(DicomTags.ReferencedImageSequence)!.Items;
        Assert.Equal(2, items.Count);
        Assert.Equal(DicomUids.CTImageStorage, items[0].GetString(DicomTags.ReferencedSOPClassUID));
        Assert.Equal("1.2.3.4.5", items[0].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal("9.8.7", items[1].GetString(DicomTags.ReferencedSOPInstanceUID));
    }

    private const string ImageDump = """
        (0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]
        (0008,0018) UI [1.2.3.9]
        (0028,0002) US 1
        (0028,0004) CS [MONOCHROME2]
        (0028,0010) US 8
        (0028,0011) US 8
        (0028,0100) US 8
        (0028,0101) US 8
        (0028,0102) US 7
        (0028,0103) US 0
        """;

    [Fact]
    public async Task Encapsulated_pixel_data_from_dcmcjpeg_passes_through_untouched()
    {
        var pixels = string.Join("\\", Enumerable.Range(0, 64).Select(i => ((i * 13) & 0xFF).ToString("x2")));
        File.WriteAllText(PathOf("img.dump"), ImageDump + "\n(7fe0,0010) OB " + pixels + "\n");
        DcmtkTool.RunOk("dump2dcm", PathOf("img.dump"), PathOf("img.dcm"));
        DcmtkTool.RunOk("dcmcjpeg", PathOf("img.dcm"), PathOf("jpeg.dcm"));

        await using var original = File.OpenRead(PathOf("jpeg.dcm"));
        var (meta, source) = await DicomFile.ReadAsync(original);
        Assert.True(TransferSyntax.TryGet(meta.TransferSyntaxUid, out var ts));
        Assert.True(ts.IsEncapsulated);
        original.Position = 0;
        await using (var output = File.Create(PathOf("copy.dcm")))
            await DicomFile.TranscodeAsync(original, output, ts);

        await using var copy = File.OpenRead(PathOf("copy.dcm"));
        var (_, copied) = await DicomFile.ReadAsync(copy);
        var expected = Assert.IsType<DicomFragments>(source[DicomTags.PixelData]).Fragments.Select(f => f.ToArray()).ToList();
        var actual = Assert.IsType<DicomFragments>(copied[DicomTags.PixelData]).Fragments.Select(f => f.ToArray()).ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(0xFF, expected[1][0]); // a JPEG SOI marker starts the fragment
        Assert.Equal(expected, actual);
        Assert.Contains("yes:", DcmtkTool.RunOk("dcmftest", PathOf("copy.dcm")));
        // DCMTK decodes our copy back to the original pixels (written as OW words 0x0d00 0x271a ...).
        DcmtkTool.RunOk("dcmdjpeg", PathOf("copy.dcm"), PathOf("decoded.dcm"));
        Assert.Contains("(7fe0,0010) OW 0d00\\271a", DcmtkTool.RunOk("dcmdump", "-q", "+L", PathOf("decoded.dcm")));
    }
}
