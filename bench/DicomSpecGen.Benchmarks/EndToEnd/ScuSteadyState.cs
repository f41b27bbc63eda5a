using System.Diagnostics;
using DicomSpecGen.Association;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Benchmarks.EndToEnd;

/// <summary>Steady-state C-STORE rate of our SCU inside one process (no process start, association already open)
/// against any SCP, e.g. DCMTK `storescp --ignore`: once with files streamed by DicomClient.StoreFileAsync
/// (asynchronous FileStream), once with each file read into memory first, to separate file I/O from the
/// network path. Stopwatch-level; run:
///   dotnet run -c Release --project bench/DicomSpecGen.Benchmarks -- e2e-scu PORT DIR [AEC]</summary>
public static class ScuSteadyState
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[0]);
        var files = Directory.GetFiles(args[1], "*.dcm").Order(StringComparer.Ordinal).ToArray();
        var aec = args.Length > 2 ? args[2] : "BENCHSCP";
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var options = new RequestorOptions
        {
            Host = "127.0.0.1",
            Port = port,
            CallingAeTitle = "DSGBENCH",
            CalledAeTitle = aec,
            PresentationContexts =
            [
                new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian]),
            ],
            Transport = new TransportOptions(),
        };
        await using var client = await DicomClient.ConnectAsync(options);
        // Warm-up: JIT and tiering of the whole path.
        for (var i = 0; i < Math.Min(50, files.Length); i++) await client.StoreFileAsync(files[i]);

        foreach (var mode in new[] { "streamed", "in-memory", "streamed", "in-memory" })
        {
            var clock = Stopwatch.StartNew();
            foreach (var f in files)
            {
                DimseResponse response;
                if (mode == "streamed") response = await client.StoreFileAsync(f);
                else
                {
                    using var memory = new MemoryStream(File.ReadAllBytes(f), writable: false);
                    response = await InstanceSender.SendFileAsync(client.Connection, memory);
                }
                if (response.Status != 0) throw new InvalidOperationException($"{f}: status 0x{response.Status:X4}");
            }
            clock.Stop();
            Console.WriteLine($"{mode,-10} {files.Length} objects {bytes / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F3} s: " +
                $"{files.Length / clock.Elapsed.TotalSeconds:F0} objects/s, {bytes / 1e6 / clock.Elapsed.TotalSeconds:F1} MB/s");
        }
        await client.ReleaseAsync();
        return 0;
    }
}
