using System.Globalization;
using System.Net;
using System.Text;
using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Conformance;

/// <summary>What a conformance statement describes: an SCP's services and acceptor, as configured.</summary>
/// <param name="Product">The implementation's name in the title, e.g. "DicomSpecGen dsg scp".</param>
/// <param name="AeTitle">Our AE title.</param>
/// <param name="Port">The TCP port listened on.</param>
/// <param name="Services">The registered services.</param>
/// <param name="Acceptor">The acceptor options (policy, limits, transport).</param>
/// <param name="KnownAes">The AEs this one opens associations to (C-MOVE destinations, storage commitment reports).</param>
/// <param name="Notes">Configuration lines the services do not show themselves (e.g. where commitment reports go).</param>
public sealed record ConformanceInput(string Product, string AeTitle, int Port, ServiceRegistry Services, AcceptorOptions Acceptor,
    IReadOnlyDictionary<string, KnownAe>? KnownAes = null, IReadOnlyList<string>? Notes = null);

/// <summary>One presentation context row of the acceptance policy: an abstract syntax, the transfer syntaxes accepted for
/// it in preference order, and whether the requestor may take the SCP role.</summary>
public sealed record AcceptedContext(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes, bool RequestorMayBeScp, string ServedBy);

/// <summary>A PS3.2-shaped conformance statement generated from the configured services and acceptor (nothing in it is
/// typed by hand: SOP classes, roles and transfer syntaxes from <see cref="ServiceRegistry.PolicyOptions"/>, statuses
/// from each service's <see cref="IServiceStatuses"/> with meanings and citations from the generated status table,
/// policies from the acceptor options), rendered as Markdown or HTML from one document model.</summary>
/// <remarks>PS3.2 Annex A (the conformance statement template: overview, networking, AE specifications, association
/// policies, presentation contexts, SOP specific conformance, communication profiles, configuration).</remarks>
public sealed class ConformanceStatement
{
    private readonly ConformanceInput _input;
    private readonly AcceptorPolicyOptions? _policy;

    public ConformanceStatement(ConformanceInput input)
    {
        _input = input;
        _policy = (input.Acceptor.Policy as DefaultAssociationPolicy)?.Options;
        var served = input.Services.PolicyOptions();
        var syntaxes = _policy?.AbstractSyntaxes ?? served.AbstractSyntaxes;
        var scpRole = _policy?.RequestorScpRoleAllowed ?? served.RequestorScpRoleAllowed;
        Contexts = syntaxes.OrderBy(e => ServiceOrder(e.Key)).ThenBy(e => DicomUids.Describe(e.Key), StringComparer.Ordinal)
            .Select(e => new AcceptedContext(e.Key, e.Value, scpRole.Contains(e.Key),
                served.ServedBy != null && served.ServedBy.TryGetValue(e.Key, out var by) ? by : "")).ToList();
    }

    /// <summary>The presentation contexts the acceptor accepts: exactly the abstract syntaxes of its policy.</summary>
    public IReadOnlyList<AcceptedContext> Contexts { get; }

    private int ServiceOrder(string uid)
    {
        var service = _input.Services.Find(uid);
        return service == null ? int.MaxValue : _input.Services.Services.ToList().IndexOf(service);
    }

    public string ToMarkdown() => Render(new MarkdownWriter());

    public string ToHtml() => Render(new HtmlWriter());

    /// <summary>Renders in "md" or "html".</summary>
    public string Render(string format) => format switch
    {
        "md" or "markdown" => ToMarkdown(),
        "html" => ToHtml(),
        _ => throw new ArgumentException($"format '{format}' is not md or html", nameof(format)),
    };

