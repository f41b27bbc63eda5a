namespace DicomSpecGen.Spec.Common
{
    /// <summary>A problem found in a spec YAML file, with the place it was found (1-based line and column).
    /// The generator turns these into compiler diagnostics; the interpreter and tools print them.</summary>
    public sealed record SpecDiagnostic(string Id, string Message, string FilePath, int Line, int Column)
    {
        public override string ToString() => $"{FilePath}({Line},{Column}): error {Id}: {Message}";
    }
}
