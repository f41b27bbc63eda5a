using DicomSpecGen.Dimse;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>The generated service status constants the stack sends mean, in the generated status table
/// (spec/part07/statuses.yaml), what their names say.</summary>
public class ServiceStatusTests
{
    [Theory]
    [InlineData(DimseStatus.QueryRetrieveFind.MatchesAreContinuingCurrentMatchSupplied, DimseService.QueryRetrieveFind, StatusClass.Pending, "Matches are continuing")]
    [InlineData(DimseStatus.QueryRetrieveMove.SubOperationsAreContinuing, DimseService.QueryRetrieveMove, StatusClass.Pending, "Sub-operations are continuing")]
    [InlineData(DimseStatus.QueryRetrieveFind.UnableToProcess, DimseService.QueryRetrieveFind, StatusClass.Failure, "Unable to Process")]
    [InlineData(DimseStatus.QueryRetrieveFind.IdentifierDoesNotMatchSopClass, DimseService.QueryRetrieveFind, StatusClass.Failure, "does not match SOP Class")]
    [InlineData(DimseStatus.QueryRetrieveMove.MoveDestinationUnknown, DimseService.QueryRetrieveMove, StatusClass.Failure, "Move destination unknown")]
    [InlineData(DimseStatus.QueryRetrieveMove.RefusedOutOfResourcesUnableToPerformSubOperations, DimseService.QueryRetrieveMove, StatusClass.Failure, "unable to perform sub-operations")]
    [InlineData(DimseStatus.QueryRetrieveMove.SubOperationsCompletedOneOrMoreFailures, DimseService.QueryRetrieveMove, StatusClass.Warning, "one or more failures")]
    [InlineData(DimseStatus.Storage.CannotUnderstand, DimseService.Storage, StatusClass.Failure, "Cannot Understand")]
    [InlineData(DimseStatus.Storage.RefusedOutOfResources, DimseService.Storage, StatusClass.Failure, "Out of Resources")]
    [InlineData(DimseStatus.ModalityWorklistFind.MatchesAreContinuingFF00, DimseService.ModalityWorklistFind, StatusClass.Pending, "Current Match is supplied")]
    public void Generated_service_constants_mean_what_their_names_say(ushort code, DimseService service, StatusClass expectedClass, string meaning)
    {
        var info = DimseStatus.Lookup(service, code);
        Assert.Equal(expectedClass, info.Class);
        Assert.Contains(meaning, info.Meaning, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PS3.4", info.Source);
    }

    [Fact]
    public void Responses_copy_the_request_fields_and_validate()
    {
        var rq = new CStoreRq { AffectedSOPClassUID = "1.2.3", MessageID = 7, Priority = Priority.Medium, AffectedSOPInstanceUID = "1.2.3.4", HasDataSet = true };
        var rsp = Assert.IsType<CStoreRsp>(rq.CreateResponse(DimseStatus.Success));
        Assert.Equal((ushort)7, rsp.MessageIDBeingRespondedTo);
        Assert.Equal("1.2.3.4", rsp.AffectedSOPInstanceUID);
        Assert.Empty(rsp.Validate());
        foreach (var request in new DimseMessage[]
        {
            new CEchoRq { AffectedSOPClassUID = "1.2", MessageID = 1 },
            new CFindRq { AffectedSOPClassUID = "1.2", MessageID = 2, Priority = Priority.Medium },
            new CMoveRq { AffectedSOPClassUID = "1.2", MessageID = 3, Priority = Priority.Medium, MoveDestination = "X" },
            new CGetRq { AffectedSOPClassUID = "1.2", MessageID = 4, Priority = Priority.Medium },
            new NGetRq { RequestedSOPClassUID = "1.2", MessageID = 5, RequestedSOPInstanceUID = "1.2.3" },
            new NActionRq { RequestedSOPClassUID = "1.2", MessageID = 6, RequestedSOPInstanceUID = "1.2.3", ActionTypeID = 1 },
        })
        {
            var response = request.CreateResponse(DimseStatus.Success);
            // PS3.7 10.1.2.1.8: a successful N-GET response carries the attribute list.
            if (response is NGetRsp) response.HasDataSet = true;
            Assert.True(response.IsResponse);
            Assert.Equal(request.RequestMessageID, response.RespondedToMessageID);
            Assert.Empty(response.Validate());
        }
    }
}
