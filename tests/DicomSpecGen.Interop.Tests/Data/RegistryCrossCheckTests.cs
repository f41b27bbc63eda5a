using DicomSpecGen.Registry;

namespace DicomSpecGen.Interop.Tests.Data;

/// <summary>The generated registry against the reference facts: tests/reference/uids.tsv (pydicom, 2024d) and DCMTK's dicom.dic.</summary>
public class RegistryCrossCheckTests
{
    private static readonly string ReferenceDir = Peers.RepoFolders.ReferenceDir;
    private const string DcmtkDictionary = "/usr/share/libdcmtk17/dicom.dic";

    [Fact]
    public void Uid_registry_matches_uids_tsv_row_for_row()
    {
        var rows = File.ReadAllLines(Path.Combine(ReferenceDir, "uids.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        // uids.yaml also has the UIDs added after 2024d that DCMTK's 2026b dcuid.h lists (dsgtool spec crosscheck).
        string[] after2024d = ["1.2.840.10008.5.1.4.1.1.601.5", "1.2.840.10008.5.1.4.1.1.9.100.1", "1.2.840.10008.5.1.4.1.1.9.100.2"];
        Assert.Equal(after2024d, DicomUids.All.Select(u => u.Uid).Except(rows.Select(r => r[0])).Order(StringComparer.Ordinal));
        Assert.Equal(DicomUids.Count, rows.Count + after2024d.Length);
        Assert.Equal(rows.Count + after2024d.Length, DicomUids.All.Count);
        foreach (var r in rows)
        {
            Assert.True(DicomUids.TryGetInfo(r[0], out var info), r[0]);
            Assert.Equal(r[1], info.Name);
            Assert.Equal(r[2], info.Keyword);
            Assert.Equal(r[4] == "Y", info.IsRetired);
            Assert.Equal(r[5], info.Info);
        }
        Assert.Equal(rows.Count(r => r[3] == "Transfer Syntax"), TransferSyntax.All.Count);
    }

    private static IEnumerable<string[]> DcmtkRows()
        => File.ReadLines(DcmtkDictionary)
            .Where(l => l.Length > 0 && l[0] == '(')
            .Select(l => l.Split('\t', StringSplitOptions.RemoveEmptyEntries))
            .Where(c => c.Length >= 5 && c[4].StartsWith("DICOM", StringComparison.Ordinal) && !c[0].Contains('-'));

    [Theory]
    [InlineData("(0010,0010)")]
    [InlineData("(0008,0018)")]
    [InlineData("(0020,000D)")]
    [InlineData("(0028,0010)")]
    [InlineData("(0002,0010)")]
    [InlineData("(0000,0100)")]
    [InlineData("(0040,A730)")]
    [InlineData("(0054,0016)")]
    [InlineData("(0008,0001)")]
    [InlineData("(7FE0,0008)")]
    public void Spot_checks_agree_with_dicom_dic(string tagText)
    {
        var row = DcmtkRows().Single(c => c[0] == tagText);
        var tag = Convert.ToUInt32(tagText.Substring(1, 4) + tagText.Substring(6, 4), 16);
        if (row[1] == "na") // DCMTK lists placeholders without a VR
        {
            Assert.True(!DicomDictionary.TryLookup(tag, out var placeholder) || placeholder.Vrs.Count == 0);
            return;
        }
        Assert.True(DicomDictionary.TryLookup(tag, out var entry), tagText);
        Assert.Equal(row[1], DicomVrs.Code(entry.Vr));
        Assert.Equal(row[3], entry.Vm);
        Assert.Equal(row[2].Replace("RETIRED_", ""), entry.Keyword);
        Assert.Equal(row[4] == "DICOM/retired", entry.IsRetired);
    }

    [Fact]
    public void Every_dicom_dic_element_we_know_has_the_same_VR()
    {
        var compared = 0;
        var differences = new List<string>();
        foreach (var c in DcmtkRows())
        {
            var tag = Convert.ToUInt32(c[0].Substring(1, 4) + c[0].Substring(6, 4), 16);
            if (!DicomDictionary.TryLookup(tag, out var entry) || entry.Vrs.Count == 0) continue;
            compared++;
            // DCMTK's pseudo VRs: ox = OB or OW, xs = US or SS, lt = US or OW (LUT data), up = UL offset, px = pixel data.
            var vr = c[1] switch { "ox" or "px" => "OB", "xs" or "lt" => "US", "up" => "UL", var v => v };
            if (DicomVrs.Code(entry.Vr) != vr && !entry.Vrs.Select(DicomVrs.Code).Contains(vr)) differences.Add($"{c[0]} ours {string.Join('/', entry.Vrs)} dcmtk {c[1]}");
        }
        Assert.True(compared > 4800, $"only {compared} elements compared");
        // VRs changed after 2013 (UT -> UR, two SQ errata) are taken from 2024d, so DCMTK (2022 dictionary) agrees everywhere.
        Assert.Empty(differences);
    }
}
