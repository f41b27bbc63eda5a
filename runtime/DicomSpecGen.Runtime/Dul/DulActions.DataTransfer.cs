namespace DicomSpecGen.Dul;

public sealed partial class DulActions
{
    /// <summary>Send P-DATA-TF PDU, built from the P-DATA request primitive.</summary>
    /// <remarks>PS3.8 Table 9-7, DT-1</remarks>
    public void DT1(DulEvent trigger, object? payload) => Send(DulPduKind.PDataTf, payload);

    /// <summary>Send P-DATA indication primitive, from the received P-DATA-TF PDU.</summary>
    /// <remarks>PS3.8 Table 9-7, DT-2</remarks>
    public void DT2(DulEvent trigger, object? payload) => Deliver(DulPrimitiveKind.PDataIndication, payload);
}
