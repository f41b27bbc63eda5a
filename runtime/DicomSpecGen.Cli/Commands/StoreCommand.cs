using System.CommandLine;
using System.Diagnostics;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg store: C-STORE files and folders (recursively) like DCMTK's storescu +sd.</summary>
public static class StoreCommand
{
    public sealed record Outcome(string Path, string? SopInstanceUid, ushort? Status, string? Error);

    public static Command Create(CommonOptions common)
    {
        var peer = new PeerArguments();
        var paths = new Argument<string[]>("paths") { Description = "DICOM files or folders (searched recursively)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("store", "send DICOM files with C-STORE (PS3.4 Annex B)");
        var asyncOps = AsyncOpsOption("C-STOREs to keep outstanding: proposed as the asynchronous operations window (PS3.7 D.3.3.3; 0 = unlimited); the peer may answer fewer, and a peer that omits the item means 1");
        peer.AddTo(command);
        command.Arguments.Add(paths);
        command.Options.Add(asyncOps);
        common.AddTo(command);
        common.Audit.AddTo(command);
        common.Identity.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            var files = Expand(result.GetValue(paths)!);
            if (files.Count == 0)
            {
                Console.Error.WriteLine("E: no files to send");
                return ExitCodes.BadInput;
            }
            if (CheckAsyncOps(result.GetValue(asyncOps)) is { } bad)
            {
                Console.Error.WriteLine("E: " + bad);
                return ExitCodes.BadInput;
            }
            var (contexts, unreadable) = await ProposeAsync(files, ct);
            var outcomes = unreadable.Select(u => new Outcome(u.Path, null, null, u.Error)).ToList();
            if (contexts.Count == 0) return Summarize(outcomes, 0, TimeSpan.Zero, 0);
            var readable = files.Except(unreadable.Select(u => u.Path)).ToList();
            AuditTrail? audit = null;
            try
            {
                audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logging.CreateLogger("audit"));
                var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!, contexts);
                // We perform nothing on a store association: propose N invoked, 1 performed; 1 proposes nothing (the default).
                if (result.GetValue(asyncOps) is var n and not 1) options = options with { AsyncOperationLimits = new AsyncOperationLimits((ushort)n, 1) };
                await using var client = await DicomClient.ConnectAsync(options, null, logging.CreateLogger("store"), ct);
                if (result.GetValue(common.Verbose))
                    Console.WriteLine($"asynchronous operations window: {(client.Connection.InvokeWindow is { } w ? w.ToString() : "unlimited")} outstanding");
                var (sent, bytes, elapsed) = await SendAllAsync(client, readable, outcomes, result.GetValue(common.Verbose), ct);
                await client.ReleaseAsync(ct);
                AuditSent(audit, outcomes, new AuditPeer(result.GetValue(peer.CalledAe)!, $"{result.GetValue(peer.Host)}:{result.GetValue(peer.Port)}"));
                return Summarize(outcomes, sent, elapsed, bytes);
            }
            catch (Exception e) when (Failures.Known(e))
            {
                AuditArguments.ConnectionFailed(audit, result.GetValue(peer.Host)!, result.GetValue(peer.Port), e);
                return Failures.Report(e);
            }
            finally
            {
                await AuditArguments.CloseAsync(audit);
            }
        });
        return command;
    }

    /// <summary>DICOM Instances Transferred (PS3.15 A.5.3.7), we the source: one message per patient for what was
    /// stored and one per patient for what failed, built from the files off the DICOM path.</summary>
    private static void AuditSent(AuditTrail? audit, List<Outcome> outcomes, AuditPeer peer)
    {
        if (audit == null) return;
        foreach (var stored in new[] { true, false })
        {
            var paths = outcomes.Where(o => o.Status != null && (o.Error == null) == stored).Select(o => o.Path).ToList();
            if (paths.Count == 0) continue;
            audit.Post(async ct =>
            {
                var instances = new List<AuditInstance>();
                foreach (var path in paths)
                    if (await AuditFiles.ReadAsync(path, ct) is { } instance) instances.Add(instance);
                return instances.GroupBy(i => i.PatientId, StringComparer.Ordinal)
                    .Select(p => audit.Events.InstancesTransferred(p.ToList(), peer, weSent: true, peerIsRequestor: false, stored, stored ? null : "C-STORE failed")).ToList();
            });
        }
    }

    public static List<string> Expand(IEnumerable<string> paths) => paths
        .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p])
        .Where(p => !Path.GetFileName(p).StartsWith('.'))
        .ToList();

    /// <summary>One context per SOP class found, proposing the files' own transfer syntaxes first, then Explicit and
    /// Implicit VR Little Endian (so native data can be transcoded if needed). The files' headers are read on all cores
    /// (the association waits for this scan), then gathered in the order of the files.</summary>
    public static async Task<(List<PresentationContextProposal> Contexts, List<(string Path, string Error)> Unreadable)> ProposeAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        var found = new (string? SopClass, string? Syntax, string? Error)[files.Count];
        await Parallel.ForAsync(0, files.Count, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, token) =>
        {
            try
            {
                // One read of the file's first bytes, on this thread.
                var head = await DicomFileReader.ReadHeadAsync(files[i], token);
                found[i] = (head.Meta.MediaStorageSopClassUid, head.Meta.TransferSyntaxUid, null);
            }
            catch (Exception e) when (e is Data.DicomDataException or IOException or UnauthorizedAccessException)
            {
                found[i] = (null, null, "not a readable DICOM file: " + e.Message);
            }
        });
        var syntaxes = new Dictionary<string, List<string>>();
        var unreadable = new List<(string, string)>();
        for (var i = 0; i < files.Count; i++)
        {
            if (found[i] is (null, _, var error))
            {
                unreadable.Add((files[i], error!));
                continue;
            }
            var (sop, syntax, _) = found[i];
            if (!syntaxes.TryGetValue(sop!, out var list)) syntaxes[sop!] = list = [];
            if (!list.Contains(syntax!)) list.Add(syntax!);
        }
        var contexts = new List<PresentationContextProposal>();
        var id = 1;
        foreach (var (sop, list) in syntaxes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (id > 255) break; // PS3.8 9.3.2.2: at most 128 odd context IDs
            foreach (var native in new[] { DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian })
                if (!list.Contains(native)) list.Add(native);
            contexts.Add(new PresentationContextProposal((byte)id, sop, list));
            id += 2;
        }
        return (contexts, unreadable);
    }

    private static async Task<(int Sent, long Bytes, TimeSpan Elapsed)> SendAllAsync(DicomClient client, List<string> files, List<Outcome> outcomes, bool verbose, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var sent = 0;
        var lastReport = TimeSpan.Zero;
        await foreach (var outcome in client.StoreFilesAsync(files, ct))
        {
            var (path, response, error) = outcome;
            if (response != null)
            {
                var status = response.Status;
                outcomes.Add(new Outcome(path, (response.Message as CStoreRsp)?.AffectedSOPInstanceUID, status,
                    DimseStatus.ClassOf(status) is StatusClass.Success or StatusClass.Warning ? null : DimseStatus.Describe(DimseService.Storage, status)));
                if (verbose) Console.WriteLine($"{path}: {DimseStatus.Describe(DimseService.Storage, status)}");
            }
            else outcomes.Add(new Outcome(path, null, null, error!.Message));
            sent++;
            bytes += outcome.Length;
            if (clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(500))
            {
                lastReport = clock.Elapsed;
                Console.Error.Write($"\r{sent}/{files.Count} objects  {Rate(sent, bytes, clock.Elapsed)}   ");
            }
        }
        if (lastReport > TimeSpan.Zero) Console.Error.WriteLine();
        return (sent, bytes, clock.Elapsed);
    }

    /// <summary>--async-ops N: the asynchronous operations window (PS3.7 D.3.3.3: a 16-bit count, 0 = unlimited).</summary>
    public static Option<int> AsyncOpsOption(string description) => new("--async-ops") { Description = description, DefaultValueFactory = _ => 1 };

    /// <summary>The --async-ops value, or a message for the user when it does not fit the 16-bit field.</summary>
    public static string? CheckAsyncOps(int n) => n is < 0 or > ushort.MaxValue
        ? $"--async-ops {n}: give 0 (unlimited) to {ushort.MaxValue} (PS3.7 Table D.3-7, a 16-bit count)"
        : null;

    private static string Rate(int objects, long bytes, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 1e-6);
        return $"{objects / seconds:F1} objects/s  {bytes / 1048576.0 / seconds:F2} MB/s";
    }

    private static int Summarize(List<Outcome> outcomes, int sent, TimeSpan elapsed, long bytes)
    {
        var failures = outcomes.Where(o => o.Error != null).ToList();
        foreach (var f in failures) Console.Error.WriteLine($"FAILED {f.Path}: {f.Error}");
        Console.WriteLine($"stored {outcomes.Count - failures.Count} of {outcomes.Count} files in {elapsed.TotalSeconds:F2} s ({Rate(sent, bytes, elapsed)}); {failures.Count} failed");
        return failures.Count == 0 ? ExitCodes.Ok : ExitCodes.OperationFailed;
    }
}
