using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>The RSNA/Mallinckrodt Central Test Node (Debian package ctn): dicom_echo and send_image as SCUs,
/// simple_storage as storage SCP. A missing binary fails the test.</summary>
public static class Ctn
{
    public static string Tool(string name) => PeerProcess.Locate(name) ?? throw new InvalidOperationException($"CTN's {name} is missing: apt-get install -y ctn");

    public static Task<PeerProcess.Result> RunAsync(string tool, TimeSpan timeout, params string[] args) => PeerProcess.RunAsync(Tool(tool), timeout, args);

    /// <summary>simple_storage on <paramref name="port"/> as <paramref name="aeTitle"/>, serving associations one after
    /// another and writing each object under <paramref name="folder"/> as MODALITY/SOPInstanceUID.</summary>
    public static async Task<StorageScp> StartStorageScpAsync(int port, string aeTitle, string folder)
    {
        var process = Process.Start(PeerProcess.StartInfo(Tool("simple_storage"), ["-s", "-c", aeTitle, "-x", folder, port.ToString()], folder))
            ?? throw new InvalidOperationException("could not start simple_storage");
        var scp = new StorageScp(process);
        // Ready when the port is listening, read from /proc: simple_storage exits after a connection that carries no
        // association, so a connect probe (as PeerServer does) would stop it.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited) throw new InvalidOperationException($"simple_storage exited with {process.ExitCode}: {await scp.StopAsync()}");
            if (PeerProcess.IsListening(port)) return scp;
            await Task.Delay(100);
        }
        throw new TimeoutException($"simple_storage did not listen on port {port}: {await scp.StopAsync()}");
    }

    public sealed class StorageScp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        internal StorageScp(Process process)
        {
            _process = process;
            _stdout = process.StandardOutput.ReadToEndAsync();
            _stderr = process.StandardError.ReadToEndAsync();
        }

        /// <summary>Kills it (if still running) and returns what it printed.</summary>
        public async Task<string> StopAsync()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            return await _stdout + await _stderr;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _process.Dispose();
        }
    }
}
