using DicomSpecGen.Tools.Docbook;
using DicomSpecGen.Tools.Editions;

namespace DicomSpecGen.Tools.Tests.Editions;

public class UidEditionDiffTests
{
    private static readonly Lazy<DocbookDocument> Part06 = new(() => DocbookDocument.Load(TestPaths.StandardXml("part06.xml")));

    // A registry in the uids.yaml format: one unchanged 2013 row, one reworded, one retired since, the 2013 typo row
    // under its correct UID, and one UID the 2013 edition does not have.
    private const string Yaml = """
        edition: "2024d"
        document: PS3.6
        uids:
          - { uid: "1.2.840.10008.1.1", title: Verification SOP Class, keyword: Verification, type: SOP Class, source: PS3.6 Table A-1 }
          - { uid: "1.2.840.10008.1.2.4.51", title: JPEG Extended (Process 2 and 4), keyword: JPEGExtended12Bit, type: Transfer Syntax, info: Default Transfer Syntax for Lossy JPEG 12 Bit Image Compression (Process 4 only), source: PS3.6 Table A-1 }
          - { uid: "1.2.840.10008.1.2.6.1", title: RFC 2557 MIME encapsulation, keyword: RFC2557MIMEEncapsulation, type: Transfer Syntax, retired: true, source: PS3.6 Table A-1 }
          - { uid: "1.2.840.10008.5.1.4.1.1.82.1", title: Corneal Topography Map Storage, keyword: CornealTopographyMapStorage, type: SOP Class, source: PS3.6 Table A-1 }
          - { uid: "1.2.840.10008.1.2.1.98", title: Encapsulated Uncompressed Explicit VR Little Endian, keyword: EncapsulatedUncompressedExplicitVRLittleEndian, type: Transfer Syntax, source: PS3.6 Table A-1 }
        """;

    private static UidEditionDiff Diff()
    {
        var path = Path.Combine(Path.GetTempPath(), "dsg-uids-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, Yaml);
        try { return UidEditionDiff.Compare(Part06.Value, path); }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_2013_tables_read_cleanly()
    {
        var (rows, corrections) = UidRegistryXml.Read(Part06.Value);
        Assert.Equal(348, rows.Count); // Tables A-1 and A-2, 2013
        Assert.All(rows, r => Assert.Matches(@"^[12](\.\d+)+$", r.Uid)); // no zero-width spaces left
        Assert.Equal(rows.Count, rows.Select(r => r.Uid).Distinct().Count());
        Assert.Single(corrections);
        var ts = rows.Single(r => r.Uid == "1.2.840.10008.1.2");
        Assert.Equal(("Implicit VR Little Endian", "Default Transfer Syntax for DICOM", "Transfer Syntax", false), (ts.Title, ts.Info, ts.Type, ts.Retired));
        Assert.True(rows.Single(r => r.Uid == "1.2.840.10008.1.2.2").Retired); // "(Retired)" is read off the name
        Assert.DoesNotContain(rows, r => r.Title.Contains("Retired", StringComparison.Ordinal));
        Assert.Equal("Well-known frame of reference", rows.Single(r => r.Uid == "1.2.840.10008.1.4.1.1").Type, ignoreCase: true); // A-1 repeats the A-2 rows
    }

    [Fact]
    public void Rows_added_removed_and_changed_since_2013_are_listed()
    {
        var diff = Diff();
        Assert.Equal(("2013", "2024d"), (diff.FromEdition, diff.ToEdition));
        Assert.Equal(["1.2.840.10008.1.2.1.98"], diff.Added.Select(r => r.Uid));
        Assert.Equal(348 - 4, diff.Removed.Count);
        Assert.DoesNotContain(diff.Removed, r => r.Uid.Contains("82.1", StringComparison.Ordinal)); // the typo row matched its correct UID
        Assert.Equal(2, diff.Unchanged);
        var changes = diff.Changed.ToDictionary(c => c.From.Uid, c => string.Join("; ", c.Changes));
        Assert.Equal("title \"JPEG Extended (Process 2 & 4)\" → \"JPEG Extended (Process 2 and 4)\"", changes["1.2.840.10008.1.2.4.51"]);
        Assert.Equal("retired", changes["1.2.840.10008.1.2.6.1"]);
        var lines = diff.Lines().ToList();
        Assert.Contains("+ 1.2.840.10008.1.2.1.98  Encapsulated Uncompressed Explicit VR Little Endian [Transfer Syntax]", lines);
        Assert.Equal("PS3.6 2013 → 2024d: 1 added, 344 removed, 2 changed, 2 unchanged", lines[^1]);
    }
}
