using DicomSpecGen.Transport.Capture;

namespace DicomSpecGen.Transport;

/// <summary>Limits and timeouts of one TCP transport connection carrying PDUs.</summary>
public sealed record TransportOptions
{
    /// <summary>The smallest non-zero Maximum Length Received our configuration surfaces (dsg -pdu, the hosted SCP's
    /// Limits) take: the standard sets no minimum, but tiny PDUs only cost (DCMTK's floor too).</summary>
    public const int MinConfigurableMaxPduLength = 4096;

    /// <summary>The largest P-DATA-TF PDU length (the variable field, bytes 7-xxx) we accept; advertised to the
    /// peer as our Maximum Length Received (PS3.8 D.1). A larger PDU is refused before it is buffered. 0 announces
    /// "no limit" (PS3.8 Table D.1-1); the peer may then send any length, and we still refuse one above
    /// <see cref="NoLimitPDataPduCap"/> before buffering it.</summary>
    /// <remarks>PS3.8 Annex D.1 and Table D.1-1, Maximum-length-received (a 32-bit unsigned length; 0 = no maximum).</remarks>
    public int MaxPDataPduLength
    {
        get => _maxPDataPduLength;
        init => _maxPDataPduLength = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxPDataPduLength), value, "the Maximum Length Received is 0 (no limit) or a positive length (PS3.8 Table D.1-1)");
    }

    private readonly int _maxPDataPduLength = 256 * 1024;

    /// <summary>Our own safety cap on a P-DATA-TF PDU length when we announced 0 ("no limit"): a peer that takes us at our
    /// word can send a PDU as long as it likes, but we buffer a whole PDU before decoding it, so one longer than this
    /// is refused from its header with an A-ABORT (reason-not-specified: the PDU is legal, we lack the room).</summary>
    /// <remarks>Local policy, not the standard's: PS3.8 Table D.1-1 sets no maximum when the value is 0.</remarks>
    public int NoLimitPDataPduCap
    {
        get => _noLimitPDataPduCap;
        init => _noLimitPDataPduCap = value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(NoLimitPDataPduCap), value, "the safety cap must be a positive length");
    }

    private readonly int _noLimitPDataPduCap = DefaultNoLimitPDataPduCap;

    /// <summary>The default of <see cref="NoLimitPDataPduCap"/>: 64 MiB.</summary>
    public const int DefaultNoLimitPDataPduCap = 64 * 1024 * 1024;

    /// <summary>The P-DATA-TF PDU length above which a received PDU is refused: what we announced, or the cap for 0.</summary>
    public int ReceivePDataLimit => MaxPDataPduLength == 0 ? NoLimitPDataPduCap : MaxPDataPduLength;

    /// <summary>The largest PDU length of any other PDU (A-ASSOCIATE-RQ/AC with all their items included):
    /// a separate cap so a peer cannot make us buffer an arbitrarily large associate request.</summary>
    public int MaxAssociatePduLength { get; init; } = 1024 * 1024;

    /// <summary>Once a PDU header has arrived, the rest of the PDU must arrive within this time; and a PDU we send must be
    /// taken by the network within it (a peer that stops reading, or a link that is down, ends the connection with a
    /// <see cref="TimeoutException"/> naming this timeout instead of a write that waits for TCP to give up).</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the connection may stay silent between PDUs; null waits forever.</summary>
    public TimeSpan? IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a TCP connect may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>TLS on the connection (PS3.15 B.1); null is plain TCP.</summary>
    public TlsOptions? Tls { get; init; }

    /// <summary>When true, a small message held in memory goes out as ONE P-DATA-TF PDU with two PDVs (command set and
    /// data set). Legal (PS3.8 9.3.5: a P-DATA-TF carries one or more PDVs), but some peers (GDCM's gdcmscu, MicroDicom)
    /// read one PDV per PDU and then hang, so the default is false: command and data set in separate PDUs, as DCMTK
    /// and pynetdicom send them, written to the socket together in one send.</summary>
    /// <remarks>PS3.8 Section 9.3.5 and Annex E.1 (2013).</remarks>
    public bool CombineCommandAndDataPdvs { get; init; }

    /// <summary>Receives every connection's bytes as they cross the socket, e.g. a <see cref="PcapFile"/>; null
    /// captures nothing. Under TLS it gets the plaintext PDUs (see docs/pcap.md).</summary>
    public IConnectionCaptureSink? Capture { get; init; }

    /// <summary>How many encoded P-DATA-TF PDUs may wait for the socket before senders wait (bounds memory).</summary>
    public int MaxQueuedPData { get; init; } = 8;
}
