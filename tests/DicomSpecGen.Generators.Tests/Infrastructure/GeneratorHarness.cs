using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Tests.Infrastructure;

/// <summary>Runs a generator through Roslyn's own CSharpGeneratorDriver, with YAML as additional files.</summary>
public static class GeneratorHarness
{
    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, Encoding.UTF8);
    }

    public static CSharpCompilation EmptyCompilation() =>
        CSharpCompilation.Create("GeneratorTest", [], [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, params AdditionalText[] files) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            additionalTexts: files,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRunResult Run(IIncrementalGenerator generator, params AdditionalText[] files)
    {
        var driver = CreateDriver(generator, files).RunGenerators(EmptyCompilation());
        return driver.GetRunResult().Results.Single();
    }

    public static GeneratorRunResult Run(IIncrementalGenerator generator, string path, string yaml) =>
        Run(generator, new InMemoryText(path, yaml));

    /// <summary>The repository root (the folder holding DicomSpecGen.sln), found from the test binary's location.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DicomSpecGen.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("DicomSpecGen.sln not found above " + AppContext.BaseDirectory);
    }

    public static InMemoryText SpecFile(string relativePath)
    {
        var path = Path.Combine(RepoRoot(), relativePath);
        return new InMemoryText(path, File.ReadAllText(path));
    }

    public static ImmutableArray<Diagnostic> Diagnostics(GeneratorRunResult result) => result.Diagnostics;
}
