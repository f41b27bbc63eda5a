using DicomSpecGen.Dul;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Association;

/// <summary>What this application entity is and how it negotiates, common to requestor and acceptor.</summary>
public abstract record AssociationCommonOptions
{
    /// <summary>Our Implementation Class UID (PS3.7 D.3.3.2).</summary>
    public string ImplementationClassUid { get; init; } = Data.Part10.DicomFileMeta.DefaultImplementationClassUid;

    /// <summary>Our Implementation Version Name, at most 16 characters (PS3.7 D.3.3.2).</summary>
    public string? ImplementationVersionName { get; init; } = Data.Part10.DicomFileMeta.DefaultImplementationVersionName;

    /// <summary>Asynchronous operations window to propose or accept; null leaves the default (synchronous) mode.</summary>
    public AsyncOperationLimits? AsyncOperationLimits { get; init; }

    /// <summary>Limits and timeouts of the TCP connection; <see cref="TransportOptions.MaxPDataPduLength"/> is
    /// our Maximum Length Received.</summary>
    public TransportOptions Transport { get; init; } = new();

    /// <summary>Which engine runs the DUL state table.</summary>
    public DulEngine Engine { get; init; } = DulEngine.Generated;

    /// <summary>The ARTIM timeout (PS3.8 9.1.5).</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Called for every PDU sent and received, e.g. to print it with its fields and spec rows.</summary>
    public Action<PduDirection, Protocol.Pdu>? Trace { get; init; }
}
