using DicomSpecGen.Registry;
using DicomSpecGen.Spec.Registry;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>The generated registry equals the YAML read at run time by the spec parsers (the interpreter's view).</summary>
public class RegistryInterpreterTests
{
    private static string Spec(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "spec", "part06", "uids.yaml"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir!.FullName, "spec", relative);
    }

    // Each test compares every row of its file with the generated table, so it declares the file's tables.
    [Fact]
    [SpecRow("PS3.6 Table 6-1")]
    [SpecRow("PS3.6 Table 7-1")]
    [SpecRow("PS3.6 Table 8-1")]
    [SpecRow("PS3.7 Table E.1-1")]
    [SpecRow("PS3.7 Table E.2-1")]
    public void Generated_dictionary_equals_the_parsed_yaml()
    {
        var vrs = VrParser.Parse("vrs.yaml", File.ReadAllText(Spec("part05/vrs.yaml")));
        var parsed = DictionaryParser.Parse("dictionary.yaml", File.ReadAllText(Spec("part06/dictionary.yaml")), vrs.Vrs.Select(v => v.Code).ToHashSet());
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(DicomDictionary.Count, parsed.Elements.Count);
        var generated = DicomDictionary.All.ToDictionary(e => (e.Tag, e.Mask));
        foreach (var e in parsed.Elements)
        {
            var g = generated[(e.Tag, e.Mask)];
            Assert.Equal(e.Keyword, g.Keyword);
            Assert.Equal(e.Name, g.Name);
            Assert.Equal(e.Vm, g.Vm);
            Assert.Equal(e.Retired, g.IsRetired);
            Assert.Equal(e.Vrs, g.Vrs.Select(DicomVrs.Code));
            Assert.Equal(e.TagText.ToUpperInvariant().Replace('X', 'x'), g.TagText);
            // A named row is also a DicomTags constant (placeholders, keyword "-", are only in the table).
            if (e.Keyword.Length > 0) Assert.Equal(e.Tag, (uint)typeof(DicomTags).GetField(e.Keyword)!.GetValue(null)!);
        }
    }

    [Fact]
    [SpecRow("PS3.6 Table A-1")]
    [SpecRow("PS3.6 Table A-2")]
    public void Generated_uids_and_transfer_syntaxes_equal_the_parsed_yaml()
    {
        var parsed = UidParser.Parse("uids.yaml", File.ReadAllText(Spec("part06/uids.yaml")));
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(parsed.Uids.Select(u => (u.Uid, u.Title, u.Keyword, u.Retired, u.Info)),
            DicomUids.All.Select(u => (u.Uid, u.Name, u.Keyword, u.IsRetired, u.Info)));
        foreach (var u in parsed.Uids.Where(u => u.Keyword.Length > 0))
        {
            Assert.Equal(u.Uid, (string)typeof(DicomUids).GetField(u.Keyword)!.GetValue(null)!);
        }
        foreach (var u in parsed.Uids.Where(u => u.TransferSyntax != null))
        {
            Assert.True(TransferSyntax.TryGet(u.Uid, out var ts));
            var e = u.TransferSyntax!;
            Assert.Equal(e.Vr == "explicit", ts.IsExplicitVr);
            Assert.Equal(e.ByteOrder == "big", ts.IsBigEndian);
            Assert.Equal(e.Deflated, ts.IsDeflated);
            Assert.Equal(e.PixelData, ts.PixelData.ToString().ToLowerInvariant());
            Assert.Equal(e.Vr != "none", ts.IsDataSetEncoding);
        }
    }

    [Fact]
    [SpecRow("PS3.5 Table 6.2-1")]
    public void Generated_vrs_equal_the_parsed_yaml()
    {
        var parsed = VrParser.Parse("vrs.yaml", File.ReadAllText(Spec("part05/vrs.yaml")));
        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(parsed.Vrs.Count, Enum.GetValues<DicomVr>().Length - 1);
        foreach (var v in parsed.Vrs)
        {
            Assert.True(DicomVrs.TryParse((byte)v.Code[0], (byte)v.Code[1], out var vr));
            Assert.Equal(v.LengthField == 4, DicomVrs.HasLongLength(vr));
            Assert.Equal(v.Size, DicomVrs.ValueSize(vr));
            Assert.Equal(v.Padding == "space" ? (byte)' ' : (byte)0, DicomVrs.PaddingByte(vr));
            Assert.Equal(v.Kind, DicomVrs.Kind(vr).ToString().ToLowerInvariant());
        }
    }
}
