using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>Table 9-10 as data: <c>DulTransitions.Lookup(state, event)</c> gives the cell's action, next
    /// state(s) or, for a blank cell, the rule that applies.</summary>
    internal static class DulTableEmitter
    {
        public static string Table(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("One cell of the state transition table: the action and its next state (AlternativeNextState is the"
                + " second possible next state of a conditional action), or for a blank cell the rule that applies.", "PS3.8 Table 9-10");
            w.Line("public readonly record struct DulTransition(DulAction Action, DulState NextState, DulState? AlternativeNextState, DulUndefinedRule Undefined, string Source)");
            w.Line("{");
            w.Line("    /// <summary>True when the cell names an action.</summary>");
            w.Line("    /// <remarks>PS3.8 Table 9-10</remarks>");
            w.Line("    public bool IsDefined => Action != DulAction.None;");
            w.Line("}");
            w.Line();
            w.Doc("The DICOM Upper Layer protocol state transition table, every cell (blank ones included).", "PS3.8 Table 9-10, 9.2.3");
            w.Open("public static class DulTransitions");
            w.Doc($"The number of cells: {spec.Events.Count} events x {spec.States.Count} states.", "PS3.8 Table 9-10");
            w.Line($"public const int CellCount = {spec.Events.Count * spec.States.Count};");
            w.Line();
            w.Doc($"The number of cells that name an action.", "PS3.8 Table 9-10");
            w.Line($"public const int DefinedCellCount = {spec.Cells.Count(c => c.IsDefined)};");
            w.Line();
            w.Doc("The cell for an event in a state. For a blank cell the next state is the current state.", "PS3.8 Table 9-10");
            w.Open("public static DulTransition Lookup(DulState state, DulEvent evt) => (state, evt) switch");
            foreach (var e in spec.Events)
            {
                foreach (var s in spec.States)
                {
                    var cell = spec.Cells.First(c => c.Event == e.Id && c.State == s.Id);
                    var source = CodeWriter.Literal(DulEmitter.Cite(cell));
                    if (cell.IsDefined)
                    {
                        var alt = cell.Next.Count > 1 ? "DulState." + cell.Next[1] : "null";
                        w.Line($"(DulState.{s.Id}, DulEvent.{e.Id}) => new DulTransition(DulAction.{cell.Action}, DulState.{cell.Next[0]}, {alt}, DulUndefinedRule.None, {source}),");
                    }
                    else
                    {
                        w.Line($"(DulState.{s.Id}, DulEvent.{e.Id}) => new DulTransition(DulAction.None, DulState.{s.Id}, null, DulUndefinedRule.{cell.Undefined}, {source}),");
                    }
                }
            }
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(evt), \"not a state and event of Table 9-10\"),");
            w.Close(";");
            w.Close();
            return w.Close().ToString();
        }
    }
}
