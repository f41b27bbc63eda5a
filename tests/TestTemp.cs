using System.Runtime.CompilerServices;

namespace DicomSpecGen.Tests;

/// <summary>Every temporary file of a test process goes under one folder of its own ("$TMPDIR/dsg-tests/{pid}"): a run
/// of the suites made hundreds of folders (archives with their journals, peers' outputs; ~470 MB for the runtime tests
/// alone) and left them all behind. Set as TMPDIR before any test runs, so <see cref="Path.GetTempPath"/> and the peers
/// the tests start (which inherit it) use it too. Removed when the process exits normally; the test host is usually
/// killed by the runner instead, so a folder whose process is gone is removed by the next test process, and
/// tests/run-all.sh removes them all when it ends.</summary>
internal static class TestTemp
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        var parent = Path.Combine(Path.GetTempPath(), "dsg-tests");
        Directory.CreateDirectory(parent);
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && pid != Environment.ProcessId && !IsRunning(pid)) Delete(folder);
        }
        var root = Path.Combine(parent, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(root);
        Environment.SetEnvironmentVariable("TMPDIR", root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Delete(root);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A peer still writing, or files of another user: the next test process tries again.
        }
    }
}
