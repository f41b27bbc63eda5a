using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>dsg's console log, which is made only when a message at the flags' level comes (DeferredLoggerFactory):
/// the level decides what is printed, exactly as before; a connection that never came is an error, not an abort.</summary>
public class CliLoggingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_log_prints_what_its_level_lets_through_and_nothing_below()
    {
        var port = Dcmtk.FreePort();
        await using var storescp = await DcmtkServer.StartAsync("storescp", port, "-aet", "STORESCP", "-od", DcmtkFiles.TempDir(), port.ToString());

        var quiet = await Dsg.RunAsync(Limit, "echo", "-aec", "STORESCP", "127.0.0.1", port.ToString());
        Assert.True(quiet.ExitCode == 0, quiet.Output);
        Assert.Contains("C-ECHO succeeded", quiet.Output);
        Assert.DoesNotContain("info:", quiet.Output);

        var verbose = await Dsg.RunAsync(Limit, "echo", "-v", "-aec", "STORESCP", "127.0.0.1", port.ToString());
        Assert.True(verbose.ExitCode == 0, verbose.Output);
        Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3} info: echo\[0\] association DSGSCU → STORESCP at 127\.0\.0\.1:\d+ accepted", verbose.Output);
        Assert.DoesNotContain("dbug:", verbose.Output);

        var debug = await Dsg.RunAsync(Limit, "echo", "-d", "-aec", "STORESCP", "127.0.0.1", port.ToString());
        Assert.True(debug.ExitCode == 0, debug.Output);
        Assert.Contains("dbug:", debug.Output);
    }

    [Fact]
    public async Task A_refused_connection_is_one_error_line_and_no_abort_warning()
    {
        var port = Dcmtk.FreePort();   // nothing listens there
        var echo = await Dsg.RunAsync(Limit, "echo", "127.0.0.1", port.ToString());
        Assert.True(echo.ExitCode == 3, echo.Output);   // ExitCodes.NetworkError
        Assert.Contains($"E: cannot connect to 127.0.0.1:{port}", echo.Output);
        Assert.DoesNotContain("warn:", echo.Output);
        Assert.DoesNotContain("(null)", echo.Output);
    }
}
