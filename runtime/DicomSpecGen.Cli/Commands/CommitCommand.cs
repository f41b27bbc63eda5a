using System.CommandLine;
using System.Net;
using DicomSpecGen.Audit;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Dimse;
using DicomSpecGen.Services;
using DicomSpecGen.Services.StorageCommitment;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg commit: Storage Commitment Push Model SCU (PS3.4 J.3): asks the peer to commit the instances of the
/// given Part 10 files and prints which are committed.</summary>
public static class CommitCommand
{
    public static Command Create(CommonOptions common)
    {
        var peer = new PeerArguments();
        var files = new Argument<string[]>("files") { Description = "Part 10 files whose SOP class and instance (from the file meta information) to commit", Arity = ArgumentArity.OneOrMore };
        var listen = new Option<int?>("--listen") { Description = "accept the report on a new association on this port (default: wait on the request's association)" };
        var wait = new Option<int>("--wait") { Description = "seconds to wait for the report", DefaultValueFactory = _ => 30 };
        var command = new Command("commit", "request storage commitment (N-ACTION) and print the report (N-EVENT-REPORT): committed and failed instances");
        peer.AddTo(command);
        command.Arguments.Add(files);
        command.Options.Add(listen);
        command.Options.Add(wait);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            var references = new List<CommitmentReference>();
            foreach (var path in result.GetValue(files) ?? [])
            {
                try
                {
                    var meta = (await DicomFileReader.ReadHeadAsync(path, ct)).Meta;
                    references.Add(new CommitmentReference(meta.MediaStorageSopClassUid, meta.MediaStorageSopInstanceUid));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or Data.DicomDataException)
                {
                    Console.Error.WriteLine($"E: {path}: {e.Message}");
                    return ExitCodes.BadInput;
                }
            }
            AuditTrail? audit = null;
            try
            {
                // PS3.15 A.5.3.1 start/stop. The request itself accesses nothing here; the SCP audits its check of the
                // instances (A.5.3.6, dsg scp --commit-report --audit).
                audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logging.CreateLogger("audit"));
                var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!, []);
                var endpoint = result.GetValue(listen) is { } port ? new IPEndPoint(IPAddress.Any, port) : null;
                var outcome = await StorageCommitmentScu.RequestAsync(options, references, TimeSpan.FromSeconds(Math.Max(1, result.GetValue(wait))), endpoint,
                    logging.CreateLogger("commit"), ct);
                Console.WriteLine($"N-ACTION transaction {outcome.TransactionUid}: {DimseStatus.Describe(DimseService.General, outcome.ActionStatus)}");
                if (outcome.ActionStatus != DimseStatus.Success) return ExitCodes.OperationFailed;
                if (outcome.EventType == null)
                {
                    Console.Error.WriteLine($"E: no report within {result.GetValue(wait)} s");
                    return ExitCodes.OperationFailed;
                }
                Console.WriteLine($"report (event type {outcome.EventType}, {outcome.ReportedOn} association):");
                foreach (var c in outcome.Committed) Console.WriteLine($"  committed {c.SopInstanceUid} ({c.SopClassUid})");
                foreach (var (f, reason) in outcome.Failed)
                    Console.WriteLine($"  FAILED    {f.SopInstanceUid} ({f.SopClassUid}): failure reason {DimseStatus.Describe(DimseService.General, reason)}");
                return outcome.Failed.Count == 0 ? ExitCodes.Ok : ExitCodes.OperationFailed;
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
}
