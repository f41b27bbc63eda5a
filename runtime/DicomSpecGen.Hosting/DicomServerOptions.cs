namespace DicomSpecGen.Hosting;

/// <summary>The SCP's configuration, bound from a configuration section (by default "Dicom" of appsettings.json) and
/// validated when the host starts (<see cref="DicomServerOptionsValidator"/>). The same JSON file drives
/// <c>dsg scp --config FILE</c>. Mutable, as the configuration binder needs.</summary>
public sealed class DicomServerOptions
{
    /// <summary>The default configuration section.</summary>
    public const string SectionName = "Dicom";

    /// <summary>Our AE title: 1 to <see cref="DicomSpecGen.Protocol.AAssociateRq.CalledAeTitleSize"/> characters of the default repertoire, no backslash, not all spaces (PS3.5 Table 6.2-1, AE).</summary>
    public string AeTitle { get; set; } = "DSGSCP";

    /// <summary>TCP port to listen on; 0 picks a free one (see <see cref="DicomHostedServer.Port"/>).</summary>
    public int Port { get; set; } = 11112;

    /// <summary>IP address to listen on: 0.0.0.0 every IPv4 interface, :: every IPv6 one, 127.0.0.1 loopback only.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Reject associations whose Called AE Title is not <see cref="AeTitle"/> (A-ASSOCIATE-RJ,
    /// called-AE-title-not-recognized, PS3.8 Table 9-21). Off by default, like storescp.</summary>
    public bool RequireCalledAeTitle { get; set; }

    /// <summary>Calling AE titles allowed to associate; empty: any (others: calling-AE-title-not-recognized).</summary>
    public List<string> AllowedCallingAeTitles { get; set; } = [];

    /// <summary>AEs we open associations to (C-MOVE destinations, reports on a new association, and the client
    /// factory's peers), as AE title → "host:port".</summary>
    public Dictionary<string, string> KnownAes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Which DICOM services the SCP serves.</summary>
    public DicomServicesConfig Services { get; set; } = new();

    /// <summary>DICOM TLS (PS3.15 B.1).</summary>
    public DicomTlsConfig Tls { get; set; } = new();

    /// <summary>Association and PDU limits.</summary>
    public DicomLimitsConfig Limits { get; set; } = new();

    /// <summary>Timeouts.</summary>
    public DicomTimeoutsConfig Timeouts { get; set; } = new();

    /// <summary>Which DUL state machine engine runs PS3.8 Table 9-10: "Generated" or "Interpreted".</summary>
    public string Engine { get; set; } = "Generated";
}

/// <summary>The services served. A service whose backend comes from the container is on when the backend is registered
/// (null), required (true: a missing backend is a start error) or off (false).</summary>
public sealed class DicomServicesConfig
{
    /// <summary>Verification (C-ECHO, PS3.4 Annex A).</summary>
    public bool Verification { get; set; } = true;

    /// <summary>Storage (C-STORE, PS3.4 Annex B) into the <c>IStorageService</c> registered with
    /// <c>AddDicomStorageHandler</c>.</summary>
    public bool? Storage { get; set; }

    /// <summary>Query/Retrieve (C-FIND/C-MOVE/C-GET, PS3.4 Annex C) over the registered <c>IQueryService</c>; C-MOVE
    /// destinations from <see cref="DicomServerOptions.KnownAes"/>.</summary>
    public bool? QueryRetrieve { get; set; }

    /// <summary>Modality Worklist C-FIND (PS3.4 Annex K) from the .wl files (DCMTK worklist items) of this folder; null: off.</summary>
    public string? WorklistFolder { get; set; }
}

/// <summary>DICOM TLS (PS3.15 B.1, profiles B.9-B.11).</summary>
public sealed class DicomTlsConfig
{
    /// <summary>Listen with TLS.</summary>
    public bool Enabled { get; set; }

    /// <summary>Our certificate (PEM file); required to listen with TLS.</summary>
    public string? Certificate { get; set; }

    /// <summary>The private key of <see cref="Certificate"/> (PEM, unencrypted).</summary>
    public string? Key { get; set; }

    /// <summary>Trusted CA certificate(s) (PEM) the peer's certificate must chain to, instead of the system store.</summary>
    public string? TrustedCa { get; set; }

    /// <summary>Refuse clients that present no valid certificate.</summary>
    public bool RequirePeerCertificate { get; set; }

    /// <summary>bcp195-nd (default), bcp195 or bcp195-ex (PS3.15 B.9-B.11).</summary>
    public string Profile { get; set; } = "bcp195-nd";
}

/// <summary>Limits. (The asynchronous operations window, PS3.7 D.3.3.3, belongs in this section.)</summary>
public sealed class DicomLimitsConfig
{
    /// <summary>Associations served at once; more are rejected (rejected-transient, local-limit-exceeded, PS3.8 Table 9-21).</summary>
    public int MaxAssociations { get; set; } = 16;

    /// <summary>Our Maximum Length Received for P-DATA PDUs (PS3.8 Table D.1-1): 0 = no limit, else 4096 or more.</summary>
    public int MaxPduLength { get; set; } = 256 * 1024;

    /// <summary>The longest A-ASSOCIATE-RQ accepted (bytes).</summary>
    public int MaxAssociatePduLength { get; set; } = 1024 * 1024;
}

/// <summary>Timeouts, as TimeSpan strings ("00:00:30").</summary>
public sealed class DicomTimeoutsConfig
{
    /// <summary>A PDU that has started must complete within this.</summary>
    public TimeSpan Read { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An association with no PDU for this long is aborted.</summary>
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The ARTIM timer (PS3.8 9.1.5): the A-ASSOCIATE-RQ must arrive, and the release end, within this.</summary>
    public TimeSpan Artim { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connecting to a peer.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Associations we open (C-MOVE sub-associations, client factory): accept and release.</summary>
    public TimeSpan Association { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On stop, how long open associations may go on before they are aborted.</summary>
    public TimeSpan Shutdown { get; set; } = TimeSpan.FromSeconds(10);
}
