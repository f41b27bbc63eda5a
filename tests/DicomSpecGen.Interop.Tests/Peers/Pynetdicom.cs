using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Runs pynetdicom scripts with Debian's /usr/bin/python3 (the interpreter setup-peers.sh installs
/// pydicom and pynetdicom for). A missing interpreter or package fails the test with how to install it.</summary>
public static class Pynetdicom
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<Task<string?>> Missing = new(async () =>
    {
        if (!File.Exists(Python)) return $"{Python} is missing";
        var probe = await RunRawAsync(TimeSpan.FromSeconds(30), "-c", "import pynetdicom, pydicom; print(pynetdicom.__version__)");
        return probe.ExitCode == 0 ? null : "pynetdicom is not importable: " + probe.Output;
    });

    /// <summary>A script of this test project (copied beside the test binary from Pynetdicom/scripts).</summary>
    public static string OwnScript(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Pynetdicom", "scripts", name);
        return File.Exists(path) ? path : throw new FileNotFoundException("test script missing from the output folder", path);
    }

    public static async Task RequireAsync()
    {
        var missing = await Missing.Value;
        if (missing != null) throw new InvalidOperationException(missing + $" (run bash {Path.Combine(SharedPeers.Dir, "setup-peers.sh")})");
    }

    public static ProcessStartInfo StartInfo(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return info;
    }

    /// <summary>Runs a script to completion within <paramref name="timeout"/>; stdout and stderr are kept apart
    /// because the Q/R SCU prints its JSON result on stdout.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, string script, params string[] args)
    {
        await RequireAsync();
        return await RunInfoAsync(StartInfo(script, args), timeout);
    }

    private static async Task<Dcmtk.Result> RunRawAsync(TimeSpan timeout, params string[] args)
    {
        var info = StartInfo(args[0], args[1..]);
        var (code, stdout, stderr) = await RunInfoAsync(info, timeout);
        return new Dcmtk.Result(code, stdout + stderr);
    }

    private static async Task<(int, string, string)> RunInfoAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', info.ArgumentList)} did not finish within {timeout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