    private string Render(DocumentWriter w)
    {
        var transport = _input.Acceptor.Transport;
        w.Begin($"DICOM Conformance Statement: {_input.Product}, AE {_input.AeTitle}");
        w.Heading(1, $"DICOM Conformance Statement: {_input.Product}, AE {_input.AeTitle}");
        w.Paragraph("Generated from the configured services and acceptor policy (`dsg scp --conformance`, `dsgtool conformance`); " +
                    "structured after the conformance statement template of PS3.2 Annex A. Each rule cites the part of the standard it applies.");

        w.Heading(2, "1 Conformance Statement Overview");
        w.Paragraph($"{_input.Product} is a DICOM application entity that accepts associations and provides the network services below. " +
                    "It takes the SCU role only towards configured AEs: for C-MOVE sub-operations and storage commitment reports on a new association" +
                    (RequestorScpRole ? ", and, within an association, for the C-STORE sub-operations of C-GET when the requestor takes the SCP role by role selection." : "."));
        w.Table(["Network service", "Operations", "SOP classes", "User of service (SCU)", "Provider of service (SCP)"],
            _input.Services.Services.Select(s => new[]
            {
                Name(s), string.Join(", ", ServiceRegistry.Operations(s)), s.SopClasses.Count.ToString(CultureInfo.InvariantCulture),
                s.SopClasses.Any(c => c.RequestorMayBeScp) ? "Yes (sub-operations, by role selection)" : "No", "Yes",
            }).ToList());

        w.Heading(2, "2 Networking");
        w.Heading(3, "2.1 Implementation Model");
        w.Paragraph($"One application entity, {_input.AeTitle}, listens on TCP port {_input.Port} and serves each association in its own task; " +
                    "requests are dispatched by SOP class to the service that registered it. Implementation identifying information (PS3.7 D.3.3.2):");
        w.Table(["Item", "Value"],
        [
            ["Implementation Class UID", _input.Acceptor.ImplementationClassUid],
            ["Implementation Version Name", _input.Acceptor.ImplementationVersionName ?? "(not sent)"],
        ]);

        w.Heading(3, $"2.2 AE Specification: {_input.AeTitle}");
        w.Heading(4, "2.2.1 SOP Classes");
        w.Table(["SOP class", "SOP class UID", "SCU", "SCP"],
            Contexts.Select(c => new[] { DicomUids.Describe(c.AbstractSyntax), c.AbstractSyntax, c.RequestorMayBeScp ? "Yes (role selection)" : "No", "Yes" }).ToList());

        w.Heading(4, "2.2.2 Association Policies");
        w.Table(["Policy", "Value", "Rule"], AssociationPolicyRows(transport));

        w.Heading(4, "2.2.3 Association Acceptance Policy");
        w.Table(["Check", "Configured", "Result when it fails"], AcceptanceRows());
        w.Paragraph("Each proposed presentation context is answered on its own (PS3.8 9.3.3.2): an abstract syntax not listed below gets " +
                    "result 3, abstract-syntax-not-supported, and one listed without any of its transfer syntaxes among those proposed gets " +
                    "result 4, transfer-syntaxes-not-supported (PS3.8 Table 9-18). Otherwise the context is accepted with the first transfer " +
                    "syntax of the list below, in this order, that the requestor proposed. Without an SCP/SCU Role Selection item the requestor is SCU " +
                    "only; with one, the SCU role is granted as proposed and the SCP role only where the table says so (PS3.7 D.3.3.4).");
        w.Heading(5, "Presentation Contexts Accepted");
        w.Table(["Abstract syntax", "Abstract syntax UID", "Transfer syntaxes (preference order)", "Role", "Extended negotiation"],
            Contexts.Select(c => new[]
            {
                DicomUids.Describe(c.AbstractSyntax), c.AbstractSyntax,
                string.Join(", ", c.TransferSyntaxes.Select(t => $"{DicomUids.Describe(t)} ({t})")),
                c.RequestorMayBeScp ? "SCP; SCU if the requestor proposes the SCP role" : "SCP",
                "None",
            }).ToList());
        w.Heading(5, "Extended Negotiation");
        w.Paragraph("SOP Class Extended Negotiation (PS3.7 D.3.3.5) and SOP Class Common Extended Negotiation (PS3.7 D.3.3.6) items are not " +
                    "answered: the A-ASSOCIATE-AC carries none, so each SOP class is served with its default behaviour.");

        w.Heading(4, "2.2.4 Association Initiation Policy");
        var known = _input.KnownAes ?? new Dictionary<string, KnownAe>();
        if (known.Count == 0)
        {
            w.Paragraph("No AE is configured: this AE opens no association (a C-MOVE names an unknown destination and is answered A801, PS3.4 Table C.4-2).");
        }
        else
        {
            w.Paragraph("Associations are opened only to these configured AEs, as C-MOVE destinations (PS3.4 C.4.2.2.1: one presentation context per " +
                        "SOP class and transfer syntax of the instances sent) or for storage commitment reports on a new association (PS3.4 J.3.3).");
            w.Table(["AE title", "Host", "Port"], known.Values.OrderBy(a => a.AeTitle, StringComparer.Ordinal)
                .Select(a => new[] { a.AeTitle, a.Host, a.Port.ToString(CultureInfo.InvariantCulture) }).ToList());
        }

        w.Heading(4, "2.2.5 SOP Specific Conformance");
        foreach (var service in _input.Services.Services)
        {
            w.Heading(5, $"{Name(service)} ({string.Join(", ", ServiceRegistry.Operations(service))})");
            w.Paragraph($"SOP classes: {string.Join(", ", service.SopClasses.Take(8).Select(c => DicomUids.Describe(c.Uid)))}" +
                        (service.SopClasses.Count > 8 ? $" and {service.SopClasses.Count - 8} more (2.2.1)." : "."));
            if (service is IServiceStatuses statuses)
                w.Table(["Operation", "Status", "Class", "Meaning", "Sent when", "Citation"], statuses.Statuses.Select(StatusRow).ToList());
            else
                w.Paragraph("The service states no statuses; see the general statuses below.");
        }
        w.Heading(5, "General statuses (any service)");
        w.Table(["Operation", "Status", "Class", "Meaning", "Sent when", "Citation"],
        [
            StatusRow(new ServiceStatusUse("any", DimseService.General, DimseStatus.UnrecognizedOperation, "the SOP class's service does not perform the operation")),
            StatusRow(new ServiceStatusUse("any", DimseService.General, DimseStatus.ProcessingFailure, "the service failed while handling the request")),
            StatusRow(new ServiceStatusUse("C-*", DimseService.General, DimseStatus.RefusedSOPClassNotSupported, "the request names a SOP class no service serves")),
            StatusRow(new ServiceStatusUse("N-*", DimseService.General, DimseStatus.NoSuchSOPClass, "the request names a SOP class no service serves")),
        ]);

        w.Heading(3, "2.3 Network Interfaces");
        w.Paragraph("TCP/IP (PS3.8 9): the DICOM Upper Layer over TCP, with Nagle's algorithm off." + (transport.Tls is { } tls
            ? $" Every connection is secured by TLS under the {TlsProfiles.Get(tls.Profile).Describe()} profile; a client certificate is {(tls.RequireClientCertificate ? "required" : "not required")}."
            : " No TLS (PS3.15 Annex B profiles are available with --tls)."));

        w.Heading(3, "2.4 Configuration");
        w.Table(["Parameter", "Value"], ConfigurationRows(transport));
        if (_input.Notes is { Count: > 0 } notes) w.List(notes);
        w.End();
        return w.ToString();
    }

