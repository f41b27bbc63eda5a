namespace DicomSpecGen.Dul;

public sealed partial class DulActions
{
    /// <summary>Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-1; PS3.8 Table 9-26 (reason not significant for a service-user source)</remarks>
    public void AA1(DulEvent trigger, object? payload)
    {
        Send(DulPduKind.AAbort, new DulAbort(DulAbortSource.ServiceUser, DulProviderReason.ReasonNotSpecified));
        _artim.Start();
    }

    /// <summary>Stop ARTIM timer if running. Close transport connection.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-2</remarks>
    public void AA2(DulEvent trigger, object? payload)
    {
        _artim.Stop();
        _port.CloseTransport();
    }

    /// <summary>If (service-user initiated abort): issue A-ABORT indication and close transport connection;
    /// otherwise (service-provider initiated abort): issue A-P-ABORT indication and close transport connection.
    /// The initiator is the Source of the received A-ABORT PDU (<see cref="DulReceivedAbort"/>).</summary>
    /// <remarks>PS3.8 Table 9-9, AA-3; PS3.8 7.3.2.3, 7.3.2.4</remarks>
    public void AA3(DulEvent trigger, object? payload)
    {
        var received = payload as DulReceivedAbort;
        if (received?.Source == DulAbortSource.ServiceUser) Deliver(DulPrimitiveKind.AbortIndication, received);
        else Deliver(DulPrimitiveKind.ProviderAbortIndication,
            new DulAbort(DulAbortSource.ServiceProvider, received?.Reason ?? DulProviderReason.ReasonNotSpecified));
        _port.CloseTransport();
    }

    /// <summary>Issue A-P-ABORT indication primitive (the transport connection was closed).</summary>
    /// <remarks>PS3.8 Table 9-9, AA-4; PS3.8 7.4.1 (locally defined reason)</remarks>
    public void AA4(DulEvent trigger, object? payload)
        => Deliver(DulPrimitiveKind.ProviderAbortIndication, new DulAbort(DulAbortSource.ServiceProvider, DulProviderReason.TransportConnectionClosed));

    /// <summary>Stop ARTIM timer.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-5</remarks>
    public void AA5(DulEvent trigger, object? payload) => _artim.Stop();

    /// <summary>Ignore PDU.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-6</remarks>
    public void AA6(DulEvent trigger, object? payload)
    {
        // Sta13: the association no longer exists; the PDU is dropped and ARTIM keeps running.
    }

    /// <summary>Send A-ABORT PDU (from the service-provider, with the reason the PDU was unexpected or invalid).</summary>
    /// <remarks>PS3.8 Table 9-9, AA-7; PS3.8 7.4.1</remarks>
    public void AA7(DulEvent trigger, object? payload)
        => Send(DulPduKind.AAbort, new DulAbort(DulAbortSource.ServiceProvider, ReasonFor(trigger, payload)));

    /// <summary>Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer.</summary>
    /// <remarks>PS3.8 Table 9-9, AA-8; PS3.8 7.4.1</remarks>
    public void AA8(DulEvent trigger, object? payload)
    {
        var abort = new DulAbort(DulAbortSource.ServiceProvider, ReasonFor(trigger, payload));
        Send(DulPduKind.AAbort, abort);
        Deliver(DulPrimitiveKind.ProviderAbortIndication, abort);
        _artim.Start();
    }

    /// <summary>The provider reason for aborting on a PDU: Evt19 carries why it is unrecognized or invalid;
    /// any other PDU reaching AA-7/AA-8 is a valid PDU received in the wrong state.</summary>
    /// <remarks>PS3.8 7.4.1 (unrecognized-pdu, unexpected-pdu); PS3.8 Table 9-10, Evt19</remarks>
    private static DulProviderReason ReasonFor(DulEvent trigger, object? payload)
    {
        if (trigger != DulEvent.Evt19) return DulProviderReason.UnexpectedPdu;
        return payload switch
        {
            DulInvalidPdu invalid => invalid.Reason,
            DulProviderReason reason => reason,
            _ => DulProviderReason.UnrecognizedPdu,
        };
    }
}
