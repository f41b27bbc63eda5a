using System.Buffers.Binary;
using DicomSpecGen.Fuzz;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>The CI-sized fuzz run (the million-input run is bench/DicomSpecGen.Fuzz): malformed PDUs seeded
/// from the captured corpus give typed errors with an A-ABORT reason, never another exception.</summary>
public class PduFuzzTests
{
    private static List<byte[]> Seeds() => FuzzSeeds.Load(TestPaths.Corpus("pdu"));

    private static string Describe(FuzzRunner runner) => runner.Crashes.Count == 0 ? "" :
        $"{runner.Crashes.Count} crashes; first input {Convert.ToHexString(runner.Crashes[0].Input)}: {runner.Crashes[0].Detail}";

    [Fact]
    public void Fifty_thousand_corpus_mutations_raise_only_typed_errors()
    {
        var runner = new FuzzRunner();
        runner.Run(Seeds(), seed: 20261127, iterations: 50_000, timeBudget: TimeSpan.FromMinutes(2));

        Assert.True(runner.Crashes.Count == 0, Describe(runner));
        Assert.Equal(50_000, runner.Total);
        // The mutations reach past the framing: some still parse, and rejections carry several reasons.
        Assert.True(runner.Parsed > 1000, $"only {runner.Parsed} parsed");
        Assert.True(runner.Rejected > 10_000, $"only {runner.Rejected} rejected");
        Assert.Contains("InvalidPduParameterValue", runner.ByReason.Keys);
        Assert.Contains("UnrecognizedPdu", runner.ByReason.Keys);
        Assert.Contains("UnexpectedPduParameter", runner.ByReason.Keys);
    }

    [Fact]
    public void Random_bytes_behind_a_valid_header_raise_only_typed_errors()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length >= 6 && random.Next(2) == 0)
            {
                bytes[0] = (byte)random.Next(1, 8);
                BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), (uint)(bytes.Length - 6));
            }
            var outcome = PduFuzzTarget.Run(bytes, 1 + i % 9);
            Assert.True(outcome.Kind != FuzzOutcomeKind.Crash, Convert.ToHexString(bytes) + ": " + outcome.Detail);
        }
    }

    public static TheoryData<string> CrasherFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestPaths.Corpus("pdu-crashers"), "*.bin").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(CrasherFiles))]
    public void Crasher_corpus_input_is_handled(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Corpus("pdu-crashers"), file));
        var outcome = PduFuzzTarget.Run(bytes);
        Assert.True(outcome.Kind != FuzzOutcomeKind.Crash, outcome.Detail);
        // Files named reject-<Reason>-*.bin record the A-ABORT reason the input must give.
        var parts = file.Split('-');
        if (parts[0] == "reject")
        {
            Assert.Equal(FuzzOutcomeKind.Rejected, outcome.Kind);
            Assert.Equal(parts[1], outcome.Reason.ToString());
        }
    }
}