    private bool RequestorScpRole => Contexts.Any(c => c.RequestorMayBeScp);

    private static string Name(IDicomService service) => service.GetType().Name;

    private static string[] StatusRow(ServiceStatusUse use)
    {
        var info = DimseStatus.Lookup(use.Table, use.Code);
        var citation = info.Source + (use.Source is { } extra && extra != info.Source ? "; " + extra : "");
        return [use.Operation, use.Code.ToString("X4", CultureInfo.InvariantCulture) + "H", info.Class.ToString(), info.Meaning ?? "(status class only)", use.When, citation];
    }

    private List<string[]> AssociationPolicyRows(TransportOptions transport)
    {
        return
        [
            ["Application context name", AssociateRequestInfo.DicomApplicationContext + " (DICOM Application Context Name); any other is "
                + Rejection(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.ApplicationContextNameNotSupported), "PS3.7 A.2.1"],
            ["Maximum PDU length received", transport.MaxPDataPduLength == 0
                ? $"0 (no limit announced; P-DATA-TF PDUs over {transport.NoLimitPDataPduCap} bytes are refused as a safety cap)"
                : $"{transport.MaxPDataPduLength} bytes", "PS3.8 D.1, Table D.1-1"],
            ["Maximum A-ASSOCIATE PDU length", $"{transport.MaxAssociatePduLength} bytes (longer association PDUs are aborted)", "PS3.8 9.3.2"],
            ["Simultaneous associations", $"{_input.Acceptor.MaxAssociations}; more are "
                + Rejection(AssociateRejectResult.RejectedTransient, AssociateRejectReason.LocalLimitExceeded), "PS3.8 Table 9-21"],
            ["Asynchronous operations window", AsyncWindow(_input.Acceptor.AsyncOperationLimits), "PS3.7 D.3.3.3"],
            ["Implementation Class UID / Version Name", $"{_input.Acceptor.ImplementationClassUid} / {_input.Acceptor.ImplementationVersionName ?? "(none)"}", "PS3.7 D.3.3.2"],
        ];
    }

