using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>The asynchronous operations window (PS3.7 D.3.3.3): what the acceptor answers, how many requests are
/// outstanding and performed at once in each direction, responses matched out of order, C-CANCEL inside a window.</summary>
public class AsyncOperationsWindowTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Counts the requests it is performing at once (from delivery to just before the final response), and
    /// records the order in which it answered. <see cref="Hold"/> decides how long each one runs.</summary>
    private sealed class CountingHandler : IDimseRequestHandler
    {
        private int _current;
        public int Max;
        public int Handled;
        public readonly ConcurrentQueue<ushort> Arrived = new();
        public readonly ConcurrentQueue<ushort> Answered = new();
        public Func<ushort, int, Task> Hold = (_, _) => Task.Delay(30);

        // Inline, the cheapest delivery, which in the synchronous mode runs requests one by one on the read loop.
        public RequestDelivery DeliveryOf(DimseMessage request) => RequestDelivery.Inline;

        public async Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while ((seen = Volatile.Read(ref Max)) < now && Interlocked.CompareExchange(ref Max, now, seen) != seen) { }
            int arrival;
            lock (Arrived)
            {
                Arrived.Enqueue(request.MessageId);
                arrival = Arrived.Count;
            }
            await request.DiscardDataSetAsync();
            await Hold(request.MessageId, arrival);
            Interlocked.Decrement(ref _current);
            Answered.Enqueue(request.MessageId);
            Interlocked.Increment(ref Handled);
            await request.RespondAsync(request.Request.CreateResponse(DimseStatus.Success), null, cancellationToken);
        }
    }

    private static AcceptorOptions Acceptor(AsyncOperationLimits? window, params string[] sops) => Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
    {
        AeTitle = "DSGSCP",
        AbstractSyntaxes = (sops.Length > 0 ? sops : [DicomUids.Verification]).ToDictionary(s => s, _ => (IReadOnlyList<string>)[DicomUids.ExplicitVRLittleEndian]),
    })) with { AsyncOperationLimits = window };

    private static RequestorOptions Requestor(int port, AsyncOperationLimits? window, params string[] sops) => Loopback.Requestor(port,
        [.. (sops.Length > 0 ? sops : [DicomUids.Verification]).Select((s, i) => new PresentationContextProposal((byte)(2 * i + 1), s, [DicomUids.ExplicitVRLittleEndian]))])
        with { AsyncOperationLimits = window };

    private static Task<DimseResponse> EchoAsync(DicomClient client, ushort id)
        => client.Connection.RequestFinalAsync(client.Association.GetAcceptedContextId(DicomUids.Verification),
            new CEchoRq { AffectedSOPClassUID = DicomUids.Verification, MessageID = id }, null);

    [Theory]
    [SpecRow("PS3.7 Table D.3-7")]
    [InlineData(8, 1, 4, 1, 4, 1)]   // negotiated down to what the acceptor takes
    [InlineData(2, 1, 8, 1, 2, 1)]   // never above the offer
    [InlineData(0, 0, 8, 1, 8, 1)]   // an unlimited offer negotiated down with non-zero values
    [InlineData(0, 0, 0, 0, 0, 0)]   // or agreed to as unlimited
    [InlineData(5, 3, 0, 1, 5, 1)]   // an unlimited acceptor takes the offer
    public void Acceptor_answers_at_most_the_offer_and_at_most_its_configuration(ushort oi, ushort op, ushort ci, ushort cp, ushort ai, ushort ap)
        => Assert.Equal(new AsyncOperationLimits(ai, ap), AsyncOperationLimits.Answer(new(oi, op), new(ci, cp)));

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    [SpecRow("PS3.7 Table D.3-8")]
    public async Task The_window_is_negotiated_down_and_omitted_when_not_proposed()
    {
        await using (var server = Loopback.StartServer(Acceptor(new(4, 1)), new CountingHandler()))
        {
            await using var proposing = await DicomClient.ConnectAsync(Requestor(server.Port, new(8, 1)));
            Assert.Equal(new AsyncOperationLimits(4, 1), proposing.Association.AsyncOperationLimits);
            Assert.Equal(4, proposing.Connection.InvokeWindow);
            Assert.Equal(1, proposing.Connection.PerformWindow);
            await proposing.ReleaseAsync();

            // PS3.7 D.3.3.3: not proposed, so omitted in the response: the synchronous mode.
            await using var silent = await DicomClient.ConnectAsync(Requestor(server.Port, null));
            Assert.Null(silent.Association.AsyncOperationLimits);
            Assert.Equal(1, silent.Connection.InvokeWindow);
            await silent.ReleaseAsync();
        }
        // An acceptor not configured for a window answers 1/1.
        await using var synchronous = Loopback.StartServer(Acceptor(null), new CountingHandler());
        await using var client = await DicomClient.ConnectAsync(Requestor(synchronous.Port, new(8, 8)));
        Assert.Equal(AsyncOperationLimits.Synchronous, client.Association.AsyncOperationLimits);
        await client.ReleaseAsync();
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task Responses_out_of_order_reach_their_requests_by_message_id()
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Holds every request until all 8 are in, then answers them in reverse order of arrival.
        var handler = new CountingHandler();
        handler.Hold = async (_, arrival) =>
        {
            if (arrival == 8) all.TrySetResult();
            await all.Task.WaitAsync(Limit);
            await Task.Delay((8 - arrival) * 40);
        };
        await using var server = Loopback.StartServer(Acceptor(new(8, 1)), handler);
        await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new(8, 1)));
        var ids = Enumerable.Range(1, 8).Select(i => (ushort)(100 + i)).ToArray();
        var responses = await Task.WhenAll(ids.Select(id => EchoAsync(client, id))).WaitAsync(Limit);

        Assert.Equal(8, handler.Max);
        Assert.Equal(handler.Arrived.Reverse(), handler.Answered);
        Assert.NotEqual(handler.Arrived, handler.Answered);
        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], responses[i].Message.RespondedToMessageID);
            Assert.Equal(DimseStatus.Success, responses[i].Status);
        }
        await client.ReleaseAsync();
    }

    [Theory]
    [SpecRow("PS3.7 Table D.3-7")]
    [InlineData(3)]
    [InlineData(1)]
    public async Task Never_more_requests_outstanding_than_negotiated(ushort window)
    {
        var handler = new CountingHandler();
        await using var server = Loopback.StartServer(Acceptor(new(window, 1)), handler);
        await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new(8, 1)));
        Assert.Equal(window, client.Connection.InvokeWindow);
        // 12 callers at once: the client sends at most the window, the others wait to be sent.
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => EchoAsync(client, client.Connection.NextMessageId()))).WaitAsync(Limit);

        Assert.All(responses, r => Assert.Equal(DimseStatus.Success, r.Status));
        Assert.Equal(12, handler.Handled);
        Assert.Equal(window, handler.Max);
        await client.ReleaseAsync();
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task Requests_beyond_the_window_wait_until_one_is_answered()
    {
        var handler = new CountingHandler { Hold = (_, _) => Task.Delay(100) };
        await using var server = Loopback.StartServer(Acceptor(new(2, 1)), handler);
        await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new(2, 1)));
        // Bypass our own invoker's window: five requests sent at once, as a peer ignoring the window would.
        var context = client.Association.GetAcceptedContextId(DicomUids.Verification);
        for (ushort id = 1; id <= 5; id++)
            await client.Connection.SendAsync(context, new CEchoRq { AffectedSOPClassUID = DicomUids.Verification, MessageID = id }, (DicomDataset?)null, CancellationToken.None);

        using var limit = new CancellationTokenSource(Limit);
        while (Volatile.Read(ref handler.Handled) < 5) await Task.Delay(20, limit.Token);
        Assert.Equal(2, handler.Max);
        Assert.Equal<ushort>([1, 2, 3, 4, 5], handler.Arrived.Order());
        await client.ReleaseAsync();
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task In_the_synchronous_mode_requests_are_performed_one_at_a_time()
    {
        var handler = new CountingHandler();
        await using var server = Loopback.StartServer(Acceptor(new(8, 1)), handler);
        await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, null));
        var context = client.Association.GetAcceptedContextId(DicomUids.Verification);
        for (ushort id = 1; id <= 4; id++)
            await client.Connection.SendAsync(context, new CEchoRq { AffectedSOPClassUID = DicomUids.Verification, MessageID = id }, (DicomDataset?)null, CancellationToken.None);

        using var limit = new CancellationTokenSource(Limit);
        while (Volatile.Read(ref handler.Handled) < 4) await Task.Delay(20, limit.Token);
        Assert.Equal(1, handler.Max);
        Assert.Equal<ushort>([1, 2, 3, 4], handler.Answered);
        await client.ReleaseAsync();
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task StoreFiles_keeps_the_window_full_and_reports_every_file()
    {
        var dir = TestFiles.TempDir();
        try
        {
            var files = await TestFiles.CreateAsync(dir, 40);
            var handler = new CountingHandler { Hold = (_, arrival) => Task.Delay(10 + (arrival * 7) % 30) };
            await using var server = Loopback.StartServer(Acceptor(new(8, 1), DicomUids.CTImageStorage), handler);
            await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new(8, 1), DicomUids.CTImageStorage));
            var outcomes = new List<DicomClient.StoreOutcome>();
            await foreach (var outcome in client.StoreFilesAsync(files.Select(f => f.Path)).WithCancellation(new CancellationTokenSource(Limit).Token))
                outcomes.Add(outcome);

            Assert.Equal(files.Select(f => f.Path).Order(), outcomes.Select(o => o.Path).Order());
            Assert.All(outcomes, o => Assert.Equal(DimseStatus.Success, o.Response?.Status));
            Assert.All(outcomes, o => Assert.Equal(files.Single(f => f.Path == o.Path).SopInstanceUid, ((CStoreRsp)o.Response!.Message).AffectedSOPInstanceUID));
            Assert.Equal(8, handler.Max);
            await client.ReleaseAsync();
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Yields matches slowly until cancelled.</summary>
    private sealed class EndlessQuery : IQueryService
    {
        public async IAsyncEnumerable<DicomDataset> FindAsync(string informationModel, DicomDataset identifier, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < 10_000; i++)
            {
                await Task.Delay(20, cancellationToken);
                yield return new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY").SetString(DicomTags.StudyID, DicomVr.SH, i.ToString());
            }
        }

        public Task<IReadOnlyList<RetrievableInstance>> ResolveAsync(string informationModel, DicomDataset identifier, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<RetrievableInstance>>([]);
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task Echoes_run_beside_a_find_in_the_window_and_cancel_still_stops_the_find()
    {
        var model = DicomUids.StudyRootQueryRetrieveInformationModelFind;
        await using var server = Loopback.StartServer(Acceptor(new(4, 1), model, DicomUids.Verification),
            new DicomServiceProvider(new ServiceProviderOptions { Query = new EndlessQuery() }));
        await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new(4, 1), model, DicomUids.Verification));
        var request = new CFindRq { AffectedSOPClassUID = model, MessageID = client.Connection.NextMessageId(), Priority = Priority.Medium };
        var identifier = new DicomDataset().SetString(DicomTags.QueryRetrieveLevel, DicomVr.CS, "STUDY");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var limit = new CancellationTokenSource(Limit);
        var find = Task.Run(async () =>
        {
            DimseResponse? final = null;
            await foreach (var response in client.Connection.RequestAsync(client.Association.GetAcceptedContextId(model), request, identifier, limit.Token))
            {
                started.TrySetResult();
                if (!response.IsPending) final = response;
            }
            return final!;
        });
        await started.Task.WaitAsync(Limit);

        // In the synchronous mode these would wait for the (endless) find to end.
        var echoes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.EchoAsync(limit.Token)));
        Assert.All(echoes, s => Assert.Equal(DimseStatus.Success, s));
        Assert.False(find.IsCompleted);

        await client.CancelAsync(model, request.MessageID!.Value);
        Assert.Equal(DimseStatus.Cancel, (await find.WaitAsync(Limit)).Status);
        await client.ReleaseAsync();
    }
}
