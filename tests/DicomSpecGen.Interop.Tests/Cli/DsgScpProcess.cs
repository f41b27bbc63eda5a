using System.Diagnostics;
using System.Text;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>`dsg scp` run as a process on a free port (port 0): its output is drained all the time (with --trace it is
/// long) and kept for assertions; the port is read from its "listening on port N" line.</summary>
public sealed class DsgScpProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pumps;

    private DsgScpProcess(Process process)
    {
        _process = process;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public int Port { get; private set; }

    public int ProcessId => _process.Id;

    /// <summary>Waits (bounded) for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        await _process.WaitForExitAsync().WaitAsync(within);
        await _pumps.WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    /// <summary>Everything the SCP printed so far.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static Task<DsgScpProcess> StartAsync(params string[] args) => StartWithAsync(["scp", "0", .. args]);

    /// <summary>dsg with exactly these arguments (e.g. `scp --config FILE`, the port taken from the file).</summary>
    public static Task<DsgScpProcess> StartWithAsync(params string[] args) => StartAsync(Dsg.Start(args));

    /// <summary>Any program printing "… listening on port N" when ready (e.g. the HostedStorageScp sample).</summary>
    public static async Task<DsgScpProcess> StartAsync(Process process)
    {
        var scp = new DsgScpProcess(process);
        try
        {
            scp.Port = await scp._port.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            await scp.DisposeAsync();
            throw new TimeoutException("dsg scp did not report its port within 60 s: " + scp.Output);
        }
        return scp;
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output) _output.AppendLine(line);
            // "<AE> listening on port N, ..."
            var words = line.Split(' ');
            var at = Array.IndexOf(words, "port");
            if (line.Contains("listening on port", StringComparison.Ordinal) && at >= 0 && at + 1 < words.Length && int.TryParse(words[at + 1].TrimEnd(','), out var port))
                _port.TrySetResult(port);
        }
        _port.TrySetException(new InvalidOperationException("dsg scp exited before listening: " + Output));
    }

    public async ValueTask DisposeAsync()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _pumps.WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
