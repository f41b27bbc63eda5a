using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DicomSpecGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

public partial class Program;
