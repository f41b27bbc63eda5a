using System.Buffers;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Peers;

namespace DicomSpecGen.Interop.Tests.Dimse;

/// <summary>Command sets captured from DCMTK are byte-identical to the ones we encode from the same fields,
/// and DCMTK accepts the responses we encode.</summary>
public class DcmtkCommandSetTests
{
    [Fact]
    public async Task EchoscuCEchoRqIsByteIdenticalToOursAndAcceptsOurCEchoRsp()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var scp = new MiniScp();
        var echo = Dcmtk.RunAsync("echoscu", TimeSpan.FromSeconds(30), "-aet", "DSGSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString());

        await scp.AcceptAssociationAsync(cts.Token);
        var (command, contextId, captured, dataSet) = await scp.ReceiveMessageAsync(cts.Token);

        var rq = Assert.IsType<CEchoRq>(command);
        Assert.Empty(dataSet);
        Assert.Empty(rq.UnknownElements);
        var ours = new CEchoRq { MessageID = rq.MessageID, AffectedSOPClassUID = "1.2.840.10008.1.1" };
        Assert.Equal(captured, ours.ToArray());

        var rsp = new CEchoRsp { MessageIDBeingRespondedTo = rq.MessageID, AffectedSOPClassUID = rq.AffectedSOPClassUID, Status = DimseStatus.Success };
        Assert.Empty(rsp.CheckAgainst(rq));
        await scp.SendAsync(contextId, rsp, cts.Token);
        await scp.ReleaseAsync(cts.Token);

        var result = await echo;
        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task StorescuCStoreRqIsByteIdenticalToOursAndItsDataSetArrivesWhole()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var dir = Directory.CreateTempSubdirectory("dsg-dimse-");
        try
        {
            var file = await MakeDicomFileAsync(dir.FullName);
            await using var scp = new MiniScp();
            var store = Dcmtk.RunAsync("storescu", TimeSpan.FromSeconds(30), "-aet", "DSGSCU", "-aec", "DSGSCP", "127.0.0.1", scp.Port.ToString(), file);

            await scp.AcceptAssociationAsync(cts.Token);
            var (command, contextId, captured, dataSet) = await scp.ReceiveMessageAsync(cts.Token);

            var rq = Assert.IsType<CStoreRq>(command);
            Assert.Equal("1.2.840.10008.5.1.4.1.1.7", rq.AffectedSOPClassUID);
            Assert.Equal("1.2.826.0.1.3680043.10.1.77", rq.AffectedSOPInstanceUID);
            Assert.True(rq.HasDataSet);
            var ours = new CStoreRq
            {
                MessageID = rq.MessageID,
                AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.1.7",
                AffectedSOPInstanceUID = "1.2.826.0.1.3680043.10.1.77",
                Priority = Priority.Medium,
            };
            Assert.Equal(captured, ours.ToArray());
            // The data set follows in data PDVs; it holds the patient name we wrote.
            Assert.Contains("Dimse^Test", System.Text.Encoding.ASCII.GetString(dataSet));

            await scp.SendAsync(contextId, new CStoreRsp
            {
                MessageIDBeingRespondedTo = rq.MessageID,
                AffectedSOPClassUID = rq.AffectedSOPClassUID,
                AffectedSOPInstanceUID = rq.AffectedSOPInstanceUID,
                Status = DimseStatus.Success,
            }, cts.Token);
            await scp.ReleaseAsync(cts.Token);

            var result = await store;
            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<string> MakeDicomFileAsync(string dir)
    {
        var dump = Path.Combine(dir, "sc.dump");
        var file = Path.Combine(dir, "sc.dcm");
        await File.WriteAllLinesAsync(dump,
        [
            "(0008,0016) UI =SecondaryCaptureImageStorage",
            "(0008,0018) UI [1.2.826.0.1.3680043.10.1.77]",
            "(0010,0010) PN [Dimse^Test]",
            "(0010,0020) LO [DSG1]",
            "(0020,000d) UI [1.2.826.0.1.3680043.10.1.78]",
            "(0020,000e) UI [1.2.826.0.1.3680043.10.1.79]",
        ]);
        var result = await Dcmtk.RunAsync("dump2dcm", TimeSpan.FromSeconds(20), dump, file);
        Assert.True(result.ExitCode == 0, result.Output);
        return file;
    }
}
