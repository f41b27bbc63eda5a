using System.Buffers;
using System.Net;
using System.Net.Sockets;
using DicomSpecGen.Dimse;
using DicomSpecGen.Interop.Tests.Pdu;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Interop.Tests.Dimse;

/// <summary>A one-association acceptor for tests: accepts every proposed presentation context with its
/// first transfer syntax, then reads and writes DIMSE messages through the fragmenter and reassembler.</summary>
internal sealed class MiniScp : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private TcpClient? _client;
    private NetworkStream? _stream;

    public MiniScp()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>The peer's Maximum Length Received from its A-ASSOCIATE-RQ.</summary>
    public uint PeerMaxPduLength { get; private set; }

    public Dictionary<byte, string> AcceptedContexts { get; } = new();

    public async Task AcceptAssociationAsync(CancellationToken ct)
    {
        _client = await _listener.AcceptTcpClientAsync(ct);
        _stream = _client.GetStream();
        var rq = Assert.IsType<AAssociateRq>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(await EchoscuCaptureTests.ReadOnePduAsync(_stream, ct))));
        PeerMaxPduLength = rq.VariableItems.OfType<UserInformation>().Single().SubItems.OfType<MaximumLength>().Single().MaximumLengthReceived;
        var items = new List<PduItem> { new ApplicationContext { Name = "1.2.840.10008.3.1.1.1" } };
        foreach (var pc in rq.VariableItems.OfType<PresentationContextRq>())
        {
            var ts = pc.SubItems.OfType<TransferSyntaxSubItem>().First().Name;
            AcceptedContexts[pc.PresentationContextId] = pc.SubItems.OfType<AbstractSyntaxSubItem>().Single().Name;
            items.Add(new PresentationContextAc
            {
                PresentationContextId = pc.PresentationContextId,
                Result = PresentationContextResult.Acceptance,
                SubItems = [new TransferSyntaxSubItem { Name = ts }],
            });
        }
        items.Add(new UserInformation
        {
            SubItems = [new MaximumLength { MaximumLengthReceived = 16384 }, new ImplementationClassUid { ImplementationClassUidValue = "1.2.826.0.1.3680043.10.1" }],
        });
        await WriteAsync(new AAssociateAc { CalledAeTitle = rq.CalledAeTitle, CallingAeTitle = rq.CallingAeTitle, VariableItems = items }, ct);
    }

    /// <summary>Reads P-DATA-TF PDUs until a message is complete; returns its command, the raw command set and the data set bytes.</summary>
    public async Task<(DimseMessage Command, byte ContextId, byte[] CommandSet, byte[] DataSet)> ReceiveMessageAsync(CancellationToken ct)
    {
        var reassembler = new DimseReassembler();
        var commandSet = new MemoryStream();
        var dataSet = new MemoryStream();
        DimseMessage? command = null;
        byte contextId = 0;
        while (true)
        {
            var bytes = await EchoscuCaptureTests.ReadOnePduAsync(_stream!, ct);
            var pdu = Assert.IsType<PDataTf>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes)));
            foreach (var pdv in pdu.Values.Where(v => (v.MessageControlHeader & MessageControlHeader.Command) != 0))
            {
                commandSet.Write(pdv.Fragment.ToArray());
            }
            foreach (var e in reassembler.AcceptPdu(pdu))
            {
                if (e.Kind == ReassemblyEventKind.Command) (command, contextId) = (e.Command, e.PresentationContextId);
                if (e.Kind == ReassemblyEventKind.DataFragment) dataSet.Write(e.Data.ToArray());
                if (e.MessageComplete) return (command!, contextId, commandSet.ToArray(), dataSet.ToArray());
            }
        }
    }

    public async Task SendAsync(byte contextId, DimseMessage message, CancellationToken ct)
    {
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = PeerMaxPduLength });
        await fragmenter.SendAsync(contextId, message, (Stream?)null, async (pdv, token) => await WriteAsync(DimseFragmenter.ToPDataTf(pdv), token), ct);
    }

    /// <summary>Answers the peer's A-RELEASE-RQ.</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        var rq = Protocol.Pdu.Read(new ReadOnlySequence<byte>(await EchoscuCaptureTests.ReadOnePduAsync(_stream!, ct)));
        Assert.IsType<AReleaseRq>(rq);
        await WriteAsync(new AReleaseRp(), ct);
    }

    private async Task WriteAsync(Protocol.Pdu pdu, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        await _stream!.WriteAsync(buffer.WrittenMemory, ct);
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _listener.Stop();
        return ValueTask.CompletedTask;
    }
}
