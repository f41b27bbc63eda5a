using DicomSpecGen.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>A-RELEASE collision (PS3.8 7.2.2.7; Table 9-10 Sta9-Sta12): both service-users request release
/// at once. The requestor answers first (Sta9, Sta11), the acceptor waits for the confirmation (Sta10, Sta12).</summary>
public sealed class DulReleaseCollisionTests
{
    private static PortCall Send(DulPduKind kind, object? content) => new("Send", kind, content);
    private static PortCall Deliver(DulPrimitiveKind kind, object? content) => new("Deliver", kind, content);

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void Association_requestor_side(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        Assert.Equal(DulState.Sta4, h.Fire(DulEvent.Evt1, "A-ASSOCIATE request").To);
        Assert.Equal(DulState.Sta5, h.Fire(DulEvent.Evt2).To);
        Assert.Equal(DulState.Sta6, h.Fire(DulEvent.Evt3, "A-ASSOCIATE-AC PDU").To);
        Assert.Equal(DulState.Sta7, h.Fire(DulEvent.Evt11, "A-RELEASE request").To);
        var collision = h.Fire(DulEvent.Evt12, "A-RELEASE-RQ PDU");
        Assert.Equal((DulAction.AR8, DulState.Sta9), (collision.Action, collision.To));
        Assert.Equal(DulState.Sta11, h.Fire(DulEvent.Evt14, "A-RELEASE response").To);
        Assert.Equal(DulState.Sta1, h.Fire(DulEvent.Evt13, "A-RELEASE-RP PDU").To);

        Assert.Equal(
        [
            new PortCall("ConnectTransport", null, "A-ASSOCIATE request"),
            Send(DulPduKind.AAssociateRq, "A-ASSOCIATE request"),
            Deliver(DulPrimitiveKind.AssociateConfirmationAccept, "A-ASSOCIATE-AC PDU"),
            Send(DulPduKind.AReleaseRq, "A-RELEASE request"),
            Deliver(DulPrimitiveKind.ReleaseIndication, "A-RELEASE-RQ PDU"),
            Send(DulPduKind.AReleaseRp, "A-RELEASE response"),
            Deliver(DulPrimitiveKind.ReleaseConfirmation, "A-RELEASE-RP PDU"),
            new PortCall("CloseTransport"),
        ], h.Port.Calls);
        Assert.False(h.Machine.ArtimRunning);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void Association_acceptor_side(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        Assert.Equal(DulState.Sta2, h.Fire(DulEvent.Evt5).To);
        Assert.Equal(DulState.Sta3, h.Fire(DulEvent.Evt6, "A-ASSOCIATE-RQ PDU").To);
        Assert.Equal(DulState.Sta6, h.Fire(DulEvent.Evt7, "A-ASSOCIATE response (accept)").To);
        Assert.Equal(DulState.Sta7, h.Fire(DulEvent.Evt11, "A-RELEASE request").To);
        var collision = h.Fire(DulEvent.Evt12, "A-RELEASE-RQ PDU");
        Assert.Equal((DulAction.AR8, DulState.Sta10), (collision.Action, collision.To));
        // The acceptor may not answer before its confirmation: A-RELEASE response is refused in Sta10.
        var early = h.Fire(DulEvent.Evt14, "early A-RELEASE response");
        Assert.True(early.Rejected);
        Assert.Equal(DulState.Sta10, h.Machine.State);
        Assert.Equal(DulState.Sta12, h.Fire(DulEvent.Evt13, "A-RELEASE-RP PDU").To);
        Assert.Equal(DulState.Sta13, h.Fire(DulEvent.Evt14, "A-RELEASE response").To);
        Assert.True(h.Machine.ArtimRunning);
        Assert.Equal(DulState.Sta1, h.Fire(DulEvent.Evt17).To);

        Assert.Equal(
        [
            new PortCall("AcceptTransport"),
            new PortCall("CheckAssociateRequest", null, "A-ASSOCIATE-RQ PDU"),
            Deliver(DulPrimitiveKind.AssociateIndication, "A-ASSOCIATE-RQ PDU"),
            Send(DulPduKind.AAssociateAc, "A-ASSOCIATE response (accept)"),
            Send(DulPduKind.AReleaseRq, "A-RELEASE request"),
            Deliver(DulPrimitiveKind.ReleaseIndication, "A-RELEASE-RQ PDU"),
            Deliver(DulPrimitiveKind.ReleaseConfirmation, "A-RELEASE-RP PDU"),
            Send(DulPduKind.AReleaseRp, "A-RELEASE response"),
        ], h.Port.Calls);
        Assert.False(h.Machine.ArtimRunning);
    }

    [Theory]
    [InlineData(DulEngine.Generated, DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted, DulEngine.Interpreted)]
    [InlineData(DulEngine.Generated, DulEngine.Interpreted)]
    public void Two_peers_that_release_at_once_both_end_released(DulEngine requestorEngine, DulEngine acceptorEngine)
    {
        var link = new LoopbackLink(requestorEngine, acceptorEngine);
        link.Requestor.Fire(DulEvent.Evt1, "A-ASSOCIATE request");
        link.Acceptor.Fire(DulEvent.Evt5);
        link.Requestor.Fire(DulEvent.Evt2);
        link.Pump();
        Assert.Equal(DulState.Sta3, link.Acceptor.State);
        link.Acceptor.Fire(DulEvent.Evt7, "accept");
        link.Pump();
        Assert.Equal((DulState.Sta6, DulState.Sta6), (link.Requestor.State, link.Acceptor.State));

        // Both users issue A-RELEASE before either A-RELEASE-RQ arrives.
        link.Requestor.Fire(DulEvent.Evt11, "release");
        link.Acceptor.Fire(DulEvent.Evt11, "release");
        link.Pump();
        Assert.Equal((DulState.Sta9, DulState.Sta10), (link.Requestor.State, link.Acceptor.State));

        // PS3.8 7.2.2.7: the association-requestor issues its A-RELEASE response first.
        link.Requestor.Fire(DulEvent.Evt14, "response");
        link.Pump();
        Assert.Equal((DulState.Sta11, DulState.Sta12), (link.Requestor.State, link.Acceptor.State));
        link.Acceptor.Fire(DulEvent.Evt14, "response");
        link.Pump();
        Assert.Equal((DulState.Sta1, DulState.Sta13), (link.Requestor.State, link.Acceptor.State));
        link.Acceptor.Fire(DulEvent.Evt17); // the requestor closed the connection (AR-3)
        Assert.Equal(DulState.Sta1, link.Acceptor.State);

        // Both service-users got the (unexpected) A-RELEASE indication and then the confirmation.
        Assert.Equal(
            [DulPrimitiveKind.AssociateConfirmationAccept, DulPrimitiveKind.ReleaseIndication, DulPrimitiveKind.ReleaseConfirmation],
            link.Delivered.Where(d => d.Side == "requestor").Select(d => d.Kind));
        Assert.Equal(
            [DulPrimitiveKind.AssociateIndication, DulPrimitiveKind.ReleaseIndication, DulPrimitiveKind.ReleaseConfirmation],
            link.Delivered.Where(d => d.Side == "acceptor").Select(d => d.Kind));
    }

    /// <summary>Two machines whose sent PDUs arrive at the other as events, in order, when pumped.</summary>
    private sealed class LoopbackLink
    {
        private readonly Queue<(DulStateMachine To, DulEvent Event, object? Payload)> _wire = new();

        public LoopbackLink(DulEngine requestorEngine, DulEngine acceptorEngine)
        {
            Requestor = new DulStateMachine(new Side(this, "requestor", () => Acceptor!), new DulOptions { Engine = requestorEngine, TimeProvider = new ManualTimeProvider() });
            Acceptor = new DulStateMachine(new Side(this, "acceptor", () => Requestor), new DulOptions { Engine = acceptorEngine, TimeProvider = new ManualTimeProvider() });
        }

        public DulStateMachine Requestor { get; }
        public DulStateMachine Acceptor { get; }
        public List<(string Side, DulPrimitiveKind Kind)> Delivered { get; } = new();

        public void Pump()
        {
            for (var i = 0; i < 100 && _wire.Count > 0; i++)
            {
                var (to, evt, payload) = _wire.Dequeue();
                to.Fire(evt, payload);
            }
            Assert.Empty(_wire);
        }

        private sealed class Side(LoopbackLink link, string name, Func<DulStateMachine> peer) : IDulPort
        {
            public void ConnectTransport(object? associateRequest) { }
            public void AcceptTransport() { }
            public void CloseTransport() { }
            public object? CheckAssociateRequest(object? associateRequestPdu) => null;
            public void Deliver(DulPrimitive primitive) => link.Delivered.Add((name, primitive.Kind));

            public void Send(DulPdu pdu)
            {
                var evt = pdu.Kind switch
                {
                    DulPduKind.AAssociateRq => DulEvent.Evt6,
                    DulPduKind.AAssociateAc => DulEvent.Evt3,
                    DulPduKind.AAssociateRj => DulEvent.Evt4,
                    DulPduKind.PDataTf => DulEvent.Evt10,
                    DulPduKind.AReleaseRq => DulEvent.Evt12,
                    DulPduKind.AReleaseRp => DulEvent.Evt13,
                    _ => DulEvent.Evt16,
                };
                link._wire.Enqueue((peer(), evt, pdu.Content));
            }
        }
    }
}
