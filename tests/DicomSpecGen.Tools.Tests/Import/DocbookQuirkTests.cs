using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Tests.Import;

public class DocbookQuirkTests
{
    [Fact]
    public void Zero_width_spaces_soft_hyphens_and_line_breaks_are_removed()
        => Assert.Equal("1.2.840.10008.5.1.4.1.1.2 CT Image", DocbookText.Clean("1.2.840.\u200B10008.5.1.\u00AD4.1.1.2\n   CT\u00A0Image "));

    [Fact]
    public void Value_lists_with_lost_line_breaks_are_split()
    {
        var part08 = DocbookDocument.Load(TestPaths.StandardXml("part08.xml"));
        var row = part08.Table("9-26")!.Rows.Select(PduTableRow.From).Single(r => r!.Bytes == "10")!;
        Assert.Equal("Reason/Diag.", row.Name); // the XML has "Reason/Diag.,"
        Assert.Contains(row.Description.Paragraphs, p => p.Contains("reason-not-specified1 - unrecognized-PDU"));
        var values = row.Values();
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], values.Select(v => v.From));
        Assert.Equal("reason-not-specified", values[0].Meaning);
        Assert.Equal("unrecognized-PDU", values[1].Meaning);
    }

    [Fact]
    public void Qualified_values_and_reserved_ranges_are_read()
    {
        var part08 = DocbookDocument.Load(TestPaths.StandardXml("part08.xml"));
        var row = part08.Table("9-21")!.Rows.Select(PduTableRow.From).Single(r => r!.Bytes == "10")!;
        var values = row.Values();
        Assert.Equal(new PduTableRow.ListedValue(1, 7, 7, "called-AE-title-not-recognized"), values.Single(v => v.Qualifier == 1 && v.From == 7));
        Assert.Equal(new PduTableRow.ListedValue(1, 8, 10, "reserved"), values.Single(v => v.Qualifier == 1 && v.From == 8));
        Assert.Equal(new PduTableRow.ListedValue(2, 2, 2, "protocol-version-not-supported"), values.Single(v => v.Qualifier == 2 && v.From == 2));
        Assert.Equal(["0-0 reserved", "1-1 temporary-congestio", "2-2 local-limit-exceeded", "3-7 reserved"], values.Where(v => v.Qualifier == 3).Select(v => $"{v.From}-{v.To} {v.Meaning}"));
    }

    [Fact]
    public void Byte_ranges_with_spaces_normalize()
    {
        Assert.Equal("3-4", PduTableRow.NormalizeBytes("3 - 4"));
        Assert.Equal("7-xxx", PduTableRow.NormalizeBytes("7 -xxx"));
        Assert.Equal("x+1-x+2", PduTableRow.NormalizeBytes("(x+1) - (x+2)"));
    }
}
