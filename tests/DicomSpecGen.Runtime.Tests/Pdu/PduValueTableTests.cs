using System.Buffers;
using DicomSpecGen.Protocol;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Pdu;

/// <summary>Every value of every PDU value table travels through its field and back, and has its own meaning and row.</summary>
public class PduValueTableTests
{
    private static T ReadItem<T>(PduItem item) where T : PduItem
    {
        var bytes = PduRoundTripTests.Encode(item);
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        var read = PduItem.Read(ref reader, bytes.Length, new Protocol.Wire.SpecField("test", "item", "test"));
        Assert.Equal(bytes.Length, reader.Consumed);
        return Assert.IsType<T>(read);
    }

    private static void AssertDefined<TEnum>(TEnum value, string meaning, string citation, string table) where TEnum : struct, Enum
    {
        Assert.DoesNotContain("undefined", meaning);
        Assert.Contains(table, citation);
        Assert.True(Enum.IsDefined(value));
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-21, Result")]
    [SpecRow("PS3.8 Table 9-21, Source")]
    [SpecRow("PS3.8 Table 9-21, Reason")]
    public void Every_reject_result_source_and_reason_round_trips_in_an_associate_rj()
    {
        foreach (var reason in Enum.GetValues<AssociateRejectReason>())
        {
            foreach (var result in Enum.GetValues<AssociateRejectResult>())
            {
                var rj = new AAssociateRj { Result = result, Source = reason.Qualifier(), Reason = reason.ToWire() };
                var read = Assert.IsType<AAssociateRj>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(PduRoundTripTests.Encode(rj))));
                Assert.Equal(result, read.Result);
                Assert.Equal(reason, AssociateRejectReasonInfo.FromWire(read.Source, read.Reason));
                AssertDefined(result, result.Meaning(), result.Citation(), "Table 9-21, Result");
            }
            AssertDefined(reason, reason.Meaning(), reason.Citation(), "Table 9-21, Reason");
            AssertDefined(reason.Qualifier(), reason.Qualifier().Meaning(), reason.Qualifier().Citation(), "Table 9-21, Source");
        }
        // Every source qualifies at least one reason.
        Assert.Equal(Enum.GetValues<AssociateRejectSource>().Order(), Enum.GetValues<AssociateRejectReason>().Select(r => r.Qualifier()).Distinct().Order());
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-26, Source")]
    [SpecRow("PS3.8 Table 9-26, Reason")]
    public void Every_abort_source_and_reason_round_trips_in_an_a_abort()
    {
        foreach (var source in Enum.GetValues<AbortSource>())
        {
            foreach (var reason in Enum.GetValues<AbortReason>())
            {
                var abort = new AAbort { Source = source, Reason = reason };
                var read = Assert.IsType<AAbort>(Protocol.Pdu.Read(new ReadOnlySequence<byte>(PduRoundTripTests.Encode(abort))));
                Assert.Equal((source, reason), (read.Source, read.Reason));
                AssertDefined(reason, reason.Meaning(), reason.Citation(), "Table 9-26, Reason");
            }
            AssertDefined(source, source.Meaning(), source.Citation(), "Table 9-26, Source");
        }
    }

    [Fact]
    [SpecRow("PS3.8 Table 9-18, Result/Reason")]
    public void Every_presentation_context_result_round_trips_in_an_ac_item()
    {
        foreach (var result in Enum.GetValues<PresentationContextResult>())
        {
            var item = new PresentationContextAc { PresentationContextId = 3, Result = result, SubItems = [new TransferSyntaxSubItem { Name = "1.2.840.10008.1.2" }] };
            Assert.Equal(result, ReadItem<PresentationContextAc>(item).Result);
            AssertDefined(result, result.Meaning(), result.Citation(), "Table 9-18, Result/Reason");
        }
    }

    [Fact]
    [SpecRow("PS3.7 Table D.3-14, User-Identity-Type")]
    public void Every_user_identity_type_round_trips_in_a_user_identity_sub_item()
    {
        foreach (var type in Enum.GetValues<UserIdentityType>())
        {
            var item = new UserIdentityRq { UserIdentityType = type, PrimaryField = "user"u8.ToArray() };
            Assert.Equal(type, ReadItem<UserIdentityRq>(item).UserIdentityType);
            AssertDefined(type, type.Meaning(), type.Citation(), "Table D.3-14, User-Identity-Type");
        }
    }
}
