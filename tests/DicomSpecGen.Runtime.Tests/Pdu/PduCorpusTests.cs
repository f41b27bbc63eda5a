using System.Buffers;
using DicomSpecGen.Protocol;

namespace DicomSpecGen.Runtime.Tests.Pdu;

/// <summary>PDUs captured between real DCMTK peers (tests/corpus/capture-pdus.py) parse and re-encode byte for byte.
/// Crashers found by fuzzing are added to the same folder and so become regression tests.</summary>
public class PduCorpusTests
{
    public static TheoryData<string> CorpusFiles() =>
        new(Directory.GetFiles(TestPaths.Corpus("pdu"), "*.bin").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Captured_pdu_round_trips(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Corpus("pdu"), file));
        var pdu = Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes));
        Assert.Equal(bytes[0], pdu.PduType);
        Assert.Equal(bytes, PduRoundTripTests.Encode(pdu));
    }

    [Fact]
    public void Corpus_holds_every_pdu_type_dcmtk_sends_in_echo_store_and_reject()
    {
        var types = Directory.GetFiles(TestPaths.Corpus("pdu"), "*.bin").Select(f => File.ReadAllBytes(f)[0]).ToHashSet();
        Assert.Superset(new HashSet<byte> { AAssociateRq.TypeCode, AAssociateAc.TypeCode, AAssociateRj.TypeCode, PDataTf.TypeCode, AReleaseRq.TypeCode, AReleaseRp.TypeCode }, types);
    }
}
