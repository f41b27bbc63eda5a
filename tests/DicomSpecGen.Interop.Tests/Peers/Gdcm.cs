using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Runs GDCM's gdcmscu (package libgdcm-tools) with a time limit. A missing binary fails the test.</summary>
public static class Gdcm
{
    /// <summary>gdcmscu of GDCM 3.0.21 throws this after it has received the A-RELEASE-RP and closed the connection
    /// (its event loop reads on once more from the closed connection; against DCMTK's storescp too), so it
    /// ends with SIGABRT (134) after a successful operation.</summary>
    public const string ReleaseCrash = "ProtocolStream as nullptr is invalid";

    public sealed record Result(int ExitCode, string Output, bool TimedOut);

    public static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var path = Path.Combine(dir, "gdcmscu");
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException("GDCM's gdcmscu is not installed (apt-get install -y libgdcm-tools)");
    }

    /// <summary>Runs gdcmscu; on timeout it is killed and the result says so (a hang is what some tests look for).</summary>
    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(Find()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start gdcmscu");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        return new Result(process.ExitCode, await stdout + await stderr, timedOut);
    }

    /// <summary>Asserts gdcmscu finished by itself after releasing the association: exit 0, or GDCM's own crash after
    /// the A-RELEASE-RP (see <see cref="ReleaseCrash"/>), which needs -D output to show the release came first.</summary>
    public static void AssertEndedAfterRelease(Result result)
    {
        Assert.False(result.TimedOut, "gdcmscu hung (killed after the timeout):\n" + Tail(result.Output));
        if (result.ExitCode == 0) return;
        var release = result.Output.LastIndexOf("PDU code: 6", StringComparison.Ordinal);
        var crash = result.Output.LastIndexOf(ReleaseCrash, StringComparison.Ordinal);
        Assert.True(release >= 0 && crash > release, $"gdcmscu exit {result.ExitCode} other than its release crash:\n" + Tail(result.Output));
    }

    public static string Tail(string output) => output.Length > 4000 ? output[^4000..] : output;
}
