using System.Buffers;
using BenchmarkDotNet.Attributes;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Benchmarks.Pdu;

/// <summary>Parse and write of the PDUs on the hot paths: the A-ASSOCIATE-RQ (once per association) and the
/// P-DATA-TF (once per fragment). Allocations are reported: the P-DATA-TF goal is no copy of the fragment.</summary>
[MemoryDiagnoser]
public class PduCodecBenchmarks
{
    private byte[] _associateRq = [];
    private byte[] _dataTf = [];
    private AAssociateRq _rq = null!;
    private PDataTf _tf = null!;
    private readonly ArrayBufferWriter<byte> _writer = new(1 << 20);

    [GlobalSetup]
    public void Setup()
    {
        var contexts = Enumerable.Range(0, 16).Select(i => (PduItem)new PresentationContextRq
        {
            PresentationContextId = (byte)(2 * i + 1),
            SubItems = [new AbstractSyntaxSubItem { Name = "1.2.840.10008.5.1.4.1.1." + (i + 1) }, new TransferSyntaxSubItem { Name = "1.2.840.10008.1.2.1" }, new TransferSyntaxSubItem { Name = "1.2.840.10008.1.2" }],
        });
        _rq = new AAssociateRq
        {
            CalledAeTitle = "STORESCP",
            CallingAeTitle = "STORESCU",
            VariableItems =
            [
                new ApplicationContext { Name = "1.2.840.10008.3.1.1.1" },
                .. contexts,
                new UserInformation { SubItems = [new MaximumLength { MaximumLengthReceived = 16384 }, new ImplementationClassUid { ImplementationClassUidValue = "1.2.3.4.5" }, new ImplementationVersionName { ImplementationVersionNameValue = "DSG" }] },
            ],
        };
        _tf = new PDataTf
        {
            Values = [new PresentationDataValue { PresentationContextId = 1, MessageControlHeader = MessageControlHeader.LastFragment, Fragment = new ReadOnlySequence<byte>(new byte[16378]) }],
        };
        _associateRq = Encode(_rq);
        _dataTf = Encode(_tf);
    }

    private static byte[] Encode(Protocol.Pdu pdu)
    {
        var w = new ArrayBufferWriter<byte>();
        pdu.Write(w);
        return w.WrittenSpan.ToArray();
    }

    [Benchmark]
    public Protocol.Pdu ParseAssociateRq() => Protocol.Pdu.Read(new ReadOnlySequence<byte>(_associateRq));

    [Benchmark]
    public int WriteAssociateRq()
    {
        _writer.ResetWrittenCount();
        _rq.Write(_writer);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public Protocol.Pdu ParseDataTf16K() => Protocol.Pdu.Read(new ReadOnlySequence<byte>(_dataTf));

    /// <summary>The hot path: walk the PDVs in place (target: 0 B allocated).</summary>
    [Benchmark]
    public long WalkDataTf16K()
    {
        long total = 0;
        foreach (var pdv in PDataTf.EnumerateValues(new ReadOnlySequence<byte>(_dataTf))) total += pdv.Fragment.Length;
        return total;
    }

    [Benchmark]
    public int WriteDataTf16K()
    {
        _writer.ResetWrittenCount();
        _tf.Write(_writer);
        return _writer.WrittenCount;
    }
}
