namespace DicomSpecGen.Dul;

/// <summary>What firing one event did: the cell of Table 9-10 (From, Event), the action that ran and the
/// state reached, or for a blank cell the rule applied (the state is then unchanged).</summary>
/// <remarks>PS3.8 Table 9-10</remarks>
public readonly record struct DulStepResult(DulState From, DulEvent Event, DulAction Action, DulState To, DulUndefinedRule Undefined, bool Rejected, bool Deferred)
{
    /// <summary>True when the cell named an action and it ran.</summary>
    public bool IsDefined => Action != DulAction.None;

    public override string ToString() => Deferred
        ? $"{Event} deferred (fired from inside a step)"
        : IsDefined ? $"{Event}/{From}: {DulActionIds.IdOf(Action)} -> {To}" : $"{Event}/{From}: blank cell, {Undefined} ({(Rejected ? "rejected" : "ignored")})";
}
