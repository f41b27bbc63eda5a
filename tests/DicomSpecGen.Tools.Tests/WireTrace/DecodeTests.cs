using DicomSpecGen.Protocol;
using DicomSpecGen.Tools.WireTrace;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Tools.Tests.WireTrace;

public class DecodeTests
{
    private static (int Exit, string Output) Decode(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "dsg-decode-" + Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, bytes);
        try
        {
            var output = new StringWriter();
            var exit = DecodeCommand.Run(new Args([path]), output);
            return (exit, output.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string LineOf(string output, string start)
        => Assert.Single(output.Split('\n'), l => l.TrimStart().StartsWith(start, StringComparison.Ordinal));

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    [SpecRow("PS3.8 Table 9-12")]
    [SpecRow("PS3.8 Table 9-13")]
    [SpecRow("PS3.8 Table 9-16")]
    public async Task Echoscu_associate_rq_prints_every_field_named_decoded_and_cited()
    {
        var bytes = await EchoscuCapture.CaptureAsync(accept: false);
        var (exit, output) = Decode(bytes);

        Assert.Equal(0, exit);
        Assert.StartsWith($"@0 ({bytes.Length} bytes)\nA-ASSOCIATE-RQ PDU ({bytes.Length} bytes)", output);
        Assert.EndsWith("[PS3.8 Table 9-11 (2024c)]", LineOf(output, "A-ASSOCIATE-RQ PDU").TrimEnd());
        Assert.Matches(@"^  CalledAeTitle\s+= ""DSGTESTSCP""\s+\[PS3\.8 Table 9-11, Called-AE-title \(2024c\)\]$", LineOf(output, "CalledAeTitle"));
        Assert.Matches(@"= ""DSGTESTSCU"".*\[PS3\.8 Table 9-11, Calling-AE-title \(2024c\)\]$", LineOf(output, "CallingAeTitle"));
        Assert.Matches(@"^  PduLength\s+= " + (bytes.Length - 6) + @"\s", LineOf(output, "PduLength"));
        // Nested items are indented under the PDU, each field with its own row.
        var appContext = LineOf(output, "Application Context Item");
        Assert.StartsWith("    Application Context Item", appContext);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("      Name", StringComparison.Ordinal) && l.Contains("\"1.2.840.10008.3.1.1.1\"") && l.Contains("[PS3.8 Table 9-12, Application-context-name (2024c)]"));
        Assert.Contains(output.Split('\n'), l => l.StartsWith("          Name", StringComparison.Ordinal) && l.Contains("\"1.2.840.10008.1.1\"") && l.Contains("Table 9-14, Abstract-syntax-name"));
        Assert.Contains(output.Split('\n'), l => l.Contains("ImplementationVersionNameValue") && l.Contains("\"OFFIS_DCMTK"));
        // Every field of every structure in the PDU is printed with a citation.
        var pdu = (AAssociateRq)Pdu.Read(new System.Buffers.ReadOnlySequence<byte>(bytes));
        foreach (var f in pdu.DescribeFields().Where(f => f.Value is string))
        {
            Assert.Contains(output.Split('\n'), l => l.StartsWith("  " + f.Name + " ", StringComparison.Ordinal) && l.EndsWith("[" + f.Citation + "]", StringComparison.Ordinal));
        }
        Assert.EndsWith("1 PDU(s) decoded, 0 error(s)\n", output);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-22")]
    [SpecRow("PS3.8 Table 9-23")]
    [SpecRow("PS3.8 Annex E.2")]
    public async Task Concatenated_pdus_of_an_echoscu_conversation_decode_in_order()
    {
        var bytes = await EchoscuCapture.CaptureAsync(accept: true);
        var (exit, output) = Decode(bytes);

        Assert.Equal(0, exit);
        var pdus = PduStreamDecoder.Decode(bytes);
        Assert.Equal(2, pdus.Count);
        Assert.IsType<AAssociateRq>(pdus[0].Pdu);
        var data = Assert.IsType<PDataTf>(pdus[1].Pdu);
        Assert.Equal(pdus[0].Length, pdus[1].Offset);
        Assert.Contains($"@{pdus[1].Offset} ({pdus[1].Length} bytes)\nP-DATA-TF PDU", output);
        // The C-ECHO-RQ command travels as one last command fragment on context 1.
        Assert.Equal(MessageControlHeader.Command | MessageControlHeader.LastFragment, data.Values.Single().MessageControlHeader);
        var dataPart = output[output.IndexOf("P-DATA-TF PDU", StringComparison.Ordinal)..];
        Assert.Matches(@"MessageControlHeader\s+= Command, LastFragment\s+\[PS3\.8 Annex E\.2, Message Control Header \(2024c\)\]", LineOf(dataPart, "MessageControlHeader"));
        Assert.Matches(@"^      PresentationContextId\s+= 1\s", LineOf(dataPart, "PresentationContextId"));
        Assert.EndsWith("2 PDU(s) decoded, 0 error(s)\n", output);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26")]
    [SpecRow("PS3.8 Table 9-26, Reason 1")]
    public void A_bad_pdu_is_reported_and_the_next_one_still_decodes()
    {
        byte[] unknown = [0x09, 0, 0, 0, 0, 4, 0, 0, 0, 0];
        byte[] abort = [0x07, 0, 0, 0, 0, 4, 0, 0, 2, 6];
        var (exit, output) = Decode([.. unknown, .. abort, 0x01, 0x00]);

        Assert.Equal(1, exit);
        var errors = output.Split('\n').Where(l => l.StartsWith("  ERROR ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains("PDU-type 0x09 is not defined → A-ABORT unrecognized-PDU", errors[0]);
        Assert.Matches(@"^  Reason\s+= InvalidPduParameterValue \(invalid-PDU-parameter value\)\s+\[PS3\.8 Table 9-26, Reason/Diag\. \(2024c\)\]$", LineOf(output, "Reason"));
        Assert.Contains("2 trailing byte(s)", output);
        Assert.EndsWith("1 PDU(s) decoded, 2 error(s)\n", output);
    }
}
