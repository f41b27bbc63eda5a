using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>Faults during C-STORE: the sending peer (DCMTK storescu) killed mid-transfer, our SCP process killed
/// with SIGKILL mid-write, and writes failing like a full disk. No partial instance becomes visible, the index
/// matches the files, and a failed write is a failure status to the SCU, not a crash.</summary>
public class FaultTests
{
    private const int Big = 48 * 1024 * 1024;

    private static RequestorOptions Requestor(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "FAULTSCU",
        CalledAeTitle = "DSGSCP",
        PresentationContexts = [new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian])],
        Transport = OurArchive.Transport,
    };

    private static async Task<int> IndexedAsync(string folder)
    {
        using var archive = DicomArchive.Open(folder, "CHECK");
        // As the SCP's next start does: a killed SCP's last rows (written behind its Success) come from its open
        // placement records.
        await archive.ReconcileAsync(CancellationToken.None);
        var rows = await archive.Index.InstancesAsync([], CancellationToken.None);
        foreach (var row in rows) Assert.True(File.Exists(Path.Combine(folder, row.RelativePath)), "index row without file: " + row.RelativePath);
        return rows.Count;
    }

    [Fact]
    public async Task Storescu_killed_mid_transfer_leaves_nothing_and_the_scp_keeps_serving()
    {
        var source = DcmtkFiles.TempDir();
        var big = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.77.1", Big);
        await using var server = OurArchive.Start();
        using (var storescu = Dcmtk.Start("storescu", "-aec", "DSGSCP", "127.0.0.1", server.Port.ToString(), big))
        {
            await LargeFiles.WaitForPartialAsync(server.Folder, 1 << 20, TimeSpan.FromSeconds(60));
            storescu.Kill();
            await storescu.WaitForExitAsync();
        }
        // The SCP notices the dead peer and discards the staged file.
        for (var i = 0; i < 100 && Directory.GetFiles(Path.Combine(server.Folder, ".incoming")).Length > 0; i++) await Task.Delay(50);
        Assert.Empty(Directory.GetFiles(Path.Combine(server.Folder, ".incoming")));
        Assert.Empty(LargeFiles.Visible(server.Folder));
        Assert.Empty(await server.Archive.Index.InstancesAsync([], CancellationToken.None));

        var small = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.77.2", 64 * 1024);
        var result = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "-aec", "DSGSCP", "127.0.0.1", server.Port.ToString(), small);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Single(LargeFiles.Visible(server.Folder));
        Directory.Delete(source, recursive: true);
    }

    [Fact]
    public async Task Storescp_killed_mid_transfer_fails_our_store_promptly_with_a_typed_error()
    {
        var source = DcmtkFiles.TempDir();
        var big = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.76.1", Big);
        var received = DcmtkFiles.TempDir();
        var port = Dcmtk.FreePort();
        using var storescp = Dcmtk.Start("storescp", "+B", "-aet", "DSGSCP", "-od", received, port.ToString());
        await PeerProcess.WaitUntilListeningAsync(storescp, port, TimeSpan.FromSeconds(30));
        await using var client = await DicomClient.ConnectAsync(Requestor(port));
        var store = client.StoreFileAsync(big);
        // Kill the peer once storescp (+B: bit-preserving, writes while receiving) has written 1 MB of the object.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && !Directory.EnumerateFiles(received).Any(f => new FileInfo(f).Length > 1 << 20)) await Task.Delay(2);
        Assert.False(store.IsCompleted, "the transfer finished before the peer could be killed");
        storescp.Kill();
        var failure = await Record.ExceptionAsync(() => store.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.NotNull(failure);
        Assert.IsNotType<TimeoutException>(failure);
        Assert.True(failure is AssociationAbortedException or IOException or System.Net.Sockets.SocketException or OperationCanceledException,
            "unexpected " + failure);
        Directory.Delete(source, recursive: true);
        Directory.Delete(received, recursive: true);
    }

    [Fact]
    public async Task Our_scp_killed_mid_write_shows_no_partial_instance_after_restart()
    {
        var source = DcmtkFiles.TempDir();
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var small = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.78.1", 64 * 1024);
        var big = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.78.2", Big);
        using (var scp = await ScpProcess.StartAsync(folder))
        {
            var first = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(60), "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), small);
            Assert.True(first.ExitCode == 0, first.Output);
            using var storescu = Dcmtk.Start("storescu", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), big);
            await LargeFiles.WaitForPartialAsync(folder, 1 << 20, TimeSpan.FromSeconds(60));
            scp.KillHard();
            Assert.True(storescu.WaitForExit(30_000));
        }
        // The killed writer's staging file (written where its pool made it) is left behind, invisible, until the
        // archive is opened again.
        var partial = Directory.GetFiles(Path.Combine(folder, ".incoming"), "*.part", SearchOption.AllDirectories).Where(f => new FileInfo(f).Length > 0).ToArray();
        Assert.NotEmpty(partial);
        // Only the instance stored before the kill is visible, and the index agrees with the files.
        Assert.Equal("1.2.826.0.1.3680043.10.543.78.1.dcm", Path.GetFileName(Assert.Single(LargeFiles.Visible(folder))));
        Assert.Equal(1, await IndexedAsync(folder));

        // Restarted on the same folder, the archive removes the orphaned staging file and takes the big instance again.
        using (var scp = await ScpProcess.StartAsync(folder))
        {
            Assert.All(partial, f => Assert.False(File.Exists(f), f));
            var again = await Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(120), "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), big);
            Assert.True(again.ExitCode == 0, again.Output);
        }
        Assert.Equal(2, LargeFiles.Visible(folder).Length);
        Assert.Equal(2, await IndexedAsync(folder));
        Directory.Delete(source, recursive: true);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_write_that_fails_like_a_full_disk_is_a_failure_status_and_the_scp_keeps_serving()
    {
        var source = DcmtkFiles.TempDir();
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        var small = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.79.1", 64 * 1024);
        var large = await LargeFiles.CreateAsync(source, "1.2.826.0.1.3680043.10.543.79.2", 4 * 1024 * 1024);
        // Files may not grow past 1 MiB in the SCP process: the 4 MiB write fails with EFBIG.
        using (var scp = await ScpProcess.StartAsync(folder, fileSizeLimitKb: 1024))
        {
            await using var client = await DicomClient.ConnectAsync(Requestor(scp.Port));
            var failed = await client.StoreFileAsync(large);
            // ENOSPC arrives as IOException (A700 out of resources); EFBIG, which .NET raises as
            // ArgumentOutOfRangeException, ends in the generic processing failure (0110). Either is a failure status.
            Assert.Contains(failed.Status, new[] { DimseStatus.Storage.RefusedOutOfResources, DimseStatus.ProcessingFailure });
            var stored = await client.StoreFileAsync(small);
            Assert.Equal(DimseStatus.Success, stored.Status);
            await client.ReleaseAsync();
            Assert.False(scp.HasExited);
        }
        Assert.Equal("1.2.826.0.1.3680043.10.543.79.1.dcm", Path.GetFileName(Assert.Single(LargeFiles.Visible(folder))));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".incoming")));
        Assert.Equal(1, await IndexedAsync(folder));
        Directory.Delete(source, recursive: true);
        Directory.Delete(folder, recursive: true);
    }
}
