using System.Buffers;
using DicomSpecGen.Dul;
using DicomSpecGen.Protocol;
using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Traceability;
using ProtocolPdu = DicomSpecGen.Protocol.Pdu;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>The bridge between the PDU codec and the state machine.</summary>
public sealed class DulProtocolBridgeTests
{
    public static TheoryData<string> PduTypes() => new() { "AAssociateRq", "AAssociateAc", "AAssociateRj", "PDataTf", "AReleaseRq", "AReleaseRp", "AAbort" };

    [Theory]
    [MemberData(nameof(PduTypes))]
    public void A_received_PDU_raises_the_event_whose_row_label_names_it(string typeName)
    {
        var pdu = (ProtocolPdu)Activator.CreateInstance(typeof(ProtocolPdu).Assembly.GetType("DicomSpecGen.Protocol." + typeName, throwOnError: true)!)!;

        var (evt, payload) = DulProtocolBridge.ForReceived(pdu);

        // Table 9-10's row label (dul-events.yaml) starts with the PDU's title from pdus.yaml.
        var row = DulHarness.Spec.Events.Single(e => e.Id == evt.ToString());
        Assert.StartsWith(pdu.Title, row.Description, StringComparison.Ordinal);
        Assert.Equal(typeName, row.Pdu);
        if (pdu is AAbort) Assert.Same(pdu, Assert.IsType<DulReceivedAbort>(payload).Pdu);
        else Assert.Same(pdu, payload);
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-10")]
    public void Every_PDU_class_has_the_kind_and_PDU_type_of_its_event_row()
    {
        // Every concrete PDU class of the codec (pdus.yaml), found by reflection rather than listed.
        var classes = typeof(ProtocolPdu).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ProtocolPdu)) && !t.IsAbstract).ToList();
        Assert.Equal(Enum.GetValues<DulPduKind>().Length, classes.Count);
        foreach (var type in classes)
        {
            var pdu = (ProtocolPdu)Activator.CreateInstance(type)!;
            var kind = DulPduKinds.KindOf(pdu);
            Assert.Equal(type.Name, kind.ToString());
            Assert.Equal(pdu.PduType, DulPduKinds.PduTypeOf(kind));
            Assert.Equal(DulHarness.Spec.Events.Single(e => e.Pdu == type.Name).Id, DulEventKinds.ForReceivedPdu(kind).ToString());
        }
    }

    [Theory]
    [InlineData(AbortSource.ServiceUser, AbortReason.UnexpectedPdu, DulAbortSource.ServiceUser, DulProviderReason.ReasonNotSpecified)]
    [InlineData(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu, DulAbortSource.ServiceProvider, DulProviderReason.UnexpectedPdu)]
    [InlineData(AbortSource.ServiceProvider, AbortReason.InvalidPduParameterValue, DulAbortSource.ServiceProvider, DulProviderReason.InvalidPduParameterValue)]
    [InlineData(AbortSource.Reserved, AbortReason.Reserved, DulAbortSource.ServiceProvider, DulProviderReason.ReasonNotSpecified)]
    [InlineData(AbortSource.ServiceProvider, (AbortReason)0x7F, DulAbortSource.ServiceProvider, DulProviderReason.ReasonNotSpecified)]
    public void A_received_A_ABORT_is_decoded_for_AA3(AbortSource source, AbortReason reason, DulAbortSource expectedSource, DulProviderReason expectedReason)
    {
        var received = DulProtocolBridge.FromAbortPdu(new AAbort { Source = source, Reason = reason });
        Assert.Equal((expectedSource, expectedReason), (received.Source, received.Reason));
    }

    [Fact]
    public void A_codec_error_is_Evt19_with_the_reason_it_names()
    {
        var error = new PduFormatException(new SpecField("P-DATA-TF PDU", "Values", "PS3.8 Table 9-22"), "at least 1 required", AbortReason.InvalidPduParameterValue);

        var (evt, payload) = DulProtocolBridge.ForInvalid(error);

        Assert.Equal(DulEvent.Evt19, evt);
        Assert.Equal(DulProviderReason.InvalidPduParameterValue, Assert.IsType<DulInvalidPdu>(payload).Reason);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void An_unexpected_PDU_in_Sta6_is_answered_with_an_A_ABORT_on_the_wire(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Machine.SetState(DulState.Sta6, DulAssociationRole.Requestor);
        var (evt, payload) = DulProtocolBridge.ForReceived(new AAssociateAc());

        var result = h.Fire(evt, payload); // Evt3 in Sta6: AA-8

        Assert.Equal((DulAction.AA8, DulState.Sta13), (result.Action, result.To));
        var sent = h.Port.Calls.Single(c => c.Operation == "Send");
        var bytes = Encode(DulProtocolBridge.ToAbortPdu(Assert.IsType<DulAbort>(sent.Content)));
        // PS3.8 Table 9-26: type 07H, length 4, source 2 (service-provider), reason 2 (unexpected-PDU).
        Assert.Equal(new byte[] { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x02, 0x02 }, bytes);
    }

    [Fact]
    public void A_service_user_abort_is_sent_with_reason_00H_and_a_local_reason_as_not_specified()
    {
        Assert.Equal(new byte[] { 0x07, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x00 },
            Encode(DulProtocolBridge.ToAbortPdu(new DulAbort(DulAbortSource.ServiceUser, DulProviderReason.UnexpectedPdu))));
        var local = DulProtocolBridge.ToAbortPdu(new DulAbort(DulAbortSource.ServiceProvider, DulProviderReason.TransportConnectionClosed));
        Assert.Equal((AbortSource.ServiceProvider, AbortReason.ReasonNotSpecified), (local.Source, local.Reason));
    }

    [Fact]
    public void Provider_reasons_map_to_Table_9_26_codes_where_the_table_has_one()
    {
        // PS3.8 7.4.1 lists "unexpected-session-service primitive", but Table 9-26 has no code for it (3 is
        // reserved), so it, like the local reason, goes on the wire as reason-not-specified.
        var withoutCode = new[] { DulProviderReason.UnexpectedSessionServicePrimitive, DulProviderReason.TransportConnectionClosed };
        foreach (var reason in Enum.GetValues<DulProviderReason>())
        {
            var pdu = DulProtocolBridge.ToAbortPdu(new DulAbort(DulAbortSource.ServiceProvider, reason));
            var expected = withoutCode.Contains(reason) ? DulProviderReason.ReasonNotSpecified : reason;
            Assert.Equal(expected.ToString(), pdu.Reason.ToString());
            Assert.Equal(expected, DulProtocolBridge.ToProviderReason(pdu.Reason));
        }
    }

    private static byte[] Encode(ProtocolPdu pdu)
    {
        var buffer = new ArrayBufferWriter<byte>();
        pdu.Write(buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
