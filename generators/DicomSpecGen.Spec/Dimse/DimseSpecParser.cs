using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Dimse
{
    /// <summary>Reads spec/part07 (command-elements.yaml, messages.yaml, statuses.yaml) into a
    /// <see cref="DimseSpec"/>, then cross-checks them with <see cref="DimseSpecValidator"/>.</summary>
    public static class DimseSpecParser
    {
        public const string ElementsFile = "command-elements.yaml";
        public const string MessagesFile = "messages.yaml";
        public const string StatusesFile = "statuses.yaml";

        /// <summary>True for the files this parser reads (by name, under a part07 folder).</summary>
        public static bool IsDimseFile(string path)
        {
            var p = path.Replace('\\', '/');
            if (!p.Contains("/part07/")) return false;
            return p.EndsWith("/" + ElementsFile, StringComparison.Ordinal)
                || p.EndsWith("/" + MessagesFile, StringComparison.Ordinal)
                || p.EndsWith("/" + StatusesFile, StringComparison.Ordinal);
        }

        public static DimseSpec Parse(IEnumerable<(string Path, string Text)> files)
        {
            var diagnostics = new List<SpecDiagnostic>();
            var elements = new List<(CommandElementSpec Spec, YamlMap Row)>();
            var messages = new List<(MessageSpec Spec, YamlMap Row, List<(MessageFieldSpec, YamlMap)> Fields)>();
            var statusFields = new List<(MessageFieldSpec, YamlMap)>();
            var classes = new List<(StatusClassSpec, YamlMap)>();
            var services = new List<(StatusServiceSpec, YamlMap, List<(StatusSpec, YamlMap)>)>();
            string? messagesPath = null, elementsPath = null, statusesPath = null;
            var contexts = new List<SpecFileContext>();

            foreach (var (path, text) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                var context = new SpecFileContext(path);
                contexts.Add(context);
                var root = context.LoadRoot(text);
                if (root == null) continue;
                var file = root.Value;
                if (path.Replace('\\', '/').EndsWith("/" + ElementsFile, StringComparison.Ordinal))
                {
                    elementsPath = path;
                    file.CheckKeys("edition", "document", "elements");
                    var edition = file.RequiredString("edition");
                    foreach (var row in file.Sequence("elements")) elements.Add((ReadElement(row, edition), row));
                }
                else if (path.Replace('\\', '/').EndsWith("/" + MessagesFile, StringComparison.Ordinal))
                {
                    messagesPath = path;
                    file.CheckKeys("edition", "document", "statusFields", "messages");
                    var edition = file.RequiredString("edition");
                    foreach (var row in file.Sequence("statusFields", required: false)) statusFields.Add((ReadField(row, edition), row));
                    foreach (var row in file.Sequence("messages")) messages.Add(ReadMessage(row, edition));
                }
                else
                {
                    statusesPath = path;
                    file.CheckKeys("edition", "document", "classes", "services");
                    var edition = file.RequiredString("edition");
                    foreach (var row in file.Sequence("classes")) classes.Add((ReadClass(row, edition), row));
                    foreach (var row in file.Sequence("services")) services.Add(ReadService(row, edition));
                }
            }

            var validator = new DimseSpecValidator(contexts);
            if (elementsPath == null && (messagesPath != null || statusesPath != null))
            {
                var at = contexts.First(c => c.FilePath == (messagesPath ?? statusesPath));
                at.Report(DiagnosticIds.Dimse.MissingFile, 1, 1,
                    $"spec/part07/{ElementsFile} is missing; the messages and statuses refer to its elements");
            }
            else
            {
                validator.Check(elements, messages, statusFields);
            }
            validator.CheckStatuses(classes, services);
            foreach (var c in contexts) diagnostics.AddRange(c.Diagnostics);

            return new DimseSpec(
                elements.Select(e => e.Spec).OrderBy(e => e.Tag).ToEquatableArray(),
                messages.Select(m => m.Spec).ToEquatableArray(),
                statusFields.Select(f => f.Item1).ToEquatableArray(),
                classes.Select(c => c.Item1).ToEquatableArray(),
                services.Select(s => s.Item1).ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        private static CommandElementSpec ReadElement(YamlMap row, string edition)
        {
            row.CheckKeys("tag", "keyword", "name", "vr", "vm", "retired", "values", "source", "edition", "since");
            var tagText = row.RequiredString("tag");
            var tag = ParseTag(tagText);
            if (tag == null) row.Report(DiagnosticIds.Dimse.BadTag, $"tag '{tagText}' is not a group 0000 tag \"(0000,eeee)\"", "tag");
            var values = new List<NamedValueSpec>();
            foreach (var v in row.Sequence("values", required: false))
            {
                v.CheckKeys("name", "value", "description", "source", "edition", "since");
                values.Add(new NamedValueSpec(v.RequiredString("name"), (int)v.RequiredInteger("value"),
                    v.OptionalString("description") ?? "", v.Citation(edition)));
            }
            return new CommandElementSpec(tag ?? 0, row.RequiredString("keyword"), row.RequiredString("name"),
                row.RequiredString("vr"), row.RequiredString("vm"), row.OptionalBool("retired", false),
                row.Citation(edition), values.ToEquatableArray());
        }

        /// <summary>"(0000,eeee)" → 0x0000eeee; null for any other form or group.</summary>
        public static uint? ParseTag(string text)
        {
            text = text.Trim();
            if (text.Length != 11 || text[0] != '(' || text[5] != ',' || text[10] != ')') return null;
            if (!ushort.TryParse(text.Substring(1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var group)) return null;
            if (!ushort.TryParse(text.Substring(6, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var element)) return null;
            if (group != 0) return null;
            return element;
        }

        private static MessageFieldSpec ReadField(YamlMap row, string edition)
        {
            row.CheckKeys("element", "usage", "condition", "requiredWhen", "conditionSource", "equals", "equalsSource", "source", "edition", "since", "note");
            return new MessageFieldSpec(row.RequiredString("element"), row.RequiredString("usage"),
                row.OptionalString("condition"), row.OptionalString("requiredWhen"), row.OptionalString("conditionSource"),
                row.Citation(edition), row.OptionalString("equals"), row.OptionalString("equalsSource"));
        }

        private static (MessageSpec, YamlMap, List<(MessageFieldSpec, YamlMap)>) ReadMessage(YamlMap row, string edition)
        {
            row.CheckKeys("name", "title", "commandField", "kind", "source", "edition", "since", "note", "usageSource", "fields", "dataSet");
            var kind = row.RequiredString("kind");
            if (kind != "request" && kind != "response" && row.Has("kind"))
                row.Report(DiagnosticIds.InvalidValue, $"kind must be request or response, got '{kind}'", "kind");
            var fields = new List<(MessageFieldSpec, YamlMap)>();
            foreach (var f in row.Sequence("fields")) fields.Add((ReadField(f, edition), f));
            DataSetSpec? dataSet = null;
            var ds = row.Mapping("dataSet");
            if (ds != null)
            {
                var d = ds.Value;
                d.CheckKeys("name", "usage", "condition", "requiredWhen", "conditionSource", "source", "edition", "since", "note");
                dataSet = new DataSetSpec(d.RequiredString("name"), d.RequiredString("usage"), d.OptionalString("condition"),
                    d.OptionalString("requiredWhen"), d.OptionalString("conditionSource"), d.Citation(edition));
            }
            var spec = new MessageSpec(row.RequiredString("name"), row.RequiredString("title"),
                (int)row.RequiredInteger("commandField"), kind == "response", row.Citation(edition),
                row.RequiredString("usageSource"), fields.Select(f => f.Item1).ToEquatableArray(), dataSet, row.Line);
            return (spec, row, fields);
        }

        private static StatusClassSpec ReadClass(YamlMap row, string edition)
        {
            row.CheckKeys("class", "codes", "source", "edition", "since", "note");
            var codes = new List<CodeRange>();
            foreach (var text in row.StringList("codes"))
            {
                var range = ParseCodePattern(text);
                if (range == null) row.Report(DiagnosticIds.Dimse.BadStatusCode, $"status code pattern '{text}' is not 4 hex digits, a range 'A000-AFFF' or a pattern like 'Bxxx'", "codes");
                else codes.Add(range);
            }
            return new StatusClassSpec(row.RequiredString("class"), codes.ToEquatableArray(), row.Citation(edition));
        }

        private static (StatusServiceSpec, YamlMap, List<(StatusSpec, YamlMap)>) ReadService(YamlMap row, string edition)
        {
            row.CheckKeys("name", "title", "source", "statuses");
            var statuses = new List<(StatusSpec, YamlMap)>();
            foreach (var s in row.Sequence("statuses"))
            {
                s.CheckKeys("code", "meaning", "class", "name", "source", "edition", "since", "note");
                var text = s.RequiredString("code");
                var range = ParseCodePattern(text);
                if (range == null && s.Has("code"))
                    s.Report(DiagnosticIds.Dimse.BadStatusCode, $"status code '{text}' is not 4 hex digits or a range 'A700-A7FF'", "code");
                statuses.Add((new StatusSpec(range ?? new CodeRange(-1, -1, text), s.RequiredString("meaning"),
                    s.RequiredString("class"), s.OptionalString("name"), s.Citation(edition)), s));
            }
            var constants = statuses.Select(s => s.Item1.Name ?? PascalName(s.Item1.Meaning)).ToList();
            for (var i = 0; i < statuses.Count; i++)
            {
                var name = constants[i];
                var shared = constants.Count(c => c == name) > 1;
                var constant = shared && statuses[i].Item1.Code.Low >= 0 ? name + statuses[i].Item1.Code.Low.ToString("X4", CultureInfo.InvariantCulture) : name;
                statuses[i] = (statuses[i].Item1 with { Constant = constant }, statuses[i].Item2);
            }
            var source = row.OptionalString("source");
            if (string.IsNullOrWhiteSpace(source)) row.Report(DiagnosticIds.MissingSource, "service has no 'source' citation");
            var spec = new StatusServiceSpec(row.RequiredString("name"), row.RequiredString("title"), source ?? "",
                statuses.Select(s => s.Item1).ToEquatableArray());
            return (spec, row, statuses);
        }

        /// <summary>A status meaning as a C# name: its words in Pascal case, acronyms written like words ("SOP" is Sop);
        /// an explanation after " - " (Table K.4-1's Pending rows) is left out.</summary>
        public static string PascalName(string meaning)
        {
            var dash = meaning.IndexOf(" - ", StringComparison.Ordinal);
            if (dash > 0) meaning = meaning.Substring(0, dash);
            var sb = new System.Text.StringBuilder();
            foreach (var word in System.Text.RegularExpressions.Regex.Split(meaning, "[^A-Za-z0-9]+"))
            {
                if (word.Length == 0) continue;
                var acronym = word.Count(char.IsUpper) > 1;
                sb.Append(char.ToUpperInvariant(word[0])).Append(acronym ? word.Substring(1).ToLowerInvariant() : word.Substring(1));
            }
            if (sb.Length == 0 || char.IsDigit(sb[0])) sb.Insert(0, '_');
            return sb.ToString();
        }

        /// <summary>"A700" (one code), "A700-A7FF" (a range) or "Bxxx" / "01xx" (x = any hex digit).</summary>
        public static CodeRange? ParseCodePattern(string text)
        {
            text = text.Trim();
            var dash = text.IndexOf('-');
            if (dash > 0)
            {
                var low = ParseHex4(text.Substring(0, dash));
                var high = ParseHex4(text.Substring(dash + 1));
                if (low == null || high == null || low > high) return null;
                return new CodeRange(low.Value, high.Value, text);
            }
            if (text.Length != 4) return null;
            var wild = text.IndexOf('x');
            if (wild < 0)
            {
                var code = ParseHex4(text);
                return code == null ? null : new CodeRange(code.Value, code.Value, text);
            }
            for (var i = wild; i < 4; i++) if (text[i] != 'x') return null;
            var lowText = text.Substring(0, wild).PadRight(4, '0');
            var highText = text.Substring(0, wild).PadRight(4, 'F');
            var lo = ParseHex4(lowText);
            var hi = ParseHex4(highText);
            return lo == null || hi == null ? null : new CodeRange(lo.Value, hi.Value, text);
        }

        private static int? ParseHex4(string text)
            => text.Length == 4 && int.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
    }
}
