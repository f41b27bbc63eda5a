using System.Collections.Immutable;
using DicomSpecGen.Generators.Dimse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Tests.Dimse;

/// <summary>Runs the DIMSE generator with CSharpGeneratorDriver on given YAML files.</summary>
internal static class DimseHarness
{
    public static string RepoRoot => Infrastructure.GeneratorHarness.RepoRoot();

    /// <summary>The real spec/part07 files, under the path the runtime project gives them.</summary>
    public static (string Path, string Text)[] RealFiles()
        => new[] { "command-elements.yaml", "messages.yaml", "statuses.yaml" }
            .Select(n => Path.Combine(RepoRoot, "spec", "part07", n))
            .Select(p => (p, File.ReadAllText(p)))
            .ToArray();

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
        .Where(p => p.Length > 0)
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .ToImmutableArray();

    public sealed record Run(GeneratorDriverRunResult Result, Compilation Output, GeneratorDriver Driver)
    {
        public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;
        public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.Single().GeneratedSources;
        public IReadOnlyList<Diagnostic> CompileErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    /// <summary>The fixed part of the codec (runtime Dimse/CommandSet) that the generated code builds on.</summary>
    public static IEnumerable<SyntaxTree> RuntimeSources()
        => Directory.GetFiles(Path.Combine(RepoRoot, "runtime", "DicomSpecGen.Runtime", "Dimse", "CommandSet"), "*.cs")
            .OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), new CSharpParseOptions(LanguageVersion.Latest), p));

    public static CSharpCompilation EmptyCompilation() => CSharpCompilation.Create("DimseGeneratorTest",
        syntaxTrees: RuntimeSources(),
        references: References,
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<(string Path, string Text)> files)
        => CSharpGeneratorDriver.Create(
            new[] { new DimseGenerator().AsSourceGenerator() },
            files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)),
            new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Run Execute(IEnumerable<(string Path, string Text)> files)
    {
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out _);
        return new Run(driver.GetRunResult(), output, driver);
    }

    public sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}
