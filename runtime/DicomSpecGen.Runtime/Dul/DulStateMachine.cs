using DicomSpecGen.Dul.Interpreter;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DicomSpecGen.Dul;

/// <summary>The DUL state machine of one association: holds the state, runs each event through the selected
/// engine and the action bodies, and feeds ARTIM expiry back as Evt18. Events are processed one at a time
/// (a lock) and to completion: an event fired from inside an action (re-entrantly) is queued and run after
/// the current step.</summary>
/// <remarks>PS3.8 9.2</remarks>
public sealed class DulStateMachine : IDulStateMachine, IDisposable
{
    private readonly object _gate = new();
    private readonly IDulEngine _engine;
    private readonly ArtimTimer _artim;
    private readonly ILogger _logger;
    private readonly Queue<(DulEvent Event, object? Payload)> _deferred = new();
    private bool _inStep;

    public DulStateMachine(IDulPort port, DulOptions? options = null, ILogger<DulStateMachine>? logger = null)
        : this(port, options ?? new DulOptions(), SelectEngine((options ?? new DulOptions()).Engine), logger)
    {
    }

    /// <summary>A machine over a given engine (e.g. an interpreter of modified YAML).</summary>
    public DulStateMachine(IDulPort port, DulOptions options, IDulEngine engine, ILogger<DulStateMachine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(options);
        _engine = engine ?? throw new ArgumentNullException(nameof(engine));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _artim = new ArtimTimer(options.TimeProvider, options.ArtimTimeout, OnArtimExpired);
        Actions = new DulActions(port, _artim);
        Engine = engine;
    }

    public DulState State { get; private set; } = DulState.Sta1;

    public IDulEngine Engine { get; }

    /// <summary>The action bodies and the association context they keep (role, pending request).</summary>
    public DulActions Actions { get; }

    /// <summary>True while the ARTIM timer runs.</summary>
    public bool ArtimRunning => _artim.IsRunning;

    /// <summary>Whether ARTIM has expired (Evt18) on this machine.</summary>
    public bool ArtimExpired { get; private set; }

    public static IDulEngine SelectEngine(DulEngine engine) => engine switch
    {
        DulEngine.Generated => GeneratedDulEngine.Instance,
        DulEngine.Interpreted => InterpretedDulEngine.Embedded,
        _ => throw new ArgumentOutOfRangeException(nameof(engine)),
    };

    public DulStepResult Fire(DulEvent evt, object? payload = null)
    {
        lock (_gate)
        {
            if (_inStep)
            {
                _deferred.Enqueue((evt, payload));
                return new DulStepResult(State, evt, DulAction.None, State, DulUndefinedRule.None, Rejected: false, Deferred: true);
            }
            try
            {
                var result = Run(evt, payload);
                while (_deferred.Count > 0)
                {
                    var (next, nextPayload) = _deferred.Dequeue();
                    Run(next, nextPayload);
                }
                return result;
            }
            catch
            {
                // A port that threw leaves the state as it was; events it queued belong to the failed step.
                _deferred.Clear();
                throw;
            }
        }
    }

    /// <summary>Puts the machine in a state with a role, for tests of single cells.</summary>
    internal void SetState(DulState state, DulAssociationRole role = DulAssociationRole.Unknown)
    {
        lock (_gate)
        {
            State = state;
            Actions.Role = role;
        }
    }

    /// <summary>Starts ARTIM as if an action had, for tests of states entered with the timer running.</summary>
    internal void StartArtim()
    {
        lock (_gate) _artim.Start();
    }

    private DulStepResult Run(DulEvent evt, object? payload)
    {
        var from = State;
        DulStep step;
        _inStep = true;
        try
        {
            step = _engine.Step(Actions, from, evt, payload);
        }
        finally
        {
            _inStep = false;
        }
        State = step.NextState;
        var rejected = step.Action == DulAction.None && _engine.Rejects(step.Undefined);
        var result = new DulStepResult(from, evt, step.Action, step.NextState, step.Undefined, rejected, Deferred: false);
        if (step.Action == DulAction.None)
        {
            _logger.LogWarning("DUL: {Event} in {State} is a blank cell of PS3.8 Table 9-10 ({Rule}); {Outcome}", evt, from, step.Undefined, rejected ? "rejected" : "ignored");
        }
        else if (_logger.IsEnabled(LogLevel.Trace))
        {
            _logger.LogTrace("DUL: {Event} in {State}: {Action} -> {Next}", evt, from, step.Action, step.NextState);
        }
        return result;
    }

    private void OnArtimExpired(long generation)
    {
        lock (_gate)
        {
            // A stop or restart that raced with the expiry makes it stale.
            if (!_artim.TryExpire(generation)) return;
            ArtimExpired = true;
            Fire(DulEvent.Evt18);
        }
    }

    public void Dispose() => _artim.Dispose();
}
