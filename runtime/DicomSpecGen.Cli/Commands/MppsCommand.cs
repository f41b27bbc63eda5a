using System.CommandLine;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.ProcedureStep;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg mpps create|set|list: the Modality Performed Procedure Step SCU (PS3.4 F.7) and a listing of the
/// instances an archive's MPPS SCP stored.</summary>
public static class MppsCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("mpps", "Modality Performed Procedure Step (PS3.4 F.7): N-CREATE / N-SET as SCU, or list what dsg scp --mpps stored");
        command.Subcommands.Add(CreateVerb(common));
        command.Subcommands.Add(SetVerb(common));
        command.Subcommands.Add(ListVerb());
        return command;
    }

    private static Option<string[]> AttributeOption() => new("--attr", "-k")
    {
        Description = "an attribute KEYWORD=VALUE (repeatable), e.g. -k PatientID=P1 -k Modality=CT",
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command CreateVerb(CommonOptions common)
    {
        var peer = new PeerArguments();
        var uid = new Option<string?>("--uid") { Description = "SOP Instance UID of the new procedure step (default: a new 2.25 UID)" };
        var attrs = AttributeOption();
        var command = new Command("create", "N-CREATE an MPPS instance IN PROGRESS with the Table F.7.2-1 attributes (type 2 empty unless given); prints its UID");
        peer.AddTo(command);
        command.Options.Add(uid);
        command.Options.Add(attrs);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            Microsoft.Extensions.Logging.ILogger logger = logging.CreateLogger("mpps");
            Data.DicomDataset attributes;
            try
            {
                var values = Pairs(result.GetValue(attrs) ?? []);
                values.TryAdd("PerformedStationAETitle", result.GetValue(peer.CallingAe)!);
                values.TryAdd("Modality", "OT");
                values.TryAdd("PerformedProcedureStepID", DateTime.Now.ToString("HHmmssff", System.Globalization.CultureInfo.InvariantCulture));
                attributes = MppsScu.CreateAttributes(values);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            var instance = result.GetValue(uid) ?? MppsService.NewUid();
            return await RunAsync(common, result, peer, logger, client => MppsScu.CreateAsync(client, instance, attributes, ct), "N-CREATE", instance, attributes, ct);
        });
        return command;
    }

    private static Command SetVerb(CommonOptions common)
    {
        var peer = new PeerArguments();
        var uid = new Argument<string>("uid") { Description = "SOP Instance UID of the procedure step" };
        var status = new Option<string>("--status") { Description = "new Performed Procedure Step Status: IN PROGRESS, COMPLETED or DISCONTINUED", Required = true };
        var attrs = AttributeOption();
        var command = new Command("set", "N-SET an MPPS instance's status (COMPLETED/DISCONTINUED also set End Date/Time) and attributes");
        peer.AddTo(command);
        command.Arguments.Add(uid);
        command.Options.Add(status);
        command.Options.Add(attrs);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            Microsoft.Extensions.Logging.ILogger logger = logging.CreateLogger("mpps");
            Data.DicomDataset modifications;
            try
            {
                modifications = MppsScu.SetAttributes(result.GetValue(status)!, Pairs(result.GetValue(attrs) ?? []));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            var instance = result.GetValue(uid)!;
            return await RunAsync(common, result, peer, logger, client => MppsScu.SetAsync(client, instance, modifications, ct), "N-SET", instance, modifications, ct);
        });
        return command;
    }

    private static Command ListVerb()
    {
        var folder = new Option<string>("--output-directory", "-od") { Description = "archive folder (as given to dsg scp)", DefaultValueFactory = _ => "dsg-archive" };
        var index = new Option<string?>("--index") { Description = "the index as given to dsg scp --index (a PostgreSQL connection string or a SQLite file)" };
        var command = new Command("list", "list the MPPS instances in an archive's index (table mpps of index.sqlite, or of --index)");
        command.Options.Add(folder);
        command.Options.Add(index);
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(folder)!;
            var named = result.GetValue(index);
            if (named == null && !File.Exists(Path.Combine(path, "index.sqlite")))
            {
                Console.Error.WriteLine($"E: {Path.GetFullPath(path)} has no archive index (index.sqlite)");
                return ExitCodes.BadInput;
            }
            using var store = SqlMppsStore.Open(path, named);
            foreach (var r in await store.ListAsync(ct))
                Console.WriteLine($"{r.SopInstanceUid}\t{r.Status}\t{r.PatientId}\t{r.PatientName}\t{r.Modality}\t{r.StartDate}{r.StartTime}\t{r.Updated:O}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<int> RunAsync(CommonOptions common, ParseResult result, PeerArguments peer, Microsoft.Extensions.Logging.ILogger logger,
        Func<DicomClient, Task<DimseResponse>> operation, string name, string instance, Data.DicomDataset attributes, CancellationToken ct)
    {
        AuditTrail? audit = null;
        try
        {
            audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logger);
            var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!,
                [new PresentationContextProposal(1, MppsScu.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])]);
            await using var client = await DicomClient.ConnectAsync(options, null, logger, ct);
            var response = await operation(client);
            await client.ReleaseAsync(ct);
            // PS3.15 A.5.3.15: the procedure record created (C) or updated (U), we the requestor; the patient as the
            // attributes sent name it (an N-SET usually does not: "unknown").
            var done = DimseStatus.ClassOf(response.Status) is StatusClass.Success or StatusClass.Warning;
            audit?.TryPost(() => audit.Events.ProcedureRecord(name == "N-CREATE", attributes.GetString(Registry.DicomTags.PatientID)?.Trim(),
                attributes.GetString(Registry.DicomTags.PatientName)?.Trim(), AuditEvents.MppsStudies(attributes), AuditArguments.Peer(result, peer), weRequested: true,
                done, done ? null : $"{name} status {response.Status:X4}H"));
            var comment = response.Message switch
            {
                NSetRsp s when s.ErrorComment != null => $" \"{s.ErrorComment}\" (Error ID {s.ErrorID:X4})",
                NCreateRsp c when c.ErrorComment != null => $" \"{c.ErrorComment}\" (Error ID {c.ErrorID:X4})",
                _ => "",
            };
            Console.WriteLine($"{name} {instance}: {DimseStatus.Describe(DimseService.General, response.Status)}{comment}");
            return response.Status == DimseStatus.Success ? ExitCodes.Ok : ExitCodes.OperationFailed;
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
    }

    private static Dictionary<string, string> Pairs(IEnumerable<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"--attr '{value}' is not KEYWORD=VALUE");
            map[value[..eq]] = value[(eq + 1)..];
        }
        return map;
    }
}
