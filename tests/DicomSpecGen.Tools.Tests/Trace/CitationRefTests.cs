using DicomSpecGen.Tools.Trace;

namespace DicomSpecGen.Tools.Tests.Trace;

public class CitationRefTests
{
    [Theory]
    [InlineData("PS3.8 Table 9-11, PDU-type", "PS3.8 Table 9-11")]
    [InlineData("PS3.8 Table 9-15, Item-type; Table 9-19", "PS3.8 Table 9-15|PS3.8 Table 9-19")]
    [InlineData("PS3.7 Table D.3-9, SCU-role; Table D.3-10", "PS3.7 Table D.3-9|PS3.7 Table D.3-10")]
    [InlineData("PS3.8 Annex E.2, bit 0", "PS3.8 Annex E.2")]
    [InlineData("PS3.6 Table A-1", "PS3.6 Table A-1")]
    [InlineData("no part here, Table 9-1", "")]
    public void Tables_are_read_with_their_part(string citation, string expected)
        => Assert.Equal(expected, string.Join('|', CitationRef.Tables(citation)));

    private static TraceRow Row(string citation, string kind = "field") => new("f#x", kind, "f", 1, citation, "2013", []);

    [Theory]
    [InlineData("PS3.8 Table 9-11", "PS3.8 Table 9-11, PDU-type", "field", true)]
    [InlineData("PS3.8 Table 9-1", "PS3.8 Table 9-11, PDU-type", "field", false)]
    [InlineData("PS3.8 Table 9-19", "PS3.8 Table 9-15, Item-type; Table 9-19", "field", true)]
    [InlineData("PS3.8 Table 9-21", "PS3.8 Table 9-21, Result 1", "enum-value", false)]
    [InlineData("PS3.8 Table 9-21, Result", "PS3.8 Table 9-21, Result 1", "enum-value", true)]
    [InlineData("PS3.8 Table 9-21, Reason 7 (Source 1)", "PS3.8 Table 9-21, Reason 7 (Source 1)", "enum-value", true)]
    [InlineData("PS3.8 Table 9-21, Reason 7", "PS3.8 Table 9-21, Reason 70", "enum-value", false)]
    public void Declarations_cover_rows(string declared, string citation, string kind, bool covers)
        => Assert.Equal(covers, CitationRef.Covers(declared, Row(citation, kind)));

    [Theory]
    [InlineData("PS3.8 Table 9-11, PDU-type (2013)", true)]
    [InlineData("PS3.8 Table 9-11, PDU-type (2013); bytes 1", true)]
    [InlineData("PS3.8 Table 9-11, PDU-type (2024d)", false)]
    [InlineData("PS3.8 Table 9-11, PDU-type-x (2013)", false)]
    public void Remarks_cite_a_row_with_its_edition(string remark, bool cites)
        => Assert.Equal(cites, CitationRef.RemarkCites(remark, "PS3.8 Table 9-11, PDU-type (2013)"));
}
