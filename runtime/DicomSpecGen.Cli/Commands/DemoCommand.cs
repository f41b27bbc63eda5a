using System.CommandLine;
using System.Diagnostics;
using System.Net;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scp;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg demo: the whole stack in one command. Starts an archive SCP, stores a folder into it (or generated
/// CT instances), finds the studies, moves them to a second archive, and echoes.</summary>
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
                var providerA = new DicomServiceProvider(new ServiceProviderOptions
                {
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
                    Console.WriteLine($"   C-ECHO: {ServiceStatus.Describe(DimseService.Verification, await client.EchoAsync(ct))}");
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
                        if (final.Status != DimseStatus.Success) Console.WriteLine($"   C-MOVE status {ServiceStatus.Describe(DimseService.QueryRetrieveMove, final.Status)}");
                    }
                    await client.ReleaseAsync(ct);
                    var arrived = Directory.GetFiles(Path.Combine(work, "destination"), "*.dcm", SearchOption.AllDirectories).Length;
                    Console.WriteLine($"4. C-MOVE to DSGDEST: {moved} sub-operations completed; {arrived} files in the destination archive");
                    var ok = stored == files.Count && stored > 0 && arrived == stored;
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

    /// <summary>Small CT instances (two studies) written with the data layer's Part 10 writer.</summary>
    private static async Task<string> GenerateAsync(string folder, int count, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var root = "2.25." + BitConverter.ToUInt64(Guid.NewGuid().ToByteArray()).ToString();
        for (var i = 0; i < count; i++)
        {
            var study = $"{root}.{i % 2 + 1}";
            var series = study + ".1";
            var sop = $"{series}.{i + 1}";
            var pixels = new byte[64 * 64 * 2];
            Random.Shared.NextBytes(pixels);
            var ds = new DicomDataset()
                .SetString(new DicomTag(DicomTags.SOPClassUID), DicomUids.CTImageStorage)
                .SetString(new DicomTag(DicomTags.SOPInstanceUID), sop)
                .SetString(new DicomTag(DicomTags.StudyDate), "20240105")
                .SetString(new DicomTag(DicomTags.Modality), "CT")
                .SetString(new DicomTag(DicomTags.PatientName), i % 2 == 0 ? "DEMO^ALPHA" : "DEMO^BETA")
                .SetString(new DicomTag(DicomTags.PatientID), i % 2 == 0 ? "DEMO1" : "DEMO2")
                .SetString(new DicomTag(DicomTags.StudyInstanceUID), study)
                .SetString(new DicomTag(DicomTags.SeriesInstanceUID), series)
                .SetString(new DicomTag(DicomTags.InstanceNumber), (i + 1).ToString())
                .SetUInt16(new DicomTag(DicomTags.Rows), 64)
                .SetUInt16(new DicomTag(DicomTags.Columns), 64)
                .SetUInt16(new DicomTag(DicomTags.BitsAllocated), 16)
                .SetBytes(new DicomTag(DicomTags.PixelData), DicomVr.OW, pixels);
            await using var file = File.Create(Path.Combine(folder, $"ct{i + 1:D4}.dcm"));
            await DicomFile.WriteAsync(file, new DicomFileMeta(DicomUids.CTImageStorage, sop, DicomUids.ExplicitVRLittleEndian), ds, ct);
        }
        return folder;
    }
}
