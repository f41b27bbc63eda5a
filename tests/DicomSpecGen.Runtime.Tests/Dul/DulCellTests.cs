using DicomSpecGen.Dul;
using DicomSpecGen.Traceability;

namespace DicomSpecGen.Runtime.Tests.Dul;

/// <summary>One case per cell of PS3.8 Table 9-10, read from the YAML, run on both engines: the action,
/// the next state, what the action sent or delivered, and what it did to ARTIM.</summary>
public sealed class DulCellTests
{
    public static TheoryData<DulEngine, DulEvent, DulState> DefinedCells()
    {
        var data = new TheoryData<DulEngine, DulEvent, DulState>();
        foreach (var engine in DulHarness.Engines)
        {
            foreach (var cell in DulHarness.Spec.Cells.Where(c => c.IsDefined))
            {
                data.Add(engine, Enum.Parse<DulEvent>(cell.Event), Enum.Parse<DulState>(cell.State));
            }
        }
        return data;
    }

    public static TheoryData<DulEngine, DulEvent, DulState> BlankCells()
    {
        var data = new TheoryData<DulEngine, DulEvent, DulState>();
        foreach (var engine in DulHarness.Engines)
        {
            foreach (var cell in DulHarness.Spec.Cells.Where(c => !c.IsDefined))
            {
                data.Add(engine, Enum.Parse<DulEvent>(cell.Event), Enum.Parse<DulState>(cell.State));
            }
        }
        return data;
    }

    [Fact]
    public void The_yaml_has_every_cell_of_table_9_10()
    {
        Assert.Equal(247, DulHarness.Spec.Cells.Count);
        Assert.Equal(123, DulHarness.Spec.Cells.Count(c => c.IsDefined));
        Assert.Equal(DulTransitions.CellCount, DulHarness.Spec.Cells.Count);
        Assert.Equal(DulTransitions.DefinedCellCount, DulHarness.Spec.Cells.Count(c => c.IsDefined));
    }

    [Theory]
    [MemberData(nameof(DefinedCells))]
    // Every state, event and action occurs in some defined cell, so these cases run them all.
    [SpecRow("PS3.8 Table 9-10")]
    [SpecRow("PS3.8 Table 9-1")]
    [SpecRow("PS3.8 Table 9-2")]
    [SpecRow("PS3.8 Table 9-3")]
    [SpecRow("PS3.8 Table 9-4")]
    [SpecRow("PS3.8 Table 9-5")]
    [SpecRow("PS3.8 Table 9-6")]
    [SpecRow("PS3.8 Table 9-7")]
    [SpecRow("PS3.8 Table 9-8")]
    [SpecRow("PS3.8 Table 9-9")]
    public void Defined_cell_runs_its_action(DulEngine engine, DulEvent evt, DulState state)
    {
        var cell = DulHarness.Spec.Cells.Single(c => c.Event == evt.ToString() && c.State == state.ToString());
        var action = Enum.Parse<DulAction>(cell.Action!);
        var allowed = cell.Next.Select(Enum.Parse<DulState>).ToList();

        // Conditional actions are run once per branch.
        var variants = action switch
        {
            DulAction.AE6 => new[] { (true, DulAssociationRole.Acceptor, DulState.Sta3), (false, DulAssociationRole.Acceptor, DulState.Sta13) },
            DulAction.AR8 => new[] { (true, DulAssociationRole.Requestor, DulState.Sta9), (true, DulAssociationRole.Acceptor, DulState.Sta10) },
            _ => new[] { (true, DulAssociationRole.Requestor, allowed.Single()) },
        };
        foreach (var (acceptable, role, expectedNext) in variants)
        {
            using var h = new DulHarness(engine);
            h.Machine.SetState(state, role);
            h.Machine.Actions.AssociateRequest = ExpectedEffects.StoredRequest;
            if (DulHarness.ArtimRunsIn(state)) h.Machine.StartArtim();
            var artimBefore = h.Machine.ArtimRunning;
            object payload = evt == DulEvent.Evt6 && !acceptable ? RecordingPort.Unacceptable : DulHarness.PayloadFor(evt);

            var result = h.Fire(evt, payload);

            Assert.Equal(action, result.Action);
            Assert.Contains(expectedNext, allowed);
            Assert.Equal(expectedNext, result.To);
            Assert.Equal(expectedNext, h.Machine.State);
            Assert.False(result.Rejected);
            var (calls, artim) = ExpectedEffects.Of(action, evt, payload, acceptable);
            Assert.Equal(calls, h.Port.Calls);
            var expectedArtim = artim switch { ArtimEffect.Started => true, ArtimEffect.Stopped => false, _ => artimBefore };
            Assert.Equal(expectedArtim, h.Machine.ArtimRunning);
        }
    }

