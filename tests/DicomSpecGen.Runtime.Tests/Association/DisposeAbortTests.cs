using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Runtime.Tests.Dul;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>Disposing an association aborts it exactly where the A-ABORT request primitive (Evt15) has an action in
/// Table 9-10, and a P-DATA request is sent exactly where Evt9's cell is defined.</summary>
public class DisposeAbortTests
{
    [Fact]
    [SpecRow("PS3.8 Table 9-10, Evt15")]
    public void Dispose_aborts_in_the_states_of_Evt15s_defined_cells()
    {
        // The YAML row, read by the interpreter's parser, against the runtime's rule.
        var defined = DulHarness.Spec.Cells.Where(c => c.Event == "Evt15" && c.IsDefined).Select(c => c.State).Order(StringComparer.Ordinal).ToList();
        var aborting = Enum.GetValues<DulState>().Where(DicomAssociation.DisposeAborts).Select(s => s.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(defined, aborting);
        // Sta4 (AA-2) and the release-collision states Sta9-Sta12 (AA-1) are among them.
        Assert.Contains("Sta4", aborting);
        Assert.Contains("Sta10", aborting);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-10, Evt15/Sta9")]
    public async Task Disposing_during_a_release_collision_sends_an_A_ABORT()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var requesting = DicomAssociation.RequestAsync(Loopback.Requestor(port));
        using var peer = await listener.AcceptSocketAsync();
        await using var stream = new NetworkStream(peer);
        var rq = Assert.IsType<AAssociateRq>(await RawPdu.ReadAsync(stream));
        await stream.WriteAsync(RawPdu.Encode(AcceptAll(rq)));
        var association = await requesting;
        Assert.Equal(DulState.Sta6, association.State);

        // Our side requests release (Sta7); the peer's A-RELEASE-RQ crosses it: release collision, Sta9 (AR-8).
        var releasing = association.ReleaseAsync(TimeSpan.FromSeconds(10));
        Assert.IsType<AReleaseRq>(await RawPdu.ReadAsync(stream));
        await stream.WriteAsync(RawPdu.Encode(new AReleaseRq()));
        using (var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (association.State != DulState.Sta9) await Task.Delay(10, wait.Token);
        }

        await association.DisposeAsync();

        var abort = Assert.IsType<AAbort>(await RawPdu.ReadAsync(stream));
        Assert.Equal(AbortSource.ServiceUser, abort.Source);
        await releasing.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static AAssociateAc AcceptAll(AAssociateRq rq) => new()
    {
        CalledAeTitle = rq.CalledAeTitle,
        CallingAeTitle = rq.CallingAeTitle,
        VariableItems =
        [
            rq.VariableItems.OfType<ApplicationContext>().Single(),
            .. rq.VariableItems.OfType<PresentationContextRq>().Select(pc => new PresentationContextAc
            {
                PresentationContextId = pc.PresentationContextId,
                Result = PresentationContextResult.Acceptance,
                SubItems = [pc.SubItems.OfType<TransferSyntaxSubItem>().First()],
            }),
            new UserInformation { SubItems = [new MaximumLength { MaximumLengthReceived = 16384 }, new ImplementationClassUid { ImplementationClassUidValue = "1.2.3.4" }] },
        ],
    };

}
