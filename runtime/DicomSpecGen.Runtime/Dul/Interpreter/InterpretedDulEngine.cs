using System.Linq.Expressions;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Dul.Interpreter;

/// <summary>The interpreted engine: Table 9-10 read from the YAML at run time through the shared spec
/// loader, each cell bound to the <see cref="IDulActions"/> member its YAML action names. Used to check
/// the generated engine (differential tests) and to run a modified table without rebuilding.</summary>
/// <remarks>PS3.8 Table 9-10</remarks>
public sealed class InterpretedDulEngine : IDulEngine
{
    private static readonly Lazy<InterpretedDulEngine> EmbeddedEngine = new(() => Load(DulSpecResources.Load()));

    private readonly Cell[] _cells;
    private readonly int _eventCount;
    private readonly HashSet<DulUndefinedRule> _rejecting;

    private InterpretedDulEngine(Cell[] cells, int eventCount, HashSet<DulUndefinedRule> rejecting, DulSpec spec)
    {
        _cells = cells;
        _eventCount = eventCount;
        _rejecting = rejecting;
        Spec = spec;
    }

    /// <summary>The engine over the YAML embedded in the runtime (read once).</summary>
    public static InterpretedDulEngine Embedded => EmbeddedEngine.Value;

    /// <summary>The spec the engine interprets.</summary>
    public DulSpec Spec { get; }

    /// <summary>Reads the four dul-*.yaml files. Throws <see cref="DulSpecException"/> if they have problems.</summary>
    public static InterpretedDulEngine Load(IEnumerable<DulSpecFile> files)
    {
        var spec = DulSpecParser.Parse(files);
        if (spec.HasErrors) throw new DulSpecException(spec.Diagnostics.ToList());

        var problems = new List<SpecDiagnostic>();
        void Problem(string message) => problems.Add(new SpecDiagnostic(DiagnosticIds.Dul.UnknownAction, message, DulSpecFiles.Transitions, 1, 1));

        // The compiled enums give each name its number; the YAML must not name one the runtime lacks.
        var states = Map<DulState>(spec.States.Select(s => s.Id), "state", Problem);
        var events = Map<DulEvent>(spec.Events.Select(e => e.Id), "event", Problem);
        if (states.Count != Enum.GetValues<DulState>().Length || events.Count != Enum.GetValues<DulEvent>().Length)
        {
            Problem($"the YAML has {states.Count} states and {events.Count} events; the runtime was built with {Enum.GetValues<DulState>().Length} and {Enum.GetValues<DulEvent>().Length}");
        }
        var rules = Map<DulUndefinedRule>(spec.UndefinedRules.Select(r => r.Name), "undefined rule", Problem);
        var actions = spec.Actions.ToDictionary(a => a.Name, a => Bind(a, Problem));
        if (problems.Count > 0) throw new DulSpecException(problems);

        var eventCount = Enum.GetValues<DulEvent>().Length;
        var cells = new Cell[Enum.GetValues<DulState>().Length * eventCount];
        foreach (var c in spec.Cells)
        {
            var state = states[c.State];
            var index = Index(state, events[c.Event], eventCount);
            cells[index] = c.Action == null
                ? new Cell(DulAction.None, null, [state], rules[c.Undefined!])
                : new Cell(actions[c.Action].Action, actions[c.Action].Invoke, c.Next.Select(n => states[n]).ToArray(), DulUndefinedRule.None);
        }
        var rejecting = new HashSet<DulUndefinedRule>(spec.UndefinedRules.Where(r => r.Behaviour == "reject").Select(r => rules[r.Name]));
        return new InterpretedDulEngine(cells, eventCount, rejecting, spec);
    }

    public DulStep Step(IDulActions actions, DulState state, DulEvent evt, object? payload)
    {
        if ((uint)((int)evt - 1) >= (uint)_eventCount || (uint)((int)state - 1) >= (uint)(_cells.Length / _eventCount)) throw new ArgumentOutOfRangeException(nameof(evt), "not a state and event of Table 9-10");
        var cell = _cells[Index(state, evt, _eventCount)];
        if (cell.Invoke == null) return new DulStep(DulAction.None, state, cell.Undefined);
        var next = cell.Invoke(actions, evt, payload) ?? cell.Next[0];
        if (Array.IndexOf(cell.Next, next) < 0)
        {
            throw new InvalidOperationException($"{DulActionIds.IdOf(cell.Action)} chose {next}, which is not a next state of {evt}/{state} ({string.Join(" or ", cell.Next)})");
        }
        return new DulStep(cell.Action, next, DulUndefinedRule.None);
    }

    public bool Rejects(DulUndefinedRule rule) => _rejecting.Contains(rule);

    private static int Index(DulState state, DulEvent evt, int eventCount) => ((int)state - 1) * eventCount + ((int)evt - 1);

    private static Dictionary<string, T> Map<T>(IEnumerable<string> names, string what, Action<string> problem) where T : struct, Enum
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (Enum.TryParse<T>(name, ignoreCase: false, out var value) && Enum.IsDefined(value)) map[name] = value;
            else problem($"the YAML names {what} '{name}', which the runtime does not have (rebuild to regenerate it)");
        }
        return map;
    }

    /// <summary>Binds a YAML action to the IDulActions member of the same name. A conditional action's
    /// member returns its choice (an enum whose values are DulState values); others return null, and the
    /// cell's single next state applies.</summary>
    private static (DulAction Action, Func<IDulActions, DulEvent, object?, DulState?> Invoke) Bind(DulActionSpec spec, Action<string> problem)
    {
        var method = typeof(IDulActions).GetMethod(spec.Name, [typeof(DulEvent), typeof(object)]);
        if (method == null || !Enum.TryParse<DulAction>(spec.Name, out var action))
        {
            problem($"the YAML names action '{spec.Name}' ({spec.Id}), which IDulActions does not have (rebuild to regenerate it)");
            return (DulAction.None, (_, _, _) => null);
        }
        var target = Expression.Parameter(typeof(IDulActions), "actions");
        var trigger = Expression.Parameter(typeof(DulEvent), "trigger");
        var payload = Expression.Parameter(typeof(object), "payload");
        Expression call = Expression.Call(target, method, trigger, payload);
        Expression body = method.ReturnType == typeof(void)
            ? Expression.Block(call, Expression.Constant(null, typeof(DulState?)))
            : Expression.Convert(Expression.Convert(Expression.Convert(call, typeof(int)), typeof(DulState)), typeof(DulState?));
        return (action, Expression.Lambda<Func<IDulActions, DulEvent, object?, DulState?>>(body, target, trigger, payload).Compile());
    }

    private sealed record Cell(DulAction Action, Func<IDulActions, DulEvent, object?, DulState?>? Invoke, DulState[] Next, DulUndefinedRule Undefined);
}
