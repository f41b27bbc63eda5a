using System.Diagnostics;
using System.Text;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>A started peer or dsg process whose output lines are kept with the time each arrived (on one clock shared
/// by every instance), so a test can bound when something was reported, not only that it was.</summary>
internal sealed class TimedProcess : IAsyncDisposable
{
    /// <summary>The clock the line times are read on.</summary>
    public static readonly Stopwatch Clock = Stopwatch.StartNew();

    private readonly Process _process;
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly Task _pumps;

    private TimedProcess(Process process)
    {
        _process = process;
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => ExitedAt ??= Clock.Elapsed;
        _pumps = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public static TimedProcess Start(ProcessStartInfo info) => new(Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName));

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>On <see cref="Clock"/>, when the process was seen to exit.</summary>
    public TimeSpan? ExitedAt { get; private set; }

    public string Output
    {
        get
        {
            var text = new StringBuilder();
            lock (_lines) foreach (var (at, line) in _lines) text.Append(FormattableString.Invariant($"[{at.TotalSeconds:F2}] ")).AppendLine(line);
            return text.ToString();
        }
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
            lock (_lines) _lines.Add((Clock.Elapsed, line));
    }

    /// <summary>When the first line containing <paramref name="text"/> arrived, waiting for it up to <paramref name="within"/>;
    /// null if it did not.</summary>
    public async Task<TimeSpan?> WaitForLineAsync(string text, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (_lines)
                foreach (var (at, line) in _lines)
                    if (line.Contains(text, StringComparison.Ordinal)) return at;
            if (clock.Elapsed >= within) return null;
            await Task.Delay(20);
        }
    }

    /// <summary>Waits up to <paramref name="within"/> for the process to end; kills it and throws if it does not.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(within);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} was still running after {within} (a hang):\n{Output}");
        }
        ExitedAt ??= Clock.Elapsed;
        await _pumps.WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await _pumps.WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
