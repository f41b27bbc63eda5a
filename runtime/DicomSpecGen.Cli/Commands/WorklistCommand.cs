using System.CommandLine;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Data;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services;
using DicomSpecGen.Services.Scu;
using DicomSpecGen.Services.Worklist;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg worklist: Modality Worklist C-FIND, like DCMTK's findscu -W.</summary>
/// <remarks>PS3.4 K.4.1.2 (C-FIND SCU behaviour), 2020c.</remarks>
public static class WorklistCommand
{
    public static Command Create(CommonOptions common)
    {
        var peer = new PeerArguments();
        var keys = new Option<string[]>("--key", "-k")
        {
            Description = "key=value (keyword or gggg,eeee; items as Sequence[0].Keyword, e.g. ScheduledProcedureStepSequence[0].Modality=CT); a key without = is returned; repeat -k for each key",
        };
        var command = new Command("worklist", "query a Modality Worklist SCP with C-FIND (PS3.4 Annex K)");
        peer.AddTo(command);
        command.Options.Add(keys);
        common.AddTo(command);
        common.Audit.AddTo(command);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            DicomDataset identifier;
            try
            {
                identifier = WorklistClient.BuildIdentifier(result.GetValue(keys) ?? []);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("E: " + e.Message);
                return ExitCodes.BadInput;
            }
            AuditTrail? audit = null;
            try
            {
                audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logging.CreateLogger("audit"));
                var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!,
                    [new PresentationContextProposal(1, WorklistService.SopClassUid, [DicomUids.ExplicitVRLittleEndian, DicomUids.ImplicitVRLittleEndian])]);
                await using var client = await DicomClient.ConnectAsync(options, null, logging.CreateLogger("worklist"), ct);
                // PS3.15 A.5.3.10 (A.5.3.15 note 1: a worklist query is a Query).
                audit?.TryPost(() => audit.Events.Query(WorklistService.SopClassUid, identifier, AuditArguments.Peer(result, peer), weQueried: true));
                DimseResponse? final = null;
                var count = 0;
                await foreach (var item in client.FindWorklistAsync(identifier, r => final = r, ct))
                {
                    count++;
                    Console.WriteLine($"#{count} {Format(item)}");
                }
                var response = Failures.FinalResponse(final, "C-FIND");
                await client.ReleaseAsync(ct);
                var status = response.Status;
                var comment = (response.Message as CFindRsp)?.ErrorComment is { Length: > 0 } c ? $"; Error Comment: {c}" : "";
                Console.WriteLine($"{count} item(s); final status {DimseStatus.Describe(DimseService.ModalityWorklistFind, status)}{comment}");
                return status == DimseStatus.Success ? ExitCodes.Ok : ExitCodes.OperationFailed;
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

    /// <summary>One line per item: path=value pairs in tag order, items as Sequence[n].Keyword (the -k syntax).</summary>
    public static string Format(DicomDataset item) => string.Join("  ", Flatten(item, ""));

    private static IEnumerable<string> Flatten(DicomDataset ds, string prefix)
    {
        foreach (var entry in ds.OrderBy(e => e.Tag.Value))
        {
            var name = prefix + (DicomDictionary.TryLookup(entry.Tag.Value, out var d) ? d.Keyword : entry.Tag.ToString());
            if (entry is DicomSequence sequence)
            {
                if (sequence.Items.Count == 0) yield return name + "=";
                for (var i = 0; i < sequence.Items.Count; i++)
                    foreach (var line in Flatten(sequence.Items[i], $"{name}[{i}].")) yield return line;
            }
            else if (entry is DicomElement) yield return name + "=" + ds.GetString(entry.Tag);
        }
    }
}
