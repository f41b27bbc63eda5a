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

    public static Process Start(params string[] args) => Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("could not start dsg");

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(DllPath());
        foreach (var a in args) info.ArgumentList.Add(a);
        return info;
    }

    public static async Task<Result> RunAsync(TimeSpan timeout, params string[] args)
    {
        var run = await Peers.PeerProcess.RunAsync(StartInfo(args), timeout);
        return new Result(run.ExitCode, run.Output);
    }
}
