using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The archive without the network: safe file names, atomic replacement, index matching.</summary>
public class ArchiveTests
{
    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/abs/path")]
    [InlineData("1.2.3/../../x")]
    [InlineData("")]
    [InlineData("1.2.840.10008.1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26.27")]
    public void Unsafe_uids_become_hashed_names_inside_the_root(string uid)
    {
        var relative = FileSystemInstanceStore.SafeRelativePath(uid);
        Assert.DoesNotContain("..", relative);
        Assert.False(Path.IsPathRooted(relative));
        Assert.Matches("^[0-9a-f]{2}/[0-9a-f]{64}\\.dcm$", relative.Replace('\\', '/'));
    }

    [Fact]
    public void Valid_uids_keep_their_name()
        => Assert.EndsWith("/1.2.840.113619.2.55.3.604688119.1.dcm", "/" + FileSystemInstanceStore.SafeRelativePath("1.2.840.113619.2.55.3.604688119.1").Replace('\\', '/'));

    [Fact]
    public void Opening_a_path_outside_the_store_is_refused()
    {
        var store = new FileSystemInstanceStore(TestFiles.TempDir());
        Assert.Throws<UnauthorizedAccessException>(() => store.OpenRead("../outside.dcm"));
    }

    internal static async Task<ushort> StoreFileAsync(DicomArchive archive, string path, string? claimedSop = null)
    {
        await using var reader = await DicomFileReader.OpenAsync(File.OpenRead(path));
        var pipe = new Pipe();
        var copy = Task.Run(async () =>
        {
            await using var input = File.OpenRead(path);
            // The data set bytes after the meta, as they would arrive on the network.
            var offset = 132 + 12 + BitConverter.ToUInt32(File.ReadAllBytes(path), 140);
            input.Position = offset;
            await input.CopyToAsync(pipe.Writer.AsStream());
            await pipe.Writer.CompleteAsync();
        });
        var status = await archive.StoreAsync(new StoreContext(reader.Meta.MediaStorageSopClassUid, claimedSop ?? reader.Meta.MediaStorageSopInstanceUid, "SCU", "SCP"),
            pipe.Reader, reader.TransferSyntax, CancellationToken.None);
        await copy;
        return status;
    }

    [Fact]
    public async Task Storing_twice_replaces_the_file_and_index_row_and_leaves_no_temp_files()
    {
        var folder = TestFiles.TempDir();
        using var archive = DicomArchive.Open(folder, "SCP");
        var first = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, patientName: "FIRST^NAME");
        Assert.Equal(0, await StoreFileAsync(archive, first[0].Path));
        Assert.Equal(0, await StoreFileAsync(archive, first[0].Path));
        Assert.Single(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        var rows = await archive.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None);
        Assert.Single(rows);
    }

    [Fact]
    public async Task A_data_set_whose_uid_differs_from_the_command_is_refused_and_not_kept()
    {
        var folder = TestFiles.TempDir();
        using var archive = DicomArchive.Open(folder, "SCP");
        var file = await TestFiles.CreateAsync(TestFiles.TempDir(), 1);
        Assert.Equal(DicomSpecGen.Dimse.DimseStatus.Storage.CannotUnderstand, await StoreFileAsync(archive, file[0].Path, claimedSop: "1.2.3.999"));
        Assert.Empty(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
    }

    [Fact]
    public async Task Matching_kinds_translate_to_the_index()
    {
        var folder = TestFiles.TempDir();
        using var archive = DicomArchive.Open(folder, "SCP");
        var a = await TestFiles.CreateAsync(TestFiles.TempDir(), 2, "A1", "ALPHA^ONE", studyDate: "20230301");
        var b = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, "B1", "BETA^TWO", studyDate: "20240601", modality: "MR");
        foreach (var f in a.Concat(b)) Assert.Equal(0, await StoreFileAsync(archive, f.Path));
        var model = DicomUids.StudyRootQueryRetrieveInformationModelFind;

        async Task<List<DicomDataset>> Find(DicomDataset q) => await archive.FindAsync(model, q, CancellationToken.None).ToListAsync();
        DicomDataset Study() => new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY").SetString(DicomTags.StudyInstanceUID, DicomVr.UI, "");

        Assert.Equal(2, (await Find(Study())).Count);
        Assert.Single(await Find(Study().SetString(DicomTags.PatientName, DicomVr.PN, "AL?HA*")));
        Assert.Single(await Find(Study().SetString(DicomTags.StudyDate, DicomVr.DA, "-20231231")));
        Assert.Equal(2, (await Find(Study().SetString(DicomTags.StudyInstanceUID, DicomVr.UI, a[0].StudyUid + "\\" + b[0].StudyUid))).Count);
        Assert.Empty(await Find(Study().SetString(DicomTags.PatientID, DicomVr.LO, "A")));
        var series = await Find(new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "SERIES")
            .SetString(DicomTags.Modality, DicomVr.CS, "MR").SetString(DicomTags.SeriesInstanceUID, DicomVr.UI, "").SetString(DicomTags.NumberOfSeriesRelatedInstances, DicomVr.IS, ""));
        var mr = Assert.Single(series);
        Assert.Equal(b[0].SeriesUid, mr.GetString(DicomTags.SeriesInstanceUID));
        Assert.Equal("1", mr.GetString(DicomTags.NumberOfSeriesRelatedInstances));
        // A key the level does not hold is returned empty, not filled (PS3.4 C.4.1.1.3.2).
        var patientLevelOnly = await Find(Study().SetString(DicomTags.SOPInstanceUID, DicomVr.UI, ""));
        Assert.All(patientLevelOnly, d => Assert.Equal("", d.GetString(DicomTags.SOPInstanceUID)));

        var retrieve = await archive.ResolveAsync(DicomUids.StudyRootQueryRetrieveInformationModelMove, new DicomDataset()
            .SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY").SetString(DicomTags.StudyInstanceUID, DicomVr.UI, a[0].StudyUid), CancellationToken.None);
        Assert.Equal(a.Select(f => f.SopInstanceUid).Order(), retrieve.Select(r => r.SopInstanceUid).Order());
        await using var opened = retrieve[0].OpenFile();
        Assert.True(opened.Length > 0);

        await Assert.ThrowsAsync<QueryException>(async () => await Find(new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "PATIENT")));
    }
}
