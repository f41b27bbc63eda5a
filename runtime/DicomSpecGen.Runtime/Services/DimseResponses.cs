using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>Builds the response message matching a request, with the fields the response copies from it
/// (PS3.7 9.3 and 10.3: Message ID Being Responded To, Affected SOP Class/Instance UID, event/action type).</summary>
public static class DimseResponses
{
    public static DimseMessage For(DimseMessage request, ushort status) => request switch
    {
        CEchoRq r => new CEchoRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status },
        CStoreRq r => new CStoreRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.AffectedSOPInstanceUID },
        CFindRq r => new CFindRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status },
        CMoveRq r => new CMoveRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status },
        CGetRq r => new CGetRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status },
        NEventReportRq r => new NEventReportRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.AffectedSOPInstanceUID, EventTypeID = r.EventTypeID },
        NGetRq r => new NGetRsp { AffectedSOPClassUID = r.RequestedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.RequestedSOPInstanceUID },
        NSetRq r => new NSetRsp { AffectedSOPClassUID = r.RequestedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.RequestedSOPInstanceUID },
        NActionRq r => new NActionRsp { AffectedSOPClassUID = r.RequestedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.RequestedSOPInstanceUID, ActionTypeID = r.ActionTypeID },
        NCreateRq r => new NCreateRsp { AffectedSOPClassUID = r.AffectedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.AffectedSOPInstanceUID },
        NDeleteRq r => new NDeleteRsp { AffectedSOPClassUID = r.RequestedSOPClassUID, MessageIDBeingRespondedTo = r.MessageID, Status = status, AffectedSOPInstanceUID = r.RequestedSOPInstanceUID },
        _ => throw new ArgumentException($"{request.Title} has no response", nameof(request)),
    };
}
