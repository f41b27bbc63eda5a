using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Archive.Index;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.StorageCommitment;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The archive without the network: safe file names (the index tests: <see cref="ArchiveIndexTests"/>).</summary>
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

    [Fact]
    public async Task A_new_store_removes_only_its_own_nodes_staging_files_of_dead_writers()
    {
        var folder = TestFiles.TempDir();
        var incoming = Directory.CreateDirectory(Path.Combine(folder, ".incoming")).FullName;
        // A process id that was in use and is gone now.
        using (var ended = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            await ended.WaitForExitAsync();
            var dead = ended.Id;
            using var alive = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
            try
            {
                var node = FileSystemInstanceStore.NodeName;
                string[] removed = [$"{node}-{dead}-aa.part", $"{dead}-bb.part"];
                string[] kept = [$"{node}-{alive.Id}-cc.part", $"other-node-{dead}-dd.part", $"other-node-{alive.Id}-ee.part"];
                foreach (var name in removed.Concat(kept)) await File.WriteAllTextAsync(Path.Combine(incoming, name), "x");
                _ = new FileSystemInstanceStore(folder);
                Assert.Equal(kept.Order(StringComparer.Ordinal), Directory.GetFiles(incoming).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
            }
            finally
            {
                alive.Kill();
            }
        }
    }

    [Fact]
    public async Task Staging_names_carry_the_node_and_the_process()
    {
        var root = TestFiles.TempDir();
        var store = new FileSystemInstanceStore(root, flushToDisk: false);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(new byte[] { 8, 0, 0x16, 0, (byte)'U', (byte)'I', 2, 0, (byte)'1', 0 });
        await pipe.Writer.CompleteAsync();
        var staged = await store.StageAsync(new DicomFileMeta(DicomUids.CTImageStorage, "1.2.3", DicomUids.ExplicitVRLittleEndian), pipe.Reader, CancellationToken.None);
        Assert.StartsWith($"{FileSystemInstanceStore.NodeName}-{Environment.ProcessId}-", Path.GetFileName(staged.TempPath));
        store.Discard(staged);
    }

    internal static async Task<ushort> StoreFileAsync(DicomArchive archive, string path, string? claimedSop = null, CancellationToken cancellationToken = default)
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
            pipe.Reader, reader.TransferSyntax, cancellationToken);
        await copy;
        return status;
    }
}

/// <summary>The archive over each index (SQLite, PostgreSQL): replacement, refusal, matching, commitment, duplicates
/// and two nodes at once.</summary>
public abstract class ArchiveIndexTests
{
    protected abstract IndexBackend Backend { get; }

