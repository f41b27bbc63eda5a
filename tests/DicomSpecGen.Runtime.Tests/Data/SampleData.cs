using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>A small Data Set with text, binary numbers of each size, nested sequences and an odd-length value.</summary>
internal static class SampleData
{
    public static readonly TheoryData<string> TransferSyntaxes = new()
    {
        TransferSyntax.ImplicitVRLittleEndian.Uid,
        TransferSyntax.ExplicitVRLittleEndian.Uid,
        TransferSyntax.ExplicitVRBigEndian.Uid,
        TransferSyntax.DeflatedExplicitVRLittleEndian.Uid,
    };

    public static TransferSyntax Ts(string uid) => TransferSyntax.TryGet(uid, out var ts) ? ts : throw new ArgumentException(uid);

    public static DicomDataset Build()
    {
        var inner = new DicomDataset()
            .SetString(DicomTags.CodeValue, "121311")
            .SetString(DicomTags.CodingSchemeDesignator, "DCM")
            .SetString(DicomTags.CodeMeaning, "Localizer");
        var item1 = new DicomDataset()
            .SetString(DicomTags.ReferencedSOPClassUID, DicomUids.CTImageStorage)
            .SetString(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4.5.6.7");
        item1.AddSequence(DicomTags.PurposeOfReferenceCodeSequence, inner);
        var item2 = new DicomDataset()
            .SetString(DicomTags.ReferencedSOPClassUID, DicomUids.MRImageStorage)
            .SetString(DicomTags.ReferencedSOPInstanceUID, "1.2.3.4.5.6.8");
        var ds = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomUids.SecondaryCaptureImageStorage)
            .SetString(DicomTags.SOPInstanceUID, "1.2.826.0.1.3680043.2.1143.1")
            .SetString(DicomTags.PatientName, "Doe^John")
            .SetString(DicomTags.PatientID, "ID12345")
            .SetString(DicomTags.StudyDescription, "odd") // odd length: padded with a space
            .SetString(DicomTags.ImageType, "ORIGINAL", "PRIMARY", "AXIAL")
            .SetUInt16(DicomTags.Rows, 2)
            .SetUInt16(DicomTags.Columns, 3)
            .SetUInt32(DicomTags.SimpleFrameList, 7, 70000)
            .SetFloat64(DicomTags.ReferencePixelPhysicalValueX, 0.25)
            .SetBytes(DicomTags.FrameIncrementPointer, DicomVr.AT, new byte[] { 0x18, 0x00, 0x63, 0x10 })
            .SetBytes(DicomTags.PixelData, DicomVr.OW, new byte[] { 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 0xFF, 0xEE });
        ds.AddSequence(DicomTags.ReferencedImageSequence, item1, item2);
        return ds;
    }

    public static void AssertMatches(DicomDataset ds)
    {
        Assert.Equal(DicomUids.SecondaryCaptureImageStorage, ds.GetString(DicomTags.SOPClassUID));
        Assert.Equal("Doe^John", ds.GetString(DicomTags.PatientName));
        Assert.Equal("ID12345", ds.GetString(DicomTags.PatientID));
        Assert.Equal("odd", ds.GetString(DicomTags.StudyDescription));
        Assert.Equal(new[] { "ORIGINAL", "PRIMARY", "AXIAL" }, ds.GetStrings(DicomTags.ImageType));
        Assert.Equal((ushort)2, ds.GetUInt16(DicomTags.Rows));
        Assert.Equal((ushort)3, ds.GetUInt16(DicomTags.Columns));
        Assert.Equal(70000u, ds.GetUInt32(DicomTags.SimpleFrameList, 1));
        Assert.Equal(0.25, ds.GetFloat64(DicomTags.ReferencePixelPhysicalValueX));
        var at = Assert.IsType<DicomElement>(ds[DicomTags.FrameIncrementPointer]);
        Assert.Equal(new byte[] { 0x18, 0x00, 0x63, 0x10 }, at.Value.ToArray());
        var pixels = Assert.IsType<DicomElement>(ds[DicomTags.PixelData]);
        Assert.Equal(new byte[] { 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 0xFF, 0xEE }, pixels.Value.ToArray());
        var seq = ds.GetSequence(DicomTags.ReferencedImageSequence);
        Assert.NotNull(seq);
        Assert.Equal(2, seq!.Items.Count);
        Assert.Equal("1.2.3.4.5.6.7", seq.Items[0].GetString(DicomTags.ReferencedSOPInstanceUID));
        Assert.Equal(DicomUids.MRImageStorage, seq.Items[1].GetString(DicomTags.ReferencedSOPClassUID));
        var purpose = seq.Items[0].GetSequence(DicomTags.PurposeOfReferenceCodeSequence);
        Assert.Equal("Localizer", Assert.Single(purpose!.Items).GetString(DicomTags.CodeMeaning));
    }

    public static DicomFileMeta Meta(TransferSyntax ts)
        => new(DicomUids.SecondaryCaptureImageStorage, "1.2.826.0.1.3680043.2.1143.1", ts.Uid);
}
