using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>The listener accepts while every thread-pool thread is blocked: its accept loop has a thread of its own.
/// Runs alone (the memory collection never runs in parallel), since it starves the process's pool on purpose.</summary>
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
}
