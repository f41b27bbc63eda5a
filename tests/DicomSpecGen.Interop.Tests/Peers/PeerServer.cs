using System.Diagnostics;
using System.Net.Sockets;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>A long-running peer process (pynetdicom SCP, Orthanc) listening on a loopback port; ready once the
/// port accepts a connection within a bound, killed by its own PID on dispose.</summary>
public sealed class PeerServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private PeerServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<PeerServer> StartAsync(ProcessStartInfo info, int port, TimeSpan readyWithin)
    {
        var server = new PeerServer(Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName), port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < readyWithin)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"{info.FileName} exited with {server._process.ExitCode}: " + await server.OutputAsync());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(1));
                return server;
            }
            catch (Exception e) when (e is SocketException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }
        var output = await server.StopAsync();
        throw new TimeoutException($"{info.FileName} did not listen on port {port} within {readyWithin}: {output}");
    }

    /// <summary>Kills the process (if still running) and returns everything it printed.</summary>
    public async Task<string> StopAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        return await OutputAsync();
    }

    private async Task<string> OutputAsync() => _process.HasExited ? await _stdout + await _stderr : "(running)";

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
