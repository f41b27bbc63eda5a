using DicomSpecGen.Generators.Dul;
using DicomSpecGen.Spec.Dul;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Dul;

public sealed class DulGeneratorTests
{
    [Fact]
    public void The_repository_yaml_generates_code_that_compiles_without_diagnostics()
    {
        var (result, output) = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFiles());

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            ["Dul.DulAction.g.cs", "Dul.DulEvent.g.cs", "Dul.DulGeneratedDispatch.g.cs", "Dul.DulState.g.cs", "Dul.DulTransitions.g.cs", "Dul.DulUndefinedRule.g.cs", "Dul.IDulActions.g.cs"],
            result.GeneratedSources.Select(s => s.HintName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void With_pdus_yaml_the_PDU_classes_are_joined_to_their_events()
    {
        var (result, _) = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFilesWithPdus());

        Assert.Empty(result.Diagnostics);
        var kinds = result.GeneratedSources.Single(s => s.HintName == "Dul.DulPduKinds.g.cs").SourceText.ToString();
        // One arm per PDU of pdus.yaml, each naming the event of dul-events.yaml whose row names it.
        Assert.Contains("global::DicomSpecGen.Protocol.AAssociateRq => DulPduKind.AAssociateRq, // Evt6; PDU-type 0x01", kinds, StringComparison.Ordinal);
        Assert.Contains("global::DicomSpecGen.Protocol.AAbort => DulPduKind.AAbort, // Evt16; PDU-type 0x07", kinds, StringComparison.Ordinal);
        Assert.Contains("DulPduKind.PDataTf => 0x04,", kinds, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_generated_member_has_a_doc_comment_citing_the_standard()
    {
        var (result, _) = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFilesWithPdus());
        var checkedMembers = 0;
        foreach (var source in result.GeneratedSources)
        {
            var lines = source.SourceText.ToString().Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                var declares = line.StartsWith("public ", StringComparison.Ordinal)
                    || (System.Text.RegularExpressions.Regex.IsMatch(line, @"^[A-Z][A-Za-z0-9]* = [^>]*,$"))
                    || (System.Text.RegularExpressions.Regex.IsMatch(line, @"^(void|[A-Z]{2}\d+Next) [A-Z]{2}\d+\(DulEvent"));
                if (!declares) continue;
                checkedMembers++;
                var docs = lines.Take(i).Reverse().TakeWhile(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal)).ToList();
                Assert.True(docs.Any(d => d.Contains("<remarks>", StringComparison.Ordinal) && d.Contains("PS3.8", StringComparison.Ordinal) || d.Contains("dul-transitions.yaml", StringComparison.Ordinal)),
                    $"{source.HintName} line {i + 1} has no citing doc comment: {line}");
            }
        }
        // 13 states + 19 events + 28 actions + 28 interface members + the types and methods around them.
        Assert.True(checkedMembers > 13 + 19 + 28 + 28, $"only {checkedMembers} members checked");
    }

    [Fact]
    public void An_action_without_an_implementation_is_a_compile_error()
    {
        var (_, output) = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFiles(),
            "namespace Impl { public sealed class NoActions : DicomSpecGen.Dul.IDulActions { } }");

        var missing = output.GetDiagnostics().Where(d => d.Id == "CS0535").ToList();
        Assert.Equal(28, missing.Count);
        Assert.Contains(missing, d => d.GetMessage().Contains("IDulActions.AE6(", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_an_action_to_the_yaml_requires_its_body()
    {
        // A full implementation compiles; a new action in the YAML (AA-9, used by one cell) then does not.
        var (_, complete) = DulGeneratorHarness.Run(DulGeneratorHarness.SpecFiles(), Implementation());
        Assert.Empty(complete.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var files = DulGeneratorHarness.SpecFiles((name, text) => name switch
        {
            DulSpecFiles.Actions => text + "  - id: AA-9\n    name: AA9\n    description: \"Test action\"\n    next: [Sta13]\n    source: \"test\"\n",
            DulSpecFiles.Transitions => text.Replace("{ event: Evt19, state: Sta13, action: AA7,", "{ event: Evt19, state: Sta13, action: AA9,"),
            _ => text,
        });
        var (result, output) = DulGeneratorHarness.Run(files, Implementation());

        Assert.Empty(result.Diagnostics);
        var error = Assert.Single(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal("CS0535", error.Id);
        Assert.Contains("IDulActions.AA9(", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_dul_yaml_means_no_output_and_no_diagnostics()
    {
        var (result, _) = DulGeneratorHarness.Run([new InMemoryText("/x/spec/part08/pdus.yaml", "edition: \"2013\"\n")]);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Same_input_is_served_from_the_incremental_cache()
    {
        var files = DulGeneratorHarness.SpecFiles();
        var driver = DulGeneratorHarness.Driver(files).RunGenerators(DulGeneratorHarness.Compilation("class A { }"));
        // A new compilation (an edited C# file) with the same YAML.
        driver = driver.RunGenerators(DulGeneratorHarness.Compilation("class A { int x; }"));

        var run = driver.GetRunResult().Results.Single();
        var spec = Assert.Single(run.TrackedSteps[DulGenerator.SpecStep]);
        Assert.All(spec.Outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedSteps[DulGenerator.FilesStep].SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void A_whitespace_edit_to_the_yaml_reparses_but_leaves_the_output_unchanged()
    {
        var before = DulGeneratorHarness.SpecFiles();
        var compilation = DulGeneratorHarness.Compilation("class A { }");
        var driver = DulGeneratorHarness.Driver(before).RunGenerators(compilation);
        var edited = new InMemoryText(before[0].Path, before[0].Text + "\n# a comment\n");
        driver = driver.ReplaceAdditionalText(before[0], edited).RunGenerators(compilation);

        var run = driver.GetRunResult().Results.Single();
        var spec = Assert.Single(run.TrackedSteps[DulGenerator.SpecStep]);
        // The file changed, so the spec was parsed again, but its model is equal: the output step is cached.
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(spec.Outputs).Reason);
        Assert.All(run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static string Implementation()
    {
        var spec = DulSpecParser.Parse(DulGeneratorHarness.SpecFiles().Select(f => new DulSpecFile(f.Path, f.Text)));
        var members = spec.Actions.Select(a => a.IsConditional
            ? $"public DicomSpecGen.Dul.{a.Name}Next {a.Name}(DicomSpecGen.Dul.DulEvent trigger, object? payload) => DicomSpecGen.Dul.{a.Name}Next.{a.Next[0].State};"
            : $"public void {a.Name}(DicomSpecGen.Dul.DulEvent trigger, object? payload) {{ }}");
        return "namespace Impl { public sealed class AllActions : DicomSpecGen.Dul.IDulActions { " + string.Join(" ", members) + " } }";
    }
}
