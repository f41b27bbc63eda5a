using DicomSpecGen.Fuzz;
using SharpFuzz;

// dsg-fuzz-libfuzzer TARGET: the child process of bench/DicomSpecGen.Fuzz.LibFuzzer/driver.c. SharpFuzz reads the
// inputs the driver places in shared memory and records the edges of the instrumented DicomSpecGen.Runtime.dll in the
// coverage map the driver hands to libFuzzer. A broken rule of the target is thrown, which SharpFuzz reports to the
// driver as a crash. Without the driver: dsg-fuzz-libfuzzer TARGET FILE... runs files through the target and prints
// each outcome (to look at a crasher without libFuzzer); dsg-fuzz-libfuzzer seeds tests/corpus/pdu OUT writes the
// starting corpus of every target under OUT.
if (args.Length == 0)
{
    Console.Error.WriteLine($"usage: dsg-fuzz-libfuzzer TARGET [FILE...] | seeds PDU-CORPUS OUT; targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
    return 2;
}
if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") == null) CoverageMap.Detach();
if (args[0] == "seeds" && args.Length == 3)
{
    SeedMaker.Write(args[1], args[2]);
    return 0;
}
var target = FuzzTargets.Get(args[0]);
if (Environment.GetEnvironmentVariable("__LIBFUZZER_SHM_ID") == null)
{
    var failed = 0;
    foreach (var file in args.Skip(1))
    {
        var outcome = target.Run(File.ReadAllBytes(file));
        Console.WriteLine($"{file}: {outcome.Kind} {outcome.Reason} {outcome.Detail}");
        if (outcome.Kind == FuzzOutcomeKind.Crash) failed++;
    }
    return failed == 0 ? 0 : 1;
}

Fuzzer.LibFuzzer.Run(span =>
{
    var outcome = target.Run(span.ToArray());
    if (outcome.Kind == FuzzOutcomeKind.Crash) throw new FuzzTargetBrokenException(target.Name, outcome.Detail!);
});
return 0;

/// <summary>The instrumented runtime writes every edge it takes into SharpFuzz's map; outside libFuzzer that map
/// must still exist, so a private one is allocated (and never read).</summary>
internal static class CoverageMap
{
    public static unsafe void Detach() => SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(1 << 16);
}

/// <summary>A target's rule was broken (or an exception it does not allow escaped).</summary>
internal sealed class FuzzTargetBrokenException(string target, string detail) : Exception($"{target}: {detail}");
