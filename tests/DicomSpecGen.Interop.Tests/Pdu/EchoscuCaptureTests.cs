using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Protocol;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Interop.Tests.Pdu;

/// <summary>Bytes produced by DCMTK's echoscu parse with the generated codec, byte for byte, and DCMTK understands
/// what the codec writes.</summary>
public class EchoscuCaptureTests
{
    /// <summary>Accepts one connection and reads one whole PDU as raw bytes, using the generated framing header.</summary>
    internal static async Task<byte[]> ReadOnePduAsync(NetworkStream stream, CancellationToken ct)
    {
        var header = new byte[PduFraming.HeaderLength];
        await stream.ReadExactlyAsync(header, ct);
        PduFraming.TryReadHeader(new ReadOnlySequence<byte>(header), out _, out var length);
        Assert.True(length < 1 << 20, "associate PDU unreasonably large");
        var pdu = new byte[header.Length + length];
        header.CopyTo(pdu, 0);
        await stream.ReadExactlyAsync(pdu.AsMemory(header.Length), ct);
        return pdu;
    }

    private static async Task<(byte[] Rq, Dcmtk.Result Echo)> CaptureAsync(Func<NetworkStream, byte[], Task> answer, params string[] extraArgs)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        try
        {
            var echo = Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(20),
                [.. extraArgs, "-aet", "DSGTESTSCU", "-aec", "DSGTESTSCP", "127.0.0.1", port.ToString()]);
            using var client = await listener.AcceptTcpClientAsync(cts.Token);
            var stream = client.GetStream();
            var rq = await ReadOnePduAsync(stream, cts.Token);
            await answer(stream, rq);
            client.Close();
            return (rq, await echo);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static byte[] Encode(Protocol.Pdu pdu)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    [SpecRow("PS3.8 Table 9-12")]
    [SpecRow("PS3.8 Table 9-13")]
    [SpecRow("PS3.8 Table 9-14")]
    [SpecRow("PS3.8 Table 9-15")]
    [SpecRow("PS3.8 Table 9-16")]
    [SpecRow("PS3.8 Table D.1-1")]
    [SpecRow("PS3.7 Table D.3-1")]
    [SpecRow("PS3.7 Table D.3-3")]
    public async Task Associate_rq_from_echoscu_parses_and_reencodes_byte_for_byte()
    {
        var (bytes, _) = await CaptureAsync((_, _) => Task.CompletedTask);
        var rq = Assert.IsType<AAssociateRq>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes)));

        Assert.Equal("DSGTESTSCP", rq.CalledAeTitle);
        Assert.Equal("DSGTESTSCU", rq.CallingAeTitle);
        Assert.Equal(1, rq.ProtocolVersion & 1);
        Assert.Equal("1.2.840.10008.3.1.1.1", rq.VariableItems.OfType<ApplicationContext>().Single().Name);
        var context = rq.VariableItems.OfType<PresentationContextRq>().First();
        Assert.Equal(1, context.PresentationContextId);
        Assert.Equal("1.2.840.10008.1.1", context.SubItems.OfType<AbstractSyntaxSubItem>().Single().Name);
        Assert.Contains(context.SubItems.OfType<TransferSyntaxSubItem>(), t => t.Name == "1.2.840.10008.1.2");
        var user = rq.VariableItems.OfType<UserInformation>().Single();
        Assert.Equal(16384u, user.SubItems.OfType<MaximumLength>().Single().MaximumLengthReceived);
        Assert.StartsWith("1.2.276.0.7230010.3", user.SubItems.OfType<ImplementationClassUid>().Single().ImplementationClassUidValue);
        Assert.StartsWith("OFFIS_DCMTK", user.SubItems.OfType<ImplementationVersionName>().Single().ImplementationVersionNameValue);

        Assert.Equal(bytes, Encode(rq));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    [SpecRow("PS3.8 Table 9-13")]
    [SpecRow("PS3.8 Table D.1-1")]
    public async Task Associate_rq_with_many_contexts_and_a_larger_pdu_parses_byte_for_byte()
    {
        // -pdu changes the maximum length sub-item; --propose-* adds transfer syntaxes.
        var (bytes, _) = await CaptureAsync((_, _) => Task.CompletedTask, "-pdu", "131072", "-ppc", "5", "-pts", "3");
        var rq = Assert.IsType<AAssociateRq>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes)));
        var user = rq.VariableItems.OfType<UserInformation>().Single();
        Assert.Equal(131072u, user.SubItems.OfType<MaximumLength>().Single().MaximumLengthReceived);
        Assert.Equal(bytes, Encode(rq));
    }

    public static TheoryData<AssociateRejectResult, AssociateRejectReason, string, string> Rejections() => new()
    {
        { AssociateRejectResult.RejectedPermanent, AssociateRejectReason.CallingAeTitleNotRecognized, "Rejected Permanent", "Calling AE Title Not Recognized" },
        { AssociateRejectResult.RejectedPermanent, AssociateRejectReason.CalledAeTitleNotRecognized, "Rejected Permanent", "Called AE Title Not Recognized" },
        { AssociateRejectResult.RejectedTransient, AssociateRejectReason.LocalLimitExceeded, "Rejected Transient", "Local Limit Exceeded" },
        { AssociateRejectResult.RejectedTransient, AssociateRejectReason.TemporaryCongestion, "Rejected Transient", "Temporary Congestion" },
        { AssociateRejectResult.RejectedPermanent, AssociateRejectReason.ProtocolVersionNotSupported, "Rejected Permanent", "Protocol Version Not Supported" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    [SpecRow("PS3.8 Table 9-21")]
    [SpecRow("PS3.8 Table 9-21, Result 1")]
    [SpecRow("PS3.8 Table 9-21, Result 2")]
    [SpecRow("PS3.8 Table 9-21, Source 1")]
    [SpecRow("PS3.8 Table 9-21, Source 2")]
    [SpecRow("PS3.8 Table 9-21, Source 3")]
    [SpecRow("PS3.8 Table 9-21, Reason 3 (Source 1)")]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    [SpecRow("PS3.8 Table 9-21, Reason 2 (Source 2)")]
    [SpecRow("PS3.8 Table 9-21, Reason 1 (Source 3)")]
    [SpecRow("PS3.8 Table 9-21, Reason 2 (Source 3)")]
    public async Task Echoscu_reports_the_reject_result_source_and_reason_we_send(
        AssociateRejectResult result, AssociateRejectReason reason, string resultText, string reasonText)
    {
        var rj = new AAssociateRj { Result = result, Source = reason.Qualifier(), Reason = reason.ToWire() };
        var (_, echo) = await CaptureAsync(async (stream, _) => await stream.WriteAsync(Encode(rj)));

        Assert.NotEqual(0, echo.ExitCode);
        Assert.Contains("Association Rejected", echo.Output);
        Assert.Contains(resultText, echo.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(reasonText, echo.Output, StringComparison.OrdinalIgnoreCase);
    }
}
