using System.CommandLine;
using System.Runtime.InteropServices;
using DicomSpecGen.Cli;
using DicomSpecGen.Cli.Commands;

// dsg store and dsg echo hold one association and wait for each response: run socket completions on the socket
// engine's thread (no hand-off to a thread-pool worker per response: one thread switch less, and no idle workers
// spinning on the core the peer needs), and open files without advisory flock() calls (we only read them; two system
// calls less per file, twice per file for store), and idle thread-pool workers sleep without spinning first (the pool
// only gets occasional work here, e.g. a large data set's socket writes that did not complete at once; the spinning
// made 500-2000 sched_yield calls per 200 MB sent). All are read by .NET at first use, so they are set before anything
// runs; not for dsg scp, whose associations would share the one socket thread and whose archive writes files (it turns
// off the spinning itself). A value set in the environment is kept. docs/performance.md, "The SCU".
if (args.Length > 0 && args[0] is "store" or "echo")
{
    foreach (var (name, value) in new[] { ("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1"), ("DOTNET_SYSTEM_IO_DISABLEFILELOCKING", "1") })
        if (Environment.GetEnvironmentVariable(name) == null) Environment.SetEnvironmentVariable(name, value);
    // The spin limit as an AppContext switch, as dsg scp sets it (with its DOTNET_ variable set here instead, one strace
    // run still showed 790 sched_yield calls for the large set).
    const string spin = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";
    if (AppContext.GetData(spin) == null && Environment.GetEnvironmentVariable("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit") == null)
        AppContext.SetData(spin, 0);
}

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
// runtime ends the process at once, skipping every cleanup). The verb then stops: dsg scp closes its listener, gives the
// open associations --stop-timeout to end, aborts those left, flushes the archive and the audit trail and exits Ok; a
// client verb cut short exits Interrupted. Past ShutdownBound System.CommandLine gives up waiting and exits 130
// (SIGINT) or 143 (SIGTERM).
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = ExitCodes.ShutdownBound, EnableDefaultExceptionHandler = false };
// System.CommandLine registers its signal handlers only once the verb's action first yields: a verb that runs
// synchronously up to its wait (dsg scp, up to "listening") would meet a signal in between with the runtime's
// default, exit 143 and no cleanup. These cover the process from here on. The source is never disposed: the runtime
// runs a signal's handlers one after another in no fixed order, and System.CommandLine's waits for the verb to end, so
// this one may run after Main has returned.
var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
try
{
    return await root.Parse(args).InvokeAsync(invocation, stop.Token);
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
