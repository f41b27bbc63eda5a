using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DicomSpecGen.Generators.Tests.Dimse;

/// <summary>The generated DIMSE code for the real spec/part07: baselines, compilation, docs, determinism, caching.</summary>
public class DimseBaselineTests
{
    [Fact]
    public void GeneratedSourcesMatchBaselines()
    {
        var run = DimseHarness.Execute(DimseHarness.RealFiles());
        Assert.Empty(run.Diagnostics);
        Infrastructure.Baseline.Verify("Dimse", run.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void GeneratedCodeCompilesWithoutErrorsOrWarnings()
    {
        var run = DimseHarness.Execute(DimseHarness.RealFiles());

        Assert.Empty(run.Diagnostics);
        Assert.Equal(27, run.Sources.Count); // 3 shared files + 23 messages + statuses
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void EveryGeneratedMemberHasADocCommentCitingItsSource()
    {
        var run = DimseHarness.Execute(DimseHarness.RealFiles());
        var missing = new List<string>();
        foreach (var source in run.Sources)
        {
            var root = CSharpSyntaxTree.ParseText(source.SourceText).GetRoot();
            foreach (var member in root.DescendantNodes().OfType<MemberDeclarationSyntax>())
            {
                if (member is BaseNamespaceDeclarationSyntax) continue;
                var doc = string.Concat(member.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia)).Select(t => t.ToFullString()));
                if (!doc.Contains("<summary>") || !doc.Contains("<remarks>") || !doc.Contains("PS3."))
                {
                    missing.Add($"{source.HintName}: {member.ToString().Split('\n')[0].Trim()}");
                }
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void OutputIsDeterministic()
    {
        var first = DimseHarness.Execute(DimseHarness.RealFiles()).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        var second = DimseHarness.Execute(DimseHarness.RealFiles().Reverse()).Sources.Select(s => (s.HintName, s.SourceText.ToString())).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public void SecondRunWithSameFilesIsCached()
    {
        var files = DimseHarness.RealFiles();
        var run = DimseHarness.Execute(files);
        var compilation = DimseHarness.EmptyCompilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated {}"));

        var second = run.Driver.RunGenerators(compilation).GetRunResult();

        var steps = second.Results.Single().TrackedSteps[DicomSpecGen.Generators.Dimse.DimseGenerator.TrackingName];
        Assert.All(steps.SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void NoPart07FilesMeansNoOutput()
    {
        var run = DimseHarness.Execute([("/x/spec/part08/pdus.yaml", "edition: \"2013\"\n")]);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Sources);
    }
}
