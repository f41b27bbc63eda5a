using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Interop.Tests.Association;

/// <summary>Our acceptor's rejections as DCMTK's SCUs report them: the A-ASSOCIATE-RJ result/source/reason, and
/// presentation context results.</summary>
public class DcmtkRejectionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Unknown_calling_ae_is_reported_by_echoscu()
    {
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor(allowed: new HashSet<string> { "FRIEND" }));
        var echo = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "STRANGER", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.NotEqual(0, echo.ExitCode);
        Assert.Contains("Rejected Permanent", echo.Output);
        Assert.Contains("Calling AE Title Not Recognized", echo.Output);
        var friend = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "FRIEND", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.True(friend.ExitCode == 0, friend.Output);
    }

    [Fact]
    public async Task Wrong_called_ae_is_reported_by_echoscu()
    {
        await using var scp = OurArchive.Start();
        var echo = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "DCMTKSCU", "-aec", "SOMEONE", "127.0.0.1", scp.Port.ToString());
        Assert.NotEqual(0, echo.ExitCode);
        Assert.Contains("Service User", echo.Output);
        Assert.Contains("Called AE Title Not Recognized", echo.Output);
    }

    [Fact]
    public async Task Unsupported_abstract_syntax_leaves_storescu_without_a_context()
    {
        var onlyEcho = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.Verification] = [DicomUids.ImplicitVRLittleEndian] };
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor(syntaxes: onlyEcho));
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-d", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path);
        Assert.NotEqual(0, store.ExitCode);
        Assert.Contains("Abstract Syntax Not Supported", store.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Unsupported_transfer_syntax_leaves_storescu_without_a_context()
    {
        var bigEndianOnly = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.CTImageStorage] = [DicomUids.JPEGLossless] };
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor(syntaxes: bigEndianOnly));
        var files = await DcmtkFiles.CreateAsync(DcmtkFiles.TempDir(), 1);
        var store = await Dcmtk.RunAsync("storescu", Limit, "-d", "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), files[0].Path);
        Assert.NotEqual(0, store.ExitCode);
        Assert.Contains("Transfer Syntaxes Not Supported", store.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Beyond_capacity_echoscu_is_rejected_transient_local_limit_exceeded()
    {
        await using var scp = OurArchive.Start(acceptor: OurArchive.Acceptor(max: 1));
        await using var holder = await DicomClient.ConnectAsync(new DicomSpecGen.Association.RequestorOptions
        {
            Host = "127.0.0.1",
            Port = scp.Port,
            CalledAeTitle = "DSGSCP",
            PresentationContexts = [new(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
            Transport = OurArchive.Transport,
        });
        var echo = await Dcmtk.RunAsync("echoscu", Limit, "-aet", "DCMTKSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());
        Assert.NotEqual(0, echo.ExitCode);
        Assert.Contains("Rejected Transient", echo.Output);
        Assert.Contains("Local Limit Exceeded", echo.Output);
        await holder.ReleaseAsync();
    }
}
