using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>The shared body of the tests where our SCU (the library's DicomClient, or <c>dsg echo</c> and
/// <c>dsg store</c>) sends to a peer's storage SCP and each object is then found among the files the peer wrote and
/// compared by data set. A test class supplies only what is peer-specific: how to start it and its quirks.</summary>
internal sealed class OurScuToPeerScp
{
    /// <summary>Starts the peer on <c>port</c>, writing what it receives under <c>receivedFolder</c>.</summary>
    public delegate Task<IAsyncDisposable> StartPeer(int port, string receivedFolder);

    /// <summary>Whether <c>writtenPath</c> is the peer's copy of <c>sopInstanceUid</c> (each peer names its files its own way).</summary>
    public delegate bool IsCopy(string receivedFolder, string writtenPath, string sopInstanceUid);

    /// <summary>Checks what arrived after <c>dsg store</c>, while the peer still runs.</summary>
    public delegate Task CheckReceived(IReadOnlyList<DcmtkFiles.Instance> sent, string receivedFolder);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WriteWait = TimeSpan.FromSeconds(20);

    /// <summary>How the failure messages name the peer.</summary>
    public required string Name { get; init; }
    public required string CalledAeTitle { get; init; }
    public required StartPeer Start { get; init; }
    public required IsCopy IsCopyOf { get; init; }
    public TimeSpan AssociateTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Give <c>dsg store</c> the files one by one instead of the source folder.</summary>
    public bool DsgStoreNamesFiles { get; init; }

    /// <summary>C-ECHO, then C-STORE of <paramref name="count"/> CT objects on one association, each compared with the peer's copy.</summary>
    public async Task LibraryEchoAndStoreAsync(string patientId, int pixelWords, int count = 3)
    {
        using var temp = new TempDir();
        var received = Directory.CreateDirectory(Path.Combine(temp.Path, "received")).FullName;
        var port = Dcmtk.FreePort();
        await using var peer = await Start(port, received);
        var files = await DcmtkFiles.CreateAsync(Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName, count, patientId, pixelWords: pixelWords);

        await using (var client = await DicomClient.ConnectAsync(new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CallingAeTitle = "DSGSCU",
            CalledAeTitle = CalledAeTitle,
            PresentationContexts =
            [
                new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
                new(3, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian]),
            ],
            Transport = OurArchive.Transport,
            AssociateTimeout = AssociateTimeout,
            ReleaseTimeout = TimeSpan.FromSeconds(20),
        }))
        {
            Assert.Equal(DimseStatus.Success, await client.EchoAsync());
            foreach (var f in files) Assert.Equal(DimseStatus.Success, (await client.StoreFileAsync(f.Path)).Status);
            await client.ReleaseAsync();
        }
        var written = await PeerProcess.WaitForFilesAsync(received, files.Count, WriteWait);
        foreach (var f in files)
        {
            var copy = written.SingleOrDefault(w => IsCopyOf(received, w, f.SopInstanceUid));
            Assert.True(copy != null, $"{f.SopInstanceUid} not written by {Name}: " + string.Join(", ", written));
            await DataSetDump.AssertSameAsync(f.Path, copy);
        }
    }

    /// <summary><c>dsg echo</c>, then <c>dsg store</c> of two CT objects; by default each is compared with the peer's
    /// copy, or <paramref name="check"/> replaces that comparison.</summary>
    public async Task DsgEchoAndStoreAsync(string patientId, CheckReceived? check = null)
    {
        using var temp = new TempDir();
        var received = Directory.CreateDirectory(Path.Combine(temp.Path, "received")).FullName;
        var source = Directory.CreateDirectory(Path.Combine(temp.Path, "source")).FullName;
        var port = Dcmtk.FreePort();
        await using var peer = await Start(port, received);
        var files = await DcmtkFiles.CreateAsync(source, 2, patientId);

        var echo = await Dsg.RunAsync(Limit, "echo", "-aet", "DSGSCU", "-aec", CalledAeTitle, "127.0.0.1", port.ToString());
        Assert.True(echo.ExitCode == 0, echo.Output);
        string[] what = DsgStoreNamesFiles ? [.. files.Select(f => f.Path)] : [source];
        var store = await Dsg.RunAsync(Limit, ["store", "-aet", "DSGSCU", "-aec", CalledAeTitle, "127.0.0.1", port.ToString(), .. what]);
        Assert.True(store.ExitCode == 0, store.Output);
        Assert.Contains("stored 2 of 2", store.Output);
        if (check != null)
        {
            await check(files, received);
            return;
        }
        var written = await PeerProcess.WaitForFilesAsync(received, files.Count, WriteWait);
        foreach (var f in files)
            await DataSetDump.AssertSameAsync(f.Path, written.Single(w => IsCopyOf(received, w, f.SopInstanceUid)));
    }
}
