using System.Buffers;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Fuzz;

/// <summary>Feeds one input to the receive path the way a connection would: framing header, whole-PDU
/// parse, the allocation-free PDV walk and DIMSE reassembly. The rules checked:
/// only <see cref="PduFormatException"/> (with a defined A-ABORT reason) or, past the PDU layer,
/// <see cref="DimseReassemblyException"/> may escape; the same bytes split into several segments give the
/// same result; whatever parses re-encodes to bytes that parse to the same encoding.</summary>
public static class PduFuzzTarget
{
    public static FuzzOutcome Run(byte[] input, int segmentSize = 7) =>
        FuzzOutcome.Guard((input, segmentSize), s => RunCore(s.input, s.segmentSize));

    private static FuzzOutcome RunCore(byte[] input, int segmentSize)
    {
        var whole = new ReadOnlySequence<byte>(input);
        var first = Parse(whole);
        var split = Parse(Segments.Split(input, segmentSize));
        if (first.Outcome != split.Outcome || !first.Encoded.AsSpan().SequenceEqual(split.Encoded))
        {
            return FuzzOutcome.Crash($"one segment gave {first.Outcome}, {segmentSize}-byte segments gave {split.Outcome}");
        }
        if (first.Outcome.Kind != FuzzOutcomeKind.Parsed) return first.Outcome;

        // Framing agrees with the parse.
        if (!PduFraming.TryReadHeader(whole, out var type, out var length) || type != first.Pdu!.PduType || length != input.Length - PduFraming.HeaderLength)
        {
            return FuzzOutcome.Crash("framing header disagrees with the parsed PDU");
        }

        // Re-encoding is stable.
        var again = Pdu.Read(new ReadOnlySequence<byte>(first.Encoded));
        if (!Encode(again).AsSpan().SequenceEqual(first.Encoded)) return FuzzOutcome.Crash("re-encoding is not stable");

        if (first.Pdu is PDataTf pdata) return CheckPData(input, pdata);
        return first.Outcome;
    }

    private static FuzzOutcome CheckPData(byte[] input, PDataTf pdata)
    {
        var count = 0;
        foreach (var pdv in PDataTf.EnumerateValues(Segments.Split(input, 5)))
        {
            if (count >= pdata.Values.Count || !pdv.Fragment.ToArray().AsSpan().SequenceEqual(pdata.Values[count].Fragment.ToArray()))
            {
                return FuzzOutcome.Crash("EnumerateValues disagrees with PDataTf.Read");
            }
            count++;
        }
        if (count != pdata.Values.Count) return FuzzOutcome.Crash("EnumerateValues found fewer PDVs than PDataTf.Read");
        try
        {
            new DimseReassembler().AcceptPdu(pdata);
        }
        catch (DimseReassemblyException)
        {
        }
        return FuzzOutcome.Parsed(pdata.PduType);
    }

    private readonly record struct ParseResult(FuzzOutcome Outcome, Pdu? Pdu, byte[] Encoded);

    private static ParseResult Parse(ReadOnlySequence<byte> bytes)
    {
        try
        {
            var pdu = Pdu.Read(bytes);
            return new ParseResult(FuzzOutcome.Parsed(pdu.PduType), pdu, Encode(pdu));
        }
        catch (PduFormatException e)
        {
            if (!Enum.IsDefined(e.AbortReason)) return new ParseResult(FuzzOutcome.Crash($"undefined A-ABORT reason {(byte)e.AbortReason}"), null, []);
            return new ParseResult(FuzzOutcome.Rejected(e.AbortReason, e.Field.Structure + "." + e.Field.Field), null, []);
        }
    }

    public static byte[] Encode(Pdu pdu)
    {
        var writer = new ArrayBufferWriter<byte>(pdu.GetEncodedLength());
        pdu.Write(writer);
        return writer.WrittenSpan.ToArray();
    }
}
