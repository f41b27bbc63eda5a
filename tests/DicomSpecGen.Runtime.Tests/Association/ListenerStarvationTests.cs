using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>The listener accepts, and the acceptor answers the A-ASSOCIATE-RQ, while every thread-pool thread is
/// blocked: the accept loop and each association's reader have threads of their own. Runs alone (the memory collection never runs in parallel), since it starves the process's pool on purpose.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public class ListenerStarvationTests
{
    [Fact]
    public async Task A_connection_is_accepted_while_the_thread_pool_is_starved()
    {
        // Everything up to the release runs synchronously on this thread: nothing there needs the pool.
        await using var listener = AssociationListener.Start(IPAddress.Loopback, 0, Loopback.Acceptor(), (_, _) => Task.CompletedTask);
        // Not disposed: blockers still queued when the test ends wait on it after it returns.
        var release = new ManualResetEventSlim();
        try
        {
            // More blocked work items than the pool can inject threads for during the test: every pool thread,
            // and every one added while starved, takes a blocker first.
            for (var i = 0; i < 500; i++) ThreadPool.UnsafeQueueUserWorkItem(_ => release.Wait(TimeSpan.FromSeconds(60)), null);
            Thread.Sleep(200);

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(IPAddress.Loopback, listener.Port);
            var rq = new ArrayBufferWriter<byte>();
            AssociateRequestBuilder.Build(Loopback.Requestor(listener.Port)).Write(rq);
            socket.Send(rq.WrittenSpan);

            var deadline = Environment.TickCount64 + 10_000;
            while (listener.ActiveAssociations == 0 && Environment.TickCount64 < deadline) Thread.Sleep(10);
            Assert.Equal(1, listener.ActiveAssociations);
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    [Traceability.SpecRow("PS3.8 Table 9-6")]
    public async Task The_A_ASSOCIATE_AC_is_sent_while_the_thread_pool_is_starved()
    {
        await using var listener = AssociationListener.Start(IPAddress.Loopback, 0, Loopback.Acceptor(), (_, _) => Task.CompletedTask);
        var release = new ManualResetEventSlim();
        try
        {
            for (var i = 0; i < 500; i++) ThreadPool.UnsafeQueueUserWorkItem(_ => release.Wait(TimeSpan.FromSeconds(60)), null);
            Thread.Sleep(200);

            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 10_000 };
            socket.Connect(IPAddress.Loopback, listener.Port);
            var rq = new ArrayBufferWriter<byte>();
            AssociateRequestBuilder.Build(Loopback.Requestor(listener.Port)).Write(rq);
            socket.Send(rq.WrittenSpan);

            // The answer's PDU type (PS3.8 Table 9-17: 02H, A-ASSOCIATE-AC), read synchronously on this thread.
            var header = new byte[6];
            var read = 0;
            try
            {
                while (read < header.Length)
                {
                    var n = socket.Receive(header, read, header.Length - read, SocketFlags.None);
                    if (n == 0) break;
                    read += n;
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
            }
            Assert.True(read == header.Length, $"no A-ASSOCIATE-AC within 10 s ({read} bytes)");
            Assert.Equal(0x02, header[0]);
        }
        finally
        {
            release.Set();
        }
    }
}
