using System;
using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;
using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Spec.Dul
{
    /// <summary>Reads the four dul-*.yaml files into a <see cref="DulSpec"/>. Never throws on bad input:
    /// every problem becomes a diagnostic at its file and line, and <see cref="DulSpecValidator"/> then
    /// checks the references between the files.</summary>
    public static class DulSpecParser
    {
        public static DulSpec Parse(IEnumerable<DulSpecFile> files)
        {
            var byName = new Dictionary<string, DulSpecFile>(StringComparer.Ordinal);
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var name = DulSpecFiles.FileName(file.Path);
                if (!byName.ContainsKey(name)) byName.Add(name, file);
            }

            var diagnostics = new List<SpecDiagnostic>();
            foreach (var name in DulSpecFiles.All)
            {
                if (!byName.ContainsKey(name))
                {
                    diagnostics.Add(new SpecDiagnostic(DiagnosticIds.Dul.MissingFile,
                        $"the DUL state machine needs spec/part08/{name}, which is not among the spec files", name, 1, 1));
                }
            }

            var states = ReadFile(byName, DulSpecFiles.States, "states", diagnostics, ReadState);
            var events = ReadFile(byName, DulSpecFiles.Events, "events", diagnostics, ReadEvent);
            var stateIds = new HashSet<string>(states.Select(st => st.Id), StringComparer.Ordinal);
            var actions = ReadFile(byName, DulSpecFiles.Actions, "actions", diagnostics, (row, edition) => ReadAction(row, edition, stateIds));
            var rules = new List<DulUndefinedRuleSpec>();
            var cells = new List<DulCellSpec>();
            SpecFileContext? transitionsContext = null;
            YamlMap? transitionsRoot = null;
            if (byName.TryGetValue(DulSpecFiles.Transitions, out var tfile))
            {
                transitionsContext = new SpecFileContext(tfile.Path);
                transitionsRoot = transitionsContext.LoadRoot(tfile.Text);
                if (transitionsRoot is YamlMap root)
                {
                    root.CheckKeys("edition", "document", "undefinedRules", "transitions");
                    var edition = root.RequiredString("edition");
                    rules.AddRange(root.Sequence("undefinedRules").Select(r => ReadRule(r, edition)));
                    cells.AddRange(root.Sequence("transitions").Select(c => ReadCell(c, edition)));
                }
            }

            var spec = new DulSpec(states.ToEquatableArray(), events.ToEquatableArray(), actions.ToEquatableArray(),
                rules.ToEquatableArray(), cells.ToEquatableArray(), EquatableArray<SpecDiagnostic>.Empty);
            if (transitionsContext != null)
            {
                DulSpecValidator.Validate(spec, transitionsContext, transitionsRoot);
                diagnostics.AddRange(transitionsContext.Diagnostics);
            }
            return spec with { Diagnostics = diagnostics.ToEquatableArray() };
        }

        private static List<T> ReadFile<T>(Dictionary<string, DulSpecFile> files, string name, string key,
            List<SpecDiagnostic> diagnostics, Func<YamlMap, string, T> read)
        {
            var result = new List<T>();
            if (!files.TryGetValue(name, out var file)) return result;
            var context = new SpecFileContext(file.Path);
            if (context.LoadRoot(file.Text) is YamlMap root)
            {
                root.CheckKeys("edition", "document", key);
                var edition = root.RequiredString("edition");
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var row in root.Sequence(key))
                {
                    var item = read(row, edition);
                    var id = row.OptionalString("id") ?? "";
                    if (id.Length > 0 && !names.Add(id)) row.Report(DiagnosticIds.DuplicateName, $"'{id}' is defined twice", "id");
                    var pduName = key == "events" ? row.OptionalString("pdu") ?? "" : "";
                    if (pduName.Length > 0 && !names.Add("pdu:" + pduName)) row.Report(DiagnosticIds.DuplicateName, $"PDU '{pduName}' is named by two events", "pdu");
                    var csName = row.OptionalString("name") ?? "";
                    if (csName.Length > 0 && !names.Add("name:" + csName)) row.Report(DiagnosticIds.DuplicateName, $"name '{csName}' is used twice", "name");
                    result.Add(item);
                }
            }
            diagnostics.AddRange(context.Diagnostics);
            return result;
        }

        private static DulStateSpec ReadState(YamlMap row, string edition)
        {
            row.CheckKeys("id", "name", "group", "transport", "description", "source", "edition", "since", "note");
            return new DulStateSpec(Identifier(row, "id"), Identifier(row, "name"), row.RequiredString("group"),
                row.OptionalBool("transport", false), row.RequiredString("description"), row.Citation(edition));
        }

        private static DulEventSpec ReadEvent(YamlMap row, string edition)
        {
            row.CheckKeys("id", "name", "kind", "pdu", "description", "source", "edition", "since", "note");
            var kind = row.RequiredString("kind");
            var pdu = row.OptionalString("pdu");
            if (pdu != null && kind != "pdu") row.Report(DiagnosticIds.InvalidValue, "only an event of kind pdu names a 'pdu'", "pdu");
            if (pdu != null && !IsIdentifier(pdu)) row.Report(DiagnosticIds.Dul.InvalidName, $"'{pdu}' is not a C# identifier", "pdu");
            if (kind.Length > 0 && kind != "primitive" && kind != "transport" && kind != "pdu" && kind != "timer")
            {
                row.Report(DiagnosticIds.InvalidValue, $"kind '{kind}' must be primitive, transport, pdu or timer", "kind");
            }
            return new DulEventSpec(Identifier(row, "id"), Identifier(row, "name"), kind, pdu, row.RequiredString("description"), row.Citation(edition), row.Line);
        }

        private static DulActionSpec ReadAction(YamlMap row, string edition, HashSet<string> states)
        {
            row.CheckKeys("id", "name", "description", "next", "source", "edition", "since", "note");
            var next = new List<DulNextStateSpec>();
            var node = row.Get("next");
            if (node is YamlSequenceNode seq)
            {
                foreach (var entry in seq.Children)
                {
                    if (entry is YamlScalarNode s) next.Add(new DulNextStateSpec(s.Value ?? "", null));
                    else if (entry is YamlMappingNode m)
                    {
                        var map = new YamlMap(m, row.Context);
                        map.CheckKeys("state", "when");
                        next.Add(new DulNextStateSpec(map.RequiredString("state"), map.RequiredString("when")));
                    }
                    else row.Context.Report(DiagnosticIds.InvalidValue, entry, "each next state is a state name or { state, when }");
                }
            }
            else if (node is YamlScalarNode single) next.Add(new DulNextStateSpec(single.Value ?? "", null));
            else row.Report(DiagnosticIds.MissingKey, "missing required key 'next' (the action's next state or states)");

            if (states.Count > 0)
            {
                foreach (var unknown in next.Where(n => !states.Contains(n.State)))
                {
                    row.Report(DiagnosticIds.Dul.UnknownState, $"unknown next state '{unknown.State}' (not in {DulSpecFiles.States})", "next");
                }
            }
            if (next.Count > 2) row.Report(DiagnosticIds.InvalidValue, "an action has one next state, or two chosen by a condition (as in Tables 9-6..9-9)", "next");
            if (next.Count > 1 && next.Any(n => n.When == null))
            {
                row.Report(DiagnosticIds.InvalidValue, "an action with several next states gives each one's condition as { state, when }", "next");
            }
            return new DulActionSpec(row.RequiredString("id"), Identifier(row, "name"), row.RequiredString("description"),
                next.ToEquatableArray(), row.Citation(edition));
        }

        private static DulUndefinedRuleSpec ReadRule(YamlMap row, string edition)
        {
            row.CheckKeys("name", "behaviour", "description", "source", "edition", "since");
            var behaviour = row.RequiredString("behaviour");
            if (behaviour.Length > 0 && behaviour != "reject" && behaviour != "ignore")
            {
                row.Report(DiagnosticIds.InvalidValue, $"behaviour '{behaviour}' must be reject or ignore", "behaviour");
            }
            return new DulUndefinedRuleSpec(Identifier(row, "name"), behaviour, row.RequiredString("description"), row.Citation(edition));
        }

        private static DulCellSpec ReadCell(YamlMap row, string edition)
        {
            row.CheckKeys("event", "state", "action", "next", "undefined", "source", "edition", "since", "note");
            var action = row.OptionalString("action");
            if (action == null && !row.Has("action")) row.Report(DiagnosticIds.MissingKey, "missing required key 'action' (an action name, or null for a blank cell)");
            if (action == "null" || action == "~" || action == "") action = null;
            return new DulCellSpec(row.RequiredString("event"), row.RequiredString("state"), action,
                row.StringList("next").ToEquatableArray(), row.OptionalString("undefined"), row.Citation(edition), row.Line);
        }

        /// <summary>A required value that must be a C# identifier, since it becomes a type member name.</summary>
        private static string Identifier(YamlMap row, string key)
        {
            var value = row.RequiredString(key);
            if (value.Length > 0 && !IsIdentifier(value))
            {
                row.Report(DiagnosticIds.Dul.InvalidName, $"'{value}' is not a C# identifier", key);
            }
            return value;
        }

        public static bool IsIdentifier(string value)
            => value.Length > 0 && (char.IsLetter(value[0]) || value[0] == '_') && value.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