    // What the acceptor answers (AsyncOperationLimits.Answer): configured 1/1 or none is the synchronous mode.
    private static string AsyncWindow(AsyncOperationLimits? configured)
    {
        static string N(ushort n) => n == 0 ? "unlimited" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return configured is null || configured == AsyncOperationLimits.Synchronous
            ? "a requestor's proposal is answered 1 invoked / 1 performed (operations one at a time); without one, the default synchronous mode"
            : $"a requestor's proposal is answered with at most {N(configured.Invoked)} invoked / {N(configured.Performed)} performed (never above its offer), and that many of its requests are performed at once, responses in any order; without a proposal, the default synchronous mode";
    }

    /// <summary>What the acceptor does with a User Identity sub-item: which types it checks, whether one is required.</summary>
    private static string IdentityPolicy(AcceptorPolicyOptions policy)
        => policy.UserIdentity is { } v
            ? (v.Validators.Count == 0 ? "no type accepted" : "checked for " + string.Join(", ", v.Validators.Keys.Order().Select(t => $"{t.Meaning()} ({(int)t})")))
              + "; other types rejected" + (v.RequireIdentity ? "; required" : "; optional") + "; a positive response is sent when requested"
            : policy.AuthenticateUser != null ? "checked; a positive response is sent when requested" : "not checked (the item is ignored and not answered)";

    /// <summary>An A-ASSOCIATE-RJ as sent: result, source and reason in the standard's words (generated from
    /// spec/part08/pdus.yaml, PS3.8 Table 9-21) and the reason's citation.</summary>
    internal static string Rejection(AssociateRejectResult result, AssociateRejectReason reason, string? alsoCite = null)
        => $"{result.Meaning()}, {reason.Qualifier().Meaning()}, {reason.Meaning()} ({(alsoCite is null ? "" : alsoCite + "; ")}{reason.Citation()})";

    private List<string[]> AcceptanceRows()
    {
        var policy = _policy;
        if (policy == null) return [["Association policy", $"custom ({_input.Acceptor.Policy.GetType().Name})", "as that policy decides"]];
        var calledChecked = policy.RequireCalledAeTitle && policy.AeTitle != null;
        return
        [
            ["Called AE title", calledChecked ? $"must be '{policy.AeTitle}'" : "not checked (any called AE title is accepted)",
                calledChecked ? Rejection(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.CalledAeTitleNotRecognized) : "—"],
            ["Calling AE title", policy.AllowedCallingAeTitles is { } allowed ? "one of " + string.Join(", ", allowed.Order(StringComparer.Ordinal)) : "not checked (any calling AE title is accepted)",
                policy.AllowedCallingAeTitles != null ? Rejection(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.CallingAeTitleNotRecognized) : "—"],
            ["User identity", IdentityPolicy(policy),
                policy.UserIdentity != null || policy.AuthenticateUser != null ? Rejection(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.AcseNoReasonGiven, "PS3.7 D.3.3.7.3") : "—"],
            ["Protocol version", "bit 0 must be set", Rejection(AssociateRejectResult.RejectedPermanent, AssociateRejectReason.ProtocolVersionNotSupported, "PS3.8 9.3.2")],
            ["Capacity", $"at most {_input.Acceptor.MaxAssociations} associations at once", Rejection(AssociateRejectResult.RejectedTransient, AssociateRejectReason.LocalLimitExceeded)],
        ];
    }

