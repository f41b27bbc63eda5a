using System.CommandLine;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Transport;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli;

/// <summary>Options shared by the verbs, spelled like DCMTK's where DCMTK has them.</summary>
public sealed class CommonOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "verbose mode: log what happens" };
    public Option<bool> Debug { get; } = new("--debug", "-d") { Description = "debug mode: log everything, including DUL state transitions" };
    public Option<bool> Trace { get; } = new("--trace") { Description = "print every PDU with its fields and the PS3.8 rows they come from" };
    public Option<DulEngine> Engine { get; } = new("--engine") { Description = "which DUL state machine engine runs PS3.8 Table 9-10: generated or interpreted", DefaultValueFactory = _ => DulEngine.Generated };
    public Option<int> MaxPdu { get; } = new("--max-pdu", "-pdu") { Description = "our maximum P-DATA PDU length (Maximum Length Received)", DefaultValueFactory = _ => 256 * 1024 };
    public Option<int> Timeout { get; } = new("--timeout", "-to") { Description = "connection, association and read timeout in seconds", DefaultValueFactory = _ => 30 };
    public TlsArguments Tls { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Verbose);
        command.Options.Add(Debug);
        command.Options.Add(Trace);
        command.Options.Add(Engine);
        command.Options.Add(MaxPdu);
        command.Options.Add(Timeout);
        Tls.AddTo(command);
    }

    public ILoggerFactory Logging(ParseResult result) => LoggerFactory.Create(builder => builder
        .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
        .SetMinimumLevel(result.GetValue(Debug) ? LogLevel.Trace : result.GetValue(Verbose) ? LogLevel.Information : LogLevel.Warning));

    /// <summary>Transport options; with --tls, TLS for the listening (<paramref name="acceptor"/>) or the connecting side.
    /// Throws <see cref="CliInputException"/> for unusable TLS flags or files.</summary>
    public TransportOptions Transport(ParseResult result, bool acceptor = false)
    {
        var seconds = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(Timeout)));
        return new TransportOptions { MaxPDataPduLength = result.GetValue(MaxPdu), ConnectTimeout = seconds, ReadTimeout = seconds, Tls = Tls.Build(result, acceptor) };
    }

    public Action<PduDirection, Protocol.Pdu>? TraceAction(ParseResult result)
        => result.GetValue(Trace) ? (direction, pdu) => PduTracePrinter.Print(Console.Out, direction, pdu) : null;

    /// <summary>Requestor options from the common flags plus the verb's AE titles and contexts.</summary>
    public AssociationOptions Requestor(ParseResult result, string host, int port, string callingAe, string calledAe, IReadOnlyList<PresentationContextProposal> contexts)
    {
        var seconds = TimeSpan.FromSeconds(Math.Max(1, result.GetValue(Timeout)));
        return new AssociationOptions
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
        };
    }
}

/// <summary>host, port, -aet, -aec: the peer and our names.</summary>
public sealed class PeerArguments
{
    public Argument<string> Host { get; } = new("peer") { Description = "hostname of the DICOM peer" };
    public Argument<int> Port { get; } = new("port") { Description = "TCP port of the peer" };
    public Option<string> CallingAe { get; } = new("--aetitle", "-aet") { Description = "our AE title (calling)", DefaultValueFactory = _ => "DSGSCU" };
    public Option<string> CalledAe { get; } = new("--call", "-aec") { Description = "the peer's AE title (called)", DefaultValueFactory = _ => "ANY-SCP" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Host);
        command.Arguments.Add(Port);
        command.Options.Add(CallingAe);
        command.Options.Add(CalledAe);
    }
}
