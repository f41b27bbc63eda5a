using System.Net;
using System.Text.RegularExpressions;
using DicomSpecGen.Association;
using DicomSpecGen.Interop.Tests.Services;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Verification;
using DicomSpecGen.Services.Worklist;

namespace DicomSpecGen.Interop.Tests.Worklist;

/// <summary>Our Modality Worklist SCP (with Verification) on a free loopback port over a worklist source.</summary>
public sealed partial class OurWorklistScp : IAsyncDisposable
{
    private OurWorklistScp(DicomServer server) => Server = server;

    public DicomServer Server { get; }

    public int Port => Server.Port;

    public const string AeTitle = "DSGMWL";

    public static OurWorklistScp Start(IWorklistSource source, WorklistServiceOptions? options = null)
    {
        var registry = new ServiceRegistry().Add(new VerificationService()).Add(new WorklistService(source, options));
        var acceptor = new AcceptorOptions
        {
            Policy = new DefaultAssociationPolicy(registry.PolicyOptions() with { AeTitle = AeTitle }),
            MaxAssociations = 8,
            Transport = OurArchive.Transport,
            ArtimTimeout = TimeSpan.FromSeconds(3),
        };
        return new OurWorklistScp(DicomServer.Start(IPAddress.Loopback, 0, acceptor, registry));
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    // findscu -v: "Find Response: 3 (Pending)", then the identifier's dcmdump lines.
    [GeneratedRegex(@"^Find Response: \d+ \(Pending\)")]
    private static partial Regex PendingHeader();

    [GeneratedRegex(@"^(\(....,....\) \S+ .*?)\s+#\s+(u/l|\d+),")]
    private static partial Regex DumpLine();

    /// <summary>The identifiers findscu -v printed, each as its dcmdump lines without the length comments, sequence
    /// lengths and delimitation items (encoding choices), and without Specific Character Set (wlmscpfs returns none
    /// by default, -cs0; we return the item's); sorted, so two SCPs' answers compare as sets.</summary>
    public static IReadOnlyList<string> Identifiers(string findscuOutput)
    {
        var blocks = new List<string>();
        List<string>? current = null;
        foreach (var raw in findscuOutput.Split('\n'))
        {
            var line = raw.StartsWith("I: ", StringComparison.Ordinal) ? raw[3..].TrimEnd() : raw.TrimEnd();
            if (PendingHeader().IsMatch(line) || line.StartsWith("Received Final Find Response", StringComparison.Ordinal))
            {
                if (current != null) blocks.Add(string.Join('\n', current));
                current = PendingHeader().IsMatch(line) ? [] : null;
                continue;
            }
            if (current == null) continue;
            var m = DumpLine().Match(line.Trim());
            if (!m.Success) continue;
            var text = m.Groups[1].Value;
            if (text.StartsWith("(0008,0005)", StringComparison.Ordinal) || text.StartsWith("(fffe,e00d)", StringComparison.Ordinal) || text.StartsWith("(fffe,e0dd)", StringComparison.Ordinal)) continue;
            text = text.Replace("with undefined length", "with length").Replace("with explicit length", "with length");
            // dcmdump shows a value's padding space inside the brackets; it is not part of the value (PS3.5 6.2).
            text = Regex.Replace(text, @" \]$", "]");
            current.Add(new string(' ', line.Length - line.TrimStart().Length) + text);
        }
        return [.. blocks.Order(StringComparer.Ordinal)];
    }
}
