namespace DicomSpecGen.Tools.Trace;

/// <summary>One spec row to trace: a YAML row with its citation, and the generated types its symbols must be in.</summary>
/// <param name="Id">Stable key: file and the row's path of names, e.g. <c>part08/pdus.yaml#AAssociateRq.CalledAeTitle</c>.</param>
/// <param name="Kind">structure, field, bit, enum, enum-value, or row (read generically).</param>
/// <param name="Citation">The row's <c>source:</c>.</param>
/// <param name="Scope">Simple names of the types that must hold its symbols; empty: any type.</param>
/// <param name="Member">The member its symbol must be (e.g. a UID's keyword), when its citation is shared by many rows.</param>
public sealed record TraceRow(string Id, string Kind, string File, int Line, string Citation, string Edition,
    IReadOnlyList<string> Scope, string? Member = null)
{
    /// <summary>The form the generator writes into XML docs.</summary>
    public string FullCitation => $"{Citation} ({Edition})";
}