    private List<string[]> ConfigurationRows(TransportOptions transport)
        =>
        [
            ["AE title", _input.AeTitle],
            ["Port", _input.Port.ToString(CultureInfo.InvariantCulture)],
            ["Maximum PDU length received", transport.MaxPDataPduLength.ToString(CultureInfo.InvariantCulture)],
            ["Simultaneous associations", _input.Acceptor.MaxAssociations.ToString(CultureInfo.InvariantCulture)],
            ["ARTIM timeout (PS3.8 9.1.5)", Seconds(_input.Acceptor.ArtimTimeout)],
            ["Read timeout (a PDU begun must arrive, and a PDU sent must be taken by the network, within)", Seconds(transport.ReadTimeout)],
            ["Idle timeout (no PDU on an association)", transport.IdleTimeout is { } idle ? Seconds(idle) : "none"],
            ["TLS", transport.Tls is { } tls ? TlsProfiles.Get(tls.Profile).Describe() : "off"],
        ];

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";

    /// <summary>The blocks of the document, written as Markdown or HTML.</summary>
    private abstract class DocumentWriter
    {
        protected readonly StringBuilder Text = new();

        public virtual void Begin(string title)
        {
        }

        public virtual void End()
        {
        }

        public abstract void Heading(int level, string text);

        public abstract void Paragraph(string text);

        public abstract void Table(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows);

        public abstract void List(IReadOnlyList<string> items);

        public override string ToString() => Text.ToString();
    }

    private sealed class MarkdownWriter : DocumentWriter
    {
        public override void Heading(int level, string text) => Text.Append('#', level).Append(' ').Append(text).Append("\n\n");

        public override void Paragraph(string text) => Text.Append(text).Append("\n\n");

        public override void Table(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
        {
            Text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
            Text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).Append("|\n");
            foreach (var row in rows) Text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
            Text.Append('\n');
        }

        public override void List(IReadOnlyList<string> items)
        {
            foreach (var item in items) Text.Append("- ").Append(item).Append('\n');
            Text.Append('\n');
        }

        private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
    }

    private sealed class HtmlWriter : DocumentWriter
    {
        public override void Begin(string title)
            => Text.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(title))
                .Append("</title>\n<style>body{font-family:sans-serif;max-width:80em;margin:auto}table{border-collapse:collapse;margin:1em 0}" +
                        "td,th{border:1px solid #999;padding:.2em .5em;text-align:left;vertical-align:top}</style>\n</head>\n<body>\n");

        public override void End() => Text.Append("</body>\n</html>\n");

        public override void Heading(int level, string text) => Text.Append("<h").Append(level).Append('>').Append(Encode(text)).Append("</h").Append(level).Append(">\n");

        public override void Paragraph(string text) => Text.Append("<p>").Append(Code(Encode(text))).Append("</p>\n");

        public override void Table(IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
        {
            Text.Append("<table>\n<tr>");
            foreach (var h in headers) Text.Append("<th>").Append(Encode(h)).Append("</th>");
            Text.Append("</tr>\n");
            foreach (var row in rows)
            {
                Text.Append("<tr>");
                foreach (var cell in row) Text.Append("<td>").Append(Encode(cell)).Append("</td>");
                Text.Append("</tr>\n");
            }
            Text.Append("</table>\n");
        }

        public override void List(IReadOnlyList<string> items)
        {
            Text.Append("<ul>\n");
            foreach (var item in items) Text.Append("<li>").Append(Encode(item)).Append("</li>\n");
            Text.Append("</ul>\n");
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);

        /// <summary>`code` spans of the Markdown wording as &lt;code&gt;.</summary>
        private static string Code(string html)
        {
            var parts = html.Split('`');
            var text = new StringBuilder(parts[0]);
            for (var i = 1; i < parts.Length; i++) text.Append(i % 2 == 1 ? "<code>" : "</code>").Append(parts[i]);
            return text.ToString();
        }
    }
}
