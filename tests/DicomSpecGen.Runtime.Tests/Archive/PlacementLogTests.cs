using DicomSpecGen.Archive;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.ArchiveStore;

/// <summary>The placement log that replaced one record file per instance (docs/scale-out.md "The shared folder"), and
/// the staging files made ahead: what a killed writer leaves is read back exactly, and a new store cleans up after
/// dead writers only.</summary>
public class PlacementLogTests
{
    [Fact]
    public void Open_records_are_those_begun_and_not_ended_and_a_half_written_last_line_is_ignored()
    {
        var folder = TestFiles.TempDir();
        string path;
        using (var log = PlacementLog.Create(folder, "node"))
        {
            path = log.Path;
            var a = log.Begin("ab/1.2.3.dcm", ".incoming/.ready/0/node-1-aa.part");
            var b = log.Begin("cd/1.2.4.dcm", ".incoming/.ready/1/node-1-bb.part");
            log.End(a);
            log.Abandon(b);
            Assert.Equal([(b, "cd/1.2.4.dcm", ".incoming/.ready/1/node-1-bb.part")], log.Abandoned());
        }
        // A line of an earlier version (no staging file) is read as before.
        File.AppendAllText(path, "+7 ef/1.2.5.dcm\n");
        // A writer killed in the middle of an append leaves a line without its newline.
        File.AppendAllText(path, "+3 ef/1.2");
        Assert.Equal(new Dictionary<long, string> { [2] = "cd/1.2.4.dcm", [7] = "ef/1.2.5.dcm" }, PlacementLog.ReadOpen(path));
        var records = PlacementLog.ReadOpenRecords(path);
        Assert.Equal(("cd/1.2.4.dcm", ".incoming/.ready/1/node-1-bb.part"), records[2]);
        Assert.Equal(("ef/1.2.5.dcm", (string?)null), records[7]);
        PlacementLog.EndIn(path, 2);
        PlacementLog.EndIn(path, 7);
        Assert.Empty(PlacementLog.ReadOpen(path));
    }

    [Fact]
    public void The_log_is_emptied_once_nothing_is_open_and_it_has_grown_past_a_megabyte()
    {
        var folder = TestFiles.TempDir();
        using var log = PlacementLog.Create(folder, "node");
        var relative = "ab/" + new string('1', 60) + ".dcm";
        long kept = 0, longest = 0;
        for (var i = 0; i < 20_000 && new FileInfo(log.Path).Length >= longest; i++)
        {
            longest = new FileInfo(log.Path).Length;
            kept = log.Begin(relative);
            var done = log.Begin(relative);
            log.End(done);
            log.End(kept);
        }
        // Once the file neared the limit, an End that left nothing open emptied it instead of appending.
        Assert.InRange(longest, (1 << 20) - 400, 1 << 20);
        Assert.Equal(0, new FileInfo(log.Path).Length);
        var next = log.Begin(relative);
        Assert.True(next > kept);
        Assert.Equal(new Dictionary<long, string> { [next] = relative }, PlacementLog.ReadOpen(log.Path));
    }

    [Fact]
    public async Task A_new_store_removes_the_ready_staging_files_of_dead_writers_of_its_node_only()
    {
        var folder = TestFiles.TempDir();
        var ready = Directory.CreateDirectory(Path.Combine(folder, ".incoming", ".ready", "0")).FullName;
        using var ended = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        await ended.WaitForExitAsync();
        var node = FileSystemInstanceStore.NodeName;
        var dead = Path.Combine(ready, $"{node}-{ended.Id}-aa.part");
        var other = Path.Combine(ready, $"other-node-{ended.Id}-bb.part");
        File.WriteAllText(dead, "");
        File.WriteAllText(other, "");
        _ = new FileSystemInstanceStore(folder);
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(other));
    }

    [Fact]
    public async Task Stores_take_staging_files_made_ahead_and_leave_the_incoming_folder_empty()
    {
        var folder = TestFiles.TempDir();
        var store = new FileSystemInstanceStore(folder, flushToDisk: false);
        using var archive = new DicomArchive(store, new SqliteInstanceIndex(Path.Combine(folder, "index.sqlite")), "SCP");
        var files = await TestFiles.CreateAsync(TestFiles.TempDir(), 40);
        foreach (var f in files) Assert.Equal(0, await ArchiveTests.StoreFileAsync(archive, f.Path));
        Assert.Equal(40, Directory.GetFiles(folder, "*.dcm", SearchOption.AllDirectories).Count(p => !p.Contains(".incoming", StringComparison.Ordinal)));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        // Made ahead by a background task (the first store made its own while the pool began filling).
        string[] Ready() => Directory.GetFiles(Path.Combine(folder, ".incoming", ".ready"), "*.part", SearchOption.AllDirectories);
        for (var i = 0; i < 100 && Ready().Length == 0; i++) await Task.Delay(50);
        Assert.NotEmpty(Ready());
        Assert.Empty(store.Unsettled());
    }
}
