using System.CommandLine;
using System.Diagnostics;
using DicomSpecGen.Association;
using DicomSpecGen.Audit;
using DicomSpecGen.Dimse;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Cli.Commands;

/// <summary>dsg echo: C-ECHO like DCMTK's echoscu.</summary>
public static class EchoCommand
{
    public static Command Create(CommonOptions common)
    {
        var peer = new PeerArguments();
        var repeat = new Option<int>("--repeat", "-r") { Description = "number of C-ECHO requests on the association", DefaultValueFactory = _ => 1 };
        var command = new Command("echo", "verify end-to-end communication with C-ECHO (PS3.4 Annex A)");
        peer.AddTo(command);
        common.AddTo(command);
        common.Audit.AddTo(command);
        common.Identity.AddTo(command);
        command.Options.Add(repeat);
        command.SetAction(async (result, ct) =>
        {
            using var logging = common.Logging(result);
            AuditTrail? audit = null;
            try
            {
                // PS3.15 A.5.3.1 start/stop; C-ECHO itself is no A.5.3 event.
                audit = common.Audit.OpenScu(result, result.GetValue(peer.CallingAe)!, logging.CreateLogger("audit"));
                var options = common.Requestor(result, result.GetValue(peer.Host)!, result.GetValue(peer.Port), result.GetValue(peer.CallingAe)!, result.GetValue(peer.CalledAe)!,
                    [new PresentationContextProposal(1, DicomUids.Verification, [DicomUids.ImplicitVRLittleEndian])]);
                await using var client = await DicomClient.ConnectAsync(options, null, logging.CreateLogger("echo"), ct);
                var failed = 0;
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < Math.Max(1, result.GetValue(repeat)); i++)
                {
                    var status = await client.EchoAsync(ct);
                    if (status != DimseStatus.Success) failed++;
                    if (result.GetValue(common.Verbose)) Console.WriteLine($"C-ECHO status 0x{status:X4}");
                }
                await client.ReleaseAsync(ct);
                Console.WriteLine($"C-ECHO {(failed == 0 ? "succeeded" : $"failed {failed} time(s)")} ({clock.Elapsed.TotalMilliseconds:F1} ms)");
                return failed == 0 ? ExitCodes.Ok : ExitCodes.OperationFailed;
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