    [Fact]
    public async Task Storing_twice_replaces_the_file_and_index_row_and_leaves_no_temp_files()
    {
        var folder = TestFiles.TempDir();
        using var archive = Backend.Open(folder, "SCP");
        var first = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, patientName: "FIRST^NAME");
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, first[0].Path));
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, first[0].Path));
        Assert.Single(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        var rows = await archive.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None);
        Assert.Single(rows);
    }

    [Fact]
    public async Task A_data_set_whose_uid_differs_from_the_command_is_refused_and_not_kept()
    {
        var folder = TestFiles.TempDir();
        using var archive = Backend.Open(folder, "SCP");
        var file = await TestFiles.CreateAsync(TestFiles.TempDir(), 1);
        Assert.Equal(DicomSpecGen.Dimse.DimseStatus.Storage.CannotUnderstand, await ArchiveTests.StoreFileAsync(archive, file[0].Path, claimedSop: "1.2.3.999"));
        Assert.Empty(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
    }

    [Fact]
    public async Task Matching_kinds_translate_to_the_index()
    {
        var folder = TestFiles.TempDir();
        using var archive = Backend.Open(folder, "SCP");
        var a = await TestFiles.CreateAsync(TestFiles.TempDir(), 2, "A1", "ALPHA^ONE", studyDate: "20230301");
        var b = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, "B1", "BETA^TWO", studyDate: "20240601", modality: "MR");
        foreach (var f in a.Concat(b)) Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
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

    [Fact]
    public async Task Storage_commitment_finds_the_stored_instances_and_their_classes_only()
    {
        var folder = TestFiles.TempDir();
        using var archive = Backend.Open(folder, "SCP");
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 2);
        foreach (var f in files) Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
        var found = await new IndexCommitmentArchive(archive.Index).SopClassesAsync([files[0].SopInstanceUid, "1.2.3.404", files[1].SopInstanceUid], CancellationToken.None);
        Assert.Equal(new[] { files[0].SopInstanceUid, files[1].SopInstanceUid }.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found.Values, c => Assert.Equal(DicomUids.CTImageStorage, c));
    }

    [Fact]
    public async Task Keep_first_answers_success_to_a_second_copy_and_keeps_the_first_file_and_row()
    {
        var folder = TestFiles.TempDir();
        using var archive = Backend.Open(folder, "SCP", duplicates: DuplicatePolicy.KeepFirst);
        var first = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, patientName: "FIRST^NAME");
        // The same study UID gives the same SOP Instance UID: a second copy with another patient name.
        var second = await TestFiles.CreateAsync(TestFiles.TempDir(), 1, patientName: "SECOND^NAME", studyUid: first[0].StudyUid);
        Assert.Equal(first[0].SopInstanceUid, second[0].SopInstanceUid);
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, first[0].Path));
        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories)));
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, second[0].Path));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories))));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        var row = Assert.Single(await archive.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        Assert.Equal("FIRST^NAME", row["patient_name"]);

        // Replace (the default) takes the second copy.
        using var replacing = Backend.Open(folder, "SCP");
        Assert.Equal(0, await ArchiveTests.StoreFileAsync(replacing, second[0].Path));
        Assert.Equal("SECOND^NAME", Assert.Single(await replacing.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None))["patient_name"]);
    }

    [Theory]
    [InlineData(DuplicatePolicy.Replace)]
    [InlineData(DuplicatePolicy.KeepFirst)]
    public async Task Two_nodes_storing_the_same_instance_at_once_end_with_one_row_and_one_file(DuplicatePolicy policy)
    {
        // Two archives (as two nodes would be) on one folder and one index, each storing the same instance 8 times at once.
        var folder = TestFiles.TempDir();
        using var a = Backend.Open(folder, "SCP", duplicates: policy);
        using var b = Backend.Open(folder, "SCP", duplicates: policy);
        var file = await TestFiles.CreateAsync(TestFiles.TempDir(), 1);
        var stores = Enumerable.Range(0, 16).Select(i => Task.Run(() => ArchiveTests.StoreFileAsync(i % 2 == 0 ? a : b, file[0].Path)));
        Assert.All(await Task.WhenAll(stores), status => Assert.Equal(0, status));
        var stored = Assert.Single(Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories));
        // Whole: the data set reads back, same as the sent one.
        await using (var original = File.OpenRead(file[0].Path))
        await using (var copy = File.OpenRead(stored))
        {
            var (_, sent) = await DicomFile.ReadAsync(original);
            var (meta, kept) = await DicomFile.ReadAsync(copy);
            Assert.Equal(file[0].SopInstanceUid, meta.MediaStorageSopInstanceUid);
            Assert.Equal(sent.Encode(TransferSyntax.ExplicitVRLittleEndian), kept.Encode(TransferSyntax.ExplicitVRLittleEndian));
        }
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        Assert.Single(await a.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
        Assert.Single(await b.Index.QueryAsync(QueryLevel.Image, [], CancellationToken.None));
    }
}

public sealed class SqliteArchiveIndexTests : ArchiveIndexTests
{
    protected override IndexBackend Backend => IndexBackend.Sqlite;
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresArchiveIndexTests(PostgresCluster cluster) : ArchiveIndexTests
{
    protected override IndexBackend Backend { get; } = new PostgresBackend(cluster);
}
