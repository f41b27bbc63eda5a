using System.Diagnostics;

namespace DicomSpecGen.Fuzz;

/// <summary>Runs a bounded number of mutated inputs through a fuzz target (default <see cref="PduFuzzTarget"/>, with the
/// segment size varied per input), counting outcomes and keeping each crashing input (by content hash) for replay as a
/// regression test.</summary>
public sealed class FuzzRunner
{
    public long Parsed { get; private set; }
    public long Rejected { get; private set; }
    public Dictionary<string, long> ByReason { get; } = new(StringComparer.Ordinal);
    public List<(byte[] Input, string Detail)> Crashes { get; } = [];

    public void Run(IReadOnlyList<byte[]> seeds, int seed, long iterations, TimeSpan timeBudget, FuzzTarget? target = null)
    {
        var mutator = new PduMutator(seeds, new Random(seed), pduLength: target == null || target.Name is "pdu" or "associate");
        var clock = Stopwatch.StartNew();
        for (long i = 0; i < iterations && clock.Elapsed < timeBudget; i++)
        {
            var input = mutator.Next();
            var outcome = target == null ? PduFuzzTarget.Run(input, 1 + (int)(i % 13)) : target.Run(input);
            switch (outcome.Kind)
            {
                case FuzzOutcomeKind.Parsed:
                    Parsed++;
                    break;
                case FuzzOutcomeKind.Rejected:
                    Rejected++;
                    var key = outcome.Reason?.ToString() ?? outcome.Detail!.Split(':')[0];
                    ByReason[key] = ByReason.GetValueOrDefault(key) + 1;
                    break;
                default:
                    if (Crashes.Count < 1000) Crashes.Add((input, outcome.Detail!));
                    break;
            }
        }
    }

    public long Total => Parsed + Rejected + Crashes.Count;

    public static string CrashName(byte[] input) =>
        "crash-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(input)).Substring(0, 16).ToLowerInvariant() + ".bin";
}
