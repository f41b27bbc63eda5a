// A Modality Worklist query (PS3.4 K.4.1.2): C-FIND on the Modality Worklist Information Model with matching keys for
// a modality and return keys for the patient and the scheduled step.
// Usage: dotnet run -- HOST PORT CALLED-AE [MODALITY]
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.Worklist;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: WorklistQuery HOST PORT CALLED-AE [MODALITY]");
    return 4;
}
await using var client = await DicomClient.ConnectAsync(new RequestorOptions
{
    Host = args[0],
    Port = int.Parse(args[1]),
    CallingAeTitle = "WLQUERY",
    CalledAeTitle = args[2],
    PresentationContexts = [new(1, WorklistService.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])],
});

// Keys as dsg worklist -k takes them: "Keyword=value" matches, "Keyword" asks for the value.
var identifier = WorklistClient.BuildIdentifier(
[
    "PatientName", "PatientID", "AccessionNumber",
    "ScheduledProcedureStepSequence[0].Modality=" + (args.Length > 3 ? args[3] : ""),
    "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate",
    "ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription",
]);
var (items, final) = await client.QueryWorklistAsync(identifier);
foreach (var item in items)
{
    var step = item.GetSequence(new DicomTag(DicomTags.ScheduledProcedureStepSequence))?.Items.FirstOrDefault();
    Console.WriteLine($"{item.GetString(new DicomTag(DicomTags.PatientName))} | {item.GetString(new DicomTag(DicomTags.PatientID))} | " +
        $"{step?.GetString(new DicomTag(DicomTags.Modality))} | {step?.GetString(new DicomTag(DicomTags.ScheduledProcedureStepStartDate))} | " +
        $"{step?.GetString(new DicomTag(DicomTags.ScheduledProcedureStepDescription))}");
}
Console.WriteLine($"{items.Count} item(s); final status 0x{final?.Status:X4}");
await client.ReleaseAsync();
return final?.Status == 0x0000 ? 0 : 1;
