namespace DicomSpecGen.Fuzz;

/// <summary>One fuzz target: a name (also its corpus folder, tests/corpus/fuzz/&lt;name&gt;), the largest input worth
/// trying, and the function that feeds one input to the runtime and judges what came out. The mutation fuzzer, the
/// libFuzzer host and the CI replay all call <see cref="Run"/>, so what may escape is decided in one place.</summary>
public sealed record FuzzTarget(string Name, int MaxInputLength, Func<byte[], FuzzOutcome> Run, string Description);

public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("pdu", 8192, input => PduFuzzTarget.Run(input, 1 + input.Length % 13),
            "framing + Pdu.Read whole and split, re-encode, PDV walk, DIMSE reassembly; only PduFormatException / DimseReassemblyException"),
        new("command-set", 4096, CommandSetFuzzTarget.Run,
            "DimseMessage.TryDecode/Decode of a command set, via the reassembler too; only DimseException; re-encode stable"),
        new("data-set", 16384, DataSetFuzzTarget.Run,
            "first byte picks implicit/explicit LE, explicit BE, deflated or a Part 10 file; streaming token walk, DicomDataset.Decode, re-encode stable; only DicomDataException"),
        new("associate", 8192, AssociateFuzzTarget.Run,
            "A-ASSOCIATE-RQ bytes -> AssociateRequestInfo -> two acceptor policies -> A-ASSOCIATE-AC/RJ that must encode and parse back; only PduFormatException"),
    ];

    public static FuzzTarget Get(string name) => All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"unknown fuzz target '{name}'; known: {string.Join(", ", All.Select(t => t.Name))}", nameof(name));
}
