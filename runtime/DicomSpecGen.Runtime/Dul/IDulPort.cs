namespace DicomSpecGen.Dul;

/// <summary>What the DUL actions do to the world: the association layer implements this over a real
/// transport connection and PDU codec. Methods are called while the state machine holds its lock, so
/// they must not block on the network; an event they cause (e.g. a transport confirmation) is fired
/// back into the machine later (a synchronous re-entrant call is queued and run after the current step).</summary>
public interface IDulPort
{
    /// <summary>Issues a TRANSPORT CONNECT request primitive to the local transport service (AE-1).</summary>
    /// <param name="associateRequest">The A-ASSOCIATE request primitive, which names the peer to connect to.</param>
    /// <remarks>PS3.8 Table 9-6, AE-1; PS3.8 9.1.2</remarks>
    void ConnectTransport(object? associateRequest);

    /// <summary>Issues the transport connection response primitive: the incoming connection is accepted (AE-5).</summary>
    /// <remarks>PS3.8 Table 9-6, AE-5; PS3.8 9.1.2</remarks>
    void AcceptTransport();

    /// <summary>Closes the transport connection (AE-4, AR-3, AA-2, AA-3).</summary>
    /// <remarks>PS3.8 Tables 9-6, 9-8, 9-9; PS3.8 9.1.4 ("don't linger")</remarks>
    void CloseTransport();

    /// <summary>Sends a PDU on the transport connection.</summary>
    /// <remarks>PS3.8 9.3</remarks>
    void Send(DulPdu pdu);

    /// <summary>Issues an indication or confirmation primitive to the local service-user.</summary>
    /// <remarks>PS3.8 7</remarks>
    void Deliver(DulPrimitive primitive);

    /// <summary>The service-provider's check of a received A-ASSOCIATE-RQ PDU (the condition of AE-6).</summary>
    /// <returns>Null if the request is acceptable by the service-provider; otherwise the rejection (result,
    /// source and reason), sent as the content of the A-ASSOCIATE-RJ PDU.</returns>
    /// <remarks>PS3.8 Table 9-6, AE-6; PS3.8 7.1.2.6</remarks>
    object? CheckAssociateRequest(object? associateRequestPdu);
}
