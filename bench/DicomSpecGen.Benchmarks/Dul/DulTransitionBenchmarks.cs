using BenchmarkDotNet.Attributes;
using DicomSpecGen.Dul;

namespace DicomSpecGen.Benchmarks.Dul;

/// <summary>DUL transitions per second, generated switch vs interpreted YAML: one acceptor association
/// (accept, 32 P-DATA transfers, release) per invocation, through the full state machine and through the
/// bare engine.</summary>
[MemoryDiagnoser]
public class DulTransitionBenchmarks
{
    private static readonly (DulEvent Event, object? Payload)[] Association = BuildAssociation();

    private DulStateMachine _machine = null!;
    private IDulEngine _engine = null!;
    private DulActions _actions = null!;

    [Params(DulEngine.Generated, DulEngine.Interpreted)]
    public DulEngine Engine { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var options = new DulOptions { Engine = Engine, TimeProvider = new InertTimeProvider() };
        _machine = new DulStateMachine(new NullPort(), options);
        _engine = DulStateMachine.SelectEngine(Engine);
        _actions = new DulActions(new NullPort(), new ArtimTimer(options.TimeProvider, options.ArtimTimeout, _ => { }));
    }

    [GlobalCleanup]
    public void Cleanup() => _machine.Dispose();

    [Benchmark(OperationsPerInvoke = 38)]
    public DulState StateMachine()
    {
        foreach (var (evt, payload) in Association) _machine.Fire(evt, payload);
        return _machine.State;
    }

    [Benchmark(OperationsPerInvoke = 38)]
    public DulState EngineOnly()
    {
        var state = DulState.Sta1;
        foreach (var (evt, payload) in Association) state = _engine.Step(_actions, state, evt, payload).NextState;
        return state;
    }

    private static (DulEvent, object?)[] BuildAssociation()
    {
        var events = new List<(DulEvent, object?)> { (DulEvent.Evt5, null), (DulEvent.Evt6, "rq"), (DulEvent.Evt7, "ac") };
        for (var i = 0; i < 16; i++)
        {
            events.Add((DulEvent.Evt10, "pdata in"));
            events.Add((DulEvent.Evt9, "pdata out"));
        }
        events.Add((DulEvent.Evt12, "release rq"));
        events.Add((DulEvent.Evt14, "release rp"));
        events.Add((DulEvent.Evt17, null));
        if (events.Count != 38) throw new InvalidOperationException("OperationsPerInvoke must equal the number of events");
        return events.ToArray();
    }

    private sealed class NullPort : IDulPort
    {
        public void ConnectTransport(object? associateRequest) { }
        public void AcceptTransport() { }
        public void CloseTransport() { }
        public void Send(DulPdu pdu) { }
        public void Deliver(DulPrimitive primitive) { }
        public object? CheckAssociateRequest(object? associateRequestPdu) => null;
    }

    /// <summary>Timers that never fire, so ARTIM costs no real timer and no expiry interferes.</summary>
    private sealed class InertTimeProvider : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new InertTimer();

        private sealed class InertTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;
            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
