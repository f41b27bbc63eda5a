using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Diagnostics;
using DicomSpecGen.Tools.WireTrace;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Tools.Tests.WireTrace;

/// <summary>Whole DCMTK conversations from tests/corpus (captured between storescu and storescp, echoscu and
/// storescp) decode as one dump, every PDU in order, every field with its row.</summary>
public class CorpusDecodeTests
{
    private static byte[] Conversation(string scenario)
    {
        var dir = Path.Combine(TestPaths.Root, "tests", "corpus", "pdu");
        var files = Directory.GetFiles(dir, scenario + "-*.bin").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        return files.SelectMany(File.ReadAllBytes).ToArray();
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    [SpecRow("PS3.8 Table 9-17")]
    [SpecRow("PS3.8 Table 9-22")]
    [SpecRow("PS3.8 Table 9-24")]
    [SpecRow("PS3.8 Table 9-25")]
    public void A_whole_echo_conversation_decodes_in_order()
    {
        var pdus = PduStreamDecoder.Decode(Conversation("echo"));
        Assert.All(pdus, p => Assert.Null(p.Error));
        Assert.Equal([typeof(AAssociateRq), typeof(AAssociateAc), typeof(PDataTf), typeof(PDataTf), typeof(AReleaseRq), typeof(AReleaseRp)],
            pdus.Select(p => p.Pdu!.GetType()));
        var text = new PduTreeRenderer().Render(pdus[1].Pdu!);
        Assert.Contains(text.Split('\n'), l => l.TrimStart().StartsWith("Result ", StringComparison.Ordinal) && l.Contains("Acceptance (acceptance)") && l.EndsWith("[PS3.8 Table 9-18, Result/Reason (2024c)]", StringComparison.Ordinal));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21")]
    [SpecRow("PS3.8 Table 9-21, Result 1")]
    [SpecRow("PS3.8 Table 9-21, Reason 1 (Source 1)")]
    public void A_rejected_association_shows_result_source_and_reason_by_their_meanings()
    {
        var output = new StringWriter();
        var path = Path.Combine(Path.GetTempPath(), "dsg-reject-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, Conversation("reject"));
        try { Assert.Equal(0, DecodeCommand.Run(new Args([path]), output)); }
        finally { File.Delete(path); }
        var lines = output.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("A-ASSOCIATE-RJ PDU", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("Result ", StringComparison.Ordinal) && l.Contains("(rejected-permanent)"));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("Source ", StringComparison.Ordinal) && l.Contains("[PS3.8 Table 9-21, Source (2024c)]"));
        // Reason/Diag. is read by the value table its Source qualifies (pdus.yaml qualifiedBy), with that value's row.
        var reason = Array.FindIndex(lines, l => l.TrimStart().StartsWith("Reason ", StringComparison.Ordinal));
        Assert.Matches(@"^  Reason\s+= 1\s", lines[reason]);
        Assert.Matches(@"^\s+\(no-reason-given\)\s+\[PS3\.8 Table 9-21, Reason 1 \(Source 1\) \(2024c\)\]$", lines[reason + 1]);
    }
}
