using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>The acceptor's first P-DATA reaches a receiver that starts late on its reading thread, as every later
/// one does, and a receiver that starts later than the reading thread waits for still gets it.</summary>
public class FirstDeliveryTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Accepts one association whose handler starts reading after <paramref name="startDelay"/>, sends one
    /// C-ECHO-RQ right after the A-ASSOCIATE-AC, and returns the name of the thread the handler's first receive
    /// continued on and what it received.</summary>
    private static async Task<(string? Thread, AssociationEvent? Received)> FirstReceiveAsync(TimeSpan startDelay)
    {
        var first = new TaskCompletionSource<(string?, AssociationEvent?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var listener = AssociationListener.Start(IPAddress.Loopback, 0, Loopback.Acceptor(), async (association, cancellationToken) =>
        {
            await Task.Delay(startDelay, cancellationToken);
            var received = await association.ReceiveAsync(cancellationToken);
            first.TrySetResult((Thread.CurrentThread.Name, received));
            if (received is AssociationEvent.Data data) data.PData.Dispose();
        });
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, listener.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await stream.WriteAsync(RawPdu.Encode(AssociateRequestBuilder.Build(Loopback.Requestor(listener.Port))));
        Assert.IsType<AAssociateAc>(await RawPdu.ReadAsync(stream));
        await stream.WriteAsync(RawPdu.Encode(new PDataTf
        {
            Values =
            [
                new PdvFragment(1, true, true, new CEchoRq { AffectedSOPClassUID = DicomUids.Verification, MessageID = 1 }.ToArray()).ToPresentationDataValue(),
            ],
        }));
        return await first.Task.WaitAsync(Limit);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-7")]
    public async Task A_first_request_sent_before_the_receiver_waits_continues_it_on_the_reading_thread()
    {
        // The receiver starts 50 ms late (as a DIMSE layer started on a busy pool might): the reading thread has read
        // the P-DATA-TF by then and waits for the receiver instead of queueing it to be picked up on the pool.
        var (thread, received) = await FirstReceiveAsync(TimeSpan.FromMilliseconds(50));
        Assert.IsType<AssociationEvent.Data>(received);
        Assert.Equal("DICOM association reader", thread);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-7")]
    public async Task A_receiver_later_than_the_reading_threads_wait_still_gets_the_first_request()
    {
        // Far beyond the bounded wait: the P-DATA-TF is queued after it, and received once the receiver reads.
        var (_, received) = await FirstReceiveAsync(DicomAssociation.FirstReceiverWait + TimeSpan.FromMilliseconds(500));
        Assert.IsType<AssociationEvent.Data>(received);
    }
}
