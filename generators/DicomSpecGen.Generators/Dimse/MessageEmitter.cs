using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Emits one class per DIMSE message: typed properties, validation against the message
    /// table, and the message's part of command-set encoding and decoding.</summary>
    internal static class MessageEmitter
    {
        private static readonly string[] Protocol = { "CommandGroupLength", "CommandField", "CommandDataSetType" };

        /// <summary>A field of the message with its element, in ascending tag order.</summary>
        private sealed class Field
        {
            public Field(MessageFieldSpec spec, CommandElementSpec element)
            {
                Spec = spec;
                Element = element;
            }

            public MessageFieldSpec Spec { get; }
            public CommandElementSpec Element { get; }
            public string Name => Element.Keyword;
            public string Tag => "CommandElement." + Element.Keyword;
            public string Citation => Spec.Source.ToString();
            public bool IsProtocol => Protocol.Contains(Element.Keyword);
        }

        public static string Emit(DimseSpec spec, MessageSpec m, Dictionary<string, CommandElementSpec> elements)
        {
            var fields = m.Fields.Concat(m.IsResponse ? spec.StatusFields : Enumerable.Empty<MessageFieldSpec>())
                .Select(f => new Field(f, elements[f.Element]))
                .OrderBy(f => f.Element.Tag)
                .ToList();
            var typed = fields.Where(f => !f.IsProtocol).ToList();
            var dataSetTypeRow = fields.First(f => f.Name == "CommandDataSetType");
            var hasStatus = fields.Any(f => f.Name == "Status");

            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System.Collections.Generic;");
            w.Line();
            w.Open("namespace " + DimseEmitter.Namespace);
            // Remarks start with a row's exact citation (with its edition): the trace tool links symbols by it.
            var commandFieldCite = fields.FirstOrDefault(f => f.Name == "CommandField")?.Citation ?? $"{m.Source.Text}, Command Field (0000,0100) ({m.Source.Edition})";
            var groupLengthCite = fields.FirstOrDefault(f => f.Name == "CommandGroupLength")?.Citation ?? "PS3.7 Table E.1-1, (0000,0000) (2013)";
            w.Doc($"The {m.Title} message (Command Field 0x{m.CommandField:X4}).",
                $"{m.Source}; usage from {m.UsageSource}");
            w.Open($"public sealed partial class {m.Name} : DimseMessage" + (PairEmitter.HasSubOperationCounts(m, elements) ? ", " + PairEmitter.SubOperationsInterface : ""));

            w.Doc($"Command Field (0000,0100) of {m.Title}.", commandFieldCite);
            w.Line($"public const ushort CommandFieldValue = 0x{m.CommandField:X4};");
            w.Line();
            w.Doc($"Creates an empty {m.Title}; Command Data Set Type (0000,0800) is " + (m.DataSet?.Usage == "M" ? "set: a data set follows (its usage is M)." : "0101H (Null)."), dataSetTypeRow.Citation);
            w.Open($"public {m.Name}()");
            w.Line(m.DataSet?.Usage == "M" ? "CommandDataSetType = CommandDataSetType.Present;" : "CommandDataSetType = CommandDataSetType.Null;");
            w.Close();
            w.Line();
            w.Doc("Command Field (0000,0100).", commandFieldCite);
            w.Line($"public override CommandField CommandField => CommandField.{m.Name};");
            w.Line();
            w.Doc("The standard's name of the message.", m.Source.ToString());
            w.Line($"public override string Title => {CodeWriter.Literal(m.Title)};");
            w.Line();
            w.Doc("True for responses.", m.Source.ToString());
            w.Line($"public override bool IsResponse => {(m.IsResponse ? "true" : "false")};");

            foreach (var f in typed)
            {
                w.Line();
                var usage = f.Spec.Usage + (f.Spec.Condition != null ? ": " + f.Spec.Condition : "");
                w.Doc($"{f.Element.Name} {f.Element.TagText}, VR {f.Element.Vr}, VM {f.Element.Vm}; usage {usage}",
                    f.Citation + (f.Spec.ConditionSource != null ? "; condition: " + f.Spec.ConditionSource : ""));
                w.Line($"public {ClrType(f.Element)}? {f.Name} {{ get; set; }}");
            }

            if (m.DataSet != null)
            {
                w.Line();
                w.Doc($"The data set row \"{m.DataSet.Name}\": usage {m.DataSet.Usage}" + (m.DataSet.Condition != null ? ": " + m.DataSet.Condition.TrimEnd('.') : "")
                    + ". Whether it is present is Command Data Set Type (0000,0800); the data set itself travels in data PDVs.",
                    m.DataSet.Source.ToString() + (m.DataSet.ConditionSource != null ? "; condition: " + m.DataSet.ConditionSource : ""));
                w.Line($"public const string DataSetUsage = {CodeWriter.Literal(m.DataSet.Usage)};");
            }

            EmitIsField(w, fields);
            EmitValidate(w, m, typed, dataSetTypeRow, hasStatus);
            EmitLength(w, groupLengthCite, fields);
            EmitWrite(w, m, fields);
            EmitRead(w, m, fields);
            EmitCheckAgainst(w, spec, m, typed, elements);
            EmitCreateResponse(w, spec, m, elements);

            w.Close();
            w.Close();
            return w.ToString();
        }

        public static string ClrType(CommandElementSpec e)
        {
            switch (e.Vr)
            {
                case "US": return e.Values.Count > 0 ? e.Keyword : "ushort";
                case "UL": return "uint";
                case "AT": return "IReadOnlyList<uint>";
                default: return "string";
            }
        }

        private static bool IsText(CommandElementSpec e) => e.Vr != "US" && e.Vr != "UL" && e.Vr != "AT";

        private static string Cite(string citation) => CodeWriter.Literal(citation);

        private static void EmitIsField(CodeWriter w, List<Field> fields)
        {
            w.Line();
            w.Doc("True when the message table has a field with this tag.", "PS3.7 6.3.1 (2013): each tag at most once");
            w.Open("protected override bool IsField(uint tag)");
            w.Open("switch (tag)");
            foreach (var f in fields) w.Line($"case {f.Tag}:");
            w.Line("    return true;");
            w.Line("default:");
            w.Line("    return false;");
            w.Close();
            w.Close();
        }

        private static void EmitValidate(CodeWriter w, MessageSpec m, List<Field> typed, Field dataSetTypeRow, bool hasStatus)
        {
            w.Line();
            w.Doc("Adds the rules of the message table this message breaks: missing M fields, C fields whose condition holds, text outside the default repertoire, and the data set usage.",
                $"{m.Source}; usage from {m.UsageSource}");
            w.Open("protected override void Validate(List<DimseFieldError> errors)");
            var usesStatus = hasStatus && (typed.Any(f => f.Spec.RequiredWhen == "Pending" || f.Spec.RequiredWhen == "Success")
                || m.DataSet?.RequiredWhen == "Pending" || m.DataSet?.RequiredWhen == "Success");
            if (usesStatus) w.Line("var statusClass = Status is ushort code ? DimseStatus.ClassOf(code) : StatusClass.Unknown;");
            foreach (var f in typed)
            {
                var cite = Cite(f.Citation);
                if (f.Spec.IsMandatory)
                {
                    w.Line($"if ({f.Name} == null) errors.Add(new DimseFieldError(DimseErrorKind.MissingField, {f.Tag}, {cite}, \"missing (usage M)\"));");
                }
                else if (f.Spec.RequiredWhen != null)
                {
                    var condition = Condition(f.Spec.RequiredWhen, hasStatus);
                    var conditionCite = Cite(f.Spec.ConditionSource != null ? $"{f.Spec.Source.Text}; {f.Spec.ConditionSource} ({f.Spec.Source.Edition})" : f.Citation);
                    w.Line($"if ({f.Name} == null && {condition}) errors.Add(new DimseFieldError(DimseErrorKind.MissingField, {f.Tag}, {conditionCite}, {CodeWriter.Literal("missing (usage " + f.Spec.Usage + "): " + f.Spec.Condition)}));");
                }
                if (IsText(f.Element))
                {
                    w.Line($"if ({f.Name} != null && !CommandSetReader.IsAscii({f.Name})) errors.Add(new DimseFieldError(DimseErrorKind.InvalidValue, {f.Tag}, {cite}, \"not in the default character repertoire\"));");
                }
                if (f.Element.Vr == "AT")
                {
                    w.Line($"if ({f.Name} != null && {f.Name}.Count == 0) errors.Add(new DimseFieldError(DimseErrorKind.InvalidValue, {f.Tag}, {cite}, \"VM {f.Element.Vm} needs at least one tag\"));");
                }
            }
            var ds = m.DataSet;
            if (ds == null)
            {
                w.Line($"if (HasDataSet) errors.Add(new DimseFieldError(DimseErrorKind.NotPermitted, CommandElement.CommandDataSetType, {Cite(dataSetTypeRow.Citation)}, \"{m.Title} has no data set; the value shall be 0101H (Null)\"));");
            }
            else if (ds.Usage == "M")
            {
                w.Line($"if (!HasDataSet) errors.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandDataSetType, {Cite(ds.Source.ToString())}, \"the data set is required (usage M); Command Data Set Type must not be 0101H (Null)\"));");
            }
            else if (ds.RequiredWhen != null)
            {
                var conditionCite = Cite(ds.ConditionSource != null ? $"{ds.Source.Text}; {ds.ConditionSource} ({ds.Source.Edition})" : ds.Source.ToString());
                w.Line($"if (!HasDataSet && {Condition(ds.RequiredWhen, hasStatus)}) errors.Add(new DimseFieldError(DimseErrorKind.MissingField, CommandElement.CommandDataSetType, {conditionCite}, {CodeWriter.Literal("the data set is required (usage C): " + ds.Condition)}));");
            }
            w.Close();
        }

        private static string Condition(string requiredWhen, bool hasStatus)
        {
            switch (requiredWhen)
            {
                case "Pending": return hasStatus ? "statusClass == StatusClass.Pending" : "false";
                case "Success": return hasStatus ? "statusClass == StatusClass.Success" : "false";
                default: return "HasDataSet";
            }
        }

        private static void EmitLength(CodeWriter w, string groupLengthCite, List<Field> fields)
        {
            w.Line();
            w.Doc("Bytes after Command Group Length: every present element plus the unknown ones.", groupLengthCite);
            w.Open("protected override int GroupValueLength()");
            w.Line("var length = CommandSetWriter.SizeOfUnknown(UnknownElements);");
            foreach (var f in fields)
            {
                if (f.Name == "CommandGroupLength") continue;
                if (f.Name == "CommandField" || f.Name == "CommandDataSetType") { w.Line($"length += CommandSetWriter.SizeOfUS; // {f.Name}"); continue; }
                switch (f.Element.Vr)
                {
                    case "US": w.Line($"if ({f.Name} != null) length += CommandSetWriter.SizeOfUS;"); break;
                    case "UL": w.Line($"if ({f.Name} != null) length += CommandSetWriter.SizeOfUL;"); break;
                    case "AT": w.Line($"if ({f.Name} != null) length += CommandSetWriter.SizeOfAT({f.Name});"); break;
                    default: w.Line($"if ({f.Name} != null) length += CommandSetWriter.SizeOfText({f.Name});"); break;
                }
            }
            w.Line("return length;");
            w.Close();
        }

        private static void EmitWrite(CodeWriter w, MessageSpec m, List<Field> fields)
        {
            w.Line();
            w.Doc("Writes the elements after Command Group Length in ascending tag order.", $"{m.Source}; PS3.7 6.3.1 (2013)");
            w.Open("protected override void WriteElements(ref CommandSetWriter writer)");
            foreach (var f in fields)
            {
                switch (f.Name)
                {
                    case "CommandGroupLength": continue;
                    case "CommandField": w.Line($"writer.US({f.Tag}, CommandFieldValue);"); continue;
                    case "CommandDataSetType": w.Line($"writer.US({f.Tag}, (ushort)CommandDataSetType);"); continue;
                }
                switch (f.Element.Vr)
                {
                    case "US":
                        w.Line(f.Element.Values.Count > 0
                            ? $"if ({f.Name} is {f.Element.Keyword} {Local(f)}) writer.US({f.Tag}, (ushort){Local(f)});"
                            : $"if ({f.Name} is ushort {Local(f)}) writer.US({f.Tag}, {Local(f)});");
                        break;
                    case "UL": w.Line($"if ({f.Name} is uint {Local(f)}) writer.UL({f.Tag}, {Local(f)});"); break;
                    case "AT": w.Line($"if ({f.Name} != null) writer.AT({f.Tag}, {f.Name});"); break;
                    default:
                        w.Line($"if ({f.Name} != null) writer.Text({f.Tag}, {f.Name}, {(f.Element.Vr == "UI" ? "0x00" : "0x20")});");
                        break;
                }
            }
            w.Close();
        }

        private static string Local(Field f) => "v" + f.Element.ElementNumber.ToString("X4");

        private static void EmitRead(CodeWriter w, MessageSpec m, List<Field> fields)
        {
            w.Line();
            w.Doc($"Reads a {m.Title} from the elements of a command set; elements without a field are kept in UnknownElements.", m.Source.ToString());
            w.Open($"internal static {m.Name} Read(List<RawCommandElement> elements, List<DimseFieldError> errors)");
            w.Line($"var m = new {m.Name}();");
            w.Open("foreach (var e in elements)");
            w.Open("switch (e.Tag)");
            foreach (var f in fields)
            {
                var cite = Cite(f.Citation);
                switch (f.Name)
                {
                    case "CommandGroupLength":
                    case "CommandField":
                        w.Line($"case {f.Tag}:");
                        w.Line("    break;");
                        continue;
                    case "CommandDataSetType":
                        w.Line($"case {f.Tag}:");
                        w.Line($"    if (CommandSetReader.US(e, {cite}, errors) is ushort dataSetType) m.CommandDataSetType = (CommandDataSetType)dataSetType;");
                        w.Line("    break;");
                        continue;
                }
                w.Line($"case {f.Tag}:");
                switch (f.Element.Vr)
                {
                    case "US":
                        w.Line(f.Element.Values.Count > 0
                            ? $"    m.{f.Name} = ({f.Element.Keyword}?)CommandSetReader.US(e, {cite}, errors);"
                            : $"    m.{f.Name} = CommandSetReader.US(e, {cite}, errors);");
                        break;
                    case "UL": w.Line($"    m.{f.Name} = CommandSetReader.UL(e, {cite}, errors);"); break;
                    case "AT": w.Line($"    m.{f.Name} = CommandSetReader.AT(e, {cite}, errors);"); break;
                    default:
                        var trimStart = f.Element.Vr == "UI" || f.Element.Vr == "LT" ? "false" : "true";
                        w.Line($"    m.{f.Name} = CommandSetReader.Text(e, trimStart: {trimStart});");
                        break;
                }
                w.Line("    break;");
            }
            w.Line("default:");
            w.Line("    m.UnknownElements.Add(e);");
            w.Line("    break;");
            w.Close();
            w.Close();
            w.Line("return m;");
            w.Close();
        }

        /// <summary>On a request: CreateResponse(status) building the response that answers it, with every field
        /// the response table says takes the request's value (usage (=), or 'equals:').</summary>
        private static void EmitCreateResponse(CodeWriter w, DimseSpec spec, MessageSpec m, Dictionary<string, CommandElementSpec> elements)
        {
            var response = spec.ResponseOf(m);
            if (response == null) return;
            var copied = response.Fields.Where(f => f.RequestElement != null && m.Fields.Any(r => r.Element == f.RequestElement))
                .OrderBy(f => elements[f.Element].Tag).ToList();
            var hasStatus = response.Fields.Any(f => f.Element == "Status");
            var list = copied.Select(f => f.Element == f.RequestElement ? f.Element : $"{f.Element} = {f.RequestElement}");
            var sources = copied.Where(f => f.EqualsSource != null).Select(f => f.EqualsSource!).Distinct().ToList();
            w.Line();
            w.Doc($"Creates the {response.Title} that answers this {m.Title}" + (hasStatus ? " with Status (0000,0900) = status" : "")
                + $", taking from the request the fields the response table makes equal to it: {string.Join(", ", list)}.",
                response.Source + "; usage from " + response.UsageSource + (sources.Count > 0 ? "; equal values: " + string.Join(", ", sources) : ""));
            w.Open($"public override {response.Name} CreateResponse(ushort status)");
            w.Line($"var response = new {response.Name}();");
            foreach (var f in copied)
            {
                w.Line($"response.{f.Element} = {f.RequestElement}; // {f.Source}, usage {f.Usage}" + (f.EqualsSource != null ? "; " + f.EqualsSource : ""));
            }
            if (hasStatus) w.Line("response.Status = status;");
            w.Line("return response;");
            w.Close();
        }

        private static void EmitCheckAgainst(CodeWriter w, DimseSpec spec, MessageSpec m, List<Field> typed, Dictionary<string, CommandElementSpec> elements)
        {
            if (!m.IsResponse) return;
            var requestTitle = m.Title.Substring(0, m.Title.Length - "-RSP".Length) + "-RQ";
            var request = spec.Messages.FirstOrDefault(r => r.Title == requestTitle);
            if (request == null) return;
            var requestFields = new HashSet<string>(request.Fields.Select(f => f.Element));
            w.Line();
            w.Doc($"Checks this response against its {requestTitle}: Message ID Being Responded To equals the request's Message ID, and every field with usage \"(=)\", when present, equals the request's value.",
                $"{m.Source}; usage from {m.UsageSource}");
            w.Open($"public IReadOnlyList<DimseFieldError> CheckAgainst({request.Name} request)");
            w.Line("var errors = new List<DimseFieldError>();");
            foreach (var f in typed)
            {
                if (f.Name == "MessageIDBeingRespondedTo" && requestFields.Contains("MessageID"))
                {
                    w.Line($"if (MessageIDBeingRespondedTo != request.MessageID) errors.Add(new DimseFieldError(DimseErrorKind.InvalidValue, {f.Tag}, {Cite(f.Citation)}, \"does not equal the request's Message ID (0000,0110)\"));");
                }
                else if (f.Spec.Usage.EndsWith("(=)") && requestFields.Contains(f.Name))
                {
                    w.Line($"if ({f.Name} != null && {f.Name} != request.{f.Name}) errors.Add(new DimseFieldError(DimseErrorKind.InvalidValue, {f.Tag}, {Cite(f.Citation)}, {CodeWriter.Literal("usage " + f.Spec.Usage + ": does not equal the request's value")}));");
                }
            }
            w.Line("return errors;");
            w.Close();
        }
    }
}
