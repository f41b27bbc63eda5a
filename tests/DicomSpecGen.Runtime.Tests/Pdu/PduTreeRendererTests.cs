using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Diagnostics;

namespace DicomSpecGen.Runtime.Tests.Pdu;

/// <summary>The runtime's PDU printer as dsg --trace uses it: a direction label on the PDU's line, the tree under it
/// indented by the label's width, every field with its row.</summary>
public class PduTreeRendererTests
{
    [Fact]
    public void A_labelled_pdu_keeps_its_tree_under_the_label()
    {
        var pdu = PduSamples.AssociateRq();
        var lines = new PduTreeRenderer().Render(pdu, "<< ").TrimEnd('\n').Split('\n');
        Assert.Equal($"<< A-ASSOCIATE-RQ PDU ({pdu.GetEncodedLength()} bytes)", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("     ", l));
        Assert.All(lines.Where(l => l.Contains(" = ")), l => Assert.EndsWith("]", l));
        Assert.Matches(@"^     CalledAeTitle\s+= ""[^""]*""\s+\[PS3\.8 Table 9-11, Called-AE-title \(\d{4}[a-e]?\)\]$", Assert.Single(lines, l => l.TrimStart().StartsWith("CalledAeTitle ", StringComparison.Ordinal)));
        // Unlabelled, the same tree starts at the margin.
        var plain = new PduTreeRenderer().Render(pdu).TrimEnd('\n').Split('\n');
        Assert.Equal(lines.Skip(1).Select(l => l[3..]), plain.Skip(1));
    }
}
