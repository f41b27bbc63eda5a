using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Registry
{
    /// <summary>One Value Representation (PS3.5 Table 6.2-1) with its Explicit VR header form (PS3.5 7.1.2).</summary>
    /// <param name="Kind">"text", "binary", "bytes" or "sequence".</param>
    /// <param name="LengthField">2 or 4 bytes of Value Length in Explicit VR.</param>
    /// <param name="Padding">"space", "zero" or "" (fixed-size binary VRs and SQ need none).</param>
    /// <param name="Size">Bytes per value of a fixed-size VR, else 0.</param>
    public sealed record VrDefinition(string Code, string Title, string Kind, int LengthField, string Padding, int Size, Citation Source, int Line);

    /// <summary>The whole vrs.yaml file with the problems found in it.</summary>
    public sealed record VrTable(string Edition, EquatableArray<VrDefinition> Vrs, EquatableArray<SpecDiagnostic> Diagnostics);
}
