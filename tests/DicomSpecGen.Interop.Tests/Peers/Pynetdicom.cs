using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Runs pynetdicom scripts with Debian's /usr/bin/python3 (whose python3-pydicom and python3-numpy
/// pynetdicom needs) and the clone's vendored pynetdicom 2.0.2 first on PYTHONPATH, so a pynetdicom installed
/// elsewhere is never the one tested. A missing interpreter or package fails the test with how to install it.</summary>
public static class Pynetdicom
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<Task<string?>> Missing = new(async () =>
    {
        if (!File.Exists(Python)) return $"{Python} is missing";
        if (!Directory.Exists(Path.Combine(RepoFolders.PynetdicomVendor, "pynetdicom"))) return $"the vendored pynetdicom is missing from {RepoFolders.PynetdicomVendor}";
        var (code, stdout, stderr) = await RunInfoAsync(StartInfo("-c", "import pynetdicom, pydicom; print(pynetdicom.__file__)"), TimeSpan.FromSeconds(30));
        if (code != 0) return "pynetdicom or pydicom is not importable: " + (stdout + stderr).Trim();
        // The vendored copy must win over any pynetdicom installed for this interpreter.
        var imported = stdout.Trim();
        return imported.StartsWith(RepoFolders.PynetdicomVendor + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? null
            : $"pynetdicom was imported from {imported}, not from the vendored {RepoFolders.PynetdicomVendor}";
    });

    /// <summary>A script of this test project (copied beside the test binary from Pynetdicom/scripts).</summary>
    public static string OwnScript(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Pynetdicom", "scripts", name);
        return File.Exists(path) ? path : throw new FileNotFoundException("test script missing from the output folder", path);
    }

    public static async Task RequireAsync()
    {
        var missing = await Missing.Value;
        if (missing != null) throw new InvalidOperationException(missing + $" (run bash {RepoFolders.RunAllScript}, which installs python3-pydicom and python3-numpy)");
    }

    public static ProcessStartInfo StartInfo(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // The vendored copy first; user site-packages off so the interpreter's own packages are the only others.
        var inherited = info.Environment.TryGetValue("PYTHONPATH", out var p) && !string.IsNullOrEmpty(p) ? Path.PathSeparator + p : "";
        info.Environment["PYTHONPATH"] = RepoFolders.PynetdicomVendor + inherited;
        info.Environment["PYTHONNOUSERSITE"] = "1";
        return info;
    }

    /// <summary>Runs a script to completion within <paramref name="timeout"/>; stdout and stderr are kept apart
    /// because the Q/R SCU prints its JSON result on stdout.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, string script, params string[] args)
    {
        await RequireAsync();
        return await RunInfoAsync(StartInfo(script, args), timeout);
    }

    private static async Task<(int, string, string)> RunInfoAsync(ProcessStartInfo info, TimeSpan timeout)
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
            // What the script printed before it was killed says where it waited (the pipes close with the process).
            string said;
            try
            {
                var output = await Task.WhenAll(stdout, stderr).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                said = $"stdout: {output[0]}; stderr: {output[1]}";
            }
            catch (TimeoutException)
            {
                said = "its output did not close within 10 s of the kill";
            }
            throw new TimeoutException($"{string.Join(' ', info.ArgumentList)} did not finish within {timeout}; {said}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
