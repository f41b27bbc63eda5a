namespace DicomSpecGen.Dul;

public sealed partial class DulActions
{
    /// <summary>Send A-RELEASE-RQ PDU.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-1</remarks>
    public void AR1(DulEvent trigger, object? payload) => Send(DulPduKind.AReleaseRq, payload);

    /// <summary>Issue A-RELEASE indication primitive.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-2</remarks>
    public void AR2(DulEvent trigger, object? payload) => Deliver(DulPrimitiveKind.ReleaseIndication, payload);

    /// <summary>Issue A-RELEASE confirmation primitive, and close transport connection.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-3</remarks>
    public void AR3(DulEvent trigger, object? payload)
    {
        Deliver(DulPrimitiveKind.ReleaseConfirmation, payload);
        _port.CloseTransport();
    }

    /// <summary>Issue A-RELEASE-RP PDU and start ARTIM timer.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-4</remarks>
    public void AR4(DulEvent trigger, object? payload)
    {
        Send(DulPduKind.AReleaseRp, payload);
        _artim.Start();
    }

    /// <summary>Stop ARTIM timer.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-5</remarks>
    public void AR5(DulEvent trigger, object? payload) => _artim.Stop();

    /// <summary>Issue P-DATA indication.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-6; PS3.8 7.2.2.1 (the release requestor may still receive P-DATA)</remarks>
    public void AR6(DulEvent trigger, object? payload) => Deliver(DulPrimitiveKind.PDataIndication, payload);

    /// <summary>Issue P-DATA-TF PDU.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-7; PS3.8 7.2.2.2 (the release acceptor may still issue P-DATA)</remarks>
    public void AR7(DulEvent trigger, object? payload) => Send(DulPduKind.PDataTf, payload);

    /// <summary>Issue A-RELEASE indication (release collision): if association-requestor, next state is
    /// Sta9; if not, Sta10.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-8; PS3.8 7.2.2.7</remarks>
    public AR8Next AR8(DulEvent trigger, object? payload)
    {
        Deliver(DulPrimitiveKind.ReleaseIndication, payload);
        return Role == DulAssociationRole.Requestor ? AR8Next.Sta9 : AR8Next.Sta10;
    }

    /// <summary>Send A-RELEASE-RP PDU.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-9</remarks>
    public void AR9(DulEvent trigger, object? payload) => Send(DulPduKind.AReleaseRp, payload);

    /// <summary>Issue A-RELEASE confirmation primitive.</summary>
    /// <remarks>PS3.8 Table 9-8, AR-10</remarks>
    public void AR10(DulEvent trigger, object? payload) => Deliver(DulPrimitiveKind.ReleaseConfirmation, payload);
}
