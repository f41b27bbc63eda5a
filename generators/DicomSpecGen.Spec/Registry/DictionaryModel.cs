using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Registry
{
    /// <summary>One Data Element of the registry (PS3.6 Table 6-1, 7-1, 8-1 or PS3.7 Table E.1-1/E.2-1).</summary>
    /// <param name="Tag">The tag with every "x" digit as 0.</param>
    /// <param name="Mask">1-bits where the tag's digits are fixed; 0xFFFFFFFF for a plain tag.</param>
    /// <param name="TagText">The tag as the standard prints it, e.g. "(60xx,3000)".</param>
    /// <param name="Vrs">The VR codes ("US", "SS"); empty for Item/delimiters and placeholders.</param>
    /// <param name="VrText">The VR column as printed, e.g. "US or SS", "See Note".</param>
    /// <param name="Note">The standard's last column: "RET", "DICOS", "DICONDE", ... or "".</param>
    public sealed record DictionaryElement(
        uint Tag, uint Mask, string TagText, EquatableArray<string> Vrs, string VrText, string Vm,
        bool Retired, string Note, string Keyword, string Name, Citation Source, int Line);

    /// <summary>The whole dictionary.yaml file with the problems found in it.</summary>
    public sealed record DataDictionary(string Edition, EquatableArray<DictionaryElement> Elements, EquatableArray<SpecDiagnostic> Diagnostics);
}
