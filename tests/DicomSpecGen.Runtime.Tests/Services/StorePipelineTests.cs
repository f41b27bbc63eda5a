using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Security.Cryptography;
using DicomSpecGen.Association;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Traceability;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary><see cref="DicomClient.StoreFilesAsync"/> reads and encodes the next file while a C-STORE is outstanding
/// and sends small messages as pre-encoded PDUs, large ones in batches of PDUs: every file still arrives once, whole and
/// in order, an unreadable one is reported without stopping the rest, nothing is sent after the association is lost,
/// and no more requests are outstanding than the window.</summary>
public class StorePipelineTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Records each C-STORE as it arrives: its Message ID, SOP Instance UID and the SHA-256 of the data set
    /// bytes received; <see cref="OnRequest"/> may act (e.g. abort) before the response.</summary>
    private sealed class RecordingHandler : IDimseRequestHandler
    {
        private int _current;
        public readonly ConcurrentQueue<(ushort MessageId, string? Instance, string Sha)> Received = new();
        public Func<DimseRequestContext, int, Task>? OnRequest;
        public Func<int, TimeSpan> Hold = _ => TimeSpan.Zero;
        public int Max;

        public RequestDelivery DeliveryOf(DimseMessage request) => RequestDelivery.Inline;

        public async Task HandleAsync(DimseRequestContext request, CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _current);
            int seen;
            while ((seen = Volatile.Read(ref Max)) < now && Interlocked.CompareExchange(ref Max, now, seen) != seen) { }
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            if (request.DataSet is { } data)
            {
                while (true)
                {
                    var read = await data.ReadAsync(cancellationToken);
                    foreach (var segment in read.Buffer) sha.AppendData(segment.Span);
                    data.AdvanceTo(read.Buffer.End);
                    if (read.IsCompleted) break;
                }
            }
            int count;
            lock (Received)
            {
                Received.Enqueue((request.MessageId, (request.Request as CStoreRq)?.AffectedSOPInstanceUID, Convert.ToHexString(sha.GetHashAndReset())));
                count = Received.Count;
            }
            if (OnRequest != null) await OnRequest(request, count);
            if (Hold(count) is { } hold && hold > TimeSpan.Zero) await Task.Delay(hold, cancellationToken);
            Interlocked.Decrement(ref _current);
            await request.RespondAsync(request.Request.CreateResponse(DimseStatus.Success), null, cancellationToken);
        }
    }

    private static AcceptorOptions Acceptor(AsyncOperationLimits? window, int maxPdu) => Loopback.Acceptor(new DefaultAssociationPolicy(new AcceptorPolicyOptions
    {
        AeTitle = "DSGSCP",
        AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>> { [DicomUids.CTImageStorage] = [DicomUids.ExplicitVRLittleEndian] },
    })) with { AsyncOperationLimits = window, Transport = Loopback.FastTransport with { MaxPDataPduLength = maxPdu } };

    private static RequestorOptions Requestor(int port, AsyncOperationLimits? window, Action<PduDirection, Protocol.Pdu>? trace = null)
        => Loopback.Requestor(port, new PresentationContextProposal(1, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian])) with { AsyncOperationLimits = window, Trace = trace };

    /// <summary>The SHA-256 of a file's data set bytes (what a C-STORE of it carries unchanged).</summary>
    private static async Task<string> DataSetShaAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        await using var stream = new MemoryStream(bytes);
        await using var reader = await DicomFileReader.OpenAsync(stream, leaveOpen: true);
        return Convert.ToHexString(SHA256.HashData(bytes.AsSpan((int)reader.DataSetOffset)));
    }

    /// <summary>Small files (one pre-encoded message each), a file a little over the small limit and one of several
    /// megabytes (streamed in batches of 16 KiB PDUs).</summary>
    private static async Task<List<TestFiles.Instance>> MixedFilesAsync(string dir)
    {
        var files = new List<TestFiles.Instance>();
        foreach (var (count, pixels) in new[] { (6, 512), (1, 300_000), (3, 2048), (1, 3_000_000), (2, 64) })
        {
            var sub = Path.Combine(dir, "set" + files.Count.ToString("D3"));
            Directory.CreateDirectory(sub);
            files.AddRange(await TestFiles.CreateAsync(sub, count, pixelBytes: pixels));
        }
        return files;
    }

    [Theory]
    [SpecRow("PS3.8 Annex E.2")]
    [SpecRow("PS3.8 Table D.1-1")]
    [InlineData(16384)]
    [InlineData(0)]
    public async Task Every_file_arrives_once_whole_and_in_order(int serverMaxPdu)
    {
        var dir = TestFiles.TempDir();
        try
        {
            var files = await MixedFilesAsync(dir);
            var handler = new RecordingHandler();
            await using var server = Loopback.StartServer(Acceptor(null, serverMaxPdu), handler);
            await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, null));
            using var limit = new CancellationTokenSource(Limit);
            var outcomes = new List<DicomClient.StoreOutcome>();
            await foreach (var outcome in client.StoreFilesAsync(files.Select(f => f.Path), limit.Token)) outcomes.Add(outcome);
            await client.ReleaseAsync();

            // Synchronous mode: one outstanding, so outcomes and arrivals are in the order given.
            Assert.Equal(files.Select(f => f.Path), outcomes.Select(o => o.Path));
            Assert.All(outcomes, o => Assert.Equal(DimseStatus.Success, o.Response?.Status));
            Assert.All(outcomes, o => Assert.Equal(new FileInfo(o.Path).Length, o.Length));
            var received = handler.Received.ToList();
            Assert.Equal(files.Select(f => f.SopInstanceUid), received.Select(r => r.Instance));
            for (var i = 0; i < files.Count; i++) Assert.Equal(await DataSetShaAsync(files[i].Path), received[i].Sha);
            Assert.Equal(received.Count, received.Select(r => r.MessageId).Distinct().Count());
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task An_unreadable_file_is_an_outcome_and_the_others_still_go_in_order()
    {
        var dir = TestFiles.TempDir();
        try
        {
            var files = await TestFiles.CreateAsync(dir, 5);
            var bad = Path.Combine(dir, "ct0003b.dcm");
            await File.WriteAllTextAsync(bad, "not a DICOM file");
            var paths = files.Select(f => f.Path).Take(3).Append(bad).Concat(files.Skip(3).Select(f => f.Path)).ToList();
            var handler = new RecordingHandler();
            await using var server = Loopback.StartServer(Acceptor(null, 16384), handler);
            await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, null));
            using var limit = new CancellationTokenSource(Limit);
            var outcomes = new List<DicomClient.StoreOutcome>();
            await foreach (var outcome in client.StoreFilesAsync(paths, limit.Token)) outcomes.Add(outcome);
            await client.ReleaseAsync();

            Assert.Equal(paths.Order(), outcomes.Select(o => o.Path).Order());
            var failed = Assert.Single(outcomes, o => o.Error != null);
            Assert.Equal(bad, failed.Path);
            Assert.Null(failed.Response);
            Assert.Equal(files.Select(f => f.SopInstanceUid), handler.Received.Select(r => r.Instance));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [SpecRow("PS3.7 Table D.3-7")]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Nothing_more_is_sent_once_the_association_is_lost(int window)
    {
        var dir = TestFiles.TempDir();
        try
        {
            var files = await TestFiles.CreateAsync(dir, 20);
            // The SCP aborts when the third request arrives, before answering it.
            var handler = new RecordingHandler
            {
                OnRequest = async (request, count) =>
                {
                    if (count == 3) await request.Connection.Association.AbortAsync();
                },
            };
            await using var server = Loopback.StartServer(Acceptor(window == 1 ? null : new((ushort)window, 1), 16384), handler);
            await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, window == 1 ? null : new((ushort)window, 1)));
            using var limit = new CancellationTokenSource(Limit);
            var outcomes = new List<DicomClient.StoreOutcome>();
            var lost = await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await foreach (var outcome in client.StoreFilesAsync(files.Select(f => f.Path), limit.Token)) outcomes.Add(outcome);
            });
            Assert.True(lost is AssociationAbortedException or IOException, lost.ToString());
            await Task.Delay(300);

            // Only what the window allowed before the abort went out; every outcome reported is a real answer.
            Assert.All(outcomes, o => Assert.Equal(DimseStatus.Success, o.Response?.Status));
            Assert.True(handler.Received.Count <= 2 + window, $"{handler.Received.Count} requests arrived with a window of {window}");
            Assert.True(outcomes.Count < handler.Received.Count, $"{outcomes.Count} outcomes of {handler.Received.Count} requests, the third never answered");
            Assert.DoesNotContain(outcomes, o => o.Path == files[2].Path);
            Assert.Equal(files.Take(handler.Received.Count).Select(f => f.SopInstanceUid), handler.Received.Select(r => r.Instance));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-7")]
    public async Task With_a_window_of_8_at_most_8_are_outstanding_and_8_are_reached()
    {
        var dir = TestFiles.TempDir();
        try
        {
            var files = await MixedFilesAsync(dir);
            files.AddRange(await TestFiles.CreateAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "more")).FullName), 30));
            // Counted on the SCU's side from its own PDU trace: requests whose command set was sent minus final responses read.
            var gate = new object();
            int outstanding = 0, max = 0;
            void Trace(PduDirection direction, Protocol.Pdu pdu)
            {
                if (pdu is not PDataTf data) return;
                foreach (var pdv in data.Values)
                {
                    if ((pdv.MessageControlHeader & (MessageControlHeader.Command | MessageControlHeader.LastFragment)) != (MessageControlHeader.Command | MessageControlHeader.LastFragment)) continue;
                    lock (gate)
                    {
                        outstanding += direction == PduDirection.Sent ? 1 : -1;
                        max = Math.Max(max, outstanding);
                    }
                }
            }
            var handler = new RecordingHandler { Hold = n => TimeSpan.FromMilliseconds(2 + n * 7 % 20) };
            await using var server = Loopback.StartServer(Acceptor(new(8, 1), 16384), handler);
            await using var client = await DicomClient.ConnectAsync(Requestor(server.Port, new(8, 1), Trace));
            Assert.Equal(8, client.Connection.InvokeWindow);
            using var limit = new CancellationTokenSource(Limit);
            var outcomes = new List<DicomClient.StoreOutcome>();
            await foreach (var outcome in client.StoreFilesAsync(files.Select(f => f.Path), limit.Token)) outcomes.Add(outcome);
            await client.ReleaseAsync();

            Assert.Equal(files.Select(f => f.Path).Order(), outcomes.Select(o => o.Path).Order());
            Assert.All(outcomes, o => Assert.Equal(DimseStatus.Success, o.Response?.Status));
            Assert.Equal(8, max);
            Assert.Equal(0, outstanding);
            // Each once and whole (handlers run concurrently, so they may record in another order).
            var received = handler.Received.ToDictionary(r => r.Instance!, r => r.Sha);
            Assert.Equal(files.Count, received.Count);
            foreach (var file in files) Assert.Equal(await DataSetShaAsync(file.Path), received[file.SopInstanceUid]);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
