using System.Collections.Immutable;
using DicomSpecGen.Generators.Dul;
using DicomSpecGen.Spec.Dul;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Tests.Dul;

/// <summary>Runs the DUL generator on the repository's YAML (or an edited copy) with CSharpGeneratorDriver.</summary>
internal static class DulGeneratorHarness
{
    public static string RepoRoot { get; } = Infrastructure.GeneratorHarness.RepoRoot();

    public static string SpecDir => Path.Combine(RepoRoot, "spec", "part08");

    /// <summary>The four dul-*.yaml files, each optionally edited.</summary>
    public static List<InMemoryText> SpecFiles(Func<string, string, string>? edit = null)
        => DulSpecFiles.All.Select(name =>
        {
            var path = Path.Combine(SpecDir, name);
            var text = File.ReadAllText(path);
            return new InMemoryText(path, edit == null ? text : edit(name, text));
        }).ToList();

    /// <summary>The four dul-*.yaml files and pdus.yaml (for DulPduKinds), each optionally edited.</summary>
    public static List<InMemoryText> SpecFilesWithPdus(Func<string, string, string>? edit = null)
    {
        var files = SpecFiles(edit);
        var path = Path.Combine(SpecDir, "pdus.yaml");
        var text = File.ReadAllText(path);
        files.Add(new InMemoryText(path, edit == null ? text : edit("pdus.yaml", text)));
        return files;
    }

    public static CSharpCompilation Compilation(params string[] sources)
        => CSharpCompilation.Create("DulTest",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> texts)
        => CSharpGeneratorDriver.Create(
            [new DulGenerator().AsSourceGenerator()],
            texts,
            new CSharpParseOptions(LanguageVersion.Latest),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the result and the compilation with the generated sources.</summary>
    public static (GeneratorRunResult Result, Compilation Output) Run(IEnumerable<AdditionalText> texts, params string[] sources)
    {
        var driver = Driver(texts).RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    public static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

}

/// <summary>An additional file held in memory.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public string Text { get; } = text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(Text);
}
