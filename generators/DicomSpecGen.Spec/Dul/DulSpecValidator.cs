using System;
using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Dul
{
    /// <summary>Checks the cells of Table 9-10 against the states, events, actions and undefined rules:
    /// every name resolves, every event x state pair is present exactly once, and a cell's next states
    /// are its action's. Problems are reported at the cell's line of dul-transitions.yaml.</summary>
    public static class DulSpecValidator
    {
        public static void Validate(DulSpec spec, SpecFileContext transitions, YamlMap? root)
        {
            var states = new HashSet<string>(spec.States.Select(s => s.Id), StringComparer.Ordinal);
            var events = new HashSet<string>(spec.Events.Select(e => e.Id), StringComparer.Ordinal);
            var actions = spec.Actions.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var rules = new HashSet<string>(spec.UndefinedRules.Select(r => r.Name), StringComparer.Ordinal);
            var seen = new HashSet<(string, string)>();

            foreach (var cell in spec.Cells)
            {
                void Report(string id, string message) => transitions.Report(id, cell.Line, 3, $"{cell.Event}/{cell.State}: {message}");

                var eventKnown = events.Contains(cell.Event);
                var stateKnown = states.Contains(cell.State);
                if (!eventKnown) Report(DiagnosticIds.Dul.UnknownEvent, $"unknown event '{cell.Event}' (not in {DulSpecFiles.Events})");
                if (!stateKnown) Report(DiagnosticIds.Dul.UnknownState, $"unknown state '{cell.State}' (not in {DulSpecFiles.States})");
                if (eventKnown && stateKnown && !seen.Add((cell.Event, cell.State)))
                {
                    Report(DiagnosticIds.Dul.DuplicateCell, "this cell of Table 9-10 is given twice");
                }

                if (cell.Action == null)
                {
                    if (cell.Undefined == null) Report(DiagnosticIds.Dul.CellActionConflict, "a blank cell (action: null) names the rule that applies in 'undefined:'");
                    else if (!rules.Contains(cell.Undefined)) Report(DiagnosticIds.Dul.UnknownUndefinedRule, $"unknown undefined rule '{cell.Undefined}' (not in undefinedRules)");
                    if (cell.Next.Count > 0) Report(DiagnosticIds.Dul.CellActionConflict, "a blank cell has no next state");
                    continue;
                }

                if (cell.Undefined != null) Report(DiagnosticIds.Dul.CellActionConflict, "a cell with an action cannot also be undefined");
                if (!actions.TryGetValue(cell.Action, out var action))
                {
                    Report(DiagnosticIds.Dul.UnknownAction, $"unknown action '{cell.Action}' (not in {DulSpecFiles.Actions})");
                    continue;
                }
                if (cell.Next.Count == 0) Report(DiagnosticIds.Dul.NextStateNotAllowed, $"missing 'next' (the next state of {action.Id})");
                var allowed = action.Next.Select(n => n.State).ToList();
                foreach (var next in cell.Next)
                {
                    if (!states.Contains(next)) Report(DiagnosticIds.Dul.UnknownState, $"unknown next state '{next}' (not in {DulSpecFiles.States})");
                    else if (!allowed.Contains(next)) Report(DiagnosticIds.Dul.NextStateNotAllowed, $"next state '{next}' is not a next state of {action.Id} ({string.Join(" or ", allowed)})");
                }
                if (cell.Next.Count > 0 && cell.Next.All(n => allowed.Contains(n)) && cell.Next.Count != allowed.Count)
                {
                    Report(DiagnosticIds.Dul.NextStateNotAllowed, $"{action.Id} leads to {string.Join(" or ", allowed)}, the cell lists only {string.Join(", ", cell.Next)}");
                }
            }

            if (spec.States.Count == 0 || spec.Events.Count == 0) return;
            var missing = new List<string>();
            foreach (var e in spec.Events)
            {
                foreach (var s in spec.States)
                {
                    if (!seen.Contains((e.Id, s.Id))) missing.Add($"{e.Id}/{s.Id}");
                }
            }
            if (missing.Count > 0)
            {
                var node = root?.Get("transitions");
                var line = node == null ? 1 : (int)node.Start.Line;
                transitions.Report(DiagnosticIds.Dul.MissingCell, line, 1,
                    $"Table 9-10 has {spec.Events.Count * spec.States.Count} cells; missing: {string.Join(", ", missing)} (a blank cell is written with action: null)");
            }
        }
    }
}
