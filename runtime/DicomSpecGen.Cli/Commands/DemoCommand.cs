using System.CommandLine;
using System.Diagnostics;
using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Association;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.StorageCommitment;
using DicomSpecGen.Services.Worklist;
using Microsoft.Extensions.Logging;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg demo: the whole stack in one command. Starts an archive SCP, stores a folder into it (or generated
/// CT instances), finds the studies, moves them to a second archive, and echoes; then plays a modality's day against
/// the same SCP: worklist query, MPPS IN PROGRESS, store, storage commitment, MPPS COMPLETED.</summary>
public static class DemoCommand
{
    public static Command Create(CommonOptions common)
    {
        var folder = new Option<string?>("--input", "-i") { Description = "folder of DICOM files to store (default: generate CT instances)" };
        var count = new Option<int>("--count", "-n") { Description = "number of instances to generate", DefaultValueFactory = _ => 20 };
        var keep = new Option<string?>("--work-directory") { Description = "where the two archives live (default: a temporary folder, removed afterwards)" };
        var command = new Command("demo", "start an SCP, store a folder into it, find it, move it to a second SCP, and echo");
        foreach (var o in new Option[] { folder, count, keep }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            var logger = logging.CreateLogger("demo");
            var work = result.GetValue(keep) ?? Path.Combine(Path.GetTempPath(), "dsg-demo-" + Guid.NewGuid().ToString("N")[..8]);
            var temporary = result.GetValue(keep) == null;
            try
            {
                var input = result.GetValue(folder) ?? await GenerateAsync(Path.Combine(work, "input"), result.GetValue(count), ct);
                using var archiveA = DicomArchive.Open(Path.Combine(work, "archive"), "DSGSCP", logger);
                using var archiveB = DicomArchive.Open(Path.Combine(work, "destination"), "DSGDEST", logger);
                // Each SCP accepts what its registered services serve.
                var providerB = new DicomServiceProvider(new ServiceProviderOptions { AeTitle = "DSGDEST", Storage = archiveB, Query = archiveB }, logger);
                var acceptorB = ScpCommand.Acceptor(common, result, "DSGDEST", null, 8, services: providerB.Registry);
                await using var destination = DicomServer.Start(IPAddress.Loopback, 0, acceptorB, providerB, logger);
                var acceptorA = ScpCommand.Acceptor(common, result, "DSGSCP", null, 8);
                // The modality's day: one scheduled item for a demo patient, MPPS kept in memory, commitment over the index.
                var worklist = new InMemoryWorklistSource();
                var scheduled = ScheduledItem();
                worklist.Add(scheduled);
                var mppsStore = new MemoryMppsStore();
                var providerA = new DicomServiceProvider(new ServiceProviderOptions
                {
                    Services = [new WorklistService(worklist, null, logger), new MppsService(mppsStore, logger),
                        new StorageCommitmentService(new IndexCommitmentArchive(archiveA.Index), new StorageCommitmentOptions { ReportAssociation = ReportAssociation.Same }, logger)],
                    AeTitle = "DSGSCP",
                    Storage = archiveA,
                    Query = archiveA,
                    MoveDestinations = new Dictionary<string, KnownAe> { ["DSGDEST"] = new("DSGDEST", "127.0.0.1", destination.Port) },
                    CommonOptions = acceptorA,
                }, logger);
                await using var scp = DicomServer.Start(IPAddress.Loopback, 0, ScpCommand.Acceptor(common, result, "DSGSCP", null, 8, services: providerA.Registry), providerA, logger);
                Console.WriteLine($"1. archive SCP DSGSCP on port {scp.Port}, move destination DSGDEST on port {destination.Port} (engine: {result.GetValue(common.Engine)})");

                var files = StoreCommand.Expand([input]);
                var (contexts, unreadable) = await StoreCommand.ProposeAsync(files, ct);
                contexts.Add(new(255, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian]));
                var clock = Stopwatch.StartNew();
                long bytes = 0;
                var stored = 0;
                await using (var client = await DicomClient.ConnectAsync(common.Requestor(result, "127.0.0.1", scp.Port, "DSGDEMO", "DSGSCP", contexts), null, logger, ct))
                {
                    foreach (var file in files.Except(unreadable.Select(u => u.Path)))
                    {
                        if ((await client.StoreFileAsync(file, ct)).Status == DimseStatus.Success) stored++;
                        bytes += new FileInfo(file).Length;
                    }
                    var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-6);
                    Console.WriteLine($"2. C-STORE: {stored} of {files.Count} files from {input} in {seconds:F2} s ({stored / seconds:F1} objects/s, {bytes / 1048576.0 / seconds:F2} MB/s)");
                    Console.WriteLine($"   C-ECHO: {DimseStatus.Describe(DimseService.Verification, await client.EchoAsync(ct))}");
                    await client.ReleaseAsync(ct);
                }

                var findModel = DicomUids.StudyRootQueryRetrieveInformationModelFind;
                var moveModel = DicomUids.StudyRootQueryRetrieveInformationModelMove;
                var studies = new List<DicomDataset>();
                await using (var client = await DicomClient.ConnectAsync(common.Requestor(result, "127.0.0.1", scp.Port, "DSGDEMO", "DSGSCP",
                    [new(1, findModel, [DicomUids.ExplicitVRLittleEndian]), new(3, moveModel, [DicomUids.ExplicitVRLittleEndian])]), null, logger, ct))
                {
                    var query = QueryKeys.Build("STUDY", ["StudyInstanceUID", "PatientID", "PatientName", "StudyDate", "ModalitiesInStudy", "NumberOfStudyRelatedInstances"]);
                    await foreach (var study in client.FindAsync(findModel, query, null, ct)) studies.Add(study);
                    Console.WriteLine($"3. C-FIND: {studies.Count} study(ies)");
                    foreach (var s in studies) Console.WriteLine("   " + QueryKeys.Format(s));
                    var moved = 0;
                    foreach (var study in studies)
                    {
                        var final = await client.MoveAsync(moveModel, "DSGDEST", QueryKeys.Build("STUDY", ["StudyInstanceUID=" + study.GetString(DicomTags.StudyInstanceUID)]), null, ct);
                        moved += (final.Message as CMoveRsp)?.NumberOfCompletedSuboperations ?? 0;
                        if (final.Status != DimseStatus.Success) Console.WriteLine($"   C-MOVE status {DimseStatus.Describe(DimseService.QueryRetrieveMove, final.Status)}");
                    }
                    await client.ReleaseAsync(ct);
                    var arrived = Directory.GetFiles(Path.Combine(work, "destination"), "*.dcm", SearchOption.AllDirectories).Length;
                    Console.WriteLine($"4. C-MOVE to DSGDEST: {moved} sub-operations completed; {arrived} files in the destination archive");
                    var ok = stored == files.Count && stored > 0 && arrived == stored;
                    ok &= await ModalityDayAsync(common, result, scp.Port, Path.Combine(work, "modality"), logger, ct);
                    Console.WriteLine(ok ? "demo succeeded" : "demo FAILED");
                    return ok ? ExitCodes.Ok : ExitCodes.OperationFailed;
                }
            }
            catch (Exception e) when (Failures.Known(e))
            {
                return Failures.Report(e);
            }
            finally
            {
                if (temporary && Directory.Exists(work)) Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }

    /// <summary>The scheduled procedure step the demo's worklist offers (PS3.4 Table K.6-1 attributes).</summary>
    private static DicomDataset ScheduledItem()
    {
        var today = DateTime.Now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return WorklistClient.BuildIdentifier([
            "PatientName=DEMO^ALPHA", "PatientID=DEMO1", "AccessionNumber=A1001", "RequestedProcedureID=RP1001",
            "RequestedProcedureDescription=CT chest", "StudyInstanceUID=" + MppsService.NewUid(),
            "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=DSGDEMO",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + today,
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartTime=090000",
            "ScheduledProcedureStepSequence[0].Modality=CT",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID=SPS1001",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription=CT chest without contrast"]);
    }

    /// <summary>Step 5, as the modality DSGDEMO: query today's CT worklist, N-CREATE the MPPS IN PROGRESS, store the
    /// scheduled study, request storage commitment (report on the same association), N-SET the MPPS COMPLETED.</summary>
    private static async Task<bool> ModalityDayAsync(CommonOptions common, ParseResult result, int port, string folder, ILogger logger, CancellationToken ct)
    {
        Console.WriteLine("5. a modality's day: DSGDEMO against DSGSCP (worklist, MPPS, storage, storage commitment)");
        var today = DateTime.Now.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var query = WorklistClient.BuildIdentifier([
            "PatientName", "PatientID", "AccessionNumber", "RequestedProcedureID", "StudyInstanceUID",
            "ScheduledProcedureStepSequence[0].ScheduledStationAETitle=DSGDEMO",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepStartDate=" + today,
            "ScheduledProcedureStepSequence[0].Modality=CT",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepID",
            "ScheduledProcedureStepSequence[0].ScheduledProcedureStepDescription"]);
        var explicitFirst = new[] { DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian };
        List<PresentationContextProposal> contexts = [new(1, WorklistService.SopClassUid, explicitFirst), new(3, MppsScu.SopClassUid, explicitFirst),
            new(5, DicomUids.CTImageStorage, [DicomUids.ExplicitVRLittleEndian])];
        await using var client = await DicomClient.ConnectAsync(common.Requestor(result, "127.0.0.1", port, "DSGDEMO", "DSGSCP", contexts), null, logger, ct);

        var (items, final) = await client.QueryWorklistAsync(query, ct);
        Console.WriteLine($"   worklist C-FIND: {items.Count} item(s), {DimseStatus.Describe(DimseService.ModalityWorklistFind, Failures.FinalResponse(final, "worklist C-FIND").Status)}");
        foreach (var item in items) Console.WriteLine("   #1 " + WorklistCommand.Format(item));
        if (items.Count != 1) return false;
        var item0 = items[0];
        string Value(uint tag, DicomDataset? ds = null) => (ds ?? item0).GetString(tag)?.TrimEnd('\0', ' ') ?? "";
        var step = item0.GetSequence(DicomTags.ScheduledProcedureStepSequence)?.Items.FirstOrDefault() ?? new DicomDataset();

        // The performed step references the scheduled one (Scheduled Step Attributes Sequence, from the same keywords).
        var mpps = MppsService.NewUid();
        var attributes = MppsScu.CreateAttributes(new Dictionary<string, string>
        {
            ["PatientName"] = Value(DicomTags.PatientName),
            ["PatientID"] = Value(DicomTags.PatientID),
            ["StudyInstanceUID"] = Value(DicomTags.StudyInstanceUID),
            ["AccessionNumber"] = Value(DicomTags.AccessionNumber),
            ["RequestedProcedureID"] = Value(DicomTags.RequestedProcedureID),
            ["ScheduledProcedureStepID"] = Value(DicomTags.ScheduledProcedureStepID, step),
            ["ScheduledProcedureStepDescription"] = Value(DicomTags.ScheduledProcedureStepDescription, step),
            ["PerformedStationAETitle"] = "DSGDEMO",
            ["PerformedProcedureStepID"] = "PPS1001",
            ["Modality"] = "CT",
        });
        var created = await MppsScu.CreateAsync(client, mpps, attributes, ct);
        Console.WriteLine($"   MPPS N-CREATE {mpps} IN PROGRESS: {DimseStatus.Describe(DimseService.General, created.Status)}");
        var ok = created.Status == DimseStatus.Success;

        const int count = 3;
        var references = new List<CommitmentReference>();
        var stored = 0;
        Directory.CreateDirectory(folder);
        for (var i = 0; i < count; i++)
        {
            var file = await WriteCtAsync(folder, i, Value(DicomTags.StudyInstanceUID), Value(DicomTags.PatientName), Value(DicomTags.PatientID), ct);
            if ((await client.StoreFileAsync(file.Path, ct)).Status == DimseStatus.Success) stored++;
            references.Add(new CommitmentReference(DicomUids.CTImageStorage, file.SopInstanceUid));
        }
        Console.WriteLine($"   C-STORE: {stored} of {count} instances of the scheduled study");
        ok &= stored == count;

        var commitment = await StorageCommitmentScu.RequestAsync(common.Requestor(result, "127.0.0.1", port, "DSGDEMO", "DSGSCP", []), references,
            TimeSpan.FromSeconds(10), null, logger, ct);
        Console.WriteLine($"   storage commitment N-ACTION: {DimseStatus.Describe(DimseService.General, commitment.ActionStatus)}; report on the "
            + (commitment.EventType == null ? "same association: none within 10 s" : $"same association: {commitment.Committed.Count} committed, {commitment.Failed.Count} failed"));
        foreach (var c in commitment.Committed) Console.WriteLine($"     committed {c.SopInstanceUid}");
        foreach (var (f, reason) in commitment.Failed) Console.WriteLine($"     FAILED    {f.SopInstanceUid}: {DimseStatus.Describe(DimseService.General, reason)}");
        ok &= commitment.EventType != null && commitment.Committed.Count == count && commitment.Failed.Count == 0;

        var completed = await MppsScu.SetAsync(client, mpps, MppsScu.SetAttributes("COMPLETED"), ct);
        Console.WriteLine($"   MPPS N-SET {mpps} COMPLETED: {DimseStatus.Describe(DimseService.General, completed.Status)}");
        await client.ReleaseAsync(ct);
        return ok && completed.Status == DimseStatus.Success;
    }

    /// <summary>Small CT instances (two studies) written with the data layer's Part 10 writer.</summary>
    private static async Task<string> GenerateAsync(string folder, int count, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var root = "2.25." + BitConverter.ToUInt64(Guid.NewGuid().ToByteArray()).ToString();
        for (var i = 0; i < count; i++)
            await WriteCtAsync(folder, i, $"{root}.{i % 2 + 1}", i % 2 == 0 ? "DEMO^ALPHA" : "DEMO^BETA", i % 2 == 0 ? "DEMO1" : "DEMO2", ct);
        return folder;
    }

    /// <summary>One 64x64 CT instance of <paramref name="study"/>, number <paramref name="i"/> + 1.</summary>
    private static async Task<(string Path, string SopInstanceUid)> WriteCtAsync(string folder, int i, string study, string patientName, string patientId, CancellationToken ct)
    {
        {
            var series = study + ".1";
            var sop = $"{series}.{i + 1}";
            var pixels = new byte[64 * 64 * 2];
            Random.Shared.NextBytes(pixels);
            var ds = new DicomDataset()
                .SetString(new DicomTag(DicomTags.SOPClassUID), DicomUids.CTImageStorage)
                .SetString(new DicomTag(DicomTags.SOPInstanceUID), sop)
                .SetString(new DicomTag(DicomTags.StudyDate), "20240105")
                .SetString(new DicomTag(DicomTags.Modality), "CT")
                .SetString(new DicomTag(DicomTags.PatientName), patientName)
                .SetString(new DicomTag(DicomTags.PatientID), patientId)
                .SetString(new DicomTag(DicomTags.StudyInstanceUID), study)
                .SetString(new DicomTag(DicomTags.SeriesInstanceUID), series)
                .SetString(new DicomTag(DicomTags.InstanceNumber), (i + 1).ToString())
                .SetUInt16(new DicomTag(DicomTags.Rows), 64)
                .SetUInt16(new DicomTag(DicomTags.Columns), 64)
                .SetUInt16(new DicomTag(DicomTags.BitsAllocated), 16)
                .SetBytes(new DicomTag(DicomTags.PixelData), DicomVr.OW, pixels);
            var path = Path.Combine(folder, $"ct{i + 1:D4}.dcm");
            await using (var file = File.Create(path))
                await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, DicomUids.ExplicitVRLittleEndian), ds, ct);
            return (path, sop);
        }
    }
}
