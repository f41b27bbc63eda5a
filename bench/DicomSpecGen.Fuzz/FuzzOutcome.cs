using DicomSpecGen.Protocol;

namespace DicomSpecGen.Fuzz;

/// <summary>What one input did: parsed (with its PDU type), rejected with an A-ABORT reason, or crashed
/// (any exception other than the typed protocol errors, or a broken invariant).</summary>
public readonly record struct FuzzOutcome(FuzzOutcomeKind Kind, byte PduType, AbortReason? Reason, string? Detail)
{
    public static FuzzOutcome Parsed(byte type) => new(FuzzOutcomeKind.Parsed, type, null, null);
    public static FuzzOutcome Rejected(AbortReason reason, string field) => new(FuzzOutcomeKind.Rejected, 0, reason, field);
    public static FuzzOutcome Crash(string detail) => new(FuzzOutcomeKind.Crash, 0, null, detail);
}

public enum FuzzOutcomeKind { Parsed, Rejected, Crash }