    [Theory]
    [MemberData(nameof(BlankCells))]
    [SpecRow("PS3.8 Table 9-10")]
    public void Blank_cell_changes_nothing_and_follows_its_rule(DulEngine engine, DulEvent evt, DulState state)
    {
        var cell = DulHarness.Spec.Cells.Single(c => c.Event == evt.ToString() && c.State == state.ToString());
        var rule = DulHarness.Spec.UndefinedRules.Single(r => r.Name == cell.Undefined);
        using var h = new DulHarness(engine);
        h.Machine.SetState(state, DulAssociationRole.Requestor);
        if (DulHarness.ArtimRunsIn(state)) h.Machine.StartArtim();
        var artimBefore = h.Machine.ArtimRunning;

        var result = h.Fire(evt, DulHarness.PayloadFor(evt));

        Assert.Equal(DulAction.None, result.Action);
        Assert.False(result.IsDefined);
        Assert.Equal(state, result.To);
        Assert.Equal(state, h.Machine.State);
        Assert.Equal(Enum.Parse<DulUndefinedRule>(rule.Name), result.Undefined);
        Assert.Equal(rule.Behaviour == "reject", result.Rejected);
        Assert.Empty(h.Port.Calls);
        Assert.Equal(artimBefore, h.Machine.ArtimRunning);
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void AA3_with_a_service_provider_abort_issues_an_A_P_ABORT_indication(DulEngine engine)
    {
        using var h = new DulHarness(engine);
        h.Machine.SetState(DulState.Sta6, DulAssociationRole.Requestor);
        var received = new DulReceivedAbort(DulAbortSource.ServiceProvider, DulProviderReason.UnexpectedPdu, "A-ABORT PDU");

        var result = h.Fire(DulEvent.Evt16, received);

        Assert.Equal(DulAction.AA3, result.Action);
        Assert.Equal(DulState.Sta1, h.Machine.State);
        Assert.Equal(
            [new PortCall("Deliver", DulPrimitiveKind.ProviderAbortIndication, new DulAbort(DulAbortSource.ServiceProvider, DulProviderReason.UnexpectedPdu)), new PortCall("CloseTransport")],
            h.Port.Calls);
    }

    [Fact]
    public void Every_PDU_received_on_an_open_transport_connection_has_a_defined_cell()
    {
        // So an unexpected or invalid PDU is always answered by the table itself (AA-1, AA-8, AA-7, AA-6),
        // and the blank PDU cells are exactly those of the states with no transport connection (Sta1, Sta4).
        var events = DulHarness.Spec.Events.ToDictionary(e => e.Id);
        var states = DulHarness.Spec.States.ToDictionary(s => s.Id);
        foreach (var cell in DulHarness.Spec.Cells.Where(c => events[c.Event].Kind == "pdu"))
        {
            Assert.Equal(states[cell.State].TransportOpen, cell.IsDefined);
            if (!cell.IsDefined) Assert.Equal("PduWithoutTransport", cell.Undefined);
        }
        Assert.Equal(["Sta1", "Sta4"], DulHarness.Spec.States.Where(s => !s.TransportOpen).Select(s => s.Id));
    }

    [Theory]
    [InlineData(DulEngine.Generated)]
    [InlineData(DulEngine.Interpreted)]
    public void Rejection_rules_are_those_of_local_user_primitives(DulEngine engine)
    {
        // Only the service-user's own primitives are refused to it; transport, PDU and timer events are dropped.
        var rejecting = DulHarness.Spec.UndefinedRules.Where(r => r.Behaviour == "reject").Select(r => r.Name).ToHashSet();
        var events = DulHarness.Spec.Events.ToDictionary(e => e.Id);
        foreach (var cell in DulHarness.Spec.Cells.Where(c => !c.IsDefined))
        {
            Assert.Equal(events[cell.Event].Kind == "primitive", rejecting.Contains(cell.Undefined!));
        }
        var machine = DulStateMachine.SelectEngine(engine);
        Assert.True(machine.Rejects(DulUndefinedRule.PrimitiveNotAllowed));
        Assert.False(machine.Rejects(DulUndefinedRule.ArtimNotRunning));
    }
}
