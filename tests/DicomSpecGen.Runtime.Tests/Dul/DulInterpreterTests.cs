using DicomSpecGen.Dul;
using DicomSpecGen.Dul.Interpreter;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>The interpreter reads the YAML embedded in the runtime, and refuses YAML it cannot run.</summary>
public sealed class DulInterpreterTests
{
    [Fact]
    public void The_embedded_yaml_is_the_four_files_without_problems()
    {
        var files = DulSpecResources.Load();
        Assert.Equal(DulSpecFiles.All, files.Select(f => DulSpecFiles.FileName(f.Path)));
        var spec = DulSpecParser.Parse(files);
        Assert.Empty(spec.Diagnostics);
        Assert.Equal((13, 19, 28), (spec.States.Count, spec.Events.Count, spec.Actions.Count));
    }

    [Fact]
    public void The_interpreted_table_matches_the_generated_lookup_cell_by_cell()
    {
        var engine = InterpretedDulEngine.Embedded;
        foreach (var cell in engine.Spec.Cells)
        {
            var generated = DulTransitions.Lookup(Enum.Parse<DulState>(cell.State), Enum.Parse<DulEvent>(cell.Event));
            Assert.Equal(cell.Action ?? "None", generated.Action.ToString());
            Assert.Equal(cell.Undefined ?? "None", generated.Undefined.ToString());
            if (cell.IsDefined)
            {
                var next = new[] { generated.NextState }.Concat(generated.AlternativeNextState is { } alt ? [alt] : Array.Empty<DulState>());
                Assert.Equal(cell.Next, next.Select(s => s.ToString()));
            }
        }
    }

    [Fact]
    public void A_typo_in_the_yaml_is_reported_with_file_and_line()
    {
        var files = DulSpecResources.Load()
            .Select(f => f.Path.EndsWith(DulSpecFiles.Transitions) ? f with { Text = f.Text.Replace("action: AE2, next: [Sta5]", "action: AE2, next: [Sta55]") } : f)
            .ToList();
        var line = files.Single(f => f.Path.EndsWith(DulSpecFiles.Transitions)).Text.Split('\n').ToList().FindIndex(l => l.Contains("Sta55")) + 1;

        var error = Assert.Throws<DulSpecException>(() => InterpretedDulEngine.Load(files));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DicomSpecGen.Spec.Common.DiagnosticIds.Dul.UnknownState, diagnostic.Id);
        Assert.EndsWith(DulSpecFiles.Transitions, diagnostic.FilePath);
        Assert.Equal(line, diagnostic.Line);
    }

    [Fact]
    public void Yaml_naming_an_action_the_runtime_lacks_is_refused()
    {
        var files = DulSpecResources.Load()
            .Select(f => f.Path.EndsWith(DulSpecFiles.Actions) ? f with { Text = f.Text.Replace("name: AA8", "name: AA9") } : f)
            .Select(f => f.Path.EndsWith(DulSpecFiles.Transitions) ? f with { Text = f.Text.Replace("action: AA8,", "action: AA9,") } : f)
            .ToList();

        var error = Assert.Throws<DulSpecException>(() => InterpretedDulEngine.Load(files));

        Assert.Contains(error.Diagnostics, d => d.Message.Contains("'AA9'"));
    }

    [Fact]
    public void A_modified_table_is_run_as_written()
    {
        // Re-target Evt18 in Sta2 from AA-2 to AA-1 (which leads to Sta13): the interpreter follows the YAML.
        var files = DulSpecResources.Load()
            .Select(f => f.Path.EndsWith(DulSpecFiles.Transitions)
                ? f with { Text = f.Text.Replace("{ event: Evt18, state: Sta2, action: AA2, next: [Sta1]", "{ event: Evt18, state: Sta2, action: AA1, next: [Sta13]") }
                : f)
            .ToList();
        var engine = InterpretedDulEngine.Load(files);
        var port = new RecordingPort();
        using var machine = new DulStateMachine(port, new DulOptions { TimeProvider = new ManualTimeProvider() }, engine);
        machine.SetState(DulState.Sta2);

        var result = machine.Fire(DulEvent.Evt18);

        Assert.Equal((DulAction.AA1, DulState.Sta13), (result.Action, result.To));
        Assert.Equal("Send", Assert.Single(port.Calls).Operation);
    }

    [Fact]
    public void An_event_fired_from_inside_an_action_runs_after_the_step()
    {
        var port = new ReentrantPort();
        using var machine = new DulStateMachine(port, new DulOptions { TimeProvider = new ManualTimeProvider() });
        port.Machine = machine;

        var result = machine.Fire(DulEvent.Evt1, "request"); // AE-1; the port confirms the connection at once

        Assert.Equal(DulState.Sta4, result.To);
        Assert.True(port.InnerResult!.Value.Deferred);
        Assert.Equal(DulState.Sta5, machine.State); // Evt2 ran after AE-1 completed: AE-2
    }

    private sealed class ReentrantPort : IDulPort
    {
        public DulStateMachine? Machine { get; set; }
        public DulStepResult? InnerResult { get; private set; }
        public void ConnectTransport(object? associateRequest) => InnerResult = Machine!.Fire(DulEvent.Evt2);
        public void AcceptTransport() { }
        public void CloseTransport() { }
        public void Send(DulPdu pdu) { }
        public void Deliver(DulPrimitive primitive) { }
        public object? CheckAssociateRequest(object? associateRequestPdu) => null;
    }
}
