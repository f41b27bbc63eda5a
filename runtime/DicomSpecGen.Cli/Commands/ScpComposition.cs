using System.CommandLine;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Services;
using DicomSpecGen.Services.ProcedureStep;

namespace DicomSpecGen.Cli.Commands;

/// <summary>The acceptor dsg scp composes from its flags and --config, for a given set of services: built the same way
/// by dsg scp (to check the flags, then for the services it registered) and by dsg scp --conformance, so the statement
/// describes the acceptor the SCP runs.</summary>
public sealed record ScpAcceptor(CommonOptions Common, ParseResult Result, ScpConfigFile? File, string AeTitle, string[]? Allowed, int MaxAssociations,
    bool RequireCalledAeTitle, AsyncOperationLimits? AsyncOperations)
{
    /// <summary>The acceptor for <paramref name="services"/> (default: the archive's). Throws
    /// <see cref="CliInputException"/> for unusable TLS flags or transport flags given with --config.</summary>
    public AcceptorOptions Build(ServiceRegistry? services = null)
    {
        var acceptor = ScpCommand.Acceptor(Common, Result, AeTitle, Allowed, MaxAssociations, RequireCalledAeTitle, services);
        if (File != null) acceptor = File.Apply(acceptor, Common, Result);
        return acceptor with { AsyncOperationLimits = AsyncOperations };
    }
}

/// <summary>dsg scp --audit: the decorators around the acceptor and the request handler (PS3.15 A.5.3; docs/security.md).</summary>
internal static class ScpAudit
{
    /// <summary>Refused associations, failed TLS handshakes and the acceptor's own drops (capacity, ARTIM, idle,
    /// malformed PDU) as Security Alerts through the rate limit; user identities as User Authentication.</summary>
    /// <remarks>PS3.15 A.5.3.11, A.5.3.12</remarks>
    public static AcceptorOptions Acceptor(AcceptorOptions acceptor, AuditTrail audit, SecurityAlertLimiter alerts) => acceptor with
    {
        Policy = new AuditingPolicy(acceptor.Policy, audit, alerts),
        ConnectionFailed = (peer, e) =>
        {
            if (AuditArguments.TlsFailure(peer ?? "unknown", e) is { } why) alerts.Alert("tls", peer, why, serious: true);
        },
        Incident = alerts.Incident,
    };

    /// <summary>The handler: the requestor made known to the storage and query decorators, the workflow requests
    /// (worklist C-FIND, MPPS, storage commitment) audited once handled.</summary>
    public static IDimseRequestHandler Handler(IDimseRequestHandler provider, AuditTrail audit, DicomArchive archive, SqlMppsStore? mpps)
        => new AuditingRequestHandler(provider, audit, ScpCommand.AuditResolver(archive),
            mpps == null ? null : async (uid, ct) => (await mpps.GetAsync(uid, ct).ConfigureAwait(false))?.Attributes);
}
