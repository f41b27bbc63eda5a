using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dul;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Dul;

/// <summary>Mistakes in the DUL YAML are compiler errors DSGnnnn at the file and line, never exceptions.</summary>
public sealed class DulDiagnosticTests
{
    private const string Evt2Sta4 = "{ event: Evt2, state: Sta4, action: AE2, next: [Sta5], source: \"PS3.8 Table 9-10, Evt2/Sta4\" }";

    [Theory]
    // A typo in a next state.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: AE2, next: [Sta55], source: \"x\" }", "DSG0101", "Sta55")]
    // A real state, but not AE-2's next state.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: AE2, next: [Sta6], source: \"x\" }", "DSG0106", "Sta6")]
    // Unknown event, state and action names.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt20, state: Sta4, action: AE2, next: [Sta5], source: \"x\" }", "DSG0102", "Evt20")]
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta14, action: AE2, next: [Sta5], source: \"x\" }", "DSG0101", "Sta14")]
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: AE22, next: [Sta5], source: \"x\" }", "DSG0103", "AE22")]
    // The same cell twice.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta3, action: AE2, next: [Sta5], source: \"x\" }", "DSG0104", "twice")]
    // A row without its citation.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: AE2, next: [Sta5] }", "DSG0004", "source")]
    // A blank cell with an unknown rule, and one with no rule.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: null, undefined: Nope, source: \"x\" }", "DSG0107", "Nope")]
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: null, source: \"x\" }", "DSG0108", "undefined")]
    // An action whose next state is a typo (reported in dul-actions.yaml).
    [InlineData(DulSpecFiles.Actions, "next: [Sta4]", "next: [Sta44]", "DSG0101", "Sta44")]
    // A misspelt key.
    [InlineData(DulSpecFiles.Transitions, Evt2Sta4, "{ event: Evt2, state: Sta4, action: AE2, nxt: [Sta5], source: \"x\" }", "DSG0005", "nxt")]
    public void A_mistake_in_a_cell_is_reported_at_its_line(string file, string find, string replace, string id, string mentioned)
    {
        var (diagnostics, line) = RunWithEdit(file, find, replace);

        var diagnostic = diagnostics.First(d => d.Id == id);
        Assert.Contains(mentioned, diagnostic.GetMessage(), StringComparison.Ordinal);
        var span = diagnostic.Location.GetLineSpan();
        Assert.EndsWith(file, span.Path, StringComparison.Ordinal);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void A_missing_cell_is_reported()
    {
        var (diagnostics, _) = RunWithEdit(DulSpecFiles.Transitions, "  - " + Evt2Sta4 + "\n", "");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.Dul.MissingCell, diagnostic.Id);
        Assert.Contains("Evt2/Sta4", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_conditional_action_must_give_its_conditions()
    {
        var (diagnostics, line) = RunWithEdit(DulSpecFiles.Actions, "      - { state: Sta9, when: \"association-requestor\" }", "      - Sta9");
        var diagnostic = diagnostics.Single(d => d.Id == DiagnosticIds.InvalidValue);
        Assert.Contains("condition", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.True(line > 0);
    }

    [Fact]
    public void A_missing_file_is_reported_and_yaml_syntax_errors_do_not_throw()
    {
        var files = DulGeneratorHarness.SpecFiles().Where(f => !f.Path.EndsWith(DulSpecFiles.Events, StringComparison.Ordinal)).ToList();
        var (result, _) = DulGeneratorHarness.Run(files);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticIds.Dul.MissingFile && d.GetMessage().Contains(DulSpecFiles.Events, StringComparison.Ordinal));
        Assert.Empty(result.GeneratedSources);

        var broken = DulGeneratorHarness.SpecFiles((name, text) => name == DulSpecFiles.States ? text.Replace("  - id: Sta3", "  - id: [Sta3") : text);
        var (brokenResult, _) = DulGeneratorHarness.Run(broken);
        Assert.Null(brokenResult.Exception);
        Assert.Contains(brokenResult.Diagnostics, d => d.Id == DiagnosticIds.YamlSyntax);
    }

    [Fact]
    public void An_event_naming_an_undefined_PDU_and_the_PDU_left_without_an_event_are_reported_at_their_lines()
    {
        const string find = "pdu: AAssociateAc,";
        var eventsLine = 0;
        var pdusLine = 0;
        var files = DulGeneratorHarness.SpecFilesWithPdus((name, text) =>
        {
            if (name == "pdus.yaml") pdusLine = text[..text.IndexOf("  - name: AAssociateAc", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            if (name != DulSpecFiles.Events) return text;
            eventsLine = text[..text.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            return text.Replace(find, "pdu: AAssociateAx,");
        });

        var (result, _) = DulGeneratorHarness.Run(files);

        Assert.Null(result.Exception);
        var unknown = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.Dul.UnknownPdu);
        Assert.Contains("AAssociateAx", unknown.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith(DulSpecFiles.Events, unknown.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(eventsLine, unknown.Location.GetLineSpan().StartLinePosition.Line + 1);
        var orphan = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.Dul.PduWithoutEvent);
        Assert.Contains("AAssociateAc", orphan.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("pdus.yaml", orphan.Location.GetLineSpan().Path, StringComparison.Ordinal);
        Assert.Equal(pdusLine, orphan.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.DoesNotContain(result.GeneratedSources, s => s.HintName == "Dul.DulPduKinds.g.cs");
    }

    private static (IReadOnlyList<Diagnostic> Diagnostics, int Line) RunWithEdit(string file, string find, string replace)
    {
        var line = 0;
        var files = DulGeneratorHarness.SpecFiles((name, text) =>
        {
            if (name != file) return text;
            Assert.Contains(find, text, StringComparison.Ordinal);
            line = text[..text.IndexOf(find, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            return text.Replace(find, replace);
        });
        var (result, _) = DulGeneratorHarness.Run(files);
        Assert.Null(result.Exception);
        Assert.NotEmpty(result.Diagnostics);
        return (result.Diagnostics, line);
    }
}
