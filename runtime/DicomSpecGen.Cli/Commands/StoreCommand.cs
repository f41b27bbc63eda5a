using System.CommandLine;
using System.Diagnostics;
using DicomSpecGen.Association;
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
        peer.AddTo(command);
        command.Arguments.Add(paths);
        common.AddTo(command);
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
            var (contexts, unreadable) = await ProposeAsync(files, ct);
            var outcomes = unreadable.Select(u => new Outcome(u.Path, null, null, u.Error)).ToList();
            if (contexts.Count == 0) return Summarize(outcomes, 0, TimeSpan.Zero, 0);
            var readable = files.Except(unreadable.Select(u => u.Path)).ToList();
            try
            {
                var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!, contexts);
                await using var client = await DicomClient.ConnectAsync(options, null, logging.CreateLogger("store"), ct);
                var (sent, bytes, elapsed) = await SendAllAsync(client, readable, outcomes, result.GetValue(common.Verbose), ct);
                await client.ReleaseAsync(ct);
                return Summarize(outcomes, sent, elapsed, bytes);
            }
            catch (Exception e) when (Failures.Known(e))
            {
                return Failures.Report(e);
            }
        });
        return command;
    }

    public static List<string> Expand(IEnumerable<string> paths) => paths
        .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p])
        .Where(p => !Path.GetFileName(p).StartsWith('.'))
        .ToList();

    /// <summary>One context per SOP class found, proposing the files' own transfer syntaxes first, then Explicit and
    /// Implicit VR Little Endian (so native data can be transcoded if needed).</summary>
    public static async Task<(List<PresentationContextProposal> Contexts, List<(string Path, string Error)> Unreadable)> ProposeAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        var syntaxes = new Dictionary<string, List<string>>();
        var unreadable = new List<(string, string)>();
        foreach (var path in files)
        {
            try
            {
                await using var stream = File.OpenRead(path);
                await using var reader = await DicomFileReader.OpenAsync(stream, cancellationToken: ct);
                if (!syntaxes.TryGetValue(reader.Meta.MediaStorageSopClassUid, out var list)) syntaxes[reader.Meta.MediaStorageSopClassUid] = list = [];
                if (!list.Contains(reader.Meta.TransferSyntaxUid)) list.Add(reader.Meta.TransferSyntaxUid);
            }
            catch (Exception e) when (e is Data.DicomDataException or IOException or UnauthorizedAccessException)
            {
                unreadable.Add((path, "not a readable DICOM file: " + e.Message));
            }
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
        foreach (var path in files)
        {
            try
            {
                var response = await client.StoreFileAsync(path, ct);
                var status = response.Status;
                outcomes.Add(new Outcome(path, (response.Message as CStoreRsp)?.AffectedSOPInstanceUID, status,
                    DimseStatus.ClassOf(status) is StatusClass.Success or StatusClass.Warning ? null : ServiceStatus.Describe(DimseService.Storage, status)));
                if (verbose) Console.WriteLine($"{path}: {ServiceStatus.Describe(DimseService.Storage, status)}");
            }
            catch (PresentationContextNotAcceptedException e)
            {
                outcomes.Add(new Outcome(path, null, null, e.Message));
            }
            catch (Exception e) when (e is Data.DicomDataException or IOException)
            {
                outcomes.Add(new Outcome(path, null, null, e.Message));
                if (e is IOException && client.Association.Completion.IsCompleted) throw;
            }
            sent++;
            bytes += new FileInfo(path).Length;
            if (clock.Elapsed - lastReport > TimeSpan.FromMilliseconds(500))
            {
                lastReport = clock.Elapsed;
                Console.Error.Write($"\r{sent}/{files.Count} objects  {Rate(sent, bytes, clock.Elapsed)}   ");
            }
        }
        if (lastReport > TimeSpan.Zero) Console.Error.WriteLine();
        return (sent, bytes, clock.Elapsed);
    }

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
