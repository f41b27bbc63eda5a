namespace DicomSpecGen.Dul;

/// <summary>Runs one cell of Table 9-10: the compiled switch (<see cref="GeneratedDulEngine"/>) or the
/// YAML read at run time (<see cref="Interpreter.InterpretedDulEngine"/>). Both drive the same
/// <see cref="IDulActions"/> and must agree step for step.</summary>
/// <remarks>PS3.8 Table 9-10</remarks>
public interface IDulEngine
{
    /// <summary>Runs the cell for the event in the state and returns what it did.</summary>
    DulStep Step(IDulActions actions, DulState state, DulEvent evt, object? payload);

    /// <summary>True when a blank cell's rule refuses the event to the caller (behaviour reject).</summary>
    bool Rejects(DulUndefinedRule rule);
}

/// <summary>Which engine a <see cref="DulStateMachine"/> uses.</summary>
public enum DulEngine
{
    /// <summary>The switch generated from the YAML at build time.</summary>
    Generated,

    /// <summary>The YAML embedded in the runtime, read and interpreted at run time.</summary>
    Interpreted,
}

/// <summary>The compiled engine: Table 9-10 as the generated switch <see cref="DulGeneratedDispatch"/>.</summary>
/// <remarks>PS3.8 Table 9-10</remarks>
public sealed class GeneratedDulEngine : IDulEngine
{
    public static GeneratedDulEngine Instance { get; } = new();

    public DulStep Step(IDulActions actions, DulState state, DulEvent evt, object? payload)
        => DulGeneratedDispatch.Step(actions, state, evt, payload);

    public bool Rejects(DulUndefinedRule rule) => DulUndefinedRules.Rejects(rule);
}
