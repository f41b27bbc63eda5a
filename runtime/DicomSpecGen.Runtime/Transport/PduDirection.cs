namespace DicomSpecGen.Transport;

/// <summary>Whether a traced PDU was sent or received.</summary>
public enum PduDirection
{
    Received,
    Sent,
}
