using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Tools.Tests.WireTrace;

/// <summary>Captures the PDUs DCMTK's echoscu sends to a TcpListener: its A-ASSOCIATE-RQ, and (when we accept with
/// a generated A-ASSOCIATE-AC) the P-DATA-TF carrying its C-ECHO-RQ. Then we abort. Bounded by a timeout.</summary>
internal static class EchoscuCapture
{
    public static async Task<byte[]> CaptureAsync(bool accept)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var echo = StartEchoscu(port);
        try
        {
            using var client = await listener.AcceptTcpClientAsync(cts.Token);
            var stream = client.GetStream();
            var captured = new List<byte>(await ReadPduAsync(stream, cts.Token));
            if (accept)
            {
                await stream.WriteAsync(Encode(AcceptVerification()), cts.Token);
                captured.AddRange(await ReadPduAsync(stream, cts.Token));
            }
            await stream.WriteAsync(Encode(new AAbort { Source = AbortSource.ServiceUser }), cts.Token);
            return [.. captured];
        }
        finally
        {
            listener.Stop();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await echo.WaitForExitAsync(wait.Token); }
            catch (OperationCanceledException) { echo.Kill(entireProcessTree: true); }
        }
    }

    private static AAssociateAc AcceptVerification() => new()
    {
        CalledAeTitle = "DSGTESTSCP",
        CallingAeTitle = "DSGTESTSCU",
        VariableItems =
        [
            new ApplicationContext { Name = "1.2.840.10008.3.1.1.1" },
            new PresentationContextAc { PresentationContextId = 1, Result = PresentationContextResult.Acceptance, SubItems = [new TransferSyntaxSubItem { Name = "1.2.840.10008.1.2" }] },
            new UserInformation { SubItems = [new MaximumLength { MaximumLengthReceived = 16384 }, new ImplementationClassUid { ImplementationClassUidValue = "1.2.826.0.1.3680043.10.1" }] },
        ],
    };

    private static Process StartEchoscu(int port)
    {
        var info = new ProcessStartInfo("echoscu")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-aet", "DSGTESTSCU", "-aec", "DSGTESTSCP", "127.0.0.1", port.ToString() }) info.ArgumentList.Add(a);
        info.Environment["TCP_NODELAY"] = "1";
        var process = Process.Start(info) ?? throw new InvalidOperationException("echoscu did not start (apt-get install -y dcmtk)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<byte[]> ReadPduAsync(NetworkStream stream, CancellationToken ct)
    {
        var header = new byte[PduFraming.HeaderLength];
        await stream.ReadExactlyAsync(header, ct);
        PduFraming.TryReadHeader(new ReadOnlySequence<byte>(header), out _, out var length);
        Assert.True(length < 1 << 20, "PDU unreasonably large");
        var pdu = new byte[header.Length + length];
        header.CopyTo(pdu, 0);
        await stream.ReadExactlyAsync(pdu.AsMemory(header.Length), ct);
        return pdu;
    }

    private static byte[] Encode(Pdu pdu)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
