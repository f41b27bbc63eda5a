using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Pdu;
using DicomSpecGen.Interop.Tests.Peers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Interop.Tests.Dimse;

/// <summary>We send a C-STORE-RQ and a data set larger than the peer's maximum PDU to DCMTK's storescp: the
/// fragmenter splits it within storescp's limit, storescp stores the instance and answers with a C-STORE-RSP
/// that the reassembler and decoder read.</summary>
public class StorescpTests
{
    private const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";
    private const string ImplicitLittleEndian = "1.2.840.10008.1.2";
    private const string InstanceUid = "1.2.826.0.1.3680043.10.1.88";

    [Fact]
    public async Task StorescpStoresAFragmentedDataSetAndAnswersSuccess()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var dir = Directory.CreateTempSubdirectory("dsg-storescp-");
        var port = Dcmtk.FreePort();
        using var storescp = Dcmtk.Start("storescp", "-od", dir.FullName, "-aet", "DSGSCP", "--max-pdu", "16384", port.ToString());
        try
        {
            var dataSet = await MakeImplicitLittleEndianDataSetAsync(dir.FullName);
            using var client = await ConnectAsync(port, cts.Token);
            var stream = client.GetStream();

            await WriteAsync(stream, new AAssociateRq
            {
                CalledAeTitle = "DSGSCP",
                CallingAeTitle = "DSGSCU",
                VariableItems =
                [
                    new ApplicationContext { Name = "1.2.840.10008.3.1.1.1" },
                    new PresentationContextRq { PresentationContextId = 1, SubItems = [new AbstractSyntaxSubItem { Name = SecondaryCapture }, new TransferSyntaxSubItem { Name = ImplicitLittleEndian }] },
                    new UserInformation { SubItems = [new MaximumLength { MaximumLengthReceived = 16384 }, new ImplementationClassUid { ImplementationClassUidValue = "1.2.826.0.1.3680043.10.1" }] },
                ],
            }, cts.Token);
            var ac = Assert.IsType<AAssociateAc>(await ReadAsync(stream, cts.Token));
            var context = ac.VariableItems.OfType<PresentationContextAc>().Single();
            Assert.Equal(PresentationContextResult.Acceptance, context.Result);
            var peerMax = ac.VariableItems.OfType<UserInformation>().Single().SubItems.OfType<MaximumLength>().Single().MaximumLengthReceived;
            Assert.True(dataSet.Length > 2 * peerMax, "the data set must need several fragments");

            var rq = new CStoreRq { MessageID = 99, AffectedSOPClassUID = SecondaryCapture, AffectedSOPInstanceUID = InstanceUid, Priority = Priority.Medium };
            var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = peerMax });
            var pdus = 0;
            await fragmenter.SendAsync(context.PresentationContextId, rq, new MemoryStream(dataSet), async (pdv, ct) =>
            {
                var tf = DimseFragmenter.ToPDataTf(pdv);
                Assert.True(tf.GetEncodedLength() - PduFraming.HeaderLength <= peerMax);
                await WriteAsync(stream, tf, ct);
                pdus++;
            }, cts.Token);
            Assert.True(pdus >= 4);

            var reassembler = new DimseReassembler();
            DimseMessage? response = null;
            while (response == null)
            {
                var tf = Assert.IsType<PDataTf>(await ReadAsync(stream, cts.Token));
                foreach (var e in reassembler.AcceptPdu(tf)) response ??= e.Command;
            }
            var rsp = Assert.IsType<CStoreRsp>(response);
            Assert.Equal(DimseStatus.Success, rsp.Status);
            Assert.Equal(StatusClass.Success, DimseStatus.Lookup(DimseService.Storage, rsp.Status!.Value).Class);
            Assert.Empty(rsp.CheckAgainst(rq));

            await WriteAsync(stream, new AReleaseRq(), cts.Token);
            Assert.IsType<AReleaseRp>(await ReadAsync(stream, cts.Token));

            var stored = Assert.Single(Directory.GetFiles(dir.FullName, "*" + InstanceUid + "*"));
            var dump = await Dcmtk.RunAsync("dcmdump", TimeSpan.FromSeconds(20), stored);
            Assert.Contains("Fragment^Test", dump.Output);
            // storescp keeps the transfer syntax it received: its data set is the bytes we fragmented.
            Assert.Equal(dataSet, DataSetOf(await File.ReadAllBytesAsync(stored)));
        }
        finally
        {
            if (!storescp.HasExited) storescp.Kill();
            await storescp.WaitForExitAsync(CancellationToken.None);
            dir.Delete(recursive: true);
        }
    }

    private static async Task<TcpClient> ConnectAsync(int port, CancellationToken ct)
    {
        // storescp needs a moment to listen; retry for a bounded time.
        for (var attempt = 0; ; attempt++)
        {
            var client = new TcpClient { NoDelay = true };
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return client;
            }
            catch (SocketException) when (attempt < 100)
            {
                client.Dispose();
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>A 40 kB data set in Implicit VR Little Endian: a DCMTK file without its meta header.</summary>
    private static async Task<byte[]> MakeImplicitLittleEndianDataSetAsync(string dir)
    {
        var dump = Path.Combine(dir, "big.dump");
        var file = Path.Combine(dir, "big.dcm");
        await File.WriteAllLinesAsync(dump,
        [
            "(0008,0016) UI =SecondaryCaptureImageStorage",
            $"(0008,0018) UI [{InstanceUid}]",
            "(0010,0010) PN [Fragment^Test]",
            "(0029,0010) LO [DSG]",
            "(0029,1010) OB " + string.Join('\\', Enumerable.Range(0, 40000).Select(i => (i % 251).ToString("x2"))),
        ]);
        var made = await Dcmtk.RunAsync("dump2dcm", TimeSpan.FromSeconds(20), "+l", "200000", "+te", dump, file);
        Assert.True(made.ExitCode == 0, made.Output);
        var implicitFile = Path.Combine(dir, "big-ti.dcm");
        var converted = await Dcmtk.RunAsync("dcmconv", TimeSpan.FromSeconds(20), "+ti", file, implicitFile);
        Assert.True(converted.ExitCode == 0, converted.Output);
        var bytes = await File.ReadAllBytesAsync(implicitFile);
        File.Delete(file);
        File.Delete(implicitFile);
        return DataSetOf(bytes);
    }

    /// <summary>The data set of a DICOM file: after the preamble (128), "DICM" and the meta group, whose
    /// length is the value of (0002,0000) UL in Explicit VR (tag 4, VR 2, length 2, value 4).</summary>
    private static byte[] DataSetOf(byte[] file)
    {
        Assert.Equal("DICM"u8.ToArray(), file[128..132]);
        var metaLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(140));
        return file[(144 + metaLength)..];
    }

    private static async Task WriteAsync(NetworkStream stream, Protocol.Pdu pdu, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        await stream.WriteAsync(buffer.WrittenMemory, ct);
    }

    private static async Task<Protocol.Pdu> ReadAsync(NetworkStream stream, CancellationToken ct)
        => Protocol.Pdu.Read(new ReadOnlySequence<byte>(await EchoscuCaptureTests.ReadOnePduAsync(stream, ct)));
}
