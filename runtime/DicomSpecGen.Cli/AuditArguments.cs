using System.CommandLine;
using System.Security.Authentication;
using DicomSpecGen.Audit;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli;

/// <summary>--audit: where the PS3.15 A.5 audit messages go (docs/security.md, "Audit trail").</summary>
public sealed class AuditArguments
{
    public Option<string?> Destination { get; } = new("--audit")
    {
        Description = "send DICOM audit messages (PS3.15 A.5, IHE ATNA) as RFC 5424 syslog to udp://host:port, tcp://host:port, tls://host:port[?ca=FILE] (RFC 5425 octet counting), or append them to file:PATH",
        HelpName = "udp://host:port|tcp://host:port|tls://host:port|file:PATH",
    };

    public void AddTo(Command command) => command.Options.Add(Destination);

    /// <summary>The trail for this run, or null without --audit. Throws <see cref="CliInputException"/> for a bad destination.</summary>
    public AuditTrail? Open(ParseResult result, string aeTitle, ILogger logger)
    {
        if (result.GetValue(Destination) is not { } text) return null;
        try
        {
            var destination = AuditDestination.Parse(text);
            return new AuditTrail(destination.CreateSink("dsg"), new AuditEvents(new AuditIdentity(aeTitle)), logger: logger);
        }
        catch (AuditDestinationException e)
        {
            throw new CliInputException(e.Message, e);
        }
    }

    /// <summary>An SCU verb's trail: <see cref="Open"/>, then Application Start (PS3.15 A.5.3.1) posted; close it with
    /// <see cref="CloseAsync"/>.</summary>
    public AuditTrail? OpenScu(ParseResult result, string aeTitle, ILogger logger)
    {
        var trail = Open(result, aeTitle, logger);
        trail?.Post(trail.Events.ApplicationActivity(start: true));
        return trail;
    }

    /// <summary>Application Stop (PS3.15 A.5.3.1), then the trail drained and closed.</summary>
    public static async Task CloseAsync(AuditTrail? trail)
    {
        if (trail == null) return;
        trail.Post(trail.Events.ApplicationActivity(start: false));
        await trail.DisposeAsync();
    }

    /// <summary>The peer of an SCU verb: its AE title and host:port.</summary>
    public static AuditPeer Peer(ParseResult result, PeerArguments peer)
        => new(result.GetValue(peer.CalledAe)!, $"{result.GetValue(peer.Host)}:{result.GetValue(peer.Port)}");

    /// <summary>An SCU's connection that failed TLS authentication: a Security Alert (Node Authentication).</summary>
    public static void ConnectionFailed(AuditTrail? trail, string host, int port, Exception e)
    {
        if (trail == null || TlsFailure(port > 0 ? $"{host}:{port}" : host, e) is not { } why) return;
        trail.TryPost(() => trail.Events.NodeAuthenticationFailure(host, why, serious: true));
    }

    /// <summary>Why TLS authentication with <paramref name="peer"/> failed, or null when <paramref name="e"/> is no
    /// authentication failure.</summary>
    public static string? TlsFailure(string peer, Exception e)
    {
        for (var inner = e; inner != null; inner = inner.InnerException)
            if (inner is AuthenticationException) return $"TLS authentication with {peer} failed: {inner.Message}";
        return null;
    }
}
