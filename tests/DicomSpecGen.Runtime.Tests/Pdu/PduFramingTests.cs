using System.Buffers;
using System.Buffers.Binary;
using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Pdu;

/// <summary><see cref="PduFraming.TryReadPdu"/> on byte arrays: the same PDUs whatever the split of the input, limits
/// and unknown types refused from the header alone, the buffer advanced only past whole PDUs.</summary>
public class PduFramingTests
{
    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }

    /// <summary>The bytes as two segments split at <paramref name="at"/> (the first or last may be empty).</summary>
    private static ReadOnlySequence<byte> Split(byte[] bytes, int at)
    {
        var first = new Segment(bytes.AsMemory(0, at));
        var last = first.Append(bytes.AsMemory(at));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private static readonly byte[][] Pdus = PduSamples.AllPdus().Select(PduRoundTripTests.Encode).ToArray();
    private static readonly byte[] Stream = Pdus.SelectMany(p => p).ToArray();

    /// <summary>Reads PDUs until the framing wants more; each is re-encoded at once (it may slice the input).</summary>
    private static (List<byte[]> Pdus, PduFrame Last, long Left) ReadAll(ReadOnlySequence<byte> buffer)
    {
        var read = new List<byte[]>();
        while (true)
        {
            var status = PduFraming.TryReadPdu(ref buffer, PduLimits.None, out var frame);
            if (status != PduReadStatus.Pdu)
            {
                Assert.Equal(PduReadStatus.NeedMoreData, status);
                return (read, frame, buffer.Length);
            }
            read.Add(PduRoundTripTests.Encode(frame.Pdu!));
            Assert.Equal(frame.Size, read[^1].Length);
        }
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, PDU-length")]
    public void Every_pdu_is_read_whatever_the_segment_split()
    {
        for (var at = 0; at <= Stream.Length; at++)
        {
            var (read, last, left) = ReadAll(Split(Stream, at));
            Assert.Equal(Pdus, read);
            Assert.Equal(0, left);
            Assert.False(last.HasHeader);
        }
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, PDU-length")]
    public void A_prefix_yields_the_whole_pdus_in_it_and_waits_for_the_rest()
    {
        var ends = new List<int>();
        foreach (var p in Pdus) ends.Add((ends.Count == 0 ? 0 : ends[^1]) + p.Length);
        for (var length = 0; length <= Stream.Length; length++)
        {
            var prefix = Stream.AsSpan(0, length).ToArray();
            var (read, last, left) = ReadAll(Split(prefix, length / 2));
            var whole = ends.Count(e => e <= length);
            Assert.Equal(Pdus.Take(whole), read);
            var start = whole == 0 ? 0 : ends[whole - 1];
            Assert.Equal(length - start, left);
            Assert.Equal(left >= PduFraming.HeaderLength, last.HasHeader);
            Assert.Equal(last.HasHeader ? Pdus.ElementAtOrDefault(whole)?.Length ?? 0 : PduFraming.HeaderLength, last.Size);
        }
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26, Reason 1")]
    public void An_unknown_pdu_type_is_refused_from_its_header_alone()
    {
        byte[] header = [0x09, 0, 0, 0, 0x10, 0];
        var buffer = new ReadOnlySequence<byte>(header);
        Assert.Equal(PduReadStatus.Error, PduFraming.TryReadPdu(ref buffer, PduLimits.None, out var frame));
        Assert.Equal(PduFramingErrorKind.UnknownPduType, frame.ErrorKind);
        Assert.Equal(AbortReason.UnrecognizedPdu, frame.Error!.AbortReason);
        Assert.Equal(PduFraming.HeaderLength + 0x1000L, frame.Size);
        Assert.Equal(header.Length, buffer.Length);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26, Reason 6")]
    public void A_length_over_the_limit_is_refused_before_the_body_arrives()
    {
        var limits = new PduLimits(MaxPDataLength: 1000, MaxOtherLength: 100);
        var data = PduRoundTripTests.Encode(PduSamples.DataTf());
        var buffer = new ReadOnlySequence<byte>(data, 0, PduFraming.HeaderLength);
        Assert.Equal(PduReadStatus.Error, PduFraming.TryReadPdu(ref buffer, limits, out var frame));
        Assert.Equal(PduFramingErrorKind.OverLimit, frame.ErrorKind);
        Assert.Equal(1000u, frame.Limit);
        Assert.Equal((uint)(data.Length - PduFraming.HeaderLength), frame.PduLength);
        Assert.Equal(PduFraming.HeaderLength, buffer.Length);

        // The other limit applies to every other PDU-type; at the limit the PDU is read.
        var rq = PduRoundTripTests.Encode(PduSamples.AssociateRq());
        var rqBuffer = new ReadOnlySequence<byte>(rq);
        Assert.Equal(PduReadStatus.Error, PduFraming.TryReadPdu(ref rqBuffer, limits, out frame));
        Assert.Equal(100u, frame.Limit);
        rqBuffer = new ReadOnlySequence<byte>(rq);
        Assert.Equal(PduReadStatus.Pdu, PduFraming.TryReadPdu(ref rqBuffer, new PduLimits(0, (uint)(rq.Length - PduFraming.HeaderLength)), out frame));
        Assert.IsType<AAssociateRq>(frame.Pdu);
        Assert.Equal(0, rqBuffer.Length);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, PDU-length")]
    public void A_malformed_body_is_an_error_once_whole_and_leaves_the_buffer_alone()
    {
        var rq = PduRoundTripTests.Encode(PduSamples.AssociateRq());
        // PDU-length one short: the last item no longer fits its PDU.
        BinaryPrimitives.WriteUInt32BigEndian(rq.AsSpan(2), (uint)(rq.Length - PduFraming.HeaderLength - 1));
        var partial = new ReadOnlySequence<byte>(rq, 0, rq.Length - 2);
        Assert.Equal(PduReadStatus.NeedMoreData, PduFraming.TryReadPdu(ref partial, PduLimits.None, out var frame));
        Assert.True(frame.HasHeader);
        var buffer = new ReadOnlySequence<byte>(rq);
        Assert.Equal(PduReadStatus.Error, PduFraming.TryReadPdu(ref buffer, PduLimits.None, out frame));
        Assert.Equal(PduFramingErrorKind.Malformed, frame.ErrorKind);
        Assert.IsType<PduFormatException>(frame.Error);
        Assert.Equal(rq.Length - 1, frame.Size);
        Assert.Equal(rq.Length, buffer.Length);
    }
}
