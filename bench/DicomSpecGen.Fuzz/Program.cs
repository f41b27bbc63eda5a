using System.Diagnostics;
using DicomSpecGen.Fuzz;

// dsg-fuzz: mutation fuzzing of the PDU receive path, seeded from the captured corpus.
//   dotnet run -c Release --project bench/DicomSpecGen.Fuzz -- [--iterations N] [--seed S] [--threads T]
//       [--corpus tests/corpus/pdu] [--crashers tests/corpus/pdu-crashers] [--minutes M]
// --target command-set|data-set|associate mutates that target's committed libFuzzer corpus (tests/corpus/fuzz/TARGET)
// instead and writes crashes to tests/corpus/fuzz-crashers/TARGET.
// Exit code 1 when any input crashed; each crashing input is written to the crashers folder.
var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--iterations"] = "1000000",
    ["--seed"] = "1",
    ["--threads"] = Environment.ProcessorCount.ToString(),
    ["--corpus"] = "tests/corpus/pdu",
    ["--crashers"] = "tests/corpus/pdu-crashers",
    ["--minutes"] = "30",
    ["--target"] = "pdu",
};
for (var i = 0; i + 1 < args.Length; i += 2)
{
    if (!options.ContainsKey(args[i])) { Console.Error.WriteLine("unknown option " + args[i]); return 2; }
    options[args[i]] = args[i + 1];
}

FuzzTarget? target = null;
if (options["--target"] != "pdu")
{
    target = FuzzTargets.Get(options["--target"]);
    if (!args.Contains("--corpus")) options["--corpus"] = Path.Combine("tests/corpus/fuzz", target.Name);
    if (!args.Contains("--crashers")) options["--crashers"] = Path.Combine("tests/corpus/fuzz-crashers", target.Name);
}
var seeds = target == null ? FuzzSeeds.Load(options["--corpus"])
    : Directory.EnumerateFiles(options["--corpus"], "*.bin").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
var iterations = long.Parse(options["--iterations"]);
var threads = int.Parse(options["--threads"]);
var seed = int.Parse(options["--seed"]);
var budget = TimeSpan.FromMinutes(double.Parse(options["--minutes"], System.Globalization.CultureInfo.InvariantCulture));
Console.WriteLine($"{seeds.Count} seeds, {iterations} inputs on {threads} threads, seed {seed}");

var clock = Stopwatch.StartNew();
var runners = Enumerable.Range(0, threads).Select(_ => new FuzzRunner()).ToArray();
Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads },
    t => runners[t].Run(seeds, seed * 1000 + t, iterations / threads + (t < iterations % threads ? 1 : 0), budget, target));
clock.Stop();

var total = runners.Sum(r => r.Total);
Console.WriteLine($"{total} inputs in {clock.Elapsed.TotalSeconds:F1} s ({total / clock.Elapsed.TotalSeconds:F0}/s): " +
    $"{runners.Sum(r => r.Parsed)} parsed, {runners.Sum(r => r.Rejected)} rejected, {runners.Sum(r => r.Crashes.Count)} crashed");
foreach (var g in runners.SelectMany(r => r.ByReason).GroupBy(kv => kv.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {(target == null ? "A-ABORT " : "")}{g.Key}: {g.Sum(kv => kv.Value)}");
}
var crashes = runners.SelectMany(r => r.Crashes).ToList();
if (crashes.Count == 0) return 0;
Directory.CreateDirectory(options["--crashers"]);
foreach (var (input, detail) in crashes.Take(50))
{
    var path = Path.Combine(options["--crashers"], FuzzRunner.CrashName(input));
    File.WriteAllBytes(path, input);
    Console.WriteLine($"{path}: {detail.Split(Environment.NewLine)[0]}");
}
Console.WriteLine(crashes[0].Detail);
return 1;
