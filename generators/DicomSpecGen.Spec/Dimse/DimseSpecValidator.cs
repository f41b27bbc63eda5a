using System;
using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Dimse
{
    /// <summary>Cross-file checks of spec/part07: every problem is reported at its YAML row.</summary>
    internal sealed class DimseSpecValidator
    {
        /// <summary>VRs found in group 0000 (PS3.7 Annex E) that the command-set codec encodes.</summary>
        public static readonly string[] SupportedVrs = { "UL", "US", "UI", "AE", "AT", "LO", "SH", "LT", "CS", "IS" };
        public static readonly string[] Usages = { "M", "U", "C", "U(=)", "C(=)" };
        public static readonly string[] RequiredWhenValues = { "Pending", "Success", "DataSet" };
        public static readonly string[] StatusClasses = { "Success", "Warning", "Failure", "Cancel", "Pending" };
        public static readonly string[] ProtocolFields = { "CommandGroupLength", "CommandField", "CommandDataSetType" };

        private readonly List<SpecFileContext> _contexts;

        public DimseSpecValidator(List<SpecFileContext> contexts) => _contexts = contexts;

        public void Check(
            List<(CommandElementSpec Spec, YamlMap Row)> elements,
            List<(MessageSpec Spec, YamlMap Row, List<(MessageFieldSpec, YamlMap)> Fields)> messages,
            List<(MessageFieldSpec, YamlMap)> statusFields)
        {
            var byKeyword = new Dictionary<string, CommandElementSpec>(StringComparer.Ordinal);
            var tags = new HashSet<uint>();
            foreach (var (e, row) in elements)
            {
                var validTag = DimseSpecParser.ParseTag(row.OptionalString("tag") ?? "") != null; // a bad tag is DSG0205 already
                if (validTag && !tags.Add(e.Tag)) row.Report(DiagnosticIds.Dimse.DuplicateElement, $"tag {e.TagText} is defined twice", "tag");
                if (byKeyword.ContainsKey(e.Keyword)) row.Report(DiagnosticIds.Dimse.DuplicateElement, $"keyword '{e.Keyword}' is defined twice", "keyword");
                else byKeyword[e.Keyword] = e;
                if (!IsIdentifier(e.Keyword)) row.Report(DiagnosticIds.InvalidValue, $"keyword '{e.Keyword}' is not a C# identifier", "keyword");
                if (Array.IndexOf(SupportedVrs, e.Vr) < 0)
                    row.Report(DiagnosticIds.Dimse.UnsupportedVr, $"VR '{e.Vr}' of {e.Keyword} has no command-set encoding; expected one of {string.Join(", ", SupportedVrs)}", "vr");
            }

            // The codec needs these elements, and the Null/Present values of Command Data Set Type.
            if (elements.Count > 0)
            {
                var at = elements[0].Row;
                foreach (var p in ProtocolFields)
                {
                    if (!byKeyword.ContainsKey(p)) at.Context.Report(DiagnosticIds.Dimse.MissingProtocolField, 1, 1, $"command-elements.yaml lacks {p}, which every command set carries");
                }
                if (byKeyword.TryGetValue("CommandDataSetType", out var dst))
                {
                    var row = elements.First(e => e.Spec.Keyword == "CommandDataSetType").Row;
                    foreach (var v in new[] { "Null", "Present" })
                    {
                        if (!dst.Values.Any(x => x.Name == v))
                            row.Report(DiagnosticIds.Dimse.MissingProtocolField, $"CommandDataSetType needs a value named {v} (PS3.7 Table E.1-1: 0101H = no data set)", "values");
                    }
                }
            }

            var commandFields = new Dictionary<int, string>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (m, row, fields) in messages)
            {
                if (!IsIdentifier(m.Name)) row.Report(DiagnosticIds.InvalidValue, $"name '{m.Name}' is not a C# identifier", "name");
                if (!names.Add(m.Name)) row.Report(DiagnosticIds.DuplicateName, $"message name '{m.Name}' is used twice", "name");
                if (commandFields.TryGetValue(m.CommandField, out var other))
                    row.Report(DiagnosticIds.Dimse.DuplicateCommandField, $"command field 0x{m.CommandField:X4} of {m.Title} is already used by {other}", "commandField");
                else commandFields[m.CommandField] = m.Title;
                if (m.CommandField < 0 || m.CommandField > 0xFFFF)
                    row.Report(DiagnosticIds.InvalidValue, $"command field 0x{m.CommandField:X} does not fit US", "commandField");

                // Tables list fields in their own order (9.3-9 puts Move Destination after Command Data Set
                // Type); the encoder sorts by tag, so only duplicates are errors here.
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var hasStatus = fields.Any(f => f.Item1.Element == "Status");
                foreach (var (f, frow) in fields)
                {
                    CheckField(f, frow, byKeyword);
                    if (!seen.Add(f.Element)) frow.Report(DiagnosticIds.Dimse.DuplicateElement, $"{f.Element} is listed twice in {m.Title}", "element");
                    if (!hasStatus && (f.RequiredWhen == "Pending" || f.RequiredWhen == "Success"))
                        frow.Report(DiagnosticIds.Dimse.UncheckableCondition, $"requiredWhen {f.RequiredWhen} needs Status (0000,0900), which {m.Title} does not have", "requiredWhen");
                }
                foreach (var p in ProtocolFields)
                {
                    if (byKeyword.ContainsKey(p) && !seen.Contains(p))
                        row.Report(DiagnosticIds.Dimse.MissingProtocolField, $"{m.Title} lacks {p}, which every command set carries");
                }
                var ds = row.Mapping("dataSet");
                if (m.DataSet != null && ds != null)
                {
                    if (m.DataSet.Usage != "M" && m.DataSet.Usage != "U" && m.DataSet.Usage != "C")
                        ds.Value.Report(DiagnosticIds.Dimse.BadUsage, $"data set usage '{m.DataSet.Usage}' must be M, U or C", "usage");
                    CheckCondition(m.DataSet.Usage, m.DataSet.Condition, m.DataSet.RequiredWhen, ds.Value);
                    if (!hasStatus && (m.DataSet.RequiredWhen == "Pending" || m.DataSet.RequiredWhen == "Success"))
                        ds.Value.Report(DiagnosticIds.Dimse.UncheckableCondition, $"requiredWhen {m.DataSet.RequiredWhen} needs Status (0000,0900), which {m.Title} does not have", "requiredWhen");
                }
            }
            foreach (var (f, frow) in statusFields) CheckField(f, frow, byKeyword);
            CheckRequestValues(messages, byKeyword);
        }

        /// <summary>A response field that takes a request's value (usage (=) or 'equals:') names a field of the
        /// request it answers, of the same VR; 'equals:' cites its source and appears on responses only.</summary>
        private static void CheckRequestValues(
            List<(MessageSpec Spec, YamlMap Row, List<(MessageFieldSpec, YamlMap)> Fields)> messages,
            Dictionary<string, CommandElementSpec> byKeyword)
        {
            var byTitle = new Dictionary<string, MessageSpec>(StringComparer.Ordinal);
            foreach (var (m, _, _) in messages) if (!byTitle.ContainsKey(m.Title)) byTitle[m.Title] = m;
            foreach (var (m, _, fields) in messages)
            {
                MessageSpec? request = null;
                if (m.IsResponse && m.Title.EndsWith("-RSP", StringComparison.Ordinal))
                    byTitle.TryGetValue(m.Title.Substring(0, m.Title.Length - "-RSP".Length) + "-RQ", out request);
                foreach (var (f, frow) in fields)
                {
                    if (f.EqualsElement != null && f.EqualsSource == null)
                        frow.Report(DiagnosticIds.MissingSource, $"'equals: {f.EqualsElement}' needs 'equalsSource:' citing the text that makes the values equal", "equals");
                    var from = f.RequestElement;
                    if (from == null) continue;
                    if (!m.IsResponse)
                    {
                        frow.Report(DiagnosticIds.InvalidValue, $"{m.Title} is a request; only a response field takes a request's value", f.EqualsElement != null ? "equals" : "usage");
                        continue;
                    }
                    var source = request?.Fields.FirstOrDefault(r => r.Element == from);
                    if (source == null)
                    {
                        frow.Report(DiagnosticIds.Dimse.UnknownElement, $"{f.Element} takes the request's {from}, but {(request == null ? "no request answered by " + m.Title + " is" : request.Title + " has no such field")} in messages.yaml",
                            f.EqualsElement != null ? "equals" : "usage");
                    }
                    else if (byKeyword.TryGetValue(from, out var a) && byKeyword.TryGetValue(f.Element, out var b) && a.Vr != b.Vr)
                    {
                        frow.Report(DiagnosticIds.InvalidValue, $"{f.Element} (VR {b.Vr}) cannot take the value of {from} (VR {a.Vr})", f.EqualsElement != null ? "equals" : "usage");
                    }
                }
            }
        }

        private static void CheckField(MessageFieldSpec f, YamlMap row, Dictionary<string, CommandElementSpec> byKeyword)
        {
            if (!byKeyword.ContainsKey(f.Element))
                row.Report(DiagnosticIds.Dimse.UnknownElement, $"element '{f.Element}' is not in command-elements.yaml", "element");
            if (Array.IndexOf(Usages, f.Usage) < 0)
                row.Report(DiagnosticIds.Dimse.BadUsage, $"usage '{f.Usage}' must be one of {string.Join(", ", Usages)}", "usage");
            else CheckCondition(f.Usage, f.Condition, f.RequiredWhen, row);
        }

        private static void CheckCondition(string usage, string? condition, string? requiredWhen, YamlMap row)
        {
            if (usage.StartsWith("C", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(condition))
                row.Report(DiagnosticIds.Dimse.BadUsage, $"usage {usage} needs 'condition:' with the standard's condition text", "usage");
            if (!usage.StartsWith("C", StringComparison.Ordinal) && (condition != null || requiredWhen != null))
                row.Report(DiagnosticIds.Dimse.BadUsage, $"only a C usage has a condition; usage is {usage}", "condition");
            if (requiredWhen != null && Array.IndexOf(RequiredWhenValues, requiredWhen) < 0)
                row.Report(DiagnosticIds.Dimse.BadUsage, $"requiredWhen '{requiredWhen}' must be one of {string.Join(", ", RequiredWhenValues)}", "requiredWhen");
        }

        public void CheckStatuses(
            List<(StatusClassSpec, YamlMap)> classes,
            List<(StatusServiceSpec Spec, YamlMap Row, List<(StatusSpec, YamlMap)> Rows)> services)
        {
            var convention = new List<CodeRange>();
            foreach (var (c, row) in classes)
            {
                if (Array.IndexOf(StatusClasses, c.Class) < 0 && c.Class != "Assigned")
                    row.Report(DiagnosticIds.Dimse.BadStatusCode, $"class '{c.Class}' must be one of {string.Join(", ", StatusClasses)} or Assigned", "class");
                foreach (var r in c.Codes)
                {
                    var clash = convention.FirstOrDefault(o => o.Overlaps(r));
                    if (clash != null) row.Report(DiagnosticIds.Dimse.OverlappingStatus, $"class convention code {r.Text} overlaps {clash.Text}", "codes");
                    convention.Add(r);
                }
            }

            var general = services.FirstOrDefault(s => s.Spec.Name == "General");
            var generalRanges = general.Rows?.Select(r => r.Item1.Code).Where(c => c.Low >= 0).ToList() ?? new List<CodeRange>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (service, srow, rows) in services)
            {
                if (!IsIdentifier(service.Name)) srow.Report(DiagnosticIds.InvalidValue, $"service name '{service.Name}' is not a C# identifier", "name");
                if (!names.Add(service.Name)) srow.Report(DiagnosticIds.DuplicateName, $"service '{service.Name}' is defined twice", "name");
                var seen = new List<CodeRange>();
                foreach (var (s, row) in rows)
                {
                    if (Array.IndexOf(StatusClasses, s.Class) < 0)
                        row.Report(DiagnosticIds.Dimse.BadStatusCode, $"class '{s.Class}' must be one of {string.Join(", ", StatusClasses)}", "class");
                    if (s.Name != null && !IsIdentifier(s.Name)) row.Report(DiagnosticIds.InvalidValue, $"name '{s.Name}' is not a C# identifier", "name");
                    if (s.Code.Low < 0) continue;
                    var clash = seen.FirstOrDefault(o => o.Overlaps(s.Code));
                    if (clash != null)
                        row.Report(DiagnosticIds.Dimse.OverlappingStatus, $"status {s.Code.Text} of {service.Name} overlaps {clash.Text}", "code");
                    else if (service.Name != "General" && generalRanges.FirstOrDefault(o => o.Overlaps(s.Code)) is CodeRange g)
                        row.Report(DiagnosticIds.Dimse.OverlappingStatus, $"status {s.Code.Text} of {service.Name} overlaps General status {g.Text}, which applies to every service", "code");
                    seen.Add(s.Code);
                }
            }
        }

        public static bool IsIdentifier(string name)
            => name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
