using System.Buffers;
using DicomSpecGen.Protocol;
using DicomSpecGen.Traceability;
using DicomSpecGen.Protocol.Wire;

namespace DicomSpecGen.Runtime.Tests.Pdu;

public class PduRoundTripTests
{
    internal static byte[] Encode(IPduStructure pdu)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    public static TheoryData<string> PduNames() => new(PduSamples.AllPdus().Select(p => p.GetType().Name));

    [Theory]
    [MemberData(nameof(PduNames))]
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
    public void Every_pdu_round_trips_byte_for_byte(string name)
    {
        var pdu = PduSamples.AllPdus().Single(p => p.GetType().Name == name);
        var bytes = Encode(pdu);
        Assert.Equal(pdu.GetEncodedLength(), bytes.Length);
        Assert.Equal(pdu.PduType, bytes[0]);

        var parsed = Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes));
        Assert.IsType(pdu.GetType(), parsed);
        Assert.Equal(bytes, Encode(parsed));
        Assert.Equal(Describe(pdu), Describe(parsed));
    }

    [Fact]
    public void Every_generated_structure_is_covered_by_the_samples()
    {
        // A new YAML row generates a new type; this fails until the samples (and so the round trip) include it.
        var generated = typeof(Protocol.Pdu).Assembly.GetTypes()
            .Where(t => t.Namespace == "DicomSpecGen.Protocol" && !t.IsAbstract && typeof(IPduStructure).IsAssignableFrom(t))
            .Select(t => t.Name).OrderBy(n => n).ToList();
        var covered = PduSamples.ReachableTypes().Select(t => t.Name).OrderBy(n => n).ToList();
        Assert.Equal(generated, covered);
        Assert.Equal(25, generated.Count); // 7 PDUs, 15 items/sub-items, 2 records, the unknown-item holder
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    [SpecRow("PS3.8 Table 9-13")]
    [SpecRow("PS3.8 Table 9-14")]
    [SpecRow("PS3.8 Table 9-16")]
    [SpecRow("PS3.8 Table D.1-1")]
    [SpecRow("PS3.7 Table D.3-12")]
    [SpecRow("PS3.7 Table D.3-13")]
    [SpecRow("PS3.7 Table D.3-14")]
    public void Associate_rq_fields_read_back_with_their_values()
    {
        var rq = (AAssociateRq)Protocol.Pdu.Read(new ReadOnlySequence<byte>(Encode(PduSamples.AssociateRq())));
        Assert.Equal("ANY-SCP", rq.CalledAeTitle);
        Assert.Equal("ECHOSCU", rq.CallingAeTitle);
        Assert.Equal(1, rq.ProtocolVersion);
        var contexts = rq.VariableItems.OfType<PresentationContextRq>().ToList();
        Assert.Equal([1, 3], contexts.Select(c => (int)c.PresentationContextId));
        Assert.Equal(PduSamples.Verification, contexts[0].SubItems.OfType<AbstractSyntaxSubItem>().Single().Name);
        var user = rq.VariableItems.OfType<UserInformation>().Single();
        Assert.Equal(16384u, user.SubItems.OfType<MaximumLength>().Single().MaximumLengthReceived);
        var identity = user.SubItems.OfType<UserIdentityRq>().Single();
        Assert.Equal("secret", System.Text.Encoding.UTF8.GetString(identity.SecondaryField.Span));
        var common = user.SubItems.OfType<SopClassCommonExtendedNegotiation>().Single();
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2.1", common.RelatedGeneralSopClasses.Single().RelatedGeneralSopClassUid);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-16")]
    public void Unknown_user_information_sub_items_are_kept_and_written_back()
    {
        var rq = (AAssociateRq)Protocol.Pdu.Read(new ReadOnlySequence<byte>(Encode(PduSamples.AssociateRq())));
        var unknown = rq.VariableItems.OfType<UserInformation>().Single().SubItems.OfType<UnknownItem>().Single();
        Assert.Equal(0x7A, unknown.ItemType);
        Assert.Equal(0x01, unknown.SecondByte);
        Assert.Equal(new byte[] { 9, 8, 7 }, unknown.Value.ToArray());
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-22")]
    [SpecRow("PS3.8 Table 9-23")]
    [SpecRow("PS3.8 Annex E.2")]
    public void Pdv_fragment_is_a_slice_of_the_input_and_header_bits_decode()
    {
        var bytes = Encode(PduSamples.DataTf());
        var tf = (PDataTf)Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes));
        Assert.Equal(2, tf.Values.Count);
        Assert.True(tf.Values[0].MessageControlHeader.HasFlag(MessageControlHeader.Command));
        Assert.True(tf.Values[0].MessageControlHeader.HasFlag(MessageControlHeader.LastFragment));
        Assert.Equal(MessageControlHeader.None, tf.Values[1].MessageControlHeader);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, tf.Values[0].Fragment.ToArray());
        Assert.Equal(1000, tf.Values[1].Fragment.Length);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-22")]
    [SpecRow("PS3.8 Table 9-23")]
    [SpecRow("PS3.8 Annex E.2")]
    public void Pdvs_can_be_walked_in_place_with_the_same_values_as_the_parsed_list()
    {
        var bytes = Encode(PduSamples.DataTf());
        var parsed = (PDataTf)Protocol.Pdu.Read(new ReadOnlySequence<byte>(bytes));
        var walked = new List<(byte, MessageControlHeader, byte[])>();
        foreach (var pdv in PDataTf.EnumerateValues(DicomSpecGen.Fuzz.Segments.Split(bytes, 5)))
        {
            walked.Add((pdv.PresentationContextId, pdv.MessageControlHeader, pdv.Fragment.ToArray()));
        }
        Assert.Equal(parsed.Values.Select(v => (v.PresentationContextId, v.MessageControlHeader, v.Fragment.ToArray())), walked);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-23, Item-length")]
    public void Walking_pdvs_of_a_truncated_pdu_raises_a_typed_error()
    {
        var bytes = Encode(PduSamples.DataTf());
        Assert.Throws<PduFormatException>(() =>
        {
            foreach (var _ in PDataTf.EnumerateValues(new ReadOnlySequence<byte>(bytes, 0, bytes.Length - 1))) { }
        });
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Reason 7 (Source 1)")]
    [SpecRow("PS3.8 Table 9-21, Reason 2 (Source 2)")]
    [SpecRow("PS3.8 Table 9-21, Source 1")]
    public void Reject_reason_is_qualified_by_its_source()
    {
        var rj = new AAssociateRj { Result = AssociateRejectResult.RejectedPermanent, Source = AssociateRejectSource.ServiceUser, Reason = 7 };
        var reason = AssociateRejectReasonInfo.FromWire(rj.Source, rj.Reason);
        Assert.Equal(AssociateRejectReason.CalledAeTitleNotRecognized, reason);
        Assert.Equal("called-AE-title-not-recognized", reason.Meaning());
        Assert.Equal(AssociateRejectSource.ServiceUser, reason.Qualifier());
        Assert.Contains("Table 9-21", reason.Citation());
        // The same wire value under another source means something else.
        Assert.Equal(AssociateRejectReason.ProtocolVersionNotSupported, AssociateRejectReasonInfo.FromWire(AssociateRejectSource.ServiceProviderAcse, 2));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-24")]
    public void Framing_header_reads_type_and_length()
    {
        var bytes = Encode(new AReleaseRq());
        Assert.True(PduFraming.TryReadHeader(new ReadOnlySequence<byte>(bytes), out var type, out var length));
        Assert.Equal(AReleaseRq.TypeCode, type);
        Assert.Equal((uint)(bytes.Length - PduFraming.HeaderLength), length);
        Assert.False(PduFraming.TryReadHeader(new ReadOnlySequence<byte>(bytes, 0, 5), out _, out _));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-11")]
    public void Parsing_works_across_segment_boundaries()
    {
        var bytes = Encode(PduSamples.AssociateRq());
        var sequence = DicomSpecGen.Fuzz.Segments.Split(bytes, 7);
        var parsed = Protocol.Pdu.Read(sequence);
        Assert.Equal(bytes, Encode(parsed));
    }

    private static string Describe(IPduStructure s) => string.Join("\n", s.DescribeFields().Select(f => f.Name + "=" + (f.Value is IPduStructure nested ? "{" + Describe(nested) + "}" : f.Value is IEnumerable<PduFieldValue> inner ? "{" + string.Join(",", inner.Select(i => i.Name + "=" + i.Value)) + "}" : f.Value) + "@" + f.Citation));
}
