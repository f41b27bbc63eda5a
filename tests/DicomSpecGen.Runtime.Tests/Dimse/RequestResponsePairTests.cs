using DicomSpecGen.Dimse;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dimse;

/// <summary>Each request of messages.yaml with every field set: CreateResponse gives the paired response with the
/// request's values in exactly the fields the response table makes equal to them, and nothing else filled in.</summary>
public class RequestResponsePairTests
{
    public static TheoryData<string> Requests()
    {
        var data = new TheoryData<string>();
        foreach (var m in SpecFiles.Load().Messages.Where(m => !m.IsResponse)) data.Add(m.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    [SpecRow("PS3.7 Table 9.3-2")]
    [SpecRow("PS3.7 Table 9.3-4")]
    [SpecRow("PS3.7 Table 9.3-7")]
    [SpecRow("PS3.7 Table 9.3-10")]
    [SpecRow("PS3.7 Table 9.3-13")]
    [SpecRow("PS3.7 Table 10.3-2")]
    [SpecRow("PS3.7 Table 10.3-4")]
    [SpecRow("PS3.7 Table 10.3-6")]
    [SpecRow("PS3.7 Table 10.3-8")]
    [SpecRow("PS3.7 Table 10.3-10")]
    [SpecRow("PS3.7 Table 10.3-12")]
    public void CreateResponse_copies_every_equal_field_of_a_fully_set_request(string name)
    {
        var spec = SpecFiles.Load();
        var row = spec.Messages.Single(m => m.Name == name);
        var request = Messages.Create((CommandField)row.CommandField);
        // Distinct values, so a field copied from the wrong request field shows.
        ushort next = 0x100;
        foreach (var p in Messages.Fields(request))
        {
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            next++;
            object value = t == typeof(ushort) ? next
                : t == typeof(uint) ? (uint)next
                : t == typeof(string) ? "1.2.840." + next
                : t == typeof(IReadOnlyList<uint>) ? new uint[] { next }
                : t.IsEnum ? Enum.GetValues(t).GetValue(1)!
                : throw new NotSupportedException(t.Name);
            p.SetValue(request, value);
        }

        var paired = spec.Messages.Where(m => m.IsResponse && m.Title == row.Title[..^"-RQ".Length] + "-RSP").ToList();
        if (paired.Count == 0)
        {
            Assert.Equal("C-CANCEL-RQ", row.Title);
            Assert.Null(DimseMessage.ResponseOf(request.CommandField));
            Assert.Throws<NotSupportedException>(() => request.CreateResponse(DimseStatus.Success));
            return;
        }
        var responseRow = Assert.Single(paired);
        Assert.Equal((CommandField)responseRow.CommandField, DimseMessage.ResponseOf(request.CommandField));

        var response = request.CreateResponse(0xA700);

        Assert.Equal(responseRow.Name, response.GetType().Name);
        Assert.True(response.IsResponse);
        Assert.Equal((ushort)0xA700, response.ResponseStatus);
        Assert.Equal(request.RequestMessageID, response.RespondedToMessageID);
        var copied = responseRow.Fields.Where(f => f.Usage.EndsWith("(=)") || f.EqualsElement != null)
            .ToDictionary(f => f.Element, f => f.EqualsElement ?? f.Element);
        Assert.Equal("MessageID", copied["MessageIDBeingRespondedTo"]);
        foreach (var p in Messages.Fields(response).Where(p => p.Name != "Status"))
        {
            var value = p.GetValue(response);
            if (copied.TryGetValue(p.Name, out var from))
            {
                Assert.NotNull(value);
                Assert.Equal(request.GetType().GetProperty(from)!.GetValue(request), value);
            }
            else
            {
                Assert.Null(value);
            }
        }
        // The response passes the independent (=) check of its own class.
        var check = response.GetType().GetMethod("CheckAgainst")!.Invoke(response, [request]);
        Assert.Empty((IReadOnlyList<DimseFieldError>)check!);
    }

    [Fact]
    public void The_shared_accessors_read_each_message_type()
    {
        var rq = new NGetRq { RequestedSOPClassUID = "1.2.3", MessageID = 9, RequestedSOPInstanceUID = "1.2.3.4" };
        Assert.Equal("1.2.3", rq.RequestSOPClassUID);
        Assert.Equal((ushort)9, rq.RequestMessageID);
        Assert.Null(rq.ResponseStatus);
        var rsp = rq.CreateResponse(DimseStatus.Success);
        Assert.IsType<NGetRsp>(rsp);
        Assert.Equal("1.2.3", rsp.AffectedSOPClassUID);
        Assert.Equal("1.2.3.4", rsp.AffectedSOPInstanceUID);
        Assert.Null(rsp.RequestMessageID);
        Assert.Null(rsp.RequestSOPClassUID);
        Assert.Equal((ushort)9, rsp.RespondedToMessageID);
        Assert.Equal(DimseStatus.Success, rsp.ResponseStatus);
        Assert.Null(new CCancelRq { MessageIDBeingRespondedTo = 9 }.RequestMessageID);
        Assert.Equal((ushort)9, new CCancelRq { MessageIDBeingRespondedTo = 9 }.RespondedToMessageID);
        IDimseSubOperationCounts counts = new CMoveRsp { NumberOfFailedSuboperations = 2 };
        Assert.Equal((ushort)2, counts.NumberOfFailedSuboperations);
        Assert.IsAssignableFrom<IDimseSubOperationCounts>(new CGetRsp());
        Assert.IsNotAssignableFrom<IDimseSubOperationCounts>(new CFindRsp());
    }
}
