using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Association;

public sealed partial class DicomAssociation
{
    /// <summary>Requests an association (A-ASSOCIATE request, Evt1) and waits for the peer's answer. Throws
    /// <see cref="AssociationRejectedException"/> for an A-ASSOCIATE-RJ and <see cref="AssociationAbortedException"/>
    /// when the connection fails or is aborted.</summary>
    /// <remarks>PS3.8 7.1; PS3.8 Table 9-6, AE-1..AE-4</remarks>
    public static async Task<DicomAssociation> RequestAsync(RequestorOptions options, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rq = AssociateRequestBuilder.Build(options);
        var association = new DicomAssociation(options, logger)
        {
            IsRequestor = true,
            CallingAeTitle = options.CallingAeTitle,
            CalledAeTitle = options.CalledAeTitle,
        };
        association.Request = AssociateRequestInfo.From(rq);
        association.TelemetryStart();
        try
        {
            association.Fire(DulEvent.Evt1, rq);
            DulPrimitive answer;
            try
            {
                answer = await association._established.Task.WaitAsync(options.Transport.ConnectTimeout + options.AssociateTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"no A-ASSOCIATE-AC/RJ from {options.Host}:{options.Port} within {options.AssociateTimeout}");
            }
            switch (answer.Content)
            {
                case AAssociateAc ac when answer.Kind == DulPrimitiveKind.AssociateConfirmationAccept:
                    association.ApplyAccept(ac, options);
                    association.TelemetryAccepted();
                    association._logger.LogInformation("association {Calling} → {Called} at {Host}:{Port} accepted: {Accepted} of {Total} contexts",
                        options.CallingAeTitle, options.CalledAeTitle, options.Host, options.Port,
                        association._contexts.Count(c => c.IsAccepted), association._contexts.Count);
                    return association;
                case AAssociateRj rj:
                    var rejected = new AssociationRejectedException(rj.Result, rj.Source, AssociateRejectReasonInfo.FromWire(rj.Source, rj.Reason));
                    association.Explanation = NegotiationExplanation.FromPeerReject(rejected);
                    association.TelemetryRejected(rj.Result, rj.Source, rejected.Reason);
                    throw rejected;
                default:
                    throw new AssociationAbortedException("unexpected answer to the A-ASSOCIATE-RQ: " + answer.Kind);
            }
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
