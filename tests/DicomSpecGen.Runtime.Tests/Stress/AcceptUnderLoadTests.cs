using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Fuzz;
using DicomSpecGen.Runtime.Tests.Services;
using Xunit.Abstractions;

namespace DicomSpecGen.Runtime.Tests.Stress;

/// <summary>Many short associations against one in-process server while both cores spin and a pool thread is
/// blocked (as under full-suite load): each A-ASSOCIATE-RQ and A-RELEASE-RQ must be answered within 5 s.
/// Without <see cref="TestHostThreadPool"/> this stalled for more than 5 s in 2 of 3 runs on 2 cores.</summary>
public class AcceptUnderLoadTests(ITestOutputHelper output)
{
    private const int Clients = 8;
    private const int PerClient = 100;

    [Fact]
    public async Task Every_request_is_answered_while_the_cpu_is_busy_and_a_pool_thread_is_blocked()
    {
        await using var server = Loopback.StartServer(Loopback.Acceptor(maxAssociations: 64));
        var rq = PduFuzzTarget.Encode(AssociateRequestBuilder.Build(Loopback.Requestor(server.Port)));
        byte[] releaseRq = [0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0];
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var spinners = Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new Thread(() => { while (!stop.IsCancellationRequested) Thread.SpinWait(1000); }) { IsBackground = true }).ToList();
        spinners.ForEach(t => t.Start());
        // Stands for a test elsewhere in the run that blocks a pool thread.
        ThreadPool.QueueUserWorkItem(_ => { while (!stop.IsCancellationRequested) Thread.Sleep(20); });
        var failures = new ConcurrentQueue<string>();
        var ok = 0;
        var done = Enumerable.Range(0, Clients).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        try
        {
            // Clients on their own threads with blocking sockets: they must not depend on the pool they measure.
            for (var c = 0; c < Clients; c++)
            {
                var client = c;
                new Thread(() =>
                {
                    try
                    {
                        for (var n = 0; n < PerClient && failures.IsEmpty; n++) Associate(server, rq, releaseRq, client, n, clock, failures, ref ok);
                    }
                    finally
                    {
                        done[client].SetResult();
                    }
                }) { IsBackground = true }.Start();
            }
            await Task.WhenAll(done.Select(d => d.Task)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            stop.Cancel();
        }
        output.WriteLine($"{ok} associations in {clock.Elapsed}");
        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        Assert.Equal(Clients * PerClient, ok);
    }

    private static void Associate(DicomSpecGen.Services.Scp.DicomServer server, byte[] rq, byte[] releaseRq, int client, int n, Stopwatch clock, ConcurrentQueue<string> failures, ref int ok)
    {
        using var s = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 5000 };
        var step = "connect";
        try
        {
            s.Connect("127.0.0.1", server.Port);
            step = "A-ASSOCIATE-AC";
            s.Send(rq);
            Expect(s, 0x02);
            step = "A-RELEASE-RP";
            s.Send(releaseRq);
            Expect(s, 0x06);
            Interlocked.Increment(ref ok);
        }
        catch (Exception e)
        {
            failures.Enqueue($"client {client} association {n} at {clock.Elapsed}: waiting for {step}: {e.GetType().Name} {e.Message}; " +
                $"active={server.ActiveAssociations} pool threads={ThreadPool.ThreadCount} pending items={ThreadPool.PendingWorkItemCount}");
        }
    }

    private static void Expect(Socket s, byte type)
    {
        var header = new byte[6];
        ReadExactly(s, header);
        ReadExactly(s, new byte[BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2))]);
        if (header[0] != type) throw new InvalidDataException($"PDU type 0x{header[0]:X2} instead of 0x{type:X2}");
    }

    private static void ReadExactly(Socket s, byte[] buffer)
    {
        for (var got = 0; got < buffer.Length;)
        {
            var n = s.Receive(buffer, got, buffer.Length - got, SocketFlags.None);
            if (n == 0) throw new IOException($"connection closed after {got} of {buffer.Length} bytes");
            got += n;
        }
    }
}
