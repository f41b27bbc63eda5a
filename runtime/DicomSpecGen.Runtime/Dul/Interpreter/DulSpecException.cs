using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Dul.Interpreter;

/// <summary>The DUL YAML given to the interpreter has problems (each with its file and line), or names a
/// state, event, action or rule the compiled runtime does not have.</summary>
public sealed class DulSpecException : Exception
{
    public DulSpecException(IReadOnlyList<SpecDiagnostic> diagnostics)
        : base("the DUL state machine YAML is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<SpecDiagnostic> Diagnostics { get; }
}
