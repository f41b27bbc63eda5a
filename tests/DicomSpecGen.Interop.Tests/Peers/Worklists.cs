using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Peers;

/// <summary>Modality worklist peers: a folder of worklist files made from DCMTK's example worklist
/// (/usr/share/doc/dcmtk/examples/wlistdb/OFFIS/wklist*.dump, turned into .wl files by dump2dcm), DCMTK's
/// wlmscpfs serving it, and findscu -W querying a worklist SCP.</summary>
public static class Worklists
{
    public const string ExampleFolder = "/usr/share/doc/dcmtk/examples/wlistdb/OFFIS";

    /// <summary>The example worklist's items (wklist1..10.dump): one Scheduled Procedure Step each.</summary>
    public static IReadOnlyList<string> ExampleDumps()
    {
        var dumps = Directory.Exists(ExampleFolder) ? Directory.GetFiles(ExampleFolder, "wklist*.dump").Order(StringComparer.Ordinal).ToList() : [];
        return dumps.Count > 0 ? dumps : throw new InvalidOperationException($"DCMTK's example worklist is missing from {ExampleFolder} (apt-get install -y dcmtk; the examples are in its doc folder)");
    }

    /// <summary>Writes the example items as .wl files into <paramref name="folder"/> (created if needed).</summary>
    public static async Task WriteExamplesAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var dump in ExampleDumps())
        {
            var wl = Path.Combine(folder, Path.GetFileNameWithoutExtension(dump) + ".wl");
            var result = await Dcmtk.RunAsync("dump2dcm", TimeSpan.FromSeconds(30), "--write-xfer-little", dump, wl);
            if (result.ExitCode != 0) throw new InvalidOperationException($"dump2dcm {dump} failed: {result.Output}");
        }
    }

    /// <summary>Starts wlmscpfs on a copy of the example worklist. Its -dfp folder holds one sub-folder per called
    /// AE title (the SCP answers only for titles with a folder) with the .wl files and an empty "lockfile".</summary>
    public static async Task<(PeerServer Server, TempDir Dir)> StartWlmscpfsAsync(string aeTitle)
    {
        var dir = new TempDir("dsg-wlm-");
        try
        {
            var aeFolder = Path.Combine(dir.Path, aeTitle);
            await WriteExamplesAsync(aeFolder);
            await File.WriteAllBytesAsync(Path.Combine(aeFolder, "lockfile"), []);
            var port = Dcmtk.FreePort();
            var info = new ProcessStartInfo(Dcmtk.Find("wlmscpfs")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-dfp", dir.Path, port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) info.ArgumentList.Add(a);
            return (await PeerServer.StartAsync(info, port, TimeSpan.FromSeconds(20)), dir);
        }
        catch
        {
            dir.Dispose();
            throw;
        }
    }

    /// <summary>findscu -W (Modality Worklist Information Model - FIND) with the given -k keys; returns the
    /// output with -v, where every response identifier is printed.</summary>
    public static Task<Dcmtk.Result> FindScuAsync(int port, string calledAe, string callingAe, params string[] keys)
    {
        var args = new List<string> { "-v", "-W", "-aet", callingAe, "-aec", calledAe, "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var k in keys) { args.Add("-k"); args.Add(k); }
        return Dcmtk.RunAsync("findscu", TimeSpan.FromSeconds(60), [.. args]);
    }

    /// <summary>The Patient's Name values of the response identifiers findscu printed.</summary>
    public static IReadOnlyList<string> PatientNames(string findscuOutput)
        => [.. findscuOutput.Split('\n').Where(l => l.Contains("PatientName", StringComparison.Ordinal) && l.Contains("PN [", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf("PN [", StringComparison.Ordinal) + 4)..l.IndexOf(']', l.IndexOf("PN [", StringComparison.Ordinal))].Trim())];
}
