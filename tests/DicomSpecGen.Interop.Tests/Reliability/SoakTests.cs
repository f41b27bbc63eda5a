using DicomSpecGen.Traceability;
using Xunit.Abstractions;

namespace DicomSpecGen.Interop.Tests.Reliability;

/// <summary>The soak (issue 18 item 5) in its CI length: ~120 s of mixed traffic into one `dsg scp` process
/// (<see cref="SoakDriver"/>). Open descriptors flat after the warm-up (peak of the end window within 10 % of the peak
/// of the window after warm-up); resident memory under 256 MiB (<see cref="SoakReport.LongRun"/>: only a run of 10 min
/// or more can judge its growth, by the two windows); every acknowledged object in the archive with its data set's
/// SHA-256 and found by C-FIND, no failed operation, no unhandled exception, a clean exit on SIGTERM.
/// bench/scripts/soak.sh runs the same test for 30 minutes (DSG_SOAK_SECONDS=1800) and prints the summary
/// (DSG_SOAK_REPORT: a file to write it to).</summary>
public class SoakTests(ITestOutputHelper output)
{
    [Fact]
    [SpecRow("PS3.8 Table 9-9, AA-2")]
    public async Task Mixed_traffic_leaves_memory_and_descriptors_flat_and_loses_nothing()
    {
        var options = SoakOptions.FromEnvironment(defaultSeconds: 120);
        var report = await new SoakDriver(options, output.WriteLine).RunAsync();
        var summary = report.Summary();
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("DSG_SOAK_REPORT") is { Length: > 0 } file)
        {
            var samples = string.Join('\n', report.Samples.Select(s => $"{s.At.TotalSeconds:F0}\t{s.RssKb}\t{s.Fds}"));
            await File.WriteAllTextAsync(file, summary + "\nsamples (s, VmRSS kB, fds):\n" + samples + "\n");
        }
        var problems = report.Problems();
        Assert.True(problems.Count == 0, summary + "\nSCP log (last 40 lines):\n" + string.Join('\n', report.Log.Split('\n').TakeLast(40)));
        Directory.Delete(report.Work, recursive: true);
    }
}
