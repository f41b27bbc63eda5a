using System.Globalization;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Services.ProcedureStep;

/// <summary>The MPPS SCU side: N-CREATE and N-SET on an association that has the MPPS SOP class accepted, and the
/// data sets Table F.7.2-1 asks for (from spec/part04/mpps.yaml).</summary>
/// <remarks>PS3.4 F.7.2.1.2 and F.7.2.2.2 (SCU behaviour).</remarks>
public static class MppsScu
{
    /// <summary>The MPPS SOP class UID (PS3.4 F.7.3).</summary>
    public static string SopClassUid => MppsSpec.SopClasses[0].Uid;

    /// <summary>N-CREATE of instance <paramref name="sopInstanceUid"/> with <paramref name="attributes"/>.</summary>
    public static Task<DimseResponse> CreateAsync(DicomClient client, string sopInstanceUid, DicomDataset attributes, CancellationToken cancellationToken = default)
        => client.RequestAsync(new NCreateRq
        {
            AffectedSOPClassUID = SopClassUid,
            AffectedSOPInstanceUID = sopInstanceUid,
            MessageID = client.Connection.NextMessageId(),
        }, attributes, cancellationToken);

    /// <summary>N-SET of instance <paramref name="sopInstanceUid"/> with the modification list <paramref name="modifications"/>.</summary>
    public static Task<DimseResponse> SetAsync(DicomClient client, string sopInstanceUid, DicomDataset modifications, CancellationToken cancellationToken = default)
        => client.RequestAsync(new NSetRq
        {
            RequestedSOPClassUID = SopClassUid,
            RequestedSOPInstanceUID = sopInstanceUid,
            MessageID = client.Connection.NextMessageId(),
        }, modifications, cancellationToken);

    /// <summary>An N-CREATE attribute list: every top-level row of Table F.7.2-1 the SCU must send (type 1 or 2 in the
    /// N-CREATE SCU column), with the initial status; a type 1 sequence gets one item built the same way, a type 2
    /// sequence is empty, type 2 values zero-length. Values come from <paramref name="values"/> by keyword; a missing
    /// type 1 UID, date or time is made (new UID, now); any other missing type 1 value is an error naming the row.</summary>
    public static DicomDataset CreateAttributes(IReadOnlyDictionary<string, string> values, DateTimeOffset? now = null)
    {
        var at = now ?? DateTimeOffset.Now;
        var values2 = new Dictionary<string, string>(values, StringComparer.Ordinal)
        {
            ["PerformedProcedureStepStatus"] = MppsSpec.States.Single(s => s.Initial).Value,
        };
        var dataset = Build(null, values2, at);
        foreach (var (keyword, value) in values)
        {
            if (MppsSpec.Attributes.Any(a => a.Parent == null && a.Keyword == keyword)) continue;
            if (!DicomDictionary.TryLookupKeyword(keyword, out var entry)) throw new ArgumentException($"'{keyword}' is not a PS3.6 keyword");
            dataset.SetString(entry.Tag, value);
        }
        return dataset;
    }

    /// <summary>An N-SET modification list moving the instance to <paramref name="status"/> (a state of mpps.yaml): a
    /// final state also gets End Date and End Time (Final State column "1"), plus <paramref name="values"/> by keyword.</summary>
    public static DicomDataset SetAttributes(string status, IReadOnlyDictionary<string, string>? values = null, DateTimeOffset? now = null)
    {
        var state = MppsSpec.StateOf(status) ?? throw new ArgumentException(
            $"'{status}' is not a Performed Procedure Step Status value ({string.Join(", ", MppsSpec.States.Select(s => s.Value))}; PS3.4 F.7.2.2.2)");
        var at = now ?? DateTimeOffset.Now;
        var dataset = new DicomDataset().SetString(DicomTags.PerformedProcedureStepStatus, state.Value);
        if (state.Final)
        {
            foreach (var row in MppsSpec.Attributes.Where(a => a.Parent == null && a.FinalState == "1"))
            {
                var vr = DicomDictionary.TryLookup(row.Tag, out var entry) ? entry.Vr : DicomVr.UN;
                if (vr == DicomVr.DA) dataset.SetString(row.Tag, at.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                else if (vr == DicomVr.TM) dataset.SetString(row.Tag, at.ToString("HHmmss", CultureInfo.InvariantCulture));
            }
        }
        foreach (var (keyword, value) in values ?? new Dictionary<string, string>())
        {
            if (!DicomDictionary.TryLookupKeyword(keyword, out var entry)) throw new ArgumentException($"'{keyword}' is not a PS3.6 keyword");
            dataset.SetString(entry.Tag, value);
        }
        return dataset;
    }

    private static DicomDataset Build(string? parent, Dictionary<string, string> values, DateTimeOffset at)
    {
        var dataset = new DicomDataset();
        foreach (var row in MppsSpec.Attributes.Where(a => a.Parent == parent && a.NCreateScu is "1" or "2"))
        {
            var vr = DicomDictionary.TryLookup(row.Tag, out var entry) ? entry.Vr : DicomVr.UN;
            if (vr == DicomVr.SQ)
            {
                var sequence = new DicomSequence(row.Tag);
                if (row.NCreateScu == "1") sequence.Items.Add(Build(row.Name, values, at));
                dataset.Set(sequence);
            }
            else if (values.TryGetValue(row.Keyword, out var value)) dataset.SetString(row.Tag, value);
            else if (row.NCreateScu == "2") dataset.SetString(row.Tag, "");
            else if (vr == DicomVr.UI) dataset.SetString(row.Tag, MppsService.NewUid());
            else if (vr == DicomVr.DA) dataset.SetString(row.Tag, at.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            else if (vr == DicomVr.TM) dataset.SetString(row.Tag, at.ToString("HHmmss", CultureInfo.InvariantCulture));
            else throw new ArgumentException($"{row.Keyword} {DicomTagText(row.Tag)} is type 1 in the N-CREATE ({row.Source}): give it a value");
        }
        return dataset;
    }

    private static string DicomTagText(uint tag) => new DicomTag(tag).ToString();
}
