using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Dul
{
    /// <summary>A DUL state (PS3.8 Tables 9-1..9-5): <c>Sta1</c>.., a descriptive name, and whether a
    /// transport connection is open in it.</summary>
    public sealed record DulStateSpec(string Id, string Name, string Group, bool TransportOpen, string Description, Citation Source);

    /// <summary>A DUL event (a row of PS3.8 Table 9-10). Kind: primitive, transport, pdu or timer; Pdu names
    /// the PDU whose receipt is the event (null for Evt19, an unrecognized or invalid PDU); Line is the row's line in
    /// dul-events.yaml, for diagnostics.</summary>
    public sealed record DulEventSpec(string Id, string Name, string Kind, string? Pdu, string Description, Citation Source, int Line = 0);

    /// <summary>One possible next state of an action; <see cref="When"/> is the standard's condition, or null.</summary>
    public sealed record DulNextStateSpec(string State, string? When);

    /// <summary>A DUL action (PS3.8 Tables 9-6..9-9): <c>AE-1</c> is Id, <c>AE1</c> its C# name.</summary>
    public sealed record DulActionSpec(string Id, string Name, string Description, EquatableArray<DulNextStateSpec> Next, Citation Source)
    {
        public bool IsConditional => Next.Count > 1;
    }

    /// <summary>What the DUL does for a blank cell of Table 9-10; Behaviour is "reject" or "ignore".</summary>
    public sealed record DulUndefinedRuleSpec(string Name, string Behaviour, string Description, Citation Source);

    /// <summary>One cell of Table 9-10: an action and next state(s), or (blank cell) the undefined rule.</summary>
    public sealed record DulCellSpec(string Event, string State, string? Action, EquatableArray<string> Next, string? Undefined, Citation Source, int Line)
    {
        public bool IsDefined => Action != null;
    }

    /// <summary>The four dul-*.yaml files read together, with every problem found in them.</summary>
    public sealed record DulSpec(
        EquatableArray<DulStateSpec> States,
        EquatableArray<DulEventSpec> Events,
        EquatableArray<DulActionSpec> Actions,
        EquatableArray<DulUndefinedRuleSpec> UndefinedRules,
        EquatableArray<DulCellSpec> Cells,
        EquatableArray<SpecDiagnostic> Diagnostics)
    {
        public bool HasErrors => Diagnostics.Count > 0;
    }

    /// <summary>The text of one spec file, equatable so the generator can cache on it.</summary>
    public sealed record DulSpecFile(string Path, string Text);
}
