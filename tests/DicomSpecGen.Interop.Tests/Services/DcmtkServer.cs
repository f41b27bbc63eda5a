using System.Diagnostics;
using System.Net.Sockets;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Services;

/// <summary>A long-running DCMTK SCP (storescp, dcmqrscp) on a free port, killed on dispose.</summary>
public sealed class DcmtkServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private DcmtkServer(Process process, int port)
    {
        _process = process;
        Port = port;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    public static async Task<DcmtkServer> StartAsync(string tool, int port, params string[] args)
    {
        var server = new DcmtkServer(Dcmtk.Start(tool, args), port);
        // Ready when the port accepts a connection (bounded wait).
        for (var i = 0; i < 100; i++)
        {
            if (server._process.HasExited) throw new InvalidOperationException($"{tool} exited: " + await server.OutputAsync());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{tool} did not listen on port {port}");
    }

    public async Task<string> OutputAsync() => _process.HasExited ? await _stdout + await _stderr : "(running)";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
