using DicomSpecGen.Fuzz;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>CI replay of the coverage-guided fuzzer's output (docs/reliability.md, "Coverage-guided fuzzing"): every
/// committed corpus file (tests/corpus/fuzz/&lt;target&gt;) and crasher (tests/corpus/fuzz-crashers/&lt;target&gt;) goes
/// through the same target function libFuzzer ran (bench/DicomSpecGen.Fuzz/Targets), uninstrumented: only the typed
/// errors the target allows may escape and its invariants (re-encoding stable, split input equal to whole input, an
/// AC answering every proposed context...) must hold.</summary>
public class FuzzCorpusReplayTests
{
    public static TheoryData<string> Targets()
    {
        var data = new TheoryData<string>();
        foreach (var t in FuzzTargets.All) data.Add(t.Name);
        return data;
    }

    private static IEnumerable<string> Files(string area, string target)
    {
        var dir = Path.Combine(TestPaths.Corpus(area), target);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*.bin").Order(StringComparer.Ordinal) : [];
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Committed_corpus_raises_only_the_targets_typed_errors(string name)
    {
        var target = FuzzTargets.Get(name);
        var files = Files("fuzz", name).ToList();
        // A corpus that went missing would make this pass on nothing.
        Assert.True(files.Count >= 20, $"tests/corpus/fuzz/{name} has {files.Count} files; rebuild it with bench/scripts/fuzz-run.sh merge {name}");
        var outcomes = new Dictionary<FuzzOutcomeKind, int>();
        var crashes = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.Length <= target.MaxInputLength, $"{file}: {bytes.Length} bytes, above the target's {target.MaxInputLength}");
            var outcome = target.Run(bytes);
            outcomes[outcome.Kind] = outcomes.GetValueOrDefault(outcome.Kind) + 1;
            if (outcome.Kind == FuzzOutcomeKind.Crash) crashes.Add($"{Path.GetFileName(file)}: {outcome.Detail}");
        }
        Assert.True(crashes.Count == 0, string.Join(Environment.NewLine, crashes));
        // The minimized corpus keeps inputs on both sides of the parser: some read, some refused.
        Assert.True(outcomes.GetValueOrDefault(FuzzOutcomeKind.Parsed) > 0, $"{name}: no corpus input is well formed");
        Assert.True(outcomes.GetValueOrDefault(FuzzOutcomeKind.Rejected) > 0, $"{name}: no corpus input is refused");
    }

    public static TheoryData<string, string> Crashers()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in FuzzTargets.All)
        foreach (var f in Files("fuzz-crashers", t.Name))
            data.Add(t.Name, Path.GetFileName(f));
        return data;
    }

    /// <summary>Each crasher broke its target before the runtime fix committed with it. reject-&lt;AbortReason&gt;-*.bin
    /// must be refused with exactly that A-ABORT reason.</summary>
    [Theory]
    [MemberData(nameof(Crashers))]
    public void Fuzz_crasher_is_handled(string target, string file)
    {
        var outcome = FuzzTargets.Get(target).Run(File.ReadAllBytes(Path.Combine(TestPaths.Corpus("fuzz-crashers"), target, file)));
        Assert.True(outcome.Kind != FuzzOutcomeKind.Crash, outcome.Detail);
        var parts = file.Split('-');
        if (parts[0] == "reject")
        {
            Assert.Equal(FuzzOutcomeKind.Rejected, outcome.Kind);
            Assert.Equal(parts[1], outcome.Reason.ToString());
        }
    }

    /// <summary>The associate target's first find: an A-ASSOCIATE-RQ whose Called-AE-title held a byte above 0x7E was
    /// accepted, and the A-ASSOCIATE-AC echoed it as '?'. The AE VR allows only the default character repertoire, so
    /// the request is now aborted with invalid-PDU-parameter-value.</summary>
    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    public void Called_AE_title_outside_the_default_repertoire_is_an_invalid_PDU_parameter()
    {
        var rq = File.ReadAllBytes(Path.Combine(TestPaths.Corpus("fuzz-crashers"), "associate", "reject-InvalidPduParameterValue-called-ae-title-latin1.bin"));
        var e = Assert.Throws<DicomSpecGen.Protocol.Wire.PduFormatException>(() => DicomSpecGen.Protocol.Pdu.Read(new System.Buffers.ReadOnlySequence<byte>(rq)));
        Assert.Equal(DicomSpecGen.Protocol.AbortReason.InvalidPduParameterValue, e.AbortReason);
        Assert.Equal("CalledAeTitle", e.Field.Field);
        Assert.Contains("0xE9", e.Message);
    }
}

/// <summary>The data-set target's finds, as plain reader calls.</summary>
public class FuzzFoundDataSetTests
{
    /// <summary>An empty data set held in memory at a non-zero offset threw ArgumentOutOfRangeException from the pipe.</summary>
    [Fact]
    public void An_empty_data_set_at_an_offset_decodes_as_empty()
    {
        var buffer = new byte[4];
        var ds = DicomSpecGen.Data.DicomDataset.Decode(buffer.AsMemory(4), DicomSpecGen.Registry.TransferSyntax.ImplicitVRLittleEndian);
        Assert.Equal(0, ds.Count);
    }

    /// <summary>Explicit VR Big Endian FD (0009,1011) of 12 bytes: one whole 8-byte value and a partial unit.</summary>
    private static byte[] BigEndianFd(int present)
    {
        byte[] header = [0x00, 0x09, 0x10, 0x11, (byte)'F', (byte)'D', 0x00, 0x0C];
        return [.. header, .. Enumerable.Range(1, present).Select(i => (byte)i)];
    }

    /// <summary>Truncated inside the partial last unit: a typed error, where ArgumentException escaped before.</summary>
    [Fact]
    public void A_big_endian_value_truncated_in_its_partial_last_unit_is_a_data_error()
    {
        var e = Assert.Throws<DicomSpecGen.Data.DicomDataException>(() =>
            DicomSpecGen.Data.DicomDataset.Decode(BigEndianFd(10), DicomSpecGen.Registry.TransferSyntax.ExplicitVRBigEndian));
        Assert.Contains("ends 4 bytes before the end of the value", e.Message);
    }

    /// <summary>The same value arriving 3 bytes per read, as from a socket, is read whole: the partial unit waits for its
    /// last bytes, where ArgumentException escaped before.</summary>
    [Fact]
    public async Task A_big_endian_value_with_a_partial_last_unit_streams_in_small_reads()
    {
        var reader = new DicomSpecGen.Data.DicomStreamReader(new TrickleStream(BigEndianFd(12), 3), DicomSpecGen.Registry.TransferSyntax.ExplicitVRBigEndian);
        var ds = await DicomSpecGen.Data.DicomDataset.ReadAsync(reader);
        var value = ((DicomSpecGen.Data.DicomElement)ds[new DicomSpecGen.Data.DicomTag(0x00091011)]!).Value.ToArray();
        Assert.Equal([8, 7, 6, 5, 4, 3, 2, 1, 9, 10, 11, 12], value);
    }

    /// <summary>Gives at most <c>chunk</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
    }
}
