using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DicomSpecGen.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/DicomSpecGen.Benchmarks -- e2e-scu PORT DIR [AEC]   (EndToEnd/ScuSteadyState.cs)
// dotnet run -c Release --project bench/DicomSpecGen.Benchmarks -- index-scale [--count N] …   (Archive/IndexScale.cs)
if (args.Length > 0 && args[0] == "index-scale") return await DicomSpecGen.Benchmarks.Archive.IndexScale.RunAsync(args[1..]);
if (args.Length > 0 && args[0] == "e2e-scu") return await DicomSpecGen.Benchmarks.EndToEnd.ScuSteadyState.RunAsync(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

public partial class Program;
