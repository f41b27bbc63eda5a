using System.Buffers;
using System.Buffers.Binary;
using DicomSpecGen.Protocol;
using DicomSpecGen.Traceability;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Runtime.Tests.Pdu;

public class PduMalformedTests
{
    private static PduFormatException Fails(byte[] bytes) =>
        Assert.Throws<PduFormatException>(() => Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes)));

    private static byte[] Rq() => PduRoundTripTests.Encode(PduSamples.AssociateRq());

    [Fact]
    [SpecRow("PS3.8 Table 9-26, Reason 1")]
    public void Unknown_pdu_type_is_an_unrecognized_pdu()
    {
        var bytes = PduRoundTripTests.Encode(new AReleaseRq());
        bytes[0] = 0x08;
        Assert.Equal(AbortReason.UnrecognizedPdu, Fails(bytes).AbortReason);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, PDU-length")]
    [SpecRow("PS3.8 Table 9-26, Reason 6")]
    public void Pdu_length_beyond_the_buffer_names_the_length_field()
    {
        var bytes = Rq();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), (uint)bytes.Length);
        var e = Fails(bytes);
        Assert.Equal("PduLength", e.Field.Field);
        Assert.Contains("Table 9-11", e.Field.Citation);
        Assert.Equal(AbortReason.InvalidPduParameterValue, e.AbortReason);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, Called-AE-title")]
    public void Truncated_fixed_field_is_reported_with_its_row()
    {
        var bytes = Rq().AsSpan(0, 20).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(2), 14);
        var e = Fails(bytes);
        Assert.Equal("CalledAeTitle", e.Field.Field);
        Assert.Contains("Called-AE-title", e.Field.Citation);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, Called-AE-title")]
    public void All_space_called_ae_title_is_invalid()
    {
        var bytes = Rq();
        bytes.AsSpan(10, 16).Fill((byte)' ');
        var e = Fails(bytes);
        Assert.Equal("CalledAeTitle", e.Field.Field);
        Assert.Contains("all spaces", e.Rule);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-17, bytes 11-26 Reserved")]
    [SpecRow("PS3.8 Table 9-17, bytes 27-42 Reserved")]
    public void Ac_ae_fields_are_not_tested_when_received()
    {
        var bytes = PduRoundTripTests.Encode(PduSamples.AssociateAc());
        bytes.AsSpan(10, 32).Fill((byte)' ');
        var ac = (AAssociateAc)Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes));
        Assert.Equal("", ac.CalledAeTitle);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26, byte 2 Reserved")]
    [SpecRow("PS3.8 Table 9-26, byte 7 Reserved")]
    [SpecRow("PS3.8 Table 9-26, byte 8 Reserved")]
    [SpecRow("PS3.8 Table 9-26, Source 0")]
    public void Reserved_fields_are_not_tested_when_received()
    {
        var bytes = PduRoundTripTests.Encode(new AAbort { Source = AbortSource.ServiceUser });
        bytes[1] = 0xFF;
        bytes[6] = 0xFF;
        bytes[7] = 0xFF;
        var abort = (AAbort)Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes));
        Assert.Equal(AbortSource.ServiceUser, abort.Source);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-24")]
    public void Bytes_beyond_a_fixed_layout_are_invalid()
    {
        var bytes = new byte[] { 0x05, 0, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0 };
        var e = Fails(bytes);
        Assert.Contains("beyond the fields", e.Rule);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, Variable items")]
    [SpecRow("PS3.8 Table 9-26, Reason 5")]
    public void Item_allowed_elsewhere_but_not_here_is_an_unexpected_parameter()
    {
        // A presentation context AC item (0x21) inside an A-ASSOCIATE-RQ.
        var rq = PduSamples.AssociateRq();
        var bad = new AAssociateRq
        {
            CalledAeTitle = rq.CalledAeTitle,
            CallingAeTitle = rq.CallingAeTitle,
            VariableItems = [.. rq.VariableItems, new PresentationContextAc { PresentationContextId = 5, SubItems = [new TransferSyntaxSubItem { Name = "1.2" }] }],
        };
        var e = Fails(PduRoundTripTests.Encode(bad));
        Assert.Equal(AbortReason.UnexpectedPduParameter, e.AbortReason);
        Assert.Equal("VariableItems", e.Field.Field);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-12, Item-length")]
    public void Item_length_beyond_its_pdu_is_invalid()
    {
        var bytes = Rq();
        // The application context item starts at byte 75 (offset 74); its length is at offset 76.
        Assert.Equal(ApplicationContext.TypeCode, bytes[74]);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(76), 0xFFF0);
        var e = Fails(bytes);
        Assert.Equal("ItemLength", e.Field.Field);
        Assert.Contains("Table 9-12", e.Field.Citation);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-12, Application-context-name")]
    public void Non_numeric_uid_is_invalid()
    {
        var bytes = Rq();
        bytes[78] = (byte)'x';
        var e = Fails(bytes);
        Assert.Equal("Name", e.Field.Field);
        Assert.Contains("Application-context-name", e.Field.Citation);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-22, Presentation-data-value Item(s)")]
    public void Pdata_without_any_pdv_is_invalid()
    {
        var e = Fails([0x04, 0, 0, 0, 0, 0]);
        Assert.Equal("Values", e.Field.Field);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11, Called-AE-title")]
    public void Writing_an_ae_title_longer_than_16_characters_is_refused()
    {
        var rq = new AAssociateRq { CalledAeTitle = new string('A', 17), CallingAeTitle = "X" };
        var e = Assert.Throws<ArgumentException>(() => PduRoundTripTests.Encode(rq));
        Assert.Contains("Table 9-11", e.Message);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    [SpecRow("PS3.8 Table 9-12")]
    [SpecRow("PS3.8 Table 9-13")]
    [SpecRow("PS3.8 Table 9-14")]
    [SpecRow("PS3.8 Table 9-15")]
    [SpecRow("PS3.8 Table 9-16")]
    [SpecRow("PS3.8 Table 9-17")]
    [SpecRow("PS3.8 Table 9-18")]
    [SpecRow("PS3.8 Table 9-21")]
    [SpecRow("PS3.8 Table 9-22")]
    [SpecRow("PS3.8 Table 9-23")]
    [SpecRow("PS3.8 Table 9-24")]
    [SpecRow("PS3.8 Table 9-25")]
    [SpecRow("PS3.8 Table 9-26")]
    [SpecRow("PS3.8 Annex E.2")]
    [SpecRow("PS3.8 Table D.1-1")]
    [SpecRow("PS3.7 Table D.3-1")]
    [SpecRow("PS3.7 Table D.3-3")]
    [SpecRow("PS3.7 Table D.3-7")]
    [SpecRow("PS3.7 Table D.3-9")]
    [SpecRow("PS3.7 Table D.3-11")]
    [SpecRow("PS3.7 Table D.3-12")]
    [SpecRow("PS3.7 Table D.3-13")]
    [SpecRow("PS3.7 Table D.3-14")]
    [SpecRow("PS3.7 Table D.3-15")]
    public void Random_mutations_only_ever_raise_typed_protocol_errors()
    {
        // Bounded: a few thousand mutations per sample PDU, fixed seed. The full fuzz run lives in the fuzz tool.
        var random = new Random(20261127);
        foreach (var sample in PduSamples.AllPdus().Select(PduRoundTripTests.Encode))
        {
            for (var i = 0; i < 3000; i++)
            {
                var bytes = (byte[])sample.Clone();
                var flips = random.Next(1, 4);
                for (var f = 0; f < flips; f++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                var cut = random.Next(10) == 0 ? random.Next(bytes.Length) : bytes.Length;
                try
                {
                    var pdu = Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes, 0, cut));
                    // Whatever parses must encode again to a parseable PDU.
                    Protocol.Pdu.Read(new ReadOnlySequence<byte>(PduRoundTripTests.Encode(pdu)));
                }
                catch (PduFormatException)
                {
                }
            }
        }
    }
}
