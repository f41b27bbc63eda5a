using System.IO.Pipelines;
using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>The asynchronous operations window (PS3.7 D.3.3.3) against real peers: our SCU proposing 8 to peers that
/// omit the item (pynetdicom's and DCMTK's storescp: 1/1) stores serially; into our own archive it keeps
/// 8 C-STOREs in progress at once; DCMTK's storescu still stores into a `dsg scp --async-ops 8`; pynetdicom as requestor gets our answer.</summary>
public class AsyncOperationsWindowInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private static RequestorOptions Requestor(int port, string calledAe, ushort window) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "DSGSCU",
        CalledAeTitle = calledAe,
        PresentationContexts = [new(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
        Transport = OurArchive.Transport,
        AssociateTimeout = TimeSpan.FromSeconds(20),
        ReleaseTimeout = TimeSpan.FromSeconds(20),
        AsyncOperationLimits = new AsyncOperationLimits(window, 1),
    };

    /// <summary>Stores the files with <see cref="DicomClient.StoreFilesAsync"/> proposing a window of 8; returns the
    /// window the peer left us.</summary>
    private static async Task<int?> StoreWithWindowAsync(int port, string calledAe, IReadOnlyList<DcmtkFiles.Instance> files, Action<DicomAssociation> negotiated)
    {
        await using var client = await DicomClient.ConnectAsync(Requestor(port, calledAe, 8));
        negotiated(client.Association);
        using var limit = new CancellationTokenSource(Limit);
        var outcomes = new List<DicomClient.StoreOutcome>();
        await foreach (var outcome in client.StoreFilesAsync(files.Select(f => f.Path), limit.Token)) outcomes.Add(outcome);
        Assert.All(outcomes, o => Assert.True(o.Response?.Status == DimseStatus.Success, $"{o.Path}: {o.Error?.Message ?? o.Response?.Status.ToString("X4")}"));
        Assert.Equal(files.Count, outcomes.Count);
        await client.ReleaseAsync(limit.Token);
        return client.Connection.InvokeWindow;
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-8")]
    public async Task Window_8_to_pynetdicom_storescp_is_omitted_and_stores_serially()
    {
        using var temp = new TempDir();
        var received = Directory.CreateDirectory(Path.Combine(temp.Path, "received")).FullName;
        var files = await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName, 12, "PYNWIN1");
        var port = Dcmtk.FreePort();
        await using var peer = await Peers.PynetdicomApps.StartStorescpAsync(port, "PYNSTORE", received);

        // pynetdicom's storescp binds no EVT_ASYNC_OPS handler, so it leaves the sub-item out: the default, 1/1.
        var window = await StoreWithWindowAsync(port, "PYNSTORE", files, a => Assert.Null(a.AsyncOperationLimits));
        Assert.Equal(1, window);
        await PeerProcess.WaitForFilesAsync(received, files.Count, TimeSpan.FromSeconds(20));
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-8")]
    public async Task Window_8_to_dcmtk_storescp_is_omitted_and_stores_serially()
    {
        var port = Dcmtk.FreePort();
        var received = DcmtkFiles.TempDir();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", received, port.ToString());
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 12, "DCMWIN1");

        // DCMTK's storescp leaves the sub-item out of its A-ASSOCIATE-AC: the default, 1/1 (PS3.7 D.3.3.3).
        var window = await StoreWithWindowAsync(port, "STORESCP", files, a => Assert.Null(a.AsyncOperationLimits));
        Assert.Equal(1, window);
        Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(received));
    }

    /// <summary>The archive's storage, made to hold each of the first <c>expected</c> C-STOREs until that many are in
    /// progress at once (it gives up after a while, so a window that is not kept full shows as a smaller maximum).</summary>
    private sealed class GatedStorage(IStorageService inner, int expected) : IStorageService
    {
        private readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _current;
        public int Max;
        public int Calls;

        public async Task<ushort> StoreAsync(StoreContext context, PipeReader dataSet, TransferSyntax transferSyntax, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            Interlocked.Increment(ref Calls);
            lock (_full) Max = Math.Max(Max, now);
            if (now >= expected) _full.TrySetResult();
            try
            {
                await Task.WhenAny(_full.Task, Task.Delay(TimeSpan.FromSeconds(5), cancellationToken));
                return await inner.StoreAsync(context, dataSet, transferSyntax, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _current);
            }
        }
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    [SpecRow("PS3.7 Table D.3-8")]
    public async Task Window_8_into_our_archive_keeps_8_stores_in_progress()
    {
        var folder = DcmtkFiles.TempDir("dsg-archive-");
        using var archive = DicomArchive.Open(folder, "DSGSCP");
        var storage = new GatedStorage(archive, 8);
        var acceptor = OurArchive.Acceptor() with { AsyncOperationLimits = new AsyncOperationLimits(8, 1) };
        await using (var server = DicomServer.Start(IPAddress.Loopback, 0, acceptor,
            new DicomServiceProvider(new ServiceProviderOptions { AeTitle = "DSGSCP", Storage = storage, Query = archive, CommonOptions = acceptor })))
        {
            var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 40, "OURWIN1");
            var window = await StoreWithWindowAsync(server.Port, "DSGSCP", files, a => Assert.Equal(new AsyncOperationLimits(8, 1), a.AsyncOperationLimits));
            Assert.Equal(8, window);
            Assert.Equal(8, storage.Max);
            Assert.Equal(40, storage.Calls);
            Assert.Equal(files.Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(folder));
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [SpecRow("PS3.7 Table D.3-7")]
    [SpecRow("PS3.7 Table D.3-8")]
    [InlineData("8", "8", "4/1")]   // negotiated down to what our acceptor is configured for
    [InlineData("2", "1", "2/1")]   // never above the offer
    [InlineData("0", "0", "4/1")]   // an unlimited offer negotiated down
    public async Task Pynetdicom_proposing_a_window_gets_our_answer(string invoked, string performed, string answer)
    {
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor() with { AsyncOperationLimits = new AsyncOperationLimits(4, 1) });
        var echo = await Peers.Pynetdicom.RunAsync(Limit, Peers.Pynetdicom.OwnScript("pyn_echoscu.py"), "127.0.0.1", scp.Port.ToString(),
            "-n", "3", "--aec", "DSGSCP", "--nodelay", "--async-ops", invoked, performed);
        Assert.True(echo.ExitCode == 0, echo.Stdout + echo.Stderr);
        Assert.Contains($"pynetdicom async ops: {answer}", echo.Stdout);
        Assert.Contains("3/3 ok", echo.Stdout);
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-8")]
    public async Task Dsg_store_window_8_into_dsg_scp_window_8_and_storescu_into_it()
    {
        using var temp = new TempDir();
        var archive = Path.Combine(temp.Path, "archive");
        var source = Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName;
        var files = await DcmtkFiles.CreateAsync(source, 30, "DSGWIN1");
        await using var scp = await DsgScp.StartAsync(Dcmtk.FreePort().ToString(), "--bind", "127.0.0.1", "-od", archive, "--no-fsync", "--async-ops", "8");

        var store = await Dsg.RunAsync(Limit, "store", "-v", "--async-ops", "8", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), source);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Contains("asynchronous operations window: 8 outstanding", store.Output);
        Assert.Contains("stored 30 of 30", store.Output);

        // DCMTK's storescu proposes no window: the synchronous default, still served.
        var other = await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(temp.Path, "other")).FullName, 5, "DSGWIN2");
        var storescu = await Dcmtk.RunAsync("storescu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "+sd", "127.0.0.1", scp.Port.ToString(), Path.Combine(temp.Path, "other"));
        Assert.True(storescu.ExitCode == 0, storescu.Output);
        Assert.Equal(files.Concat(other).Select(f => f.SopInstanceUid).Order(StringComparer.Ordinal), await DcmtkFiles.SopInstanceUidsAsync(archive));
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task A_window_beyond_16_bits_is_bad_input_for_dsg_store_and_scp()
    {
        var store = await Dsg.RunAsync(Limit, "store", "--async-ops", "70000", "127.0.0.1", "1", "none.dcm");
        Assert.Equal(4, store.ExitCode);
        Assert.Contains("--async-ops 70000: give 0 (unlimited) to 65535", store.Output);
        var scp = await Dsg.RunAsync(Limit, "scp", "0", "--bind", "127.0.0.1", "--async-ops", "-1");
        Assert.Equal(4, scp.ExitCode);
        Assert.Contains("--async-ops -1: give 0 (unlimited) to 65535", scp.Output);
    }
}
