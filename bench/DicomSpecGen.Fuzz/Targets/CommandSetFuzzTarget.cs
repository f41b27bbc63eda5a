using System.Buffers;
using DicomSpecGen.Dimse;

namespace DicomSpecGen.Fuzz;

/// <summary>A received command set, as the reassembler hands it to the DIMSE layer. Rules: only
/// <see cref="DimseException"/> (or <see cref="DimseReassemblyException"/> from the reassembler) may escape;
/// decoding one segment or many gives the same result; what decodes re-encodes to bytes that decode to the same
/// encoding.</summary>
public static class CommandSetFuzzTarget
{
    public static FuzzOutcome Run(byte[] input) => FuzzOutcome.Guard(input, RunCore);

    private static FuzzOutcome RunCore(byte[] input)
    {
        var whole = DimseMessage.TryDecode(new ReadOnlySequence<byte>(input), out var message, out var errors);
        var split = DimseMessage.TryDecode(Segments.Split(input, 3), out var splitMessage, out _);
        if (whole != split) return FuzzOutcome.Crash($"one segment decoded: {whole}, 3-byte segments: {split}");

        // The path of a received message: the reassembler decodes the command PDVs and throws the typed error.
        var reassembled = ThroughReassembler(input);
        if (reassembled.Kind == FuzzOutcomeKind.Crash) return reassembled;
        // An odd-length fragment is refused by the reassembler before any decoding (PS3.8 E.1).
        if (input.Length % 2 == 0 && whole != (reassembled.Kind == FuzzOutcomeKind.Parsed))
            return FuzzOutcome.Crash($"TryDecode gave {whole}, the reassembler gave {reassembled.Kind}: {reassembled.Detail}");

        if (!whole)
        {
            if (errors.Count == 0) return FuzzOutcome.Crash("TryDecode failed without naming an error");
            return FuzzOutcome.Refused(new DimseException(errors));
        }

        var encoded = message!.ToArray();
        if (!splitMessage!.ToArray().AsSpan().SequenceEqual(encoded)) return FuzzOutcome.Crash("split decode re-encodes differently");
        if (!DimseMessage.TryDecode(new ReadOnlySequence<byte>(encoded), out var again, out var againErrors))
            return FuzzOutcome.Crash("the re-encoded command set does not decode: " + string.Join("; ", againErrors));
        if (!again.ToArray().AsSpan().SequenceEqual(encoded)) return FuzzOutcome.Crash("re-encoding is not stable");
        return FuzzOutcome.Parsed(0);
    }

    private static FuzzOutcome ThroughReassembler(byte[] input)
    {
        try
        {
            var reassembler = new DimseReassembler();
            var half = input.Length / 4 * 2;
            reassembler.Accept(new PdvFragment(1, true, false, input.AsMemory(0, half)));
            var e = reassembler.Accept(new PdvFragment(1, true, true, input.AsMemory(half)));
            if (e.Kind != ReassemblyEventKind.Command || e.Command == null) return FuzzOutcome.Crash($"the last command PDV gave {e.Kind}");
            return FuzzOutcome.Parsed(0);
        }
        catch (Exception e) when (e is DimseException or DimseReassemblyException)
        {
            return FuzzOutcome.Refused(e);
        }
    }
}
