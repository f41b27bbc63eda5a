namespace DicomSpecGen.Transport;

/// <summary>Limits and timeouts of one TCP transport connection carrying PDUs.</summary>
public sealed record TransportOptions
{
    /// <summary>The largest P-DATA-TF PDU length (the variable field, bytes 7-xxx) we accept; advertised to the
    /// peer as our Maximum Length Received (PS3.8 D.1). A larger PDU is refused before it is buffered.</summary>
    public int MaxPDataPduLength { get; init; } = 256 * 1024;

    /// <summary>The largest PDU length of any other PDU (A-ASSOCIATE-RQ/AC with all their items included):
    /// a separate cap so a peer cannot make us buffer an arbitrarily large associate request.</summary>
    public int MaxAssociatePduLength { get; init; } = 1024 * 1024;

    /// <summary>Once a PDU header has arrived, the rest of the PDU must arrive within this time.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the connection may stay silent between PDUs; null waits forever.</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a TCP connect may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS on the connection (PS3.15 B.1); null is plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>How many encoded P-DATA-TF PDUs may wait for the socket before senders wait (bounds memory).</summary>
    public int MaxQueuedPData { get; init; } = 8;
}
