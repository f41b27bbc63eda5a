using DicomSpecGen.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>One thing an action did to the world, as the port saw it.</summary>
public sealed record PortCall(string Operation, object? Kind = null, object? Content = null)
{
    public override string ToString() => $"{Operation}({Kind}, {Content})";
}

/// <summary>An IDulPort that records every call. The A-ASSOCIATE-RQ check (AE-6) rejects a request whose
/// payload is the string "unacceptable", with <see cref="Rejection"/> as the A-ASSOCIATE-RJ content.</summary>
public sealed class RecordingPort : IDulPort
{
    public const string Unacceptable = "unacceptable";
    public static readonly object Rejection = "rejection: no-reason-given";

    public List<PortCall> Calls { get; } = new();

    public void ConnectTransport(object? associateRequest) => Calls.Add(new PortCall("ConnectTransport", null, associateRequest));

    public void AcceptTransport() => Calls.Add(new PortCall("AcceptTransport"));

    public void CloseTransport() => Calls.Add(new PortCall("CloseTransport"));

    public void Send(DulPdu pdu) => Calls.Add(new PortCall("Send", pdu.Kind, pdu.Content));

    public void Deliver(DulPrimitive primitive) => Calls.Add(new PortCall("Deliver", primitive.Kind, primitive.Content));

    public object? CheckAssociateRequest(object? associateRequestPdu)
    {
        Calls.Add(new PortCall("CheckAssociateRequest", null, associateRequestPdu));
        return Equals(associateRequestPdu, Unacceptable) ? Rejection : null;
    }
}
