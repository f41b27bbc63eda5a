using System.Text.RegularExpressions;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Interop.Tests.Data;

/// <summary>Every element of a DCMTK-made file, in each transfer syntax, decodes to the value dcmdump shows:
/// our <see cref="DicomDump"/> lines against dcmdump's, element by element, nested ones included.</summary>
public sealed partial class DumpComparisonTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dsg-interop-dump-");

    public void Dispose() => _dir.Delete(recursive: true);

    // Text of each VR kind, multi-valued text, numbers of every binary VR, AT, UN, OW, a private element and a sequence.
    private const string Dump = """
        (0008,0005) CS [ISO_IR 100]
        (0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]
        (0008,0018) UI [1.2.3.4.99]
        (0008,0020) DA [20240131]
        (0008,0030) TM [235959.123]
        (0008,002a) DT [20240131235959]
        (0008,0054) AE [STORESCP]
        (0008,0070) LO [Maker \ Co]
        (0008,1030) LO [Study\Two]
        (0010,0010) PN [Doe^Jane^^Dr]
        (0010,1010) AS [042Y]
        (0010,4000) LT [line one]
        (0018,1063) DS [33.3]
        (0020,0013) IS [7]
        (0028,0010) US 2
        (0028,0011) US 2
        (0028,0009) AT (0018,1063)\(0018,1065)
        (0008,1161) UL 1\4294967295
        (0018,9219) SS -32768
        (0018,6028) FD 0.125
        (0018,9089) FD 0.5\0.25\-1
        (0040,9096) SQ (Sequence with undefined length #=1)
          (fffe,e000) na (Item with undefined length #=1)
            (0040,9212) FD -1024\1
            (0028,3003) LO [HU]
          (fffe,e00d) na (ItemDelimitationItem)
        (fffe,e0dd) na (SequenceDelimitationItem)
        (4010,1069) FL 0.5\2
        (0072,0064) IS [1\2\3]
        (0040,a160) UT [unlimited text value]
        (0009,0010) LO [PRIVATE CREATOR]
        (0009,1001) UN 01\02\03\04
        (7fe0,0010) OW 0001\0203\fffe\8000
        """;

    [GeneratedRegex(@"^(\s*)\(([0-9a-f]{4},[0-9a-f]{4})\) (\w\w|\?\?) (.*?)\s+#")]
    private static partial Regex DcmdumpLine();

    [GeneratedRegex(@"^(\s*)\(([0-9a-f]{4},[0-9a-f]{4})\) (\w\w) (.*) # ")]
    private static partial Regex OurLine();

    private static List<string> Elements(IEnumerable<string> lines, Regex pattern)
        => lines.Select(l => pattern.Match(l)).Where(m => m.Success && m.Groups[3].Value is not ("na" or "SQ"))
            .Select(m => $"{m.Groups[1].Value.Length / 2} ({m.Groups[2].Value}) {Vr(m.Groups[3].Value)} {m.Groups[4].Value.Trim()}").ToList();

    // dcmdump shows "??" for a private element of unknown VR in Implicit VR; we read it as UN (PS3.5 Section 6.2.2).
    private static string Vr(string vr) => vr == "??" ? "UN" : vr;

    [Theory]
    [InlineData("+ti")]
    [InlineData("+te")]
    [InlineData("+tb")]
    [InlineData("+td")]
    public async Task Our_decoding_matches_dcmdump_element_by_element(string option)
    {
        var dump = Path.Combine(_dir.FullName, "in.dump");
        File.WriteAllText(dump, Dump);
        var input = Path.Combine(_dir.FullName, "in.dcm");
        var file = Path.Combine(_dir.FullName, "out.dcm");
        DcmtkTool.RunOk("dump2dcm", dump, input);
        DcmtkTool.RunOk("dcmconv", option, input, file);

        var theirs = Elements(DcmtkTool.RunOk("dcmdump", "-q", "-Un", "+L", file).Split('\n').SkipWhile(l => !l.StartsWith("# Dicom-Data-Set", StringComparison.Ordinal)), DcmdumpLine());
        await using var stream = File.OpenRead(file);
        await using var reader = await DicomFileReader.OpenAsync(stream);
        using var text = new StringWriter();
        await DicomDump.WriteAsync(reader.Dataset, text);
        var ours = Elements(text.ToString().Split('\n'), OurLine());

        Assert.Equal(29, theirs.Count);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Format_shows_sequences_indented()
    {
        var ds = new DicomDataset().SetString(DicomTags.PatientName, "A^B");
        ds.AddSequence(DicomTags.ReferencedImageSequence, new DicomDataset().SetString(DicomTags.ReferencedSOPInstanceUID, "1.2"));
        var lines = DicomDump.Format(ds).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("(0008,1140) SQ (Sequence) # u/l ReferencedImageSequence", lines[0]);
        Assert.StartsWith("    (0008,1155) UI [1.2] # 4 ReferencedSOPInstanceUID", lines[2]);
        Assert.StartsWith("(0010,0010) PN [A^B] # 4 PatientName", lines[^1]);
    }
}
