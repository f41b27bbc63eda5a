using System.Collections.Immutable;
using DicomSpecGen.Generators.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Tests.Registry;

/// <summary>Runs the registry generator over in-memory or real spec files with CSharpGeneratorDriver.</summary>
internal static class RegistryHarness
{
    public sealed class Text(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;
        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "spec", "part06", "uids.yaml"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static Text SpecFile(string relative) => new("/repo/spec/" + relative, File.ReadAllText(Path.Combine(RepoRoot, "spec", relative)));

    public static Text[] RealSpec() => [SpecFile("part05/vrs.yaml"), SpecFile("part06/uids.yaml"), SpecFile("part06/dictionary.yaml")];

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    public static GeneratorDriver CreateDriver(params Text[] files)
        => CSharpGeneratorDriver.Create(
            [new RegistryGenerator().AsSourceGenerator()],
            files.Cast<AdditionalText>(),
            ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static CSharpCompilation EmptyCompilation()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "System.Collections.dll" or "System.Memory.dll" or "netstandard.dll" or "System.Runtime.InteropServices.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create("RegistryTest", [CSharpSyntaxTree.ParseText("", ParseOptions)], refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(params Text[] files)
    {
        var driver = CreateDriver(files).RunGeneratorsAndUpdateCompilation(EmptyCompilation(), out var output, out var diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }

    public static string Source(GeneratorDriverRunResult result, string hintName)
        => result.Results.SelectMany(r => r.GeneratedSources).Single(s => s.HintName == hintName).SourceText.ToString();
}
