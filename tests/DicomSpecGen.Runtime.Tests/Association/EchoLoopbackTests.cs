using DicomSpecGen.Association;
using DicomSpecGen.Dimse;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Registry;
using DicomSpecGen.Runtime.Tests.Services;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.Association;

/// <summary>Our requestor against our acceptor over real sockets, on both DUL engines.</summary>
public class EchoLoopbackTests
{
    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public async Task Echo_associates_succeeds_and_releases(DulEngine engine)
    {
        await using var server = Loopback.StartServer(Loopback.Acceptor(engine: engine));
        var options = Loopback.Requestor(server.Port) with { Engine = engine };
        await using var client = await DicomClient.ConnectAsync(options);
        Assert.Equal(DulState.Sta6, client.Association.State);
        var context = Assert.Single(client.Association.Contexts);
        Assert.True(context.IsAccepted);
        Assert.Equal(DicomUids.ImplicitVRLittleEndian, context.TransferSyntax);
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        Assert.Equal(DimseStatus.Success, await client.EchoAsync());
        await client.ReleaseAsync();
        Assert.Equal(DulState.Sta1, client.Association.State);
        Assert.Null(client.Association.Failure);
    }

    [Fact]
    public async Task Asking_for_a_context_that_was_not_accepted_names_it_and_the_result()
    {
        await using var server = Loopback.StartServer();
        var options = Loopback.Requestor(server.Port,
            new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]),
            new PresentationContextProposal(3, DicomUids.CTImageStorage, [DicomUids.ImplicitVRLittleEndian]));
        await using var client = await DicomClient.ConnectAsync(options);
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, client.Association.GetContext(3).Result);
        var e = Assert.Throws<PresentationContextNotAcceptedException>(() => client.Association.GetAcceptedContextId(DicomUids.CTImageStorage));
        Assert.Contains("#3", e.Message);
        Assert.Contains("CT Image Storage", e.Message);
        Assert.Contains("abstract-syntax-not-supported", e.Message);
        var wrongTs = Assert.Throws<PresentationContextNotAcceptedException>(() => client.Association.GetAcceptedContextId(DicomUids.Verification, DicomUids.ExplicitVRLittleEndian));
        Assert.Contains("Implicit VR Little Endian instead", wrongTs.Message);
        await client.ReleaseAsync();
    }
}
