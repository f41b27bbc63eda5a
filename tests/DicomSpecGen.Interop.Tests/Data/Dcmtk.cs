using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Data;

/// <summary>Runs a DCMTK command-line tool with a timeout and returns its exit code and output.</summary>
internal static class Dcmtk
{
    public static (int ExitCode, string Output) Run(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + tool);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in 30 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string RunOk(string tool, params string[] args)
    {
        var (code, output) = Run(tool, args);
        Assert.True(code == 0, $"{tool} {string.Join(' ', args)} exited {code}: {output}");
        return output;
    }
}
