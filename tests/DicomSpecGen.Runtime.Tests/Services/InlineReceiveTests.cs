using System.IO.Pipelines;
using System.Security.Cryptography;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>The acceptor's receive path: an inline request's data set too large to hold (over 256 KiB) streams to its
/// handler on the association's own reader thread, every byte in order, with no thread-pool thread per fragment.</summary>
public class InlineReceiveTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Hashes the data set as it streams in and notes on which threads its reads continued.</summary>
    private sealed class HashingHandler : IDimseRequestHandler
    {
        public byte[]? Hash;
        public long Length;
        public int Reads;
        public int ReadsOnPoolThreads;
        public readonly HashSet<string?> Threads = [];

        public RequestDelivery DeliveryOf(DimseMessage request) => RequestDelivery.Inline;

        public async Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var reader = request.DataSet!;
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                Reads++;
                if (Thread.CurrentThread.IsThreadPoolThread) ReadsOnPoolThreads++;
                lock (Threads) Threads.Add(Thread.CurrentThread.Name);
                foreach (var segment in result.Buffer) hash.AppendData(segment.Span);
                Length += result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted) break;
            }
            Hash = hash.GetHashAndReset();
            await request.RespondAsync(request.Request.CreateResponse(DimseStatus.Success), null, cancellationToken);
        }
    }

    [Theory]
    [SpecRow("PS3.8 Annex E.2")]
    [InlineData(300 * 1024)]
    [InlineData(5 * 1024 * 1024 + 2)]
    public async Task A_streamed_inline_data_set_arrives_whole_on_the_reader_thread(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var handler = new HashingHandler();
        await using var server = Loopback.StartServer(Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = "DSGSCP",
            AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.CTImageStorage] = [DicomUids.ExplicitVRLittleEndian] },
        })), handler);
        await using var client = await DicomClient.ConnectAsync(Loopback.Requestor(server.Port,
            new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian])));
        var request = new CStoreRq
        {
            AffectedSOPClassUID = DicomUids.CTImageStorage, AffectedSOPInstanceUID = "1.2.826.0.1.3680043.10.543.7", MessageID = 1,
            Priority = Priority.Medium, HasDataSet = true,
        };
        // The association's first request: the reading thread waits for the DIMSE layer (started on a pool thread)
        // before delivering it, so it streams on the reading thread like every later one.
        DimseResponse? last = null;
        await foreach (var response in client.Connection.RequestAsync(1, request, new MemoryStream(bytes)).WithCancellation(new CancellationTokenSource(Limit).Token))
            last = response;
        await client.ReleaseAsync();

        Assert.Equal(DimseStatus.Success, last!.Status);
        Assert.Equal(size, handler.Length);
        Assert.Equal(SHA256.HashData(bytes), handler.Hash);
        // Many fragments, each handled where it was read: on the association's reader thread, not on pool threads.
        Assert.True(handler.Reads > 1, $"{handler.Reads} reads");
        Assert.Contains("DICOM association reader", handler.Threads);
        Assert.True(handler.ReadsOnPoolThreads <= 1, $"{handler.ReadsOnPoolThreads} of {handler.Reads} reads continued on pool threads");
    }
}
