using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>The compiled engine: a switch over state and event that calls the cell's action on
    /// <c>IDulActions</c> and returns the next state, with no table lookup at run time.</summary>
    internal static class DulDispatchEmitter
    {
        public static string Dispatch(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("What one step of the state machine did: the action run (None for a blank cell), the next state"
                + " (unchanged for a blank cell) and the rule applied to a blank cell.", "PS3.8 Table 9-10");
            w.Line("public readonly record struct DulStep(DulAction Action, DulState NextState, DulUndefinedRule Undefined);");
            w.Line();
            w.Doc("Table 9-10 compiled to a switch: runs the action of the cell for (state, event) and returns the step.", "PS3.8 Table 9-10, 9.2.3");
            w.Open("public static class DulGeneratedDispatch");
            w.Doc("Runs the cell of Table 9-10 for the event in the state.", "PS3.8 Table 9-10");
            w.Open("public static DulStep Step(IDulActions actions, DulState state, DulEvent evt, object? payload)");
            w.Open("switch (state)");
            foreach (var s in spec.States)
            {
                w.Line($"case DulState.{s.Id}:");
                w.Line("    switch (evt)");
                w.Line("    {");
                foreach (var e in spec.Events)
                {
                    var cell = spec.Cells.First(c => c.Event == e.Id && c.State == s.Id);
                    w.Line($"        // {DulEmitter.Cite(cell)}");
                    if (!cell.IsDefined)
                    {
                        w.Line($"        case DulEvent.{e.Id}: return new DulStep(DulAction.None, DulState.{s.Id}, DulUndefinedRule.{cell.Undefined});");
                        continue;
                    }
                    var action = DulEmitter.ActionOf(spec, cell);
                    if (!action.IsConditional)
                    {
                        w.Line($"        case DulEvent.{e.Id}: actions.{action.Name}(evt, payload); return new DulStep(DulAction.{action.Name}, DulState.{cell.Next[0]}, DulUndefinedRule.None);");
                    }
                    else
                    {
                        var choices = string.Join(", ", action.Next.Select(n => $"{DulEmitter.ConditionalEnumName(action)}.{n.State} => DulState.{n.State}"));
                        w.Line($"        case DulEvent.{e.Id}: return new DulStep(DulAction.{action.Name}, actions.{action.Name}(evt, payload) switch {{ {choices}, var other => throw new global::System.InvalidOperationException(\"{action.Id} chose \" + other) }}, DulUndefinedRule.None);");
                    }
                }
                w.Line("    }");
                w.Line("    break;");
            }
            w.Close();
            w.Line("throw new global::System.ArgumentOutOfRangeException(nameof(evt), \"not a state and event of Table 9-10\");");
            w.Close();
            w.Close();
            return w.Close().ToString();
        }
    }
}
