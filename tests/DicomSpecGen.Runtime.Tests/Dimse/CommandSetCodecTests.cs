using System.Buffers;
using System.Buffers.Binary;
using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Command-set encoding and decoding of every generated message.</summary>
public class CommandSetCodecTests
{
    [Theory]
    [MemberData(nameof(Messages.AllCommandFields), MemberType = typeof(Messages))]
    public void EveryMessageRoundTrips(CommandField field)
    {
        var message = Messages.Filled(field);
        var bytes = message.ToArray();

        var decoded = DimseMessage.Decode(new ReadOnlySequence<byte>(bytes));

        Assert.IsType(message.GetType(), decoded);
        Assert.Equal(field, decoded.CommandField);
        Assert.Equal(message.CommandDataSetType, decoded.CommandDataSetType);
        foreach (var p in Messages.Fields(message))
        {
            var expected = p.GetValue(message);
            var actual = p.GetValue(decoded);
            if (expected is IReadOnlyList<uint> list) Assert.Equal(list, (IReadOnlyList<uint>)actual!);
            else Assert.Equal(expected, actual);
        }
        Assert.Empty(decoded.UnknownElements);
        Assert.Equal(bytes, decoded.ToArray());
    }

    [Theory]
    [MemberData(nameof(Messages.AllCommandFields), MemberType = typeof(Messages))]
    public void EncodingHasComputedGroupLengthAndAscendingTags(CommandField field)
    {
        var bytes = Messages.Filled(field).ToArray();

        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(bytes));        // (0000,0000)
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal((uint)(bytes.Length - 12), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
        var previous = -1L;
        var sawCommandField = false;
        for (var offset = 0; offset < bytes.Length;)
        {
            var tag = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset)) >> 16 | (uint)BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset)) << 16;
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            Assert.True(tag > previous, $"tag {tag:X8} after {previous:X8}");
            Assert.Equal(0, length % 2);
            if (tag == CommandElement.CommandField)
            {
                sawCommandField = true;
                Assert.Equal((ushort)field, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 8)));
            }
            previous = tag;
            offset += 8 + length;
        }
        Assert.True(sawCommandField);
    }

    [Fact]
    public void CEchoRqHasTheStandardLayout()
    {
        var rq = new CEchoRq { MessageID = 7, AffectedSOPClassUID = "1.2.840.10008.1.1" };
        var bytes = rq.ToArray();

        // (0000,0000) UL 56 | (0000,0002) UI 18 "1.2.840.10008.1.1\0" | (0000,0100) US 0030 | (0000,0110) US 7 | (0000,0800) US 0101
        var expected = new List<byte>();
        void Element(ushort element, byte[] value)
        {
            expected.AddRange(new byte[] { 0, 0, (byte)element, (byte)(element >> 8) });
            expected.AddRange(BitConverter.GetBytes(value.Length));
            expected.AddRange(value);
        }
        Element(0x0000, BitConverter.GetBytes(56u));
        Element(0x0002, "1.2.840.10008.1.1\0"u8.ToArray());
        Element(0x0100, new byte[] { 0x30, 0x00 });
        Element(0x0110, new byte[] { 7, 0 });
        Element(0x0800, new byte[] { 0x01, 0x01 });
        Assert.Equal(expected.ToArray(), bytes);
    }

    [Fact]
    public void MissingMandatoryFieldCitesItsTableRow()
    {
        var rq = new CStoreRq { MessageID = 1, AffectedSOPInstanceUID = "1.2.3", Priority = Priority.Medium };

        var e = Assert.Throws<DimseException>(() => rq.ToArray());

        var error = Assert.Single(e.Errors);
        Assert.Equal(DimseErrorKind.MissingField, error.Kind);
        Assert.Equal(CommandElement.AffectedSOPClassUID, error.Tag);
        Assert.StartsWith("PS3.7 Table 9.3-1, Affected SOP Class UID (0000,0002)", error.Citation);
        Assert.Contains("PS3.7 Table 9.3-1, Affected SOP Class UID (0000,0002)", e.Message);
    }

    /// <summary>Every field of every message: absent, it is an error exactly when messages.yaml says M.</summary>
    [Theory]
    [SpecRow("PS3.7 Annex C.4.1, Offending Element (0000,0901)")]
    [SpecRow("PS3.7 Annex C.4.1, Error Comment (0000,0902)")]
    [SpecRow("PS3.7 Annex C.5.21, Error ID (0000,0903)")]
    [MemberData(nameof(Messages.AllCommandFields), MemberType = typeof(Messages))]
    public void MissingFieldIsAnErrorExactlyWhenTheYamlSaysM(CommandField field)
    {
        var spec = SpecFiles.Load();
        var row = spec.Messages.Single(m => m.CommandField == (int)field);
        foreach (var p in Messages.Fields(Messages.Create(field)))
        {
            var message = Messages.Filled(field);
            Messages.SetStatus(message, 0x0000); // Success: conditions on Pending do not apply
            p.SetValue(message, null);
            var errors = message.Validate();
            var usage = row.Fields.Concat(spec.StatusFields).Single(f => f.Element == p.Name);
            var expectError = usage.Usage == "M" || usage.RequiredWhen == "DataSet" || (usage.RequiredWhen == "Success");
            if (expectError)
            {
                var error = Assert.Single(errors);
                Assert.Equal(DimseErrorKind.MissingField, error.Kind);
                Assert.StartsWith(usage.Source.Text, error.Citation);
            }
            else
            {
                Assert.Empty(errors);
            }
        }
    }

    [Fact]
    public void PendingFindResponseWithoutIdentifierIsAnError()
    {
        var rsp = new CFindRsp { MessageIDBeingRespondedTo = 1, Status = 0xFF00 };

        var error = Assert.Single(rsp.Validate());

        Assert.Equal(DimseErrorKind.MissingField, error.Kind);
        Assert.Contains("PS3.7 9.1.2.1.5", error.Citation);
        rsp.HasDataSet = true;
        Assert.Empty(rsp.Validate());
    }

    [Fact]
    public void PendingMoveResponseNeedsSubOperationCounts()
    {
        var rsp = new CMoveRsp { MessageIDBeingRespondedTo = 1, Status = 0xFF00, NumberOfRemainingSuboperations = 3, NumberOfCompletedSuboperations = 1, NumberOfFailedSuboperations = 0 };

        var error = Assert.Single(rsp.Validate());

        Assert.Equal(CommandElement.NumberOfWarningSuboperations, error.Tag);
        Assert.Contains("PS3.7 9.1.4.1.11", error.Citation);
        rsp.Status = 0x0000;
        Assert.Empty(rsp.Validate());
    }

    [Fact]
    public void DataSetOnAMessageWithoutOneIsNotPermitted()
    {
        var rq = new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1", HasDataSet = true };

        var error = Assert.Single(rq.Validate());

        Assert.Equal(DimseErrorKind.NotPermitted, error.Kind);
        Assert.StartsWith("PS3.7 Table 9.3-12, Command Data Set Type (0000,0800)", error.Citation);
    }

    [Fact]
    public void StoreRequestWithoutDataSetIsAnError()
    {
        var rq = new CStoreRq { MessageID = 1, AffectedSOPClassUID = "1.2", AffectedSOPInstanceUID = "1.3", Priority = Priority.Low, HasDataSet = false };

        var error = Assert.Single(rq.Validate());

        Assert.Equal(DimseErrorKind.MissingField, error.Kind);
        Assert.StartsWith("PS3.7 Table 9.3-1, Data Set (no tag)", error.Citation);
    }

    [Fact]
    public void ResponseIsCheckedAgainstItsRequest()
    {
        var rq = new CEchoRq { MessageID = 5, AffectedSOPClassUID = "1.2.840.10008.1.1" };
        var good = new CEchoRsp { MessageIDBeingRespondedTo = 5, AffectedSOPClassUID = "1.2.840.10008.1.1", Status = 0 };
        var bad = new CEchoRsp { MessageIDBeingRespondedTo = 6, AffectedSOPClassUID = "1.2.3", Status = 0 };

        Assert.Empty(good.CheckAgainst(rq));
        var errors = bad.CheckAgainst(rq);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Tag == CommandElement.AffectedSOPClassUID && e.Message.Contains("U(=)"));
        Assert.Contains(errors, e => e.Tag == CommandElement.MessageIDBeingRespondedTo);
    }

    [Fact]
    public void DecodeMissingFieldCitesRow()
    {
        // A C-STORE-RSP without Status (0000,0900).
        var rsp = new CStoreRsp { MessageIDBeingRespondedTo = 3, Status = 0 };
        var bytes = Strip(rsp.ToArray(), CommandElement.Status);

        Assert.False(DimseMessage.TryDecode(new ReadOnlySequence<byte>(bytes), out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal(DimseErrorKind.MissingField, error.Kind);
        Assert.StartsWith("PS3.7 Table 9.3-2, Status (0000,0900)", error.Citation);
    }

    [Fact]
    public void WrongValueLengthIsMalformedAndCitesRow()
    {
        var bytes = new CEchoRsp { MessageIDBeingRespondedTo = 3, Status = 0 }.ToArray();
        var list = bytes.ToList();
        // Give Status (0000,0900) a 4-byte value and fix the group length.
        var offset = Find(bytes, CommandElement.Status);
        list[offset + 4] = 4;
        list.InsertRange(offset + 10, new byte[] { 0, 0 });
        var patched = list.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(8), (uint)(patched.Length - 12));

        var e = Assert.Throws<DimseException>(() => DimseMessage.Decode(new ReadOnlySequence<byte>(patched)));

        var error = Assert.Single(e.Errors);
        Assert.Equal(DimseErrorKind.Malformed, error.Kind);
        Assert.StartsWith("PS3.7 Table 9.3-13, Status (0000,0900)", error.Citation);
    }

    [Fact]
    public void WrongGroupLengthIsRejected()
    {
        var bytes = new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), 55);

        Assert.False(DimseMessage.TryDecode(new ReadOnlySequence<byte>(bytes), out _, out var errors));

        Assert.Equal(DimseErrorKind.InvalidValue, Assert.Single(errors).Kind);
        Assert.Contains("Command Group Length (0000,0000)", errors[0].Citation);
    }

    [Fact]
    public void UnknownCommandFieldIsRejected()
    {
        var bytes = new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(Find(bytes, CommandElement.CommandField) + 8), 0x0031);

        Assert.False(DimseMessage.TryDecode(new ReadOnlySequence<byte>(bytes), out _, out var errors));

        Assert.Equal(DimseErrorKind.UnknownCommand, Assert.Single(errors).Kind);
    }

    [Fact]
    public void TruncatedOrDisorderedCommandSetsAreMalformed()
    {
        var bytes = new CEchoRq { MessageID = 1, AffectedSOPClassUID = "1.2.840.10008.1.1" }.ToArray();
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            Assert.False(DimseMessage.TryDecode(new ReadOnlySequence<byte>(bytes.AsMemory(0, cut)), out _, out var errors));
            Assert.NotEmpty(errors);
        }
        // Swap Message ID (0000,0110) and Command Data Set Type (0000,0800): same bytes, wrong order.
        var a = Find(bytes, CommandElement.MessageID);
        var b = Find(bytes, CommandElement.CommandDataSetType);
        var swapped = (byte[])bytes.Clone();
        bytes.AsSpan(b, 10).CopyTo(swapped.AsSpan(a));
        bytes.AsSpan(a, 10).CopyTo(swapped.AsSpan(b));
        Assert.False(DimseMessage.TryDecode(new ReadOnlySequence<byte>(swapped), out _, out var order));
        Assert.Equal(DimseErrorKind.Malformed, Assert.Single(order).Kind);
        Assert.Contains("PS3.7 6.3.1", order[0].Citation);
    }

    [Fact]
    public void FragmentedSequenceDecodesLikeContiguousBytes()
    {
        var bytes = Messages.Filled(CommandField.CMoveRq).ToArray();
        var first = new Segment(bytes.AsMemory(0, 13));
        var last = first.Append(bytes.AsMemory(13, 40)).Append(bytes.AsMemory(53));
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);

        var decoded = DimseMessage.Decode(sequence);

        Assert.Equal(bytes, decoded.ToArray());
    }

    [Fact]
    public void UnknownElementsAreKeptAndWrittenBackInTagOrder()
    {
        var rq = new CEchoRq { MessageID = 9, AffectedSOPClassUID = "1.2.840.10008.1.1" };
        rq.UnknownElements.Add(new RawCommandElement(0x0850, new byte[] { 1, 0 }));   // retired Number of Matches
        rq.UnknownElements.Add(new RawCommandElement(0x0001, new byte[] { 4, 0, 0, 0 })); // retired Command Length to End
        var bytes = rq.ToArray();

        var decoded = DimseMessage.Decode(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(new uint[] { 0x0001, 0x0850 }, decoded.UnknownElements.Select(e => e.Tag));
        Assert.Equal(bytes, decoded.ToArray());
        Assert.True(Find(bytes, 0x0001) < Find(bytes, CommandElement.AffectedSOPClassUID));
        Assert.True(Find(bytes, 0x0850) > Find(bytes, CommandElement.CommandDataSetType));
    }

    [Fact]
    public void AnUnknownElementDuplicatingAFieldIsNotPermitted()
    {
        var rq = new CEchoRq { MessageID = 9, AffectedSOPClassUID = "1.2.840.10008.1.1" };
        rq.UnknownElements.Add(new RawCommandElement(CommandElement.MessageID, new byte[] { 1, 0 }));

        Assert.Equal(DimseErrorKind.NotPermitted, Assert.Single(rq.Validate()).Kind);
    }

    [Fact]
    public void TextIsTrimmedAndPaddedByVr()
    {
        var rq = new CMoveRq { MessageID = 2, AffectedSOPClassUID = "1.2.840.10008.5.1.4.1.2.2.2", Priority = Priority.High, MoveDestination = "STORE" };
        var bytes = rq.ToArray();
        var offset = Find(bytes, CommandElement.MoveDestination);

        Assert.Equal(6, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4)));
        Assert.Equal((byte)' ', bytes[offset + 8 + 5]);
        var uid = Find(bytes, CommandElement.AffectedSOPClassUID);
        Assert.Equal(28, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(uid + 4)));
        Assert.Equal(0, bytes[uid + 8 + 27]);
        var decoded = (CMoveRq)DimseMessage.Decode(new ReadOnlySequence<byte>(bytes));
        Assert.Equal("STORE", decoded.MoveDestination);
        Assert.Equal("1.2.840.10008.5.1.4.1.2.2.2", decoded.AffectedSOPClassUID);
        Assert.Equal(Priority.High, decoded.Priority);
    }

    [Fact]
    public void NonAsciiTextIsInvalid()
    {
        var rsp = new CStoreRsp { MessageIDBeingRespondedTo = 1, Status = 0xC000, ErrorComment = "Größe" };

        var error = Assert.Single(rsp.Validate());

        Assert.Equal(DimseErrorKind.InvalidValue, error.Kind);
        Assert.StartsWith("PS3.7 Annex C.4.1, Error Comment (0000,0902)", error.Citation);
    }

    internal static int Find(byte[] commandSet, uint tag)
    {
        for (var offset = 0; offset < commandSet.Length;)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(commandSet.AsSpan(offset + 2)) == (ushort)tag) return offset;
            offset += 8 + BinaryPrimitives.ReadInt32LittleEndian(commandSet.AsSpan(offset + 4));
        }
        throw new InvalidOperationException($"tag {tag:X8} not found");
    }

    /// <summary>Removes one element and corrects the group length.</summary>
    internal static byte[] Strip(byte[] commandSet, uint tag)
    {
        var offset = Find(commandSet, tag);
        var length = 8 + BinaryPrimitives.ReadInt32LittleEndian(commandSet.AsSpan(offset + 4));
        var result = commandSet.Take(offset).Concat(commandSet.Skip(offset + length)).ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(8), (uint)(result.Length - 12));
        return result;
    }

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
}
