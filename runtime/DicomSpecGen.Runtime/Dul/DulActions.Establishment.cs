namespace DicomSpecGen.Dul;

public sealed partial class DulActions
{
    /// <summary>Issue TRANSPORT CONNECT request primitive to local transport service. Keeps the A-ASSOCIATE
    /// request for AE-2; this side is the association-requestor.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-1</remarks>
    public void AE1(DulEvent trigger, object? payload)
    {
        Role = DulAssociationRole.Requestor;
        AssociateRequest = payload;
        _port.ConnectTransport(payload);
    }

    /// <summary>Send A-ASSOCIATE-RQ-PDU, built from the A-ASSOCIATE request primitive kept by AE-1.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-2; PS3.8 9.1.2</remarks>
    public void AE2(DulEvent trigger, object? payload) => Send(DulPduKind.AAssociateRq, AssociateRequest);

    /// <summary>Issue A-ASSOCIATE confirmation (accept) primitive, from the received A-ASSOCIATE-AC PDU.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-3</remarks>
    public void AE3(DulEvent trigger, object? payload) => Deliver(DulPrimitiveKind.AssociateConfirmationAccept, payload);

    /// <summary>Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-4</remarks>
    public void AE4(DulEvent trigger, object? payload)
    {
        Deliver(DulPrimitiveKind.AssociateConfirmationReject, payload);
        _port.CloseTransport();
    }

    /// <summary>Issue Transport connection response primitive; start ARTIM timer. This side is the
    /// association-acceptor.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-5; PS3.8 9.1.2</remarks>
    public void AE5(DulEvent trigger, object? payload)
    {
        Role = DulAssociationRole.Acceptor;
        _port.AcceptTransport();
        _artim.Start();
    }

    /// <summary>Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider: issue A-ASSOCIATE
    /// indication primitive (Sta3); otherwise: issue A-ASSOCIATE-RJ-PDU and start ARTIM timer (Sta13).</summary>
    /// <remarks>PS3.8 Table 9-6, AE-6; PS3.8 7.1.2.6</remarks>
    public AE6Next AE6(DulEvent trigger, object? payload)
    {
        _artim.Stop();
        var rejection = _port.CheckAssociateRequest(payload);
        if (rejection == null)
        {
            Deliver(DulPrimitiveKind.AssociateIndication, payload);
            return AE6Next.Sta3;
        }
        Send(DulPduKind.AAssociateRj, rejection);
        _artim.Start();
        return AE6Next.Sta13;
    }

    /// <summary>Send A-ASSOCIATE-AC PDU, built from the A-ASSOCIATE response primitive (accept).</summary>
    /// <remarks>PS3.8 Table 9-6, AE-7</remarks>
    public void AE7(DulEvent trigger, object? payload) => Send(DulPduKind.AAssociateAc, payload);

    /// <summary>Send A-ASSOCIATE-RJ PDU, built from the A-ASSOCIATE response primitive (reject), and start
    /// ARTIM timer.</summary>
    /// <remarks>PS3.8 Table 9-6, AE-8</remarks>
    public void AE8(DulEvent trigger, object? payload)
    {
        Send(DulPduKind.AAssociateRj, payload);
        _artim.Start();
    }
}
