namespace DicomSpecGen.Association;

/// <summary>One presentation context the requestor proposes: an odd ID 1-255, the abstract syntax and the
/// transfer syntaxes in order of preference, and optionally the SCU/SCP roles it proposes for the SOP class
/// (sent as an SCP/SCU Role Selection sub-item when either is set).</summary>
/// <remarks>PS3.8 9.3.2.2 (presentation context item); PS3.7 D.3.3.4 (role selection)</remarks>
public sealed record PresentationContextProposal(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes, bool? ScuRole = null, bool? ScpRole = null)
{
    public override string ToString() => $"#{Id} {Registry.DicomUids.Describe(AbstractSyntax)}";
}
