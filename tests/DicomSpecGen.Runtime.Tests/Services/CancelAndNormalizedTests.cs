using System.Runtime.CompilerServices;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>C-CANCEL of a running C-FIND, and N-* requests through a registered service.</summary>
public class CancelAndNormalizedTests
{
    /// <summary>A normalized service answering N-ACTION and N-GET: records the request and its data set, replies with a name.</summary>
    private sealed class RecordingNormalizedService(string sop) : IDicomService, INActionHandler, INGetHandler
    {
        public DimseMessage? Seen;
        public string? Attribute;

        public IReadOnlyList<ServedSopClass> SopClasses { get; } = [new ServedSopClass(sop)];

        public Task<NormalizedResult> OnNActionAsync(NormalizedRequest<NActionRq> request, CancellationToken cancellationToken) => Reply(request.Message, request.DataSet);

        public Task<NormalizedResult> OnNGetAsync(NormalizedRequest<NGetRq> request, CancellationToken cancellationToken) => Reply(request.Message, request.DataSet);

        private Task<NormalizedResult> Reply(DimseMessage request, DicomDataset? dataSet)
        {
            Seen ??= request;
            Attribute ??= dataSet?.GetString(DicomTags.PatientID);
            return Task.FromResult(new NormalizedResult(DimseStatus.Success, new DicomDataset().SetString(DicomTags.PatientName, DicomVr.PN, "REPLY^NAME")));
        }
    }

    /// <summary>A query service that yields matches slowly and forever, until cancelled.</summary>
    private sealed class EndlessQuery : IQueryService
    {
        public int Produced;

        public async IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < 10_000; i++)
            {
                await Task.Delay(20, cancellationToken);
                Interlocked.Increment(ref Produced);
                yield return new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY").SetString(DicomTags.StudyID, DicomVr.SH, i.ToString());
            }
        }

        public Task<IReadOnlyList<RetrievableInstance>> ResolveAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<RetrievableInstance>>([]);
    }

    private static AcceptorOptions Accepting(params string[] sops) => Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
    {
        AeTitle = "DSGSCP",
        AbstractSyntaxes = sops.ToDictionary(s => s, _ => (IReadOnlyList<string>)[DicomUids.ExplicitVRLittleEndian]),
    }));

    [Fact]
    public async Task Cancel_stops_a_find_with_a_cancel_status()
    {
        var model = DicomUids.StudyRootQueryRetrieveInformationModelFind;
        var query = new EndlessQuery();
        await using var server = Loopback.StartServer(Accepting(model), new DicomServiceProvider(new ServiceProviderOptions { Query = query }));
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, new PresentationContextProposal(1, model, [DicomUids.ExplicitVRLittleEndian])));
        var context = client.Association.GetAcceptedContextId(model);
        var request = new CFindRq { AffectedSOPClassUID = model, MessageID = client.Connection.NextMessageId(), Priority = Priority.Medium };
        var identifier = new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY");
        var pending = 0;
        DimseResponse? final = null;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var response in client.Connection.RequestAsync(context, request, identifier, limit.Token))
        {
            if (response.IsPending && ++pending == 3) await client.CancelAsync(model, request.MessageID!.Value);
            if (!response.IsPending) final = response;
        }
        Assert.Equal(DimseStatus.Cancel, final!.Status);
        Assert.InRange(pending, 3, 10);
        Assert.True(query.Produced < 20);
        // The association is still usable after the cancel.
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Normalized_requests_reach_the_registered_service_with_their_data_set()
    {
        const string sop = "1.2.840.10008.5.1.4.33"; // a normalized SOP class (Instance Availability Notification), any UID serves
        var service = new RecordingNormalizedService(sop);
        var provider = new DicomServiceProvider(new ServiceProviderOptions { Services = [service] });
        await using var server = Loopback.StartServer(Accepting(sop), provider);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, new PresentationContextProposal(1, sop, [DicomUids.ExplicitVRLittleEndian])));
        var response = await client.RequestAsync(new NActionRq { RequestedSOPClassUID = sop, MessageID = client.Connection.NextMessageId(), RequestedSOPInstanceUID = "1.2.3.4", ActionTypeID = 2 },
            new DicomDataset().SetString(DicomTags.PatientID, DicomVr.LO, "P-42"));
        Assert.Equal(DimseStatus.Success, response.Status);
        var rsp = Assert.IsType<NActionRsp>(response.Message);
        Assert.Equal((ushort)2, rsp.ActionTypeID);
        Assert.Equal("REPLY^NAME", response.DataSet!.GetString(DicomTags.PatientName));
        Assert.IsType<NActionRq>(service.Seen);
        Assert.Equal("P-42", service.Attribute);

        var get = await client.RequestAsync(new NGetRq { RequestedSOPClassUID = sop, MessageID = client.Connection.NextMessageId(), RequestedSOPInstanceUID = "1.2.3.4" }, null);
        Assert.Equal(DimseStatus.Success, get.Status);
        await client.ReleaseAsync();
    }

    [Fact]
    public async Task Without_a_service_normalized_requests_get_no_such_sop_class()
    {
        const string sop = "1.2.840.10008.5.1.4.33";
        await using var server = Loopback.StartServer(Accepting(sop), new DicomServiceProvider(new ServiceProviderOptions()));
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port, new PresentationContextProposal(1, sop, [DicomUids.ExplicitVRLittleEndian])));
        var response = await client.RequestAsync(new NDeleteRq { RequestedSOPClassUID = sop, MessageID = client.Connection.NextMessageId(), RequestedSOPInstanceUID = "1.2.3" }, null);
        Assert.Equal(DimseStatus.NoSuchSOPClass, response.Status);
        await client.ReleaseAsync();
    }
}
