using System.Buffers;
using BenchmarkDotNet.Attributes;
using DicomSpecGen.Dimse;

namespace DicomSpecGen.Benchmarks.Dimse;

/// <summary>Command-set encode/decode of the messages on the hot path of a store (C-STORE-RQ/RSP), and
/// fragmenting a 1 MiB data set into 16 KiB PDVs.</summary>
[MemoryDiagnoser]
public class DimseCodecBenchmarks
{
    private readonly ArrayBufferWriter<byte> _writer = new(4096);
    private readonly CStoreRq _rq = new()
    {
        MessageID = 17,
        AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.1.2",
        AffectedSOPInstanceUID = "1.2.826.0.1.3680043.10.1.1234567890.1234567890",
        Priority = Priority.Medium,
    };
    private ReadOnlySequence<byte> _rqBytes;
    private ReadOnlySequence<byte> _rspBytes;
    private readonly byte[] _dataSet = new byte[1 << 20];
    private readonly DimseFragmenter _fragmenter = new(new DimseFragmenterOptions { PeerMaxPduLength = 16384 });

    [GlobalSetup]
    public void Setup()
    {
        _rqBytes = new ReadOnlySequence<byte>(_rq.ToArray());
        _rspBytes = new ReadOnlySequence<byte>(new CStoreRsp { MessageIDBeingRespondedTo = 17, AffectedSOPClassUID = _rq.AffectedSOPClassUID, AffectedSOPInstanceUID = _rq.AffectedSOPInstanceUID, Status = 0 }.ToArray());
    }

    [Benchmark]
    public int EncodeCStoreRq()
    {
        _writer.ResetWrittenCount();
        _rq.Encode(_writer);
        return _writer.WrittenCount;
    }

    [Benchmark]
    public DimseMessage DecodeCStoreRq() => DimseMessage.Decode(_rqBytes);

    [Benchmark]
    public DimseMessage DecodeCStoreRsp() => DimseMessage.Decode(_rspBytes);

    [Benchmark]
    public async Task<long> FragmentOneMebibyteDataSet()
    {
        long total = 0;
        await foreach (var pdv in _fragmenter.FragmentDataSetAsync(1, new MemoryStream(_dataSet, writable: false)))
        {
            total += pdv.Payload.Length;
        }
        return total;
    }
}
