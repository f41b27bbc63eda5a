using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>Runs our dsg CLI (built by the project reference) with a time limit.</summary>
public static class Dsg
{
    public sealed record Result(int ExitCode, string Output);

    public static string DllPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        // tests/DicomSpecGen.Interop.Tests/bin/<Configuration>/net10.0/
        var configuration = dir.Parent!.Name;
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        var path = Path.Combine(dir.FullName, "runtime", "DicomSpecGen.Cli", "bin", configuration, "net10.0", "dsg.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException("dsg is not built: " + path);
    }

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath());
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dsg");
    }

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
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
            throw new TimeoutException($"dsg {string.Join(' ', args)} did not finish within {timeout}");
        }
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}
