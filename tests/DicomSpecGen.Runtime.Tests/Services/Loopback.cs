using System.Net;
using DicomSpecGen.Association;
using DicomSpecGen.Dul;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>An SCP of ours on a free loopback port, and requestor options pointing at it.</summary>
internal static class Loopback
{
    public static readonly TransportOptions FastTransport = new() { ConnectTimeout = TimeSpan.FromSeconds(5), ReadTimeout = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(30) };

    public static AcceptorOptions Acceptor(IAssociationPolicy? policy = null, int maxAssociations = 8, DulEngine engine = DulEngine.Generated) => new()
    {
        Policy = policy ?? new DefaultAssociationPolicy(new AcceptorPolicyOptions
        {
            AeTitle = "DSGSCP",
            AbstractSyntaxes = new Dictionary<string, IReadOnlyList<string>>
            {
                [DicomUids.Verification] = [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian],
            },
        }),
        MaxAssociations = maxAssociations,
        Transport = FastTransport,
        ArtimTimeout = TimeSpan.FromSeconds(2),
        Engine = engine,
    };

    public static DicomServer StartServer(AcceptorOptions? options = null, IDimseRequestHandler? handler = null, Action<NegotiationExplanation>? explain = null)
        => DicomServer.Start(IPAddress.Loopback, 0, options ?? Acceptor(), handler ?? new DicomServiceProvider(new ServiceProviderOptions()), null, explain);

    public static RequestorOptions Requestor(int port, params PresentationContextProposal[] contexts) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        CallingAeTitle = "DSGTEST",
        CalledAeTitle = "DSGSCP",
        PresentationContexts = contexts.Length > 0 ? contexts : [new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])],
        Transport = FastTransport,
        ArtimTimeout = TimeSpan.FromSeconds(2),
        AssociateTimeout = TimeSpan.FromSeconds(10),
        ReleaseTimeout = TimeSpan.FromSeconds(10),
    };
}
