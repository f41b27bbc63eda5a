using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>The outcome of one presentation context: its result and, when accepted, the one transfer syntax
/// both sides use on it, plus the roles agreed for its SOP class.</summary>
/// <remarks>PS3.8 9.3.3.2 (presentation context item, A-ASSOCIATE-AC); PS3.7 D.3.3.4 (roles)</remarks>
public sealed record NegotiatedContext(byte Id, string AbstractSyntax, PresentationContextResult Result, string? TransferSyntax, bool RequestorIsScu = true, bool RequestorIsScp = false)
{
    public bool IsAccepted => Result == PresentationContextResult.Acceptance;

    public override string ToString() => IsAccepted
        ? $"#{Id} {Registry.DicomUids.Describe(AbstractSyntax)}: accepted with {Registry.DicomUids.Describe(TransferSyntax!)}"
        : $"#{Id} {Registry.DicomUids.Describe(AbstractSyntax)}: {Result.Meaning()} ({Result.Citation()})";
}
