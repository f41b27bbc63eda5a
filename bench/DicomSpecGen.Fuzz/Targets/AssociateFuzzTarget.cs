using System.Buffers;
using DicomSpecGen.Association;
using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Fuzz;

/// <summary>An A-ASSOCIATE-RQ as the acceptor handles it: <see cref="Pdu.Read"/>, <see cref="AssociateRequestInfo.From"/>,
/// the policy's decision under two configurations (any called AE title; a called AE title, a calling allow-list and a
/// user name check), then the A-ASSOCIATE-AC or -RJ the acceptor would send. Rules: only
/// <see cref="PduFormatException"/> may escape (any other PDU is the acceptor's unexpected PDU); the answer encodes
/// and parses back to the same bytes; an AC answers every proposed context exactly once, accepts only a transfer
/// syntax that was proposed, and echoes the AE titles; an RJ carries a result, source and reason of PS3.8 Table 9-21.</summary>
public static class AssociateFuzzTarget
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Served = new Dictionary<string, IReadOnlyList<string>>
    {
        [DicomUids.Verification] = [DicomUids.ImplicitVRLittleEndian],
        [DicomUids.CTImageStorage] = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian, DicomUids.DeflatedExplicitVRLittleEndian, DicomUids.JPEGBaseline8Bit],
        [DicomUids.StudyRootQueryRetrieveInformationModelFind] = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian],
        [DicomUids.StudyRootQueryRetrieveInformationModelGet] = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian],
    };

    /// <summary>The two acceptors every request is put to.</summary>
    public static IReadOnlyList<AcceptorOptions> Acceptors { get; } =
    [
        new AcceptorOptions
        {
            Policy = new DefaultAssociationPolicy(new AcceptorPolicyOptions
            {
                AeTitle = "FUZZSCP",
                RequireCalledAeTitle = false,
                AbstractSyntaxes = Served,
                RequestorScpRoleAllowed = new HashSet<string> { DicomUids.CTImageStorage },
            }),
            AsyncOperationLimits = new AsyncOperationLimits(4, 4),
        },
        new AcceptorOptions
        {
            Policy = new DefaultAssociationPolicy(new AcceptorPolicyOptions
            {
                AeTitle = "ANY-SCP",
                RequireCalledAeTitle = true,
                AllowedCallingAeTitles = new HashSet<string> { "FUZZ", "STORESCU", "ECHOSCU" },
                AbstractSyntaxes = Served,
                AuthenticateUser = identity => identity.Primary == "alice",
            }),
            ImplementationVersionName = null,
        },
    ];

    public static FuzzOutcome Run(byte[] input) => FuzzOutcome.Guard(input, RunCore);

    private static FuzzOutcome RunCore(byte[] input)
    {
        Pdu pdu;
        try
        {
            pdu = Pdu.Read(new ReadOnlySequence<byte>(input));
        }
        catch (PduFormatException e)
        {
            if (!Enum.IsDefined(e.AbortReason)) return FuzzOutcome.Crash($"undefined A-ABORT reason {(byte)e.AbortReason}");
            return FuzzOutcome.Rejected(e.AbortReason, e.Field.Structure + "." + e.Field.Field);
        }
        // Anything but an A-ASSOCIATE-RQ in Sta2 is an unexpected PDU (PS3.8 Table 9-10, AA-1).
        if (pdu is not AAssociateRq rq) return FuzzOutcome.Rejected(AbortReason.UnexpectedPdu, "PDU-type");

        var info = AssociateRequestInfo.From(rq, "127.0.0.1");
        foreach (var options in Acceptors)
        {
            var decision = ((DefaultAssociationPolicy)options.Policy).Decide(info);
            var problem = decision.IsAccepted ? CheckAccept(rq, info, decision, options) : CheckReject(decision);
            if (problem != null) return FuzzOutcome.Crash(problem);
        }
        return FuzzOutcome.Parsed(rq.PduType);
    }

    private static string? CheckAccept(AAssociateRq rq, AssociateRequestInfo info, AssociationDecision decision, AcceptorOptions options)
    {
        var ac = DicomAssociation.BuildAccept(rq, info, decision, options, out _);
        if (RoundTrip(ac) is not AAssociateAc back) return "the A-ASSOCIATE-AC does not parse back as one";
        if (back.CalledAeTitle != rq.CalledAeTitle || back.CallingAeTitle != rq.CallingAeTitle) return "the AC does not echo the AE titles";
        var answers = back.VariableItems.OfType<PresentationContextAc>().ToList();
        if (answers.Count != info.Contexts.Count) return $"{info.Contexts.Count} contexts proposed, {answers.Count} answered";
        for (var i = 0; i < answers.Count; i++)
        {
            var proposed = info.Contexts[i];
            if (answers[i].PresentationContextId != proposed.Id) return $"context #{proposed.Id} answered as #{answers[i].PresentationContextId}";
            if (answers[i].Result != PresentationContextResult.Acceptance) continue;
            var ts = answers[i].SubItems.OfType<TransferSyntaxSubItem>().SingleOrDefault()?.Name;
            if (ts == null || !proposed.TransferSyntaxes.Contains(ts)) return $"context #{proposed.Id} accepted with transfer syntax '{ts}', which was not proposed";
        }
        return null;
    }

    private static string? CheckReject(AssociationDecision decision)
    {
        var rj = new AAssociateRj { Result = decision.RejectResult!.Value, Source = decision.RejectSource, Reason = decision.RejectReason.ToWire() };
        if (RoundTrip(rj) is not AAssociateRj back) return "the A-ASSOCIATE-RJ does not parse back as one";
        if (!Enum.IsDefined(back.Result) || !Enum.IsDefined(back.Source)) return $"A-ASSOCIATE-RJ result {back.Result} / source {back.Source} is not in PS3.8 Table 9-21";
        return null;
    }

    /// <summary>Encodes, parses and encodes again: the two encodings must be equal. Returns the parsed PDU, or null.</summary>
    private static Pdu? RoundTrip(Pdu pdu)
    {
        var bytes = PduFuzzTarget.Encode(pdu);
        var back = Pdu.Read(new ReadOnlySequence<byte>(bytes));
        return PduFuzzTarget.Encode(back).AsSpan().SequenceEqual(bytes) ? back : null;
    }
}
