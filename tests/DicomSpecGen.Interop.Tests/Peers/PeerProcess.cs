using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Runs an installed peer program (GDCM, PixelMed, CTN, odil, pynetdicom's apps) with a time limit, its
/// standard output and error captured apart. Each peer's helper finds the program and says how to install it.</summary>
public static class PeerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;

        public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
    }

    /// <summary>The first of <paramref name="names"/> found in /usr/bin, /usr/sbin or on PATH, else null.</summary>
    public static string? Locate(params string[] names)
    {
        var dirs = new[] { "/usr/bin", "/usr/sbin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        foreach (var name in names)
            foreach (var dir in dirs)
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }
        return null;
    }

    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(), // peers that write into their working folder
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["TCP_NODELAY"] = "1";
        return info;
    }

    public static async Task<Result> RunAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
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
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static Task<Result> RunAsync(string file, TimeSpan timeout, params string[] args) => RunAsync(StartInfo(file, args), timeout);

    /// <summary>Waits (bounded) until <paramref name="count"/> files are in <paramref name="folder"/> and no longer
    /// growing: SCPs that write received objects to a folder may answer C-STORE before the file is closed.</summary>
    public static async Task<string[]> WaitForFilesAsync(string folder, int count, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        string[] files = [];
        long lastSize = -1;
        while (clock.Elapsed < within)
        {
            files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
            var size = files.Sum(f => new FileInfo(f).Length);
            if (files.Length >= count && size == lastSize) return files;
            lastSize = size;
            await Task.Delay(200);
        }
        return files;
    }

    /// <summary>Whether /proc/net/tcp or tcp6 has a socket in state LISTEN (0A) on <paramref name="port"/>. Read from
    /// /proc rather than probed with a connect: some peers (CTN's simple_storage) exit after a connection that carries
    /// no association.</summary>
    public static bool IsListening(int port)
    {
        var hexPort = ":" + port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 3 && fields[1].EndsWith(hexPort, StringComparison.Ordinal) && fields[3] == "0A") return true;
            }
        }
        return false;
    }

    /// <summary>Waits (bounded) until <paramref name="process"/> listens on <paramref name="port"/>; a fixed sleep
    /// is too short on a loaded machine.</summary>
    public static async Task WaitUntilListeningAsync(Process process, int port, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (process.HasExited) throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode} before listening on port {port}");
            if (IsListening(port)) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{process.StartInfo.FileName} did not listen on port {port} within {within.TotalSeconds:0} s");
    }
}
