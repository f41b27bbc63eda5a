using System.Diagnostics;
using System.Text;

namespace DicomSpecGen.Interop.Tests.Cli;

/// <summary>`dsg scp` as a child process: started with the given arguments, ready once it prints its
/// "listening on port N" line; everything it prints afterwards is kept for assertions.</summary>
public sealed class DsgScp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _pump;

    private DsgScp(Process process, string firstLine, int port)
    {
        _process = process;
        FirstLine = firstLine;
        Port = port;
        _pump = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public string FirstLine { get; }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>What dsg scp printed after its first line so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (_output) _output.AppendLine(line);
    }

    public static async Task<DsgScp> StartAsync(params string[] args)
    {
        var process = Dsg.Start(["scp", .. args]);
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line == null || !line.Contains("listening on port"))
        {
            process.Kill(entireProcessTree: true);
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
            process.Dispose();
            throw new InvalidOperationException($"dsg scp {string.Join(' ', args)} did not start: {line}{error}");
        }
        var words = line.Split(' ');
        return new DsgScp(process, line, int.Parse(words[Array.IndexOf(words, "port") + 1].TrimEnd(',')));
    }

    /// <summary>Waits until the output contains <paramref name="text"/> (output is asynchronous to the peer's exit).</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Output.Contains(text, StringComparison.Ordinal) && clock.Elapsed < timeout) await Task.Delay(50);
        return Output;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _pump.WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
