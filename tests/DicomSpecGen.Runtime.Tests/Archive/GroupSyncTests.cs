using System.Collections.Concurrent;
using DicomSpecGen.Archive;
using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The group commit's pass (GroupSync): requests for one open file are merged into one sync, and when the
/// same pass holds an fdatasync (Data) and an fsync (File) of it, the fsync is the one issued, since only it also
/// covers the file's metadata (size, blocks) that the File caller relies on.</summary>
public class GroupSyncTests
{
    /// <summary>Records each sync; the first blocks until released, so later requests gather into the next pass.</summary>
    private sealed class GateDisk : IDiskSync
    {
        public ConcurrentQueue<(string Kind, string Path)> Calls { get; } = new();
        public ManualResetEventSlim Entered { get; } = new();
        public ManualResetEventSlim Release { get; } = new();

        public void File(SafeFileHandle file, string path) => Record("file", path);

        public void Data(SafeFileHandle file, string path) => Record("data", path);

        public void Folder(string path) => Record("folder", path);

        private void Record(string kind, string path)
        {
            if (!Entered.IsSet)
            {
                Entered.Set();
                Assert.True(Release.Wait(TimeSpan.FromSeconds(30)), "the test never released the first sync");
            }
            Calls.Enqueue((kind, path));
        }
    }

    /// <summary>Asks for <paramref name="requests"/> on one open file while a first pass blocks, so they share the next
    /// pass; returns the syncs issued for that file.</summary>
    private static async Task<List<(string Kind, string Path)>> SyncsInOnePassAsync(Func<GroupSync, SafeFileHandle, string, Task[]> requests)
    {
        var folder = Directory.CreateTempSubdirectory("dsg-groupsync-").FullName;
        try
        {
            var disk = new GateDisk();
            var sync = new GroupSync(disk);
            var path = Path.Combine(folder, "journal");
            using var handle = System.IO.File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite);
            var first = sync.FolderAsync(folder);
            Assert.True(disk.Entered.Wait(TimeSpan.FromSeconds(30)));
            var asked = requests(sync, handle, path);
            disk.Release.Set();
            await Task.WhenAll([first, .. asked]).WaitAsync(TimeSpan.FromSeconds(30));
            return disk.Calls.Where(c => c.Path == path).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Data_and_file_sync_of_one_handle_in_one_pass_issue_one_fsync(bool fileFirst)
    {
        var calls = await SyncsInOnePassAsync((sync, handle, path) => fileFirst
            ? [sync.FileAsync(handle, path), sync.DataAsync(handle, path)]
            : [sync.DataAsync(handle, path), sync.FileAsync(handle, path)]);
        Assert.Equal(["file"], calls.Select(c => c.Kind));
    }

    [Fact]
    public async Task Two_data_syncs_of_one_handle_in_one_pass_issue_one_fdatasync()
    {
        var calls = await SyncsInOnePassAsync((sync, handle, path) => [sync.DataAsync(handle, path), sync.DataAsync(handle, path)]);
        Assert.Equal(["data"], calls.Select(c => c.Kind));
    }
}
