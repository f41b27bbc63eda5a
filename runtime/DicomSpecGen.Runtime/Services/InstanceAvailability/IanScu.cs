using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Services.InstanceAvailability;

/// <summary>An instance a notification names: its series, SOP class and SOP instance.</summary>
public sealed record IanInstance(string SeriesInstanceUid, string SopClassUid, string SopInstanceUid);

/// <summary>The Instance Availability Notification SCU side: the N-CREATE attribute list of Table R.3.2-1 for a
/// study's instances, and the N-CREATE itself.</summary>
/// <remarks>PS3.4 R.3.2.1.2 (SCU behaviour).</remarks>
public static class IanScu
{
    /// <summary>The Instance Availability Notification SOP class UID (PS3.4 R.3.3).</summary>
    public static string SopClassUid => IanSpec.SopClasses[0].Uid;

    /// <summary>The N-CREATE attribute list naming <paramref name="instances"/> of study <paramref name="studyInstanceUid"/>,
    /// grouped by series, each with <paramref name="availability"/> (a value of ian.yaml's instanceAvailability) and
    /// <paramref name="retrieveAeTitle"/>. Only Table R.3.2-1's attributes are sent (R.3.2.1.2 forbids others); the
    /// Referenced Performed Procedure Step Sequence (type 2) is sent empty unless <paramref name="performedProcedureSteps"/>
    /// (SOP class, SOP instance UIDs) are given.</summary>
    public static DicomDataset Attributes(string studyInstanceUid, IEnumerable<IanInstance> instances, string retrieveAeTitle, string availability = "ONLINE",
        IEnumerable<(string SopClassUid, string SopInstanceUid)>? performedProcedureSteps = null)
    {
        if (!IanSpec.InstanceAvailability.Any(v => v.Value == availability))
            throw new ArgumentException($"'{availability}' is not an Instance Availability value ({string.Join(", ", IanSpec.InstanceAvailability.Select(v => v.Value))}; {IanSpec.InstanceAvailability[0].Source})");
        var steps = new DicomSequence(DicomTags.ReferencedPerformedProcedureStepSequence);
        foreach (var (cls, uid) in performedProcedureSteps ?? [])
        {
            steps.Items.Add(new DicomDataset()
                .SetString(DicomTags.ReferencedSOPClassUID, cls)
                .SetString(DicomTags.ReferencedSOPInstanceUID, uid)
                .Set(new DicomSequence(DicomTags.PerformedWorkitemCodeSequence)));
        }
        var series = new DicomSequence(DicomTags.ReferencedSeriesSequence);
        foreach (var group in instances.GroupBy(i => i.SeriesInstanceUid, StringComparer.Ordinal))
        {
            var sops = new DicomSequence(DicomTags.ReferencedSOPSequence);
            foreach (var i in group)
            {
                sops.Items.Add(new DicomDataset()
                    .SetString(DicomTags.ReferencedSOPClassUID, i.SopClassUid)
                    .SetString(DicomTags.ReferencedSOPInstanceUID, i.SopInstanceUid)
                    .SetString(DicomTags.InstanceAvailability, availability)
                    .SetString(DicomTags.RetrieveAETitle, retrieveAeTitle));
            }
            series.Items.Add(new DicomDataset().SetString(DicomTags.SeriesInstanceUID, group.Key).Set(sops));
        }
        if (series.Items.Count == 0) throw new ArgumentException("a notification names at least one instance (Referenced Series Sequence is type 1, PS3.4 Table R.3.2-1)");
        return new DicomDataset().Set(steps).SetString(DicomTags.StudyInstanceUID, studyInstanceUid).Set(series);
    }

    /// <summary>N-CREATE of notification <paramref name="sopInstanceUid"/> on an association with the SOP class accepted.</summary>
    public static Task<DimseResponse> CreateAsync(DicomClient client, string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken = default)
        => client.RequestAsync(Request(client.Connection, sopInstanceUid), attributes, cancellationToken);

    /// <summary>N-CREATE on a connection (e.g. one opened by <see cref="AeConnector"/>).</summary>
    public static Task<DimseResponse> CreateAsync(DimseConnection connection, string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken = default)
        => connection.RequestFinalAsync(connection.Association.GetAcceptedContextId(SopClassUid), Request(connection, sopInstanceUid), attributes, cancellationToken);

    /// <summary>The SCU gives the SOP instance UID of the notification it creates (R.3.2.1.2).</summary>
    private static NCreateRq Request(DimseConnection connection, string sopInstanceUid) => new()
    {
        AffectedSOPClassUID = SopClassUid,
        AffectedSOPInstanceUID = sopInstanceUid,
        MessageID = connection.NextMessageId(),
    };
}
