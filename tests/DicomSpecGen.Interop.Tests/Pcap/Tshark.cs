using System.Diagnostics;

namespace DicomSpecGen.Interop.Tests.Pcap;

/// <summary>Wireshark's command-line reader, run on a pcap file our --pcap wrote. Missing tshark fails the test.</summary>
internal static class Tshark
{
    public static string Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var path = Path.Combine(dir, "tshark");
            if (File.Exists(path)) return path;
        }
        throw new InvalidOperationException("tshark is not installed (apt-get install -y tshark)");
    }

    /// <summary>The PDUs Wireshark's DICOM dissector decodes from the capture, in order, each as "&gt;&gt; 0xNN" when it
    /// came from <paramref name="ourPort"/> (sent by us) or "&lt;&lt; 0xNN" (received); the dissector is bound to
    /// <paramref name="dicomPort"/> with -d, as it is not on port 104.</summary>
    public static async Task<List<string>> PdusAsync(string pcap, int dicomPort, int? ourPort = null, bool weListen = false)
    {
        var info = new ProcessStartInfo(Find()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-r", pcap, "-d", $"tcp.port=={dicomPort},dicom", "-T", "fields", "-e", "tcp.srcport", "-e", "dicom.pdu.type" })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start tshark");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"tshark exited {process.ExitCode}: {await stderr}");
        var pdus = new List<string>();
        foreach (var line in (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\t');
            if (fields.Length < 2 || fields[1].Length == 0) continue;
            var srcPort = int.Parse(fields[0]);
            // We listen on the DICOM port (dsg scp) or connect to it (dsg echo/store).
            var ours = weListen ? srcPort == dicomPort : srcPort != dicomPort;
            if (ourPort is { } p) ours = srcPort == p;
            // Several PDUs in one segment come comma-separated.
            foreach (var type in fields[1].Split(','))
                pdus.Add($"{(ours ? ">>" : "<<")} {type.Trim()}");
        }
        return pdus;
    }

    /// <summary>The PDUs --trace printed: each "&gt;&gt; title" / "&lt;&lt; title" line followed by its PduType field.</summary>
    public static List<string> TracedPdus(string traceOutput)
    {
        var pdus = new List<string>();
        string? direction = null;
        foreach (var line in traceOutput.Split('\n'))
        {
            // "--trace" prints each PDU as ">> TITLE PDU (N bytes)" with its fields indented below, PduType first.
            if (line.StartsWith(">> ", StringComparison.Ordinal) || line.StartsWith("<< ", StringComparison.Ordinal)) direction = line[..2];
            else if (direction != null && line.TrimStart().StartsWith("PduType ", StringComparison.Ordinal))
            {
                var value = line[(line.IndexOf('=') + 1)..].TrimStart();
                pdus.Add($"{direction} {value.Split(' ')[0].ToLowerInvariant()}");
                direction = null;
            }
        }
        return pdus;
    }
}
