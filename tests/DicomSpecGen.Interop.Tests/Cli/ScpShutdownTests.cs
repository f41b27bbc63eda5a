using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>dsg scp stopped by SIGTERM, the way an operator or a service manager stops it: the verb's cleanup runs.</summary>
public class ScpShutdownTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // ExitCodes.ShutdownBound (30 s) plus room for a loaded machine; a clean stop takes well under a second.
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Sigterm_stops_the_listener_aborts_an_association_in_flight_and_exits_ok()
    {
        using var dir = new TempDir("dsg-scp-stop-");
        var archive = Path.Combine(dir.Path, "archive");
        await using var scp = await DsgScpProcess.StartAsync("-od", archive, "-aet", "STOPSCP", "-v");
        var port = scp.Port.ToString();
        var files = await DcmtkFiles.CreateAsync(dir.Path, 1, "STOP1");
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "STOPSCP", "127.0.0.1", port, files[0].Path);
        Assert.True(store.ExitCode == 0, store.Output);

        // echoscu repeating C-ECHO on one association: in flight when the signal comes.
        using var echo = Dcmtk.Start("echoscu", "-aec", "STOPSCP", "--repeat", "1000000", "127.0.0.1", port);
        var echoOutput = Task.WhenAll(echo.StandardOutput.ReadToEndAsync(), echo.StandardError.ReadToEndAsync());
        var deadline = DateTime.UtcNow + Limit;
        while (!scp.Output.Contains("accepted ECHOSCU", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(scp.Output.Contains("accepted ECHOSCU", StringComparison.Ordinal), scp.Output);

        var kill = await PeerProcess.RunAsync("/bin/kill", TimeSpan.FromSeconds(10), "-TERM", scp.ProcessId.ToString());
        Assert.True(kill.ExitCode == 0, kill.ToString());
        // Before the fix the runtime ended the process on the signal: exit 143, none of the lines below.
        Assert.Equal(0, await scp.WaitForExitAsync(ExitWithin));
        Assert.Contains("STOPSCP stopping: the listener closes, open associations are aborted", scp.Output);

        // The association in flight was ended by the SCP, not left to time out.
        await echo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var echoText = string.Concat(await echoOutput);
        Assert.Contains("Peer aborted Association", echoText);

        // Nothing left half-written in the staging folder; the stored instance is in the archive.
        var staging = Path.Combine(archive, ".incoming");
        Assert.True(!Directory.Exists(staging) || Directory.GetFiles(staging).Length == 0, string.Join(", ", Directory.GetFiles(staging)));
        Assert.Single(Directory.EnumerateFiles(archive, "*.dcm", SearchOption.AllDirectories), f => !f.StartsWith(staging, StringComparison.Ordinal));
    }
}
