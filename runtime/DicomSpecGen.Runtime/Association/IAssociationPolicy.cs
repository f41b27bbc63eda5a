namespace DicomSpecGen.Association;

/// <summary>Decides how an acceptor answers an A-ASSOCIATE-RQ (the A-ASSOCIATE response primitive, PS3.8 7.1.1).</summary>
public interface IAssociationPolicy
{
    AssociationDecision Decide(AssociateRequestInfo request);
}
