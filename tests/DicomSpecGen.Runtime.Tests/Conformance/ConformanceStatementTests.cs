using System.Text.RegularExpressions;
using DicomSpecGen.Association;
using DicomSpecGen.Conformance;
using DicomSpecGen.Dimse;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Services.Worklist;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Conformance;

/// <summary>The generated conformance statement says exactly what the acceptor accepts: every abstract syntax / transfer
/// syntax pair of its presentation-context table is accepted by the policy, and every pair the policy accepts, out of
/// every SOP class and transfer syntax of the UID registry, is in the table.</summary>
public sealed partial class ConformanceStatementTests
{
    private sealed class NoInstances : ICommitmentArchive
    {
        public Task<IReadOnlyDictionary<string, string>> SopClassesAsync(IReadOnlyList<string> sopInstanceUids, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());
    }

    /// <summary>Every service the archive SCP can register: verification, storage, query/retrieve, worklist, MPPS, commitment.</summary>
    private static (ServiceRegistry Registry, AcceptorOptions Acceptor) AllServices()
    {
        var registry = new DicomServiceProvider(new ServiceProviderOptions
        {
            AeTitle = "DSGSCP",
            Services = [new WorklistService(new FolderWorklistSource(Path.GetTempPath())), new MppsService(new MemoryMppsStore()), new StorageCommitmentService(new NoInstances())],
        }).Registry;
        return (registry, Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = "DSGSCP", RequireCalledAeTitle = false })));
    }

    private static ConformanceStatement Statement(ServiceRegistry registry, AcceptorOptions acceptor)
        => new(new ConformanceInput("test", "DSGSCP", 11112, registry, acceptor));

    [GeneratedRegex(@"\(([0-9.]+)\)")]
    private static partial Regex ParenthesisedUid();

    /// <summary>The (abstract syntax, transfer syntax) pairs of the Markdown "Presentation Contexts Accepted" table.</summary>
    private static HashSet<(string, string)> PairsOf(string markdown)
    {
        var table = markdown[markdown.IndexOf("##### Presentation Contexts Accepted", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n#", StringComparison.Ordinal)];
        var pairs = new HashSet<(string, string)>();
        foreach (var line in table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2))
        {
            var cells = line.Split(" | ");
            foreach (Match m in ParenthesisedUid().Matches(cells[2])) Assert.True(pairs.Add((cells[1], m.Groups[1].Value)), line);
        }
        return pairs;
    }

    private static AssociateRequestInfo Propose(string abstractSyntax, string transferSyntax)
        => new("DSGSCP", "ANYSCU", AssociateRequestInfo.DicomApplicationContext, [new PresentationContextProposal(1, abstractSyntax, [transferSyntax])],
            16384, null, null, null, null, [], null);

    [Fact]
    [SpecRow("PS3.8 Table 9-18, Result/Reason 0")]
    [SpecRow("PS3.8 Table 9-18, Result/Reason 3")]
    [SpecRow("PS3.8 Table 9-18, Result/Reason 4")]
    public void The_presentation_context_table_is_exactly_what_the_acceptor_policy_accepts()
    {
        var (registry, acceptor) = AllServices();
        var statement = Statement(registry, acceptor).ToMarkdown();
        var listed = PairsOf(statement);
        Assert.NotEmpty(listed);

        var accepted = new HashSet<(string, string)>();
        var transferSyntaxes = DicomUids.All.Where(u => u.Type == DicomUidType.TransferSyntax).Select(u => u.Uid).Append("1.2.3.4.5.6.7").ToList();
        // Every UID of the registry as an abstract syntax (SOP classes, meta SOP classes, anything), and one unknown.
        foreach (var sop in DicomUids.All.Select(u => u.Uid).Append("1.2.3.4.5.6.8"))
        {
            foreach (var ts in transferSyntaxes)
            {
                var decision = acceptor.Policy.Decide(Propose(sop, ts));
                Assert.True(decision.IsAccepted);
                var context = Assert.Single(decision.Contexts);
                if (context.Result != PresentationContextResult.Acceptance) continue;
                Assert.Equal(ts, context.TransferSyntax);
                accepted.Add((sop, ts));
            }
        }
        Assert.Empty(listed.Except(accepted));
        Assert.Empty(accepted.Except(listed));
        // The SOP classes of all six services are there: verification, storage, Q/R, worklist, MPPS, commitment.
        foreach (var sop in new[] { DicomUids.Verification, DicomUids.CTImageStorage, DicomUids.StudyRootQueryRetrieveInformationModelMove, WorklistService.SopClassUid, MppsScu.SopClassUid, StorageCommitmentService.SopClassUid })
            Assert.Contains((sop, DicomUids.ImplicitVRLittleEndian), listed);
    }

    [Fact]
    public void The_html_rendering_lists_the_same_contexts_and_encodes_text()
    {
        var (registry, acceptor) = AllServices();
        var statement = Statement(registry, acceptor);
        var html = statement.ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.EndsWith("</html>\n", html);
        var section = html[html.IndexOf("<h5>Presentation Contexts Accepted</h5>", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</table>", StringComparison.Ordinal)];
        var rows = section.Split("<tr>").Skip(2).Select(r => Regex.Matches(r, "<td>(.*?)</td>").Select(m => m.Groups[1].Value).ToList()).ToList();
        Assert.Equal(statement.Contexts.Select(c => c.AbstractSyntax), rows.Select(r => r[1]));
        Assert.Equal(PairsOf(statement.ToMarkdown()), rows.SelectMany(r => ParenthesisedUid().Matches(r[2]).Select(m => (r[1], m.Groups[1].Value))).ToHashSet());
        // "&" in a name ("Query/Retrieve … - FIND" has none; the product name may): encoded, never raw markup.
        var odd = new ConformanceStatement(new ConformanceInput("A <b> & C", "DSGSCP", 104, registry, acceptor)).ToHtml();
        Assert.Contains("A &lt;b&gt; &amp; C", odd);
        Assert.DoesNotContain("<b>", odd);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    [SpecRow("PS3.8 Table 9-21, Reason 3 (Source 1)")]
    public void Acceptance_checks_follow_the_configuration()
    {
        var (registry, _) = AllServices();
        var strict = Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with
        {
            AeTitle = "STRICT",
            RequireCalledAeTitle = true,
            AllowedCallingAeTitles = new HashSet<string> { "CT01", "MR01" },
        }), maxAssociations: 3);
        var text = Statement(registry, strict).ToMarkdown();
        // The rejection is worded from the generated Table 9-21 meanings, so a change in the YAML shows here.
        static string Rejected(AssociateRejectReason reason)
            => $"{AssociateRejectResult.RejectedPermanent.Meaning()}, {reason.Qualifier().Meaning()}, {reason.Meaning()} ({reason.Citation()})";
        Assert.Contains($"| Called AE title | must be 'STRICT' | {Rejected(AssociateRejectReason.CalledAeTitleNotRecognized)} |", text);
        Assert.Contains($"| Calling AE title | one of CT01, MR01 | {Rejected(AssociateRejectReason.CallingAeTitleNotRecognized)} |", text);
        Assert.Contains("| Simultaneous associations | 3; more are rejected", text);
        var lenient = Statement(registry, Loopback.Acceptor(new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = "X", RequireCalledAeTitle = false }))).ToMarkdown();
        Assert.Contains("| Called AE title | not checked", lenient);
        Assert.Contains("| Calling AE title | not checked", lenient);
    }

    [Fact]
    [SpecRow("PS3.4 F.7.2.1.3, status other than IN PROGRESS")]
    public void Every_status_a_service_states_is_a_row_of_the_spec_status_tables_with_its_citation()
    {
        var (registry, acceptor) = AllServices();
        var statuses = registry.Services.OfType<IServiceStatuses>().SelectMany(s => s.Statuses).ToList();
        Assert.Equal(registry.Services.Count, registry.Services.OfType<IServiceStatuses>().Count());
        foreach (var use in statuses)
        {
            var info = DimseStatus.Lookup(use.Table, use.Code);
            Assert.True(info.Meaning != null, $"{use.Operation} {use.Code:X4} is in no status table of spec/part07/statuses.yaml");
            Assert.Matches(@"^PS3\.[47] ", info.Source);
        }
        var text = Statement(registry, acceptor).ToMarkdown();
        // MPPS refusals come from the rules of spec/part04/mpps.yaml, cited with them.
        Assert.Contains("| N-CREATE | 0106H | Failure | Invalid Attribute Value |", text);
        Assert.Contains("PS3.4 F.7.2.1.3, status other than IN PROGRESS", text);
        Assert.Contains("Error ID A710H", text);
        Assert.Contains("| C-MOVE | A801H | Failure | Refused: Move Destination unknown | the Move Destination is not a configured AE | PS3.4 Table C.4-2, A801", text);
        Assert.DoesNotContain("(status class only)", text);
    }
}
