namespace DicomSpecGen.Association;

/// <summary>Decides how an acceptor answers an A-ASSOCIATE-RQ (the A-ASSOCIATE response primitive, PS3.8 7.1.1).</summary>
public interface IAssociationPolicy
{
    AssociationDecision Decide(AssociateRequestInfo request);

    /// <summary>What the acceptor calls: a policy that has to wait (e.g. for a user identity validator, PS3.7
    /// D.3.3.7) overrides it; by default the synchronous <see cref="Decide"/>.</summary>
    ValueTask<AssociationDecision> DecideAsync(AssociateRequestInfo request, CancellationToken cancellationToken)
        => ValueTask.FromResult(Decide(request));
}
