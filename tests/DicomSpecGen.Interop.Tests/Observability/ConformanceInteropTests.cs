using System.Globalization;
using System.Text.RegularExpressions;
using DicomSpecGen.Interop.Tests.Cli;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Registry;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Observability;

/// <summary>dsg scp --conformance against the SCP itself: the statement printed for the default configuration is the
/// committed docs/conformance-statement.md, and a running dsg scp, asked by dsg explain, accepts every abstract syntax /
/// transfer syntax pair of its presentation-context table and nothing beside it.</summary>
public partial class ConformanceInteropTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [GeneratedRegex(@"\(([0-9.]+)\)")]
    private static partial Regex ParenthesisedUid();

    /// <summary>Abstract syntax → transfer syntaxes of the "Presentation Contexts Accepted" table.</summary>
    private static Dictionary<string, List<string>> Contexts(string markdown)
    {
        var table = markdown[markdown.IndexOf("##### Presentation Contexts Accepted", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n#", StringComparison.Ordinal)];
        return table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).Select(l => l.Split(" | "))
            .ToDictionary(c => c[1], c => ParenthesisedUid().Matches(c[2]).Select(m => m.Groups[1].Value).ToList());
    }

    private static string RepoFile(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, relative);
    }

    /// <summary>Proposes each abstract syntax with one transfer syntax (dsg explain: one context per --sop, ids 1, 3, …)
    /// and returns the abstract syntaxes accepted with it.</summary>
    private static async Task<HashSet<string>> AcceptedAsync(string port, IReadOnlyList<string> abstractSyntaxes, string transferSyntax)
    {
        var accepted = new HashSet<string>();
        // At most 127 presentation contexts per association (odd IDs 1-255, PS3.8 9.3.2.2).
        foreach (var chunk in abstractSyntaxes.Chunk(100))
        {
            var run = await Dsg.RunAsync(Limit, ["explain", "-aec", "DSGSCP", "127.0.0.1", port, "--ts", transferSyntax, "--sop", .. chunk]);
            Assert.True(run.ExitCode == 0, run.Output);
            foreach (Match m in Regex.Matches(run.Output, @"context #(\d+) [^\n]*?: acceptance with ([^\n]*?) — "))
            {
                Assert.Equal(DicomUids.Describe(transferSyntax), m.Groups[2].Value);
                accepted.Add(chunk[(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1) / 2]);
            }
        }
        return accepted;
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-18, Result/Reason 0")]
    [SpecRow("PS3.8 Table 9-18, Result/Reason 4")]
    public async Task The_default_statement_is_the_committed_one_and_the_running_scp_accepts_exactly_its_contexts()
    {
        var printed = await Dsg.RunAsync(Limit, "scp", "11112", "--conformance");
        Assert.True(printed.ExitCode == 0, printed.Output);
        Assert.Equal(File.ReadAllText(RepoFile("docs/conformance-statement.md")), printed.Output);
        var contexts = Contexts(printed.Output);

        await using var scp = await DsgScp.StartAsync("0", "-od", DcmtkFiles.TempDir("dsg-conformance-"), "--bind", "127.0.0.1");
        var port = scp.Port.ToString(CultureInfo.InvariantCulture);
        foreach (var ts in contexts.Values.SelectMany(t => t).Distinct())
        {
            var listed = contexts.Where(c => c.Value.Contains(ts)).Select(c => c.Key).ToList();
            var unlisted = contexts.Keys.Except(listed).ToList();
            Assert.Equal(listed.ToHashSet(), await AcceptedAsync(port, listed, ts));
            if (unlisted.Count > 0) Assert.Empty(await AcceptedAsync(port, unlisted, ts));
        }
        // SOP classes of the registry the statement does not list (retired storage classes, print, worklist without
        // --worklist, …) are refused whatever the transfer syntax.
        var others = DicomUids.All.Where(u => u.Type == DicomUidType.SopClass && !contexts.ContainsKey(u.Uid)).Select(u => u.Uid).ToList();
        Assert.NotEmpty(others);
        Assert.Empty(await AcceptedAsync(port, others, DicomUids.ImplicitVRLittleEndian));
        // A transfer syntax the statement lists for nothing: nothing is accepted with it.
        Assert.Empty(await AcceptedAsync(port, [.. contexts.Keys], DicomUids.ExplicitVRBigEndian));
    }
}
