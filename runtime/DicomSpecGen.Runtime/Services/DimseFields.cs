using DicomSpecGen.Dimse;

namespace DicomSpecGen.Services;

/// <summary>The fields every request or response has under a different generated type: Message ID, Message ID
/// Being Responded To, Status and the SOP class (PS3.7 9.3, 10.3).</summary>
public static class DimseFields
{
    public static ushort? MessageId(DimseMessage m) => m switch
    {
        CEchoRq r => r.MessageID,
        CStoreRq r => r.MessageID,
        CFindRq r => r.MessageID,
        CMoveRq r => r.MessageID,
        CGetRq r => r.MessageID,
        NEventReportRq r => r.MessageID,
        NGetRq r => r.MessageID,
        NSetRq r => r.MessageID,
        NActionRq r => r.MessageID,
        NCreateRq r => r.MessageID,
        NDeleteRq r => r.MessageID,
        _ => null,
    };

    public static ushort? RespondedTo(DimseMessage m) => m switch
    {
        CEchoRsp r => r.MessageIDBeingRespondedTo,
        CStoreRsp r => r.MessageIDBeingRespondedTo,
        CFindRsp r => r.MessageIDBeingRespondedTo,
        CMoveRsp r => r.MessageIDBeingRespondedTo,
        CGetRsp r => r.MessageIDBeingRespondedTo,
        CCancelRq r => r.MessageIDBeingRespondedTo,
        NEventReportRsp r => r.MessageIDBeingRespondedTo,
        NGetRsp r => r.MessageIDBeingRespondedTo,
        NSetRsp r => r.MessageIDBeingRespondedTo,
        NActionRsp r => r.MessageIDBeingRespondedTo,
        NCreateRsp r => r.MessageIDBeingRespondedTo,
        NDeleteRsp r => r.MessageIDBeingRespondedTo,
        _ => null,
    };

    public static ushort? Status(DimseMessage m) => m switch
    {
        CEchoRsp r => r.Status,
        CStoreRsp r => r.Status,
        CFindRsp r => r.Status,
        CMoveRsp r => r.Status,
        CGetRsp r => r.Status,
        NEventReportRsp r => r.Status,
        NGetRsp r => r.Status,
        NSetRsp r => r.Status,
        NActionRsp r => r.Status,
        NCreateRsp r => r.Status,
        NDeleteRsp r => r.Status,
        _ => null,
    };

    /// <summary>The SOP class a request is about (Affected or Requested SOP Class UID).</summary>
    public static string? SopClass(DimseMessage m) => m switch
    {
        CEchoRq r => r.AffectedSOPClassUID,
        CStoreRq r => r.AffectedSOPClassUID,
        CFindRq r => r.AffectedSOPClassUID,
        CMoveRq r => r.AffectedSOPClassUID,
        CGetRq r => r.AffectedSOPClassUID,
        NEventReportRq r => r.AffectedSOPClassUID,
        NGetRq r => r.RequestedSOPClassUID,
        NSetRq r => r.RequestedSOPClassUID,
        NActionRq r => r.RequestedSOPClassUID,
        NCreateRq r => r.AffectedSOPClassUID,
        NDeleteRq r => r.RequestedSOPClassUID,
        _ => null,
    };

    /// <summary>Pending statuses (FF00, FF01) mean more responses follow (PS3.7 C.1.2, C.4).</summary>
    public static bool IsPending(ushort status) => DimseStatus.ClassOf(status) == StatusClass.Pending;
}
