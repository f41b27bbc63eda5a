using System.CommandLine;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol.Diagnostics;
using DicomSpecGen.Transport;
using DicomSpecGen.Transport.Capture;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli;

/// <summary>Options shared by the verbs, spelled like DCMTK's where DCMTK has them.</summary>
public sealed class CommonOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "verbose mode: log what happens" };
    public Option<bool> Debug { get; } = new("--debug", "-d") { Description = "debug mode: log everything, including DUL state transitions" };
    public Option<bool> Trace { get; } = new("--trace") { Description = "print every PDU with its fields and the PS3.8 rows they come from" };
    public Option<DulEngine> Engine { get; } = new("--engine") { Description = "which DUL state machine engine runs PS3.8 Table 9-10: generated or interpreted", DefaultValueFactory = _ => DulEngine.Generated };
    // A string, parsed by MaxPduLength, so a bad number is exit 4 (bad input) with the valid range, not a parse error.
    public Option<string> MaxPdu { get; } = new("--max-pdu", "-pdu") { Description = $"our maximum P-DATA PDU length (Maximum Length Received, PS3.8 Table D.1-1): 0 = no limit, or {MinMaxPdu}..{int.MaxValue}", DefaultValueFactory = _ => (256 * 1024).ToString() };
    public Option<string> MaxPduCap { get; } = new("--max-pdu-cap") { Description = $"with -pdu 0, the longest P-DATA PDU we still accept (our safety cap, checked before buffering): {MinMaxPdu}..{int.MaxValue}", DefaultValueFactory = _ => TransportOptions.DefaultNoLimitPDataPduCap.ToString() };
    public Option<int> Timeout { get; } = new("--timeout", "-to") { Description = "connection, association and read timeout in seconds (also bounds sending one PDU)", DefaultValueFactory = _ => 30 };
    public Option<string?> Pcap { get; } = new("--pcap") { Description = "write every connection of this run to a pcap file (synthetic TCP/IP around the bytes that crossed the socket; plaintext under TLS) for Wireshark/tshark" };
    public TlsArguments Tls { get; } = new();
    /// <summary>--audit, added by the verbs that emit audit messages (scp, store, find): a flag others would ignore is not offered.</summary>
    public AuditArguments Audit { get; } = new();

    /// <summary>SCU verbs: the user identity to send (added by the verbs that take it).</summary>
    public UserIdentityArguments Identity { get; } = new();

    /// <summary>dsg scp: how user identities are checked.</summary>
    public IdentityValidationArguments IdentityValidation { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Verbose);
        command.Options.Add(Debug);
        command.Options.Add(Trace);
        command.Options.Add(Engine);
        command.Options.Add(MaxPdu);
        command.Options.Add(MaxPduCap);
        command.Options.Add(Timeout);
        command.Options.Add(Pcap);
        Tls.AddTo(command);
    }

    /// <summary>Single-line console logging at the level the flags ask (default Warning); made on the first message.</summary>
    public ILoggerFactory Logging(ParseResult result)
    {
        var level = result.GetValue(Debug) ? LogLevel.Trace : result.GetValue(Verbose) ? LogLevel.Information : LogLevel.Warning;
        return new DeferredLoggerFactory(level, () => LoggerFactory.Create(builder => builder
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
            .SetMinimumLevel(level)));
    }

    /// <summary>Transport options; with --tls, TLS for the listening (<paramref name="acceptor"/>) or the connecting side.
    /// Throws <see cref="CliInputException"/> for unusable TLS flags or files.</summary>
    public TransportOptions Transport(ParseResult result, bool acceptor = false)
    {
        var seconds = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(Timeout)));
        return new TransportOptions { MaxPDataPduLength = MaxPduLength(result), NoLimitPDataPduCap = MaxPduCapLength(result), ConnectTimeout = seconds, ReadTimeout = seconds, Tls = Tls.Build(result, acceptor), Capture = PcapSink(result) };
    }

    private PcapFile? _pcap;

    /// <summary>--pcap: one file for the whole run (every connection, the listener's too, is its own TCP stream in it),
    /// flushed as each connection ends and closed when the process exits.</summary>
    private PcapFile? PcapSink(ParseResult result)
    {
        if (_pcap != null || result.GetValue(Pcap) is not { } path) return _pcap;
        try
        {
            _pcap = new PcapFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException($"--pcap: cannot create {path}: {e.Message}", e);
        }
        var pcap = _pcap;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            pcap.Dispose();
            if (pcap.Failure is { } failure) Console.Error.WriteLine($"W: --pcap: writing {path} failed, the capture is incomplete: {failure.Message}");
        };
        return _pcap;
    }

    /// <summary>Below this, -pdu is refused (<see cref="TransportOptions.MinConfigurableMaxPduLength"/>).</summary>
    public const int MinMaxPdu = TransportOptions.MinConfigurableMaxPduLength;

    /// <summary>-pdu as a number: 0 (no limit) or <see cref="MinMaxPdu"/> to <see cref="int.MaxValue"/>; otherwise
    /// <see cref="CliInputException"/> naming the option and the range.</summary>
    /// <remarks>PS3.8 Annex D.1, Table D.1-1 Maximum-length-received.</remarks>
    public int MaxPduLength(ParseResult result)
        => Length(result.GetValue(MaxPdu), zeroAllowed: true)
            ?? throw new CliInputException($"--max-pdu (-pdu) '{result.GetValue(MaxPdu)}' is not a valid Maximum Length Received: give 0 (no limit) or {MinMaxPdu} to {int.MaxValue} bytes (PS3.8 Annex D.1, Table D.1-1)");

    private int MaxPduCapLength(ParseResult result)
        => Length(result.GetValue(MaxPduCap), zeroAllowed: false)
            ?? throw new CliInputException($"--max-pdu-cap '{result.GetValue(MaxPduCap)}' is not a valid length: give {MinMaxPdu} to {int.MaxValue} bytes");

    private static int? Length(string? text, bool zeroAllowed)
        => long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && ((zeroAllowed && value == 0) || value is >= MinMaxPdu and <= int.MaxValue) ? (int)value : null;

    private static readonly PduTreeRenderer TraceRenderer = new();

    /// <summary>--trace: each PDU as the runtime's tree (fields, values, spec rows), "&gt;&gt;" sent, "&lt;&lt;" received; one
    /// write per PDU, so PDUs of concurrent associations do not interleave (Console.Out is synchronized).</summary>
    public Action<PduDirection, Protocol.Pdu>? TraceAction(ParseResult result)
        => result.GetValue(Trace) ? (direction, pdu) => Console.Out.Write(TraceRenderer.Render(pdu, direction == PduDirection.Sent ? ">> " : "<< ")) : null;

    /// <summary>Requestor options from the common flags plus the verb's AE titles and contexts.</summary>
    public RequestorOptions Requestor(ParseResult result, string host, int port, string callingAe, string calledAe, IReadOnlyList<PresentationContextProposal> contexts)
    {
        var seconds = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(Timeout)));
        return new RequestorOptions
        {
            Host = host,
            Port = port,
            CallingAeTitle = callingAe,
            CalledAeTitle = calledAe,
            PresentationContexts = contexts,
            Transport = Transport(result),
            Engine = result.GetValue(Engine),
            Trace = TraceAction(result),
            AssociateTimeout = seconds,
            ReleaseTimeout = seconds,
            UserIdentity = Identity.Build(result),
        };
    }
}

/// <summary>host, port, -aet, -aec: the peer and our names.</summary>
public sealed class PeerArguments
{
    public Argument<string> Host { get; } = new("peer") { Description = "hostname of the DICOM peer" };
    public Argument<int> Port { get; } = new("port") { Description = "TCP port of the peer" };
    public Option<string> CallingAe { get; } = new Option<string>("--aetitle", "-aet") { Description = "our AE title (calling)", DefaultValueFactory = _ => "DSGSCU" }.CheckedAeTitle();
    public Option<string> CalledAe { get; } = new Option<string>("--call", "-aec") { Description = "the peer's AE title (called)", DefaultValueFactory = _ => "ANY-SCP" }.CheckedAeTitle();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Host);
        command.Arguments.Add(Port);
        command.Options.Add(CallingAe);
        command.Options.Add(CalledAe);
    }
}
