using System.Diagnostics;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>`dsg scp` as its own process (so it can be killed with SIGKILL or run under a file-size limit),
/// started through bash so a ulimit applies; exec keeps the PID the program's own.</summary>
internal sealed class ScpProcess : IDisposable
{
    private readonly Process _process;

    private ScpProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <param name="fileSizeLimitKb">bash `ulimit -f` (KiB) with SIGXFSZ ignored: writes past it fail with EFBIG, like a full disk.</param>
    public static async Task<ScpProcess> StartAsync(string folder, int? fileSizeLimitKb = null)
    {
        var port = Dcmtk.FreePort();
        // The runtime's W^X double mapping sizes a memory file, which the limit would refuse: turned off under it.
        var limit = fileSizeLimitKb is { } kb ? $"trap '' XFSZ; ulimit -f {kb}; export DOTNET_EnableWriteXorExecute=0; " : "";
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"{limit}exec dotnet '{Dsg.DllPath()}' scp {port} -od '{folder}' -aet DSGSCP");
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dsg scp");
        _ = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync(cts.Token) ?? throw new InvalidOperationException("dsg scp exited before listening");
            if (line.Contains("listening on port")) break;
        }
        _ = process.StandardOutput.ReadToEndAsync();
        return new ScpProcess(process, port);
    }

    /// <summary>SIGKILL: no cleanup code of ours runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited) KillHard();
        _process.Dispose();
    }
}
