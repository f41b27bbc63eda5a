using System.Buffers;
using System.IO.Pipelines;
using DicomSpecGen.Dimse;
using DicomSpecGen.Transport;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Fragmenting messages into PDVs (PS3.8 E.1) and reassembling them with the header checks.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public class FragmentationTests
{
    private const byte Context = 3;

    [Theory]
    [InlineData(0u, 1 << 20)]  // no limit: one fragment
    [InlineData(16384u, 16378)]
    [InlineData(7u, 0)]        // 7 - 6 = 1, rounded down to even = 0: too small
    [InlineData(8u, 2)]
    [InlineData(9u, 2)]        // odd room rounds down to even
    [InlineData(4294967295u, 1 << 20)]
    public void MaxFragmentLengthHonoursThePeerLimit(uint maxPdu, int expected)
    {
        if (expected == 0)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = maxPdu }));
            return;
        }
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = maxPdu });
        Assert.Equal(expected, fragmenter.MaxFragmentLength);
        Assert.True(fragmenter.MaxFragmentLength + PdvLayout.ItemOverhead <= maxPdu || maxPdu == 0);
    }

    public static IEnumerable<object[]> CommandBoundaries()
    {
        var length = new CStoreRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.1.7", AffectedSOPInstanceUID = "1.2.3.4", Priority = Priority.Medium }.EncodedLength;
        // Fragment room exactly the command length, one less (even), one more, tiny, and huge.
        foreach (var room in new[] { length, length - 2, length + 2, 2, 4, 10, length / 2 })
        {
            yield return new object[] { (uint)(room + PdvLayout.ItemOverhead) };
        }
        yield return new object[] { 0u };
    }

    [Theory]
    [MemberData(nameof(CommandBoundaries))]
    public void CommandFragmentsRespectMaxPduAndReassemble(uint maxPdu)
    {
        var rq = new CStoreRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.1.7", AffectedSOPInstanceUID = "1.2.3.4", Priority = Priority.Medium };
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = maxPdu });
        var commandSet = rq.ToArray();

        var pdvs = fragmenter.FragmentCommand(Context, commandSet).ToList();

        Assert.Equal((commandSet.Length + fragmenter.MaxFragmentLength - 1) / fragmenter.MaxFragmentLength, pdvs.Count);
        Assert.All(pdvs, p =>
        {
            Assert.True(p.IsCommand);
            Assert.Equal(Context, p.PresentationContextId);
            Assert.True(maxPdu == 0 || p.Payload.Length + PdvLayout.ItemOverhead <= maxPdu);
            Assert.Equal(0, p.Payload.Length % 2);
        });
        Assert.Equal(pdvs.Select((_, i) => i == pdvs.Count - 1), pdvs.Select(p => p.IsLast));

        var reassembler = new DimseReassembler();
        var events = pdvs.Select(reassembler.Accept).ToList();
        Assert.All(events.Take(events.Count - 1), e => Assert.Equal(ReassemblyEventKind.None, e.Kind));
        var last = events[^1];
        Assert.Equal(ReassemblyEventKind.Command, last.Kind);
        Assert.False(last.MessageComplete); // C-STORE-RQ announces a data set
        Assert.Equal(commandSet, last.Command!.ToArray());
        Assert.True(reassembler.InMessage);
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(2, 16)]
    [InlineData(16, 16)]       // exactly one full fragment: it is the last
    [InlineData(18, 16)]
    [InlineData(32, 16)]       // exactly two full fragments
    [InlineData(100_002, 1000)]
    [InlineData(4096, 4096)]
    public async Task DataSetStreamFragmentsAndReassembles(int size, int room)
    {
        var data = Pattern(size);
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = (uint)(room + PdvLayout.ItemOverhead) });

        var received = new MemoryStream();
        var count = 0;
        var lastSeen = false;
        await foreach (var pdv in fragmenter.FragmentDataSetAsync(Context, new MemoryStream(data)))
        {
            Assert.False(lastSeen);
            Assert.False(pdv.IsCommand);
            Assert.True(pdv.Payload.Length <= room);
            received.Write(pdv.Payload.ToArray());
            lastSeen = pdv.IsLast;
            count++;
        }

        Assert.True(lastSeen);
        Assert.Equal(Math.Max(1, (size + room - 1) / room), count);
        Assert.Equal(data, received.ToArray());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(263_000, false)]     // exactly one read chunk (263 fragments of 1000): the look-ahead finds the end
    [InlineData(263_000, true)]
    [InlineData(263_002, false)]     // one byte pair into the second chunk
    [InlineData(526_000, true)]      // exactly two chunks
    [InlineData(1_000_000, false)]
    public async Task DataSetStreamFragmentsAcrossReadChunks(int size, bool seekable)
    {
        var data = Pattern(size);
        const int room = 1000;
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = room + (uint)PdvLayout.ItemOverhead });
        var source = new CountingStream(new MemoryStream(data), seekable);

        await AssertWholeFragmentsAsync(fragmenter.FragmentDataSetAsync(Context, source), data, room);
    }

    /// <summary>The fragments carry <paramref name="data"/> in order, each full (<paramref name="room"/> bytes) but the
    /// last, which alone is marked last; as many as the data needs (one for none).</summary>
    private static async Task AssertWholeFragmentsAsync(IAsyncEnumerable<PdvFragment> pdvs, byte[] data, int room)
    {
        var received = new MemoryStream();
        var fragments = new List<(int Length, bool Last)>();
        await foreach (var pdv in pdvs)
        {
            received.Write(pdv.Payload.ToArray());
            fragments.Add(((int)pdv.Payload.Length, pdv.IsLast));
        }
        Assert.Equal(data, received.ToArray());
        Assert.All(fragments.Take(fragments.Count - 1), f => Assert.Equal((room, false), f));
        Assert.True(fragments[^1].Last);
        Assert.Equal(Math.Max(1, (data.Length + room - 1) / room), fragments.Count);
    }

    [Fact]
    public async Task DataSetStreamIsReadInChunksOfManyFragments()
    {
        // 4 MiB at storescp's default limit (16378-byte fragments): 257 fragments, read in chunks of at least
        // ReadChunkBytes, so a few reads per megabyte instead of one per fragment.
        var data = Pattern(4 << 20);
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = 16384 });
        var source = new CountingStream(new MemoryStream(data), seekable: false);
        var fragments = 0;
        await foreach (var _ in fragmenter.FragmentDataSetAsync(Context, source)) fragments++;

        Assert.Equal((data.Length + 16377) / 16378, fragments);
        Assert.InRange(source.Reads, 1, data.Length / DimseFragmenter.ReadChunkBytes + 4);
    }

    [Theory]
    [InlineData(0, 16, 5)]
    [InlineData(16, 16, 16)]
    [InlineData(34, 16, 3)]
    [InlineData(50_000, 1000, 777)]
    public async Task DataSetPipeFragmentsAndReassembles(int size, int room, int writeChunk)
    {
        var data = Pattern(size);
        var pipe = new Pipe();
        var writer = Task.Run(async () =>
        {
            for (var offset = 0; offset < size; offset += writeChunk)
            {
                await pipe.Writer.WriteAsync(data.AsMemory(offset, Math.Min(writeChunk, size - offset)));
            }
            await pipe.Writer.CompleteAsync();
        });
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = (uint)(room + PdvLayout.ItemOverhead) });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await AssertWholeFragmentsAsync(fragmenter.FragmentDataSetAsync(Context, pipe.Reader, timeout.Token), data, room);
        await writer;
    }

    [Fact]
    public async Task LargeDataSetStreamsInBoundedMemory()
    {
        const long size = 64L << 20;
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = 16384 });
        var source = new PatternStream(size);
        var buffers = new HashSet<byte[]>(ReferenceEqualityComparer.Instance);
        long total = 0;
        // The source completes synchronously, so the enumeration stays on this thread and the
        // thread's allocation counter is not disturbed by tests running in parallel.
        var before = GC.GetAllocatedBytesForCurrentThread();

        await foreach (var pdv in fragmenter.FragmentDataSetAsync(Context, source))
        {
            total += pdv.Payload.Length;
            Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(pdv.Payload.First, out var segment));
            buffers.Add(segment.Array!);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(size, total);
        Assert.True(buffers.Count <= 2, $"{buffers.Count} distinct fragment buffers");
        Assert.True(allocated < 4L << 20, $"allocated {allocated} bytes for a {size}-byte data set");
    }

    [Fact]
    public async Task SendAsyncSendsCommandThenDataAndReassemblerStreamsData()
    {
        var rq = new CStoreRq { MessageID = 42, AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.1.7", AffectedSOPInstanceUID = "1.2.3.4.5", Priority = Priority.Low };
        var data = Pattern(10_000);
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = 64 });
        var reassembler = new DimseReassembler();
        var events = new List<ReassemblyEvent>();
        var received = new MemoryStream();

        await fragmenter.SendAsync(Context, rq, new MemoryStream(data), (pdv, _) =>
        {
            Assert.True(pdv.Payload.Length + PdvLayout.ItemOverhead <= 64);
            var e = reassembler.Accept(pdv);
            if (e.Kind == ReassemblyEventKind.DataFragment) received.Write(e.Data.ToArray()); // the payload is reused afterwards
            events.Add(e);
            return ValueTask.CompletedTask;
        });

        var command = Assert.Single(events, e => e.Kind == ReassemblyEventKind.Command);
        Assert.Equal(rq.ToArray(), command.Command!.ToArray());
        Assert.Single(events, e => e.MessageComplete);
        Assert.True(events[^1].MessageComplete);
        Assert.Equal(data, received.ToArray());
        Assert.False(reassembler.InMessage);
    }

    [Fact]
    public async Task SendAsyncFromAPipeSendsCommandThenData()
    {
        var rq = new NSetRq { MessageID = 3, RequestedSOPClassUID = "1.2.840.10008.5.1.1.1", RequestedSOPInstanceUID = "1.2.3" };
        var data = Pattern(300);
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(data);
        await pipe.Writer.CompleteAsync();
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = 70 });
        var reassembler = new DimseReassembler();
        var received = new MemoryStream();
        DimseMessage? command = null;

        await fragmenter.SendAsync(Context, rq, pipe.Reader, (pdv, _) =>
        {
            var e = reassembler.Accept(pdv);
            command ??= e.Command;
            if (e.Kind == ReassemblyEventKind.DataFragment) received.Write(e.Data.ToArray());
            return ValueTask.CompletedTask;
        });

        Assert.True(rq.HasDataSet); // Modification List, usage M
        Assert.Equal(rq.ToArray(), Assert.IsType<NSetRq>(command).ToArray());
        Assert.Equal(data, received.ToArray());
        Assert.False(reassembler.InMessage);
    }

    [Fact]
    public async Task SendAsyncRejectsADataSetTheCommandDoesNotAnnounce()
    {
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions());
        var echo = new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" };
        await Assert.ThrowsAsync<ArgumentException>(() => fragmenter.SendAsync(1, echo, new MemoryStream(new byte[2]), (_, _) => ValueTask.CompletedTask));
        var store = new CStoreRq { MessageID = 1, AffectedSOPClassUID = "1.2", AffectedSOPInstanceUID = "1.3", Priority = Priority.Low };
        await Assert.ThrowsAsync<ArgumentException>(() => fragmenter.SendAsync(1, store, (Stream?)null, (_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public void MessageWithoutDataSetCompletesOnItsCommand()
    {
        var reassembler = new DimseReassembler();
        var bytes = new CEchoRsp { MessageIDBeingRespondedTo = 1, Status = 0 }.ToArray();

        var e = reassembler.Accept(new PdvFragment(Context, true, true, bytes));

        Assert.Equal(ReassemblyEventKind.Command, e.Kind);
        Assert.True(e.MessageComplete);
        Assert.False(reassembler.InMessage);
    }

    [Fact]
    public void DataBeforeCommandIsRejected()
    {
        var reassembler = new DimseReassembler();
        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, false, true, new byte[2])));
        Assert.Equal(DimseReassemblyError.DataBeforeCommand, e.Error);
        Assert.Equal("PS3.8 E.2 (2013)", e.Rule);
    }

    [Fact]
    public void DataBeforeTheLastCommandFragmentIsRejected()
    {
        var reassembler = new DimseReassembler();
        var bytes = StoreRq();
        reassembler.Accept(new PdvFragment(Context, true, false, bytes.AsMemory(0, 10)));

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, false, false, new byte[2])));

        Assert.Equal(DimseReassemblyError.DataBeforeCommand, e.Error);
        Assert.False(reassembler.InMessage); // reset after the error
    }

    [Fact]
    public void DataAfterAMessageWithoutDataSetIsRejected()
    {
        var reassembler = new DimseReassembler();
        reassembler.Accept(new PdvFragment(Context, true, true, new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray()));

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, false, true, new byte[4])));

        Assert.Equal(DimseReassemblyError.DataBeforeCommand, e.Error);
    }

    [Fact]
    public void PresentationContextChangeWithinAMessageIsRejected()
    {
        var reassembler = new DimseReassembler();
        var bytes = StoreRq();
        reassembler.Accept(new PdvFragment(Context, true, true, bytes));

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context + 2, false, true, new byte[2])));

        Assert.Equal(DimseReassemblyError.PresentationContextChanged, e.Error);
        Assert.Equal("PS3.8 E.1 (2013)", e.Rule);
    }

    [Fact]
    public void PresentationContextChangeBetweenCommandFragmentsIsRejected()
    {
        var reassembler = new DimseReassembler();
        var bytes = StoreRq();
        reassembler.Accept(new PdvFragment(Context, true, false, bytes.AsMemory(0, 20)));

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(5, true, true, bytes.AsMemory(20))));

        Assert.Equal(DimseReassemblyError.PresentationContextChanged, e.Error);
    }

    [Fact]
    public void CommandDuringDataSetIsRejected()
    {
        var reassembler = new DimseReassembler();
        reassembler.Accept(new PdvFragment(Context, true, true, StoreRq()));
        reassembler.Accept(new PdvFragment(Context, false, false, new byte[4]));

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, true, true, StoreRq())));

        Assert.Equal(DimseReassemblyError.CommandAfterLastFragment, e.Error);
    }

    [Fact]
    public void OddFragmentIsRejected()
    {
        var reassembler = new DimseReassembler();
        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, true, false, new byte[3])));
        Assert.Equal(DimseReassemblyError.OddFragmentLength, e.Error);
    }

    [Fact]
    public void EndlessCommandIsBounded()
    {
        var reassembler = new DimseReassembler(maxCommandSetLength: 64);
        reassembler.Accept(new PdvFragment(Context, true, false, new byte[60]));
        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, true, false, new byte[8])));
        Assert.Equal(DimseReassemblyError.CommandSetTooLong, e.Error);
    }

    [Fact]
    public void InvalidCommandSetCitesTheBrokenRow()
    {
        var reassembler = new DimseReassembler();
        var bytes = CommandSetCodecTests.Strip(new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray(), CommandElement.MessageID);

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.Accept(new PdvFragment(Context, true, true, bytes)));

        Assert.Equal(DimseReassemblyError.InvalidCommandSet, e.Error);
        Assert.StartsWith("PS3.7 Table 9.3-12, Message ID (0000,0110)", e.Rule);
        Assert.IsType<DimseException>(e.InnerException);
    }

    [Fact]
    public void PduMixingTwoMessagesIsRejected()
    {
        var reassembler = new DimseReassembler();
        var echo = new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray();

        var e = Assert.Throws<DimseReassemblyException>(() => reassembler.AcceptPdu(new[]
        {
            new PdvFragment(Context, true, true, echo),
            new PdvFragment(Context, true, true, echo),
        }));

        Assert.Equal(DimseReassemblyError.MixedMessagesInPdu, e.Error);
    }

    [Fact]
    public void OnePduMayCarryCommandAndData()
    {
        var reassembler = new DimseReassembler();

        var events = reassembler.AcceptPdu(new[]
        {
            new PdvFragment(Context, true, true, StoreRq()),
            new PdvFragment(Context, false, false, new byte[] { 1, 2 }),
            new PdvFragment(Context, false, false, ReadOnlyMemory<byte>.Empty), // empty PDVs are accepted (PS3.8 E.1 note)
            new PdvFragment(Context, false, true, new byte[] { 3, 4 }),
        });

        Assert.Equal(new[] { ReassemblyEventKind.Command, ReassemblyEventKind.DataFragment, ReassemblyEventKind.DataFragment, ReassemblyEventKind.DataFragment }, events.Select(e => e.Kind));
        Assert.Equal(new[] { false, false, false, true }, events.Select(e => e.MessageComplete));
    }

    [Fact]
    public void PDataTfPdusFromTheFragmenterStayWithinMaxPduAndReassembleThroughTheCodec()
    {
        const uint maxPdu = 32;
        var rq = new CFindRq { MessageID = 11, AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.2.2.1", Priority = Priority.Medium };
        var fragmenter = new DimseFragmenter(new DimseFragmenterOptions { PeerMaxPduLength = maxPdu });
        var reassembler = new DimseReassembler();
        DimseMessage? decoded = null;

        foreach (var pdv in fragmenter.FragmentCommand(7, rq.ToArray()))
        {
            var writer = new ArrayBufferWriter<byte>();
            DimseFragmenter.ToPDataTf(pdv).Write(writer);
            Assert.True(writer.WrittenCount - Protocol.PduFraming.HeaderLength <= maxPdu);
            var pdu = Assert.IsType<Protocol.PDataTf>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(writer.WrittenMemory)));
            Assert.Equal(pdv.IsLast ? Protocol.MessageControlHeader.Command | Protocol.MessageControlHeader.LastFragment : Protocol.MessageControlHeader.Command,
                pdu.Values[0].MessageControlHeader);
            foreach (var e in reassembler.AcceptPdu(pdu)) decoded ??= e.Command;
        }

        Assert.Equal(rq.ToArray(), Assert.IsType<CFindRq>(decoded).ToArray());
    }

    [Fact]
    public void HeaderBitsTwoToSevenAreNotChecked()
    {
        var pdv = new Protocol.PresentationDataValue
        {
            PresentationContextId = 1,
            MessageControlHeader = (Protocol.MessageControlHeader)0xFE, // last fragment, data, bits 2-7 set
            Fragment = new ReadOnlySequence<byte>(new byte[2]),
        };

        var fragment = PdvFragment.From(pdv);

        Assert.False(fragment.IsCommand);
        Assert.True(fragment.IsLast);
        Assert.Equal(Protocol.MessageControlHeader.LastFragment, fragment.Header);
    }

    private static byte[] StoreRq() => new CStoreRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.1.7", AffectedSOPInstanceUID = "1.2.3", Priority = Priority.Medium }.ToArray();

    private static byte[] Pattern(int size)
    {
        var data = new byte[size];
        for (var i = 0; i < size; i++) data[i] = (byte)(i * 31 + (i >> 8));
        return data;
    }

    /// <summary>A stream over another that counts its reads and may hide that it can seek.</summary>
    private sealed class CountingStream(Stream inner, bool seekable) : ForwardReadStream
    {
        public int Reads { get; private set; }

        public override bool CanSeek => seekable;
        public override long Length => seekable ? inner.Length : throw new NotSupportedException();
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            Reads++;
            return inner.Read(buffer);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));
    }

    /// <summary>A non-seekable stream producing <c>length</c> bytes without holding them.</summary>
    private sealed class PatternStream(long length) : ForwardReadStream
    {
        private long _position;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++) buffer[i] = (byte)(_position + i);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(Read(buffer.Span));
    }
}
