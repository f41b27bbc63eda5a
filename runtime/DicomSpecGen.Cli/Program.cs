using System.CommandLine;
using DicomSpecGen.Cli;
using DicomSpecGen.Cli.Commands;

var common = new CommonOptions();
var root = new RootCommand("dsg — DICOM networking generated from the standard's tables (DicomSpecGen)")
{
    EchoCommand.Create(common),
    StoreCommand.Create(common),
    QueryCommands.Find(common),
    WorklistCommand.Create(common),
    QueryCommands.Move(common),
    QueryCommands.Get(common),
    ScpCommand.Create(common),
    ExplainCommand.Create(common),
    DemoCommand.Create(common),
    MppsCommand.Create(common),
    CommitCommand.Create(common),
};
// SIGINT/SIGTERM cancel the verb's token (without a configuration System.CommandLine 2.0 handles neither and the
// runtime ends the process at once, skipping every cleanup). The verb then stops: dsg scp closes its listener, aborts
// the associations still open, flushes the archive and the audit trail and exits Ok; a client verb cut short exits
// Interrupted. Past ShutdownBound System.CommandLine gives up waiting and exits 130 (SIGINT) or 143 (SIGTERM).
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = ExitCodes.ShutdownBound, EnableDefaultExceptionHandler = false };
try
{
    return await root.Parse(args).InvokeAsync(invocation);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("E: stopped before the operation finished (cancelled, as by SIGINT/SIGTERM)");
    return ExitCodes.Interrupted;
}
catch (Exception e)
{
    // As System.CommandLine's own handler would: an unexpected failure is printed whole.
    Console.Error.WriteLine("Unhandled exception: " + e);
    return ExitCodes.OperationFailed;
}
