using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>The service registry: a service is one class and one registration line; the acceptor accepts exactly the
/// registered SOP classes and explains which service serves each; requests are dispatched by SOP class.</summary>
public class ServiceRegistryTests
{
    /// <summary>A private SOP class (under a UID root for tests) with an N-ACTION handler: the whole service.</summary>
    private sealed class ToyActionService : IDicomService, INActionHandler
    {
        public const string SopClass = "1.2.826.0.1.3680043.9.7433.1.1";

        public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(SopClass)];

        public Task<NormalizedResult> OnNActionAsync(NormalizedRequest<NActionRq> request, CancellationToken cancellationToken)
        {
            var echoed = request.DataSet?.GetString(DicomTags.PatientID) ?? "";
            var reply = new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, echoed + "-ACTED" + request.Message.ActionTypeID);
            return Task.FromResult(new NormalizedResult(request.Message.ActionTypeID == 1 ? DimseStatus.Success : DimseStatus.NoSuchActionType, reply));
        }
    }

    private static RequestorOptions Propose(int port, params string[] sops)
        => Loopback.Requestor(port, sops.Select((s, i) => new PresentationContextProposal((byte)(2 * i + 1), s, [DicomUids.ExplicitVRLittleEndian])).ToArray());

    [Fact]
    [SpecRow("PS3.7 Annex C.5.24")]
    public async Task A_toy_service_is_one_class_and_one_registration_line()
    {
        var registry = new ServiceRegistry().Add(new ToyActionService());

        var explanations = new List<NegotiationExplanation>();
        var acceptor = Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = "DSGSCP" }));
        await using var server = Loopback.StartServer(acceptor, registry, e => { lock (explanations) explanations.Add(e); });
        await using var client = await DicomClient.ConnectAsync(Propose(server.Port, ToyActionService.SopClass, DicomUids.Verification));

        var response = await client.RequestAsync(new NActionRq
        {
            RequestedSOPClassUID = ToyActionService.SopClass,
            RequestedSOPInstanceUID = ToyActionService.SopClass + ".1",
            MessageID = client.Connection.NextMessageId(),
            ActionTypeID = 1,
        }, new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, "TOY"));
        Assert.Equal(DimseStatus.Success, response.Status);
        var rsp = Assert.IsType<NActionRsp>(response.Message);
        Assert.Equal((ushort)1, rsp.ActionTypeID);
        Assert.Equal("TOY-ACTED1", response.DataSet!.GetString(DicomTags.PatientID));

        // The handler's own status reaches the requestor too.
        var unknownAction = await client.RequestAsync(new NActionRq
        {
            RequestedSOPClassUID = ToyActionService.SopClass,
            RequestedSOPInstanceUID = ToyActionService.SopClass + ".1",
            MessageID = client.Connection.NextMessageId(),
            ActionTypeID = 9,
        }, null);
        Assert.Equal(DimseStatus.NoSuchActionType, unknownAction.Status);
        await client.ReleaseAsync();

        // Only the registered SOP class was accepted, and the explanation names the service serving it.
        Assert.Equal(PresentationContextResult.Acceptance, client.Association.Contexts.Single(c => c.AbstractSyntax == ToyActionService.SopClass).Result);
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, client.Association.Contexts.Single(c => c.AbstractSyntax == DicomUids.Verification).Result);
        var explanation = Assert.Single(explanations).ToString();
        Assert.Contains("served by ToyActionService (N-ACTION)", explanation);
        Assert.Contains(registry.Explain(), line => line.StartsWith("ToyActionService (N-ACTION): 1 SOP class(es): " + ToyActionService.SopClass, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_toy_service_joins_the_archive_services_with_one_line()
    {
        var provider = new DicomServiceProvider(new ServiceProviderOptions { Services = [new ToyActionService()] });
        var acceptor = Loopback.Acceptor(new DefaultAssociationPolicy(provider.Registry.PolicyOptions() with { AeTitle = "DSGSCP" }));
        await using var server = Loopback.StartServer(acceptor, provider);
        await using var client = await DicomClient.ConnectAsync(Propose(server.Port, ToyActionService.SopClass, DicomUids.Verification));
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        var response = await client.RequestAsync(new NActionRq
        {
            RequestedSOPClassUID = ToyActionService.SopClass,
            RequestedSOPInstanceUID = "1.2.3",
            MessageID = client.Connection.NextMessageId(),
            ActionTypeID = 1,
        }, null);
        Assert.Equal(DimseStatus.Success, response.Status);
        await client.ReleaseAsync();
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-18")]
    public void The_acceptors_abstract_syntaxes_are_the_registered_services_sop_classes()
    {
        var provider = new DicomServiceProvider(new ServiceProviderOptions { Services = [new ToyActionService()] });
        var policy = provider.Registry.PolicyOptions();
        var served = provider.Registry.Services.SelectMany(s => s.SopClasses).ToList();
        Assert.Equal(served.Select(s => s.Uid).Order(StringComparer.Ordinal), policy.AbstractSyntaxes.Keys.Order(StringComparer.Ordinal));
        foreach (var sop in served) Assert.Equal(sop.TransferSyntaxes, policy.AbstractSyntaxes[sop.Uid]);
        Assert.Equal(served.Where(s => s.RequestorMayBeScp).Select(s => s.Uid).Order(StringComparer.Ordinal), policy.RequestorScpRoleAllowed.Order(StringComparer.Ordinal));
        // The archive's composition: verification, every storage class, the six query/retrieve models, plus the toy.
        Assert.Contains(DicomUids.Verification, policy.AbstractSyntaxes.Keys);
        Assert.Contains(DicomUids.CTImageStorage, policy.RequestorScpRoleAllowed);
        Assert.Contains(DicomUids.StudyRootQueryRetrieveInformationModelGet, policy.AbstractSyntaxes.Keys);
        Assert.Contains(ToyActionService.SopClass, policy.AbstractSyntaxes.Keys);

        // Every registered SOP class is accepted by the policy built from the registry, and nothing else.
        var proposals = served.Select(s => s.Uid).Append("1.2.826.0.1.3680043.9.7433.1.2").Select((s, i) => new PresentationContextProposal((byte)(1 + 2 * (i % 127)), s,
            [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])).ToList();
        var decision = new DefaultAssociationPolicy(policy).Decide(new AssociateRequestInfo("DSGSCP", "DSGTEST", AssociateRequestInfo.DicomApplicationContext, proposals,
            16384, null, null, null, null, [], null));
        var accepted = decision.Contexts.Where(c => c.IsAccepted).Select(c => c.AbstractSyntax).ToHashSet();
        Assert.Equal(served.Select(s => s.Uid).ToHashSet(), accepted);
    }

    [Fact]
    [SpecRow("PS3.7 Annex C.5.6")]
    [SpecRow("PS3.7 Annex C.5.20")]
    [SpecRow("PS3.7 Annex C.5.23")]
    public async Task Requests_no_service_serves_get_the_statuses_of_PS3_7()
    {
        const string unserved = "1.2.826.0.1.3680043.9.7433.1.3";
        var registry = new ServiceRegistry().Add(new ToyActionService());
        // The policy accepts one SOP class no service serves, so the DIMSE layer sees its requests.
        var acceptor = Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = "DSGSCP",
            AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>(registry.AbstractSyntaxes) { [unserved] = [DicomUids.ExplicitVRLittleEndian] },
        }));
        await using var server = Loopback.StartServer(acceptor, registry);
        await using var client = await DicomClient.ConnectAsync(Propose(server.Port, ToyActionService.SopClass, unserved));

        var find = await client.Connection.RequestFinalAsync(client.Association.GetAcceptedContextId(unserved),
            new CFindRq { AffectedSOPClassUID = unserved, MessageID = client.Connection.NextMessageId(), Priority = Priority.Medium },
            new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY"));
        Assert.Equal(DimseStatus.RefusedSOPClassNotSupported, find.Status);

        var action = await client.RequestAsync(new NActionRq { RequestedSOPClassUID = unserved, RequestedSOPInstanceUID = "1.2.3", MessageID = client.Connection.NextMessageId(), ActionTypeID = 1 }, null);
        Assert.Equal(DimseStatus.NoSuchSOPClass, action.Status);

        // The toy's SOP class, but an operation it has no handler for.
        var get = await client.RequestAsync(new NGetRq { RequestedSOPClassUID = ToyActionService.SopClass, RequestedSOPInstanceUID = "1.2.3", MessageID = client.Connection.NextMessageId() }, null);
        Assert.Equal(DimseStatus.UnrecognizedOperation, get.Status);
        await client.ReleaseAsync();
    }

    /// <summary>Answers N-ACTION, then reports on the same association (the Storage Commitment pattern, PS3.4 J.3).</summary>
    private sealed class ReportingService : IDicomService, INActionHandler
    {
        public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(ToyActionService.SopClass)];

        public Task<NormalizedResult> OnNActionAsync(NormalizedRequest<NActionRq> request, CancellationToken cancellationToken)
            => Task.FromResult(new NormalizedResult(DimseStatus.Success, null, async ct =>
            {
                var report = await request.Context.SendRequestAsync(new NEventReportRq
                {
                    AffectedSOPClassUID = ToyActionService.SopClass,
                    AffectedSOPInstanceUID = request.Message.RequestedSOPInstanceUID,
                    MessageID = request.Context.Connection.NextMessageId(),
                    EventTypeID = 1,
                }, new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, "REPORTED"), ct);
                Reported.TrySetResult(report.Status);
            }));

        public TaskCompletionSource<ushort> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The requestor's side: receives the N-EVENT-REPORT.</summary>
    private sealed class ReportReceiver : IDicomService, INEventReportHandler
    {
        public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(ToyActionService.SopClass)];

        public TaskCompletionSource<(ushort EventType, string? PatientId)> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<NormalizedResult> OnNEventReportAsync(NormalizedRequest<NEventReportRq> request, CancellationToken cancellationToken)
        {
            Received.TrySetResult((request.Message.EventTypeID ?? 0, request.DataSet?.GetString(DicomTags.PatientID)));
            return Task.FromResult(new NormalizedResult(DimseStatus.Success));
        }
    }

    [Fact]
    [SpecRow("PS3.7 Table 10.3-1")]
    public async Task A_service_can_start_an_N_EVENT_REPORT_on_its_association()
    {
        var service = new ReportingService();
        var registry = new ServiceRegistry().Add(service);
        await using var server = Loopback.StartServer(Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = "DSGSCP" })), registry);
        var receiver = new ReportReceiver();
        await using var client = await DicomClient.ConnectAsync(Propose(server.Port, ToyActionService.SopClass), new ServiceRegistry().Add(receiver));
        var response = await client.RequestAsync(new NActionRq { RequestedSOPClassUID = ToyActionService.SopClass, RequestedSOPInstanceUID = "1.2.3.9", MessageID = client.Connection.NextMessageId(), ActionTypeID = 1 }, null);
        Assert.Equal(DimseStatus.Success, response.Status);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var (eventType, patientId) = await receiver.Received.Task.WaitAsync(limit.Token);
        Assert.Equal((ushort)1, eventType);
        Assert.Equal("REPORTED", patientId);
        Assert.Equal(DimseStatus.Success, await service.Reported.Task.WaitAsync(limit.Token));
        await client.ReleaseAsync();
    }

    /// <summary>Answers N-ACTION, then reports on a new association to the requestor's AE (PS3.4 J.3.3).</summary>
    private sealed class ReportingOnNewAssociationService(AeConnector connector) : IDicomService, INActionHandler
    {
        public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(ToyActionService.SopClass)];

        public TaskCompletionSource<ushort> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<NormalizedResult> OnNActionAsync(NormalizedRequest<NActionRq> request, CancellationToken cancellationToken)
        {
            var requestor = connector.Find(request.Context.Connection.Association.CallingAeTitle);
            if (requestor == null) return Task.FromResult(new NormalizedResult(DimseStatus.ProcessingFailure));
            return Task.FromResult(new NormalizedResult(DimseStatus.Success, null, async ct =>
            {
                await using var report = await connector.OpenAsync(requestor,
                    [new PresentationContextProposal(1, ToyActionService.SopClass, [DicomUids.ExplicitVRLittleEndian])], null, ct);
                var response = await report.RequestFinalAsync(report.Association.GetAcceptedContextId(ToyActionService.SopClass), new NEventReportRq
                {
                    AffectedSOPClassUID = ToyActionService.SopClass,
                    AffectedSOPInstanceUID = request.Message.RequestedSOPInstanceUID,
                    MessageID = report.NextMessageId(),
                    EventTypeID = 1,
                }, new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, "REPORTED"), ct);
                await report.ReleaseAsync(TimeSpan.FromSeconds(10), ct);
                Reported.TrySetResult(response.Status);
            }));
        }
    }

    [Fact]
    public async Task A_service_can_report_on_a_new_association_to_a_known_AE()
    {
        // The requestor's own SCP, known to the service by the requestor's AE title.
        var receiver = new ReportReceiver();
        var receivers = new ServiceRegistry().Add(receiver);
        await using var requestorScp = Loopback.StartServer(Loopback.Acceptor(new DefaultAssociationPolicy(receivers.PolicyOptions())), receivers);
        var connector = new AeConnector(new AeConnectorOptions
        {
            AeTitle = "DSGSCP",
            KnownAes = new Dictionary<string, KnownAe> { ["DSGTEST"] = new("DSGTEST", "127.0.0.1", requestorScp.Port) },
            Timeout = TimeSpan.FromSeconds(10),
        });
        var service = new ReportingOnNewAssociationService(connector);
        var registry = new ServiceRegistry().Add(service);
        await using var server = Loopback.StartServer(Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = "DSGSCP" })), registry);

        await using var client = await DicomClient.ConnectAsync(Propose(server.Port, ToyActionService.SopClass));
        var response = await client.RequestAsync(new NActionRq { RequestedSOPClassUID = ToyActionService.SopClass, RequestedSOPInstanceUID = "1.2.3.10", MessageID = client.Connection.NextMessageId(), ActionTypeID = 1 }, null);
        Assert.Equal(DimseStatus.Success, response.Status);
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var (eventType, patientId) = await receiver.Received.Task.WaitAsync(limit.Token);
        Assert.Equal((ushort)1, eventType);
        Assert.Equal("REPORTED", patientId);
        Assert.Equal(DimseStatus.Success, await service.Reported.Task.WaitAsync(limit.Token));
        await client.ReleaseAsync();
    }

    [Fact]
    public void A_sop_class_is_served_by_one_service_only()
    {
        var registry = new ServiceRegistry().Add(new ToyActionService());
        var e = Assert.Throws<ArgumentException>(() => registry.Add(new ReportingService()));
        Assert.Contains("already served by ToyActionService", e.Message);
    }
}
