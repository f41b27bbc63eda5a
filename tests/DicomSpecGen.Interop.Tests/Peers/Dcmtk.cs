using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Runs a real DCMTK binary (installed by .ci/run via apt) with a time limit, capturing its output.
/// A missing binary fails the test: interop is only proven against the real peer.</summary>
public static class Dcmtk
{
    public sealed record Result(int ExitCode, string Output);

    public static string Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var path = Path.Combine(dir, tool);
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException($"DCMTK tool '{tool}' is not installed (apt-get install -y dcmtk)");
    }

    public static Process Start(string tool, params string[] args) => Process.Start(StartInfo(tool, args)) ?? throw new InvalidOperationException("could not start " + tool);

    private static ProcessStartInfo StartInfo(string tool, string[] args)
    {
        var info = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["TCP_NODELAY"] = "1";
        return info;
    }

    public static async Task<Result> RunAsync(string tool, TimeSpan timeout, params string[] args)
    {
        var run = await PeerProcess.RunAsync(StartInfo(tool, args), timeout);
        return new Result(run.ExitCode, run.Output);
    }

    /// <summary>A free loopback port: bind to 0, read the port, release it.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
