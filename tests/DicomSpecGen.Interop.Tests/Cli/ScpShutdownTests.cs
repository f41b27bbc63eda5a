using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>dsg scp stopped by SIGTERM, the way an operator or a service manager stops it: the verb's cleanup runs.</summary>
public class ScpShutdownTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    // Well within ExitCodes.ShutdownBound (90 s); a clean stop with nothing to wait for takes well under a second.
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Sigterm_with_no_stop_timeout_stops_the_listener_aborts_an_association_in_flight_and_exits_ok()
    {
        using var dir = new TempDir("dsg-scp-stop-");
        var archive = Path.Combine(dir.Path, "archive");
        await using var scp = await DsgScpProcess.StartAsync("-od", archive, "-aet", "STOPSCP", "-v", "--stop-timeout", "0");
        var port = scp.Port.ToString();
        var files = await DcmtkFiles.CreateAsync(dir.Path, 1, "STOP1");
        var store = await Dcmtk.RunAsync("storescu", Limit, "-aec", "STOPSCP", "127.0.0.1", port, files[0].Path);
        Assert.True(store.ExitCode == 0, store.Output);

        // echoscu repeating C-ECHO on one association, more than it could finish: in flight when the signal comes.
        var echo = await SigtermWithEchoInFlightAsync(scp, "STOPSCP", 1_000_000);
        Assert.Contains("STOPSCP stopping: the listener closes, open associations get up to 0 s to end, those left are aborted", scp.Output);

        // The association in flight was ended by the SCP, not left to time out.
        Assert.Contains("Peer aborted Association", echo.Output);

        // Nothing left half-written in the staging folder; the stored instance is in the archive.
        var staging = Path.Combine(archive, ".incoming");
        Assert.True(!Directory.Exists(staging) || Directory.GetFiles(staging).Length == 0, string.Join(", ", Directory.GetFiles(staging)));
        Assert.Single(Directory.EnumerateFiles(archive, "*.dcm", SearchOption.AllDirectories), f => !f.StartsWith(staging, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sigterm_lets_an_association_in_flight_finish_within_the_default_stop_timeout()
    {
        using var dir = new TempDir("dsg-scp-drain-");
        await using var scp = await DsgScpProcess.StartAsync("-od", Path.Combine(dir.Path, "archive"), "-aet", "DRAINSCP", "-v");

        // echoscu repeating C-ECHO on one association (a few seconds of them): in flight when the signal comes.
        var echo = await SigtermWithEchoInFlightAsync(scp, "DRAINSCP", 20_000);
        Assert.Contains("DRAINSCP stopping: the listener closes, open associations get up to 10 s to end", scp.Output);

        // The association was not cut: echoscu ran its echoes to the end and released.
        Assert.True(echo.ExitCode == 0, echo.Output);
        Assert.DoesNotContain("Peer aborted Association", echo.Output);
        Assert.DoesNotContain("aborting", scp.Output);
    }

    /// <summary>echoscu sends <paramref name="repeat"/> C-ECHOs on one association; once the SCP has accepted it, SIGTERM
    /// to the SCP, which must exit 0; then echoscu's exit code and output, once it has ended.</summary>
    private static async Task<(int ExitCode, string Output)> SigtermWithEchoInFlightAsync(DsgScpProcess scp, string calledAe, int repeat)
    {
        using var echo = Dcmtk.Start("echoscu", "-aec", calledAe, "--repeat", repeat.ToString(), "127.0.0.1", scp.Port.ToString());
        var echoOutput = Task.WhenAll(echo.StandardOutput.ReadToEndAsync(), echo.StandardError.ReadToEndAsync());
        var deadline = DateTime.UtcNow + Limit;
        while (!scp.Output.Contains("accepted ECHOSCU", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(scp.Output.Contains("accepted ECHOSCU", StringComparison.Ordinal), scp.Output);

        var kill = await PeerProcess.RunAsync("/bin/kill", TimeSpan.FromSeconds(10), "-TERM", scp.ProcessId.ToString());
        Assert.True(kill.ExitCode == 0, kill.ToString());
        Assert.Equal(0, await scp.WaitForExitAsync(ExitWithin));
        await echo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return (echo.ExitCode, string.Concat(await echoOutput));
    }

    [Fact]
    public async Task A_stop_timeout_beyond_the_bound_is_refused_naming_the_limit()
    {
        using var dir = new TempDir("dsg-scp-stopbad-");
        var run = await Dsg.RunAsync(Limit, "scp", "0", "-od", dir.Path, "--stop-timeout", "61");
        Assert.True(run.ExitCode == 4, run.Output);
        Assert.Contains("--stop-timeout 61 s: 0 to 60 seconds", run.Output);
    }

    [Fact]
    public async Task With_config_the_files_shutdown_timeout_is_the_stop_timeout()
    {
        using var dir = new TempDir("dsg-scp-stopcfg-");
        var config = Path.Combine(dir.Path, "appsettings.json");
        static string Json(int port, string shutdown) => $$"""
            { "Dicom": { "AeTitle": "CFGSCP", "Port": {{port}}, "BindAddress": "127.0.0.1", "Timeouts": { "Shutdown": "{{shutdown}}" } } }
            """;
        await File.WriteAllTextAsync(config, Json(Dcmtk.FreePort(), "00:00:02"));
        await using (var scp = await DsgScpProcess.StartWithAsync("scp", "--config", config, "-od", Path.Combine(dir.Path, "archive")))
        {
            var kill = await PeerProcess.RunAsync("/bin/kill", TimeSpan.FromSeconds(10), "-TERM", scp.ProcessId.ToString());
            Assert.True(kill.ExitCode == 0, kill.ToString());
            Assert.Equal(0, await scp.WaitForExitAsync(ExitWithin));
            Assert.Contains("CFGSCP stopping: the listener closes, open associations get up to 2 s to end", scp.Output);
        }

        await File.WriteAllTextAsync(config, Json(Dcmtk.FreePort(), "00:02:00"));
        var bad = await Dsg.RunAsync(Limit, "scp", "--config", config, "-od", Path.Combine(dir.Path, "archive"));
        Assert.True(bad.ExitCode == 4, bad.Output);
        Assert.Contains("Dicom:Timeouts:Shutdown 120 s: 0 to 60 seconds", bad.Output);
    }

    [Fact]
    public async Task Sigterm_as_soon_as_it_listens_still_stops_cleanly()
    {
        // dsg scp runs synchronously up to "listening"; System.CommandLine registers its signal handlers only when the
        // verb first yields, so a signal in between met the runtime's default (killed by SIGTERM, no cleanup) in
        // about half of such runs before Program registered its own handlers first.
        for (var i = 0; i < 5; i++)
        {
            using var dir = new TempDir("dsg-scp-early-");
            await using var scp = await DsgScpProcess.StartAsync("-od", dir.Path, "-aet", "EARLYSCP");
            var kill = await PeerProcess.RunAsync("/bin/kill", TimeSpan.FromSeconds(10), "-TERM", scp.ProcessId.ToString());
            Assert.True(kill.ExitCode == 0, kill.ToString());
            Assert.True(await scp.WaitForExitAsync(ExitWithin) == 0, $"run {i + 1}: " + scp.Output);
            Assert.Contains("EARLYSCP stopping", scp.Output);
        }
    }
}
