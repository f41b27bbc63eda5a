using DicomSpecGen.Protocol;

namespace DicomSpecGen.Association;

/// <summary>The peer (or its provider) answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ.</summary>
/// <remarks>PS3.8 9.3.4, Table 9-21</remarks>
public sealed class AssociationRejectedException(AssociateRejectResult result, AssociateRejectSource source, AssociateRejectReason reason)
    : Exception($"association rejected: {result.Meaning()}, source {source.Meaning()}, reason {reason.Meaning()} ({reason.Citation()})")
{
    public AssociateRejectResult Result { get; } = result;
    public AssociateRejectSource RejectSource { get; } = source;
    public AssociateRejectReason Reason { get; } = reason;
}

/// <summary>The association ended by an A-ABORT (from the peer or a provider) or the transport closing.</summary>
/// <remarks>PS3.8 7.3, 7.4</remarks>
public sealed class AssociationAbortedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A message was to be sent on a presentation context the peer did not accept.</summary>
public sealed class PresentationContextNotAcceptedException(string message) : Exception(message);
