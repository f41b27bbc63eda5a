using DicomSpecGen.Protocol;

namespace DicomSpecGen.Fuzz;

/// <summary>What one input did: parsed (with its PDU type), rejected with a typed error (an A-ABORT reason at the
/// PDU layer, the error's text above it), or crashed (any other exception, or a broken invariant).</summary>
public readonly record struct FuzzOutcome(FuzzOutcomeKind Kind, byte PduType, AbortReason? Reason, string? Detail)
{
    public static FuzzOutcome Parsed(byte type) => new(FuzzOutcomeKind.Parsed, type, null, null);
    public static FuzzOutcome Rejected(AbortReason reason, string field) => new(FuzzOutcomeKind.Rejected, 0, reason, field);

    /// <summary>Rejected above the PDU layer with one of the typed errors the target allows.</summary>
    public static FuzzOutcome Refused(Exception typed) => new(FuzzOutcomeKind.Rejected, 0, null, typed.GetType().Name + ": " + typed.Message);

    public static FuzzOutcome Crash(string detail) => new(FuzzOutcomeKind.Crash, 0, null, detail);

    public static FuzzOutcome Crash(Exception e) => Crash(e.GetType().Name + ": " + e.Message + Environment.NewLine + e.StackTrace);

    /// <summary>Runs one target's judgement; an exception the target did not expect is the crash being hunted.</summary>
    public static FuzzOutcome Guard<TState>(TState state, Func<TState, FuzzOutcome> judge)
    {
        try
        {
            return judge(state);
        }
        catch (Exception e)
        {
            return Crash(e);
        }
    }
}

public enum FuzzOutcomeKind { Parsed, Rejected, Crash }
