using System.Buffers;
using System.IO.Pipelines;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>Plain retrieve destination (dsg get/move -od): names, no half-written files, nothing overwritten.</summary>
public class PlainFolderStorageTests
{
    private static byte[] DataSet(string sop, string? modality, string patientId = "P1")
    {
        var data = new DicomDataset()
            .SetString(DicomTags.SOPClassUID, DicomVr.UI, DicomUids.CTImageStorage)
            .SetString(DicomTags.SOPInstanceUID, DicomVr.UI, sop)
            .SetString(DicomTags.PatientID, DicomVr.LO, patientId);
        if (modality != null) data.SetString(DicomTags.Modality, DicomVr.CS, modality);
        var bytes = new ArrayBufferWriter<byte>();
        data.Encode(bytes, TransferSyntax.ExplicitVRLittleEndian);
        return bytes.WrittenSpan.ToArray();
    }

    private static Task<ushort> StoreAsync(PlainFolderStorage storage, string sop, byte[] data, CancellationToken cancellationToken = default)
        => storage.StoreAsync(new StoreContext(DicomUids.CTImageStorage, sop, "PEER", "US"), PipeReader.Create(new ReadOnlySequence<byte>(data)),
            TransferSyntax.ExplicitVRLittleEndian, cancellationToken);

    [Fact]
    public async Task Files_are_named_modality_dot_uid_and_read_back_as_part10()
    {
        var storage = new PlainFolderStorage(TestFiles.TempDir());
        Assert.Equal(DimseStatus.Success, await StoreAsync(storage, "1.2.3.4", DataSet("1.2.3.4", "MR")));
        Assert.Equal(DimseStatus.Success, await StoreAsync(storage, "1.2.3.5", DataSet("1.2.3.5", null)));
        Assert.Equal(["MR.1.2.3.4.dcm", "UNKNOWN.1.2.3.5.dcm"], Directory.GetFiles(storage.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        await using var file = File.OpenRead(Path.Combine(storage.Root, "MR.1.2.3.4.dcm"));
        var (meta, data) = await DicomFile.ReadAsync(file);
        Assert.Equal("1.2.3.4", meta.MediaStorageSopInstanceUid);
        Assert.Equal("P1", data.GetString(DicomTags.PatientID));
    }

    [Theory]
    [InlineData("../../etc/passwd", "../x")]
    [InlineData("1.2.3/../../x", "CT/../..")]
    public void Unsafe_values_never_name_a_path_outside_the_folder(string uid, string modality)
    {
        var name = PlainFolderStorage.FileName(modality, uid);
        Assert.Matches("^UNKNOWN\\.[0-9a-f]{64}\\.dcm$", name);
    }

    [Fact]
    public async Task Concurrent_copies_of_one_instance_keep_one_file_when_identical_and_both_when_different()
    {
        var storage = new PlainFolderStorage(TestFiles.TempDir());
        var same = DataSet("1.2.3.9", "CT");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => StoreAsync(storage, "1.2.3.9", same))));
        Assert.All(results, s => Assert.Equal(DimseStatus.Success, s));
        Assert.Equal(["CT.1.2.3.9.dcm"], Directory.GetFiles(storage.Root).Select(Path.GetFileName));

        Assert.Equal(DimseStatus.Success, await StoreAsync(storage, "1.2.3.9", DataSet("1.2.3.9", "CT", patientId: "P2")));
        Assert.Equal(["CT.1.2.3.9-2.dcm", "CT.1.2.3.9.dcm"], Directory.GetFiles(storage.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var (_, first) = await DicomFile.ReadAsync(File.OpenRead(Path.Combine(storage.Root, "CT.1.2.3.9.dcm")));
        Assert.Equal("P1", first.GetString(DicomTags.PatientID));
    }

    [Fact]
    public async Task An_interrupted_transfer_leaves_no_file_behind()
    {
        var storage = new PlainFolderStorage(TestFiles.TempDir());
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(DataSet("1.2.3.10", "CT").AsMemory(0, 20));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => storage.StoreAsync(new StoreContext(DicomUids.CTImageStorage, "1.2.3.10", "PEER", "US"),
            pipe.Reader, TransferSyntax.ExplicitVRLittleEndian, cts.Token));
        Assert.Empty(Directory.GetFiles(storage.Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_data_set_naming_another_instance_is_refused()
    {
        var storage = new PlainFolderStorage(TestFiles.TempDir());
        Assert.Equal(DimseStatus.Storage.CannotUnderstand, await StoreAsync(storage, "1.2.3.11", DataSet("1.2.3.99", "CT")));
        Assert.Empty(Directory.GetFiles(storage.Root));
    }
}
