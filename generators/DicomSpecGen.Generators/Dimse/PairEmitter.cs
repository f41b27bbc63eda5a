using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Emits what the message tables say across messages: which response answers which request, the
    /// fields every message of a kind has under its own type (Message ID, Message ID Being Responded To, Status,
    /// the request's SOP class) and the sub-operation counts of the retrieve responses. Each request's
    /// CreateResponse(status) is emitted with its class (<see cref="MessageEmitter"/>).</summary>
    internal static class PairEmitter
    {
        /// <summary>The Number of Remaining/Completed/Failed/Warning Sub-operations elements (PS3.7 Table E.1-1).</summary>
        public static readonly string[] SubOperationElements =
        {
            "NumberOfRemainingSuboperations", "NumberOfCompletedSuboperations", "NumberOfFailedSuboperations", "NumberOfWarningSuboperations",
        };

        public const string SubOperationsInterface = "IDimseSubOperationCounts";

        /// <summary>True when the message's table has all four sub-operation counts.</summary>
        public static bool HasSubOperationCounts(MessageSpec m, Dictionary<string, CommandElementSpec> elements)
            => SubOperationElements.All(e => elements.ContainsKey(e) && m.Fields.Any(f => f.Element == e));

        /// <summary>Writes the pair members into the generated part of DimseMessage (the writer is inside it).</summary>
        public static void EmitMembers(CodeWriter w, DimseSpec spec, Dictionary<string, CommandElementSpec> elements)
        {
            var commandField = elements["CommandField"];
            w.Line();
            var pairs = spec.Messages.Where(m => !m.IsResponse).Select(m => (Request: m, Response: spec.ResponseOf(m))).Where(p => p.Response != null).ToList();
            w.Doc("The Command Field of the response that answers a request with this Command Field, or null (responses, and C-CANCEL-RQ which has none).",
                commandField.Source.ToString());
            w.Open("public static CommandField? ResponseOf(CommandField request)");
            w.Open("switch (request)");
            foreach (var (rq, rsp) in pairs) w.Line($"case CommandField.{rq.Name}: return CommandField.{rsp!.Name};");
            w.Line("default: return null;");
            w.Close();
            w.Close();

            Accessor(w, spec, elements, "MessageID", "RequestMessageID", "ushort?", false);
            Accessor(w, spec, elements, "MessageIDBeingRespondedTo", "RespondedToMessageID", "ushort?", null);
            Accessor(w, spec, elements, "Status", "ResponseStatus", "ushort?", true);

            // A request names its SOP class in Affected SOP Class UID or, for N-GET/SET/ACTION/DELETE, Requested SOP Class UID.
            var sopClass = spec.Messages.Where(m => !m.IsResponse)
                .Select(m => (m, Field: m.Fields.FirstOrDefault(f => f.Element == "AffectedSOPClassUID") ?? m.Fields.FirstOrDefault(f => f.Element == "RequestedSOPClassUID")))
                .Where(x => x.Field != null).ToList();
            if (sopClass.Count > 0 && elements.TryGetValue("AffectedSOPClassUID", out var affected))
            {
                w.Line();
                w.Doc("The SOP class a request is about: its Affected SOP Class UID (0000,0002) or, when its table has that instead, Requested SOP Class UID (0000,0003); null for other messages.",
                    affected.Source.ToString());
                w.Open("public string? RequestSOPClassUID");
                w.Open("get");
                w.Open("switch (this)");
                foreach (var (m, f) in sopClass) w.Line($"case {m.Name} m: return m.{f!.Element}; // {f.Source}");
                w.Line("default: return null;");
                w.Close();
                w.Close();
                w.Close();
            }
        }

        /// <summary>Writes the sub-operation counts interface (the writer is inside the namespace).</summary>
        public static void EmitTypes(CodeWriter w, DimseSpec spec, Dictionary<string, CommandElementSpec> elements)
        {
            if (spec.Messages.Any(m => HasSubOperationCounts(m, elements)))
            {
                var first = elements[SubOperationElements[0]];
                w.Line();
                w.Doc("The sub-operation counts of a retrieve response (the messages whose table has all four: "
                    + string.Join(", ", spec.Messages.Where(m => HasSubOperationCounts(m, elements)).Select(m => m.Title)) + ").", first.Source.ToString());
                w.Open("public interface " + SubOperationsInterface);
                foreach (var keyword in SubOperationElements)
                {
                    var e = elements[keyword];
                    w.Doc($"{e.Name} {e.TagText}.", e.Source.ToString());
                    w.Line($"ushort? {keyword} {{ get; set; }}");
                    if (keyword != SubOperationElements[SubOperationElements.Length - 1]) w.Line();
                }
                w.Close();
            }
        }

        /// <summary>A property reading one element from whichever message type has it (responses only, requests
        /// only, or both when <paramref name="responses"/> is null).</summary>
        private static void Accessor(CodeWriter w, DimseSpec spec, Dictionary<string, CommandElementSpec> elements, string keyword, string name, string type, bool? responses)
        {
            if (!elements.TryGetValue(keyword, out var e)) return;
            var messages = spec.Messages.Where(m => (responses == null || m.IsResponse == responses) && m.Fields.Any(f => f.Element == keyword)).ToList();
            w.Line();
            w.Doc($"{e.Name} {e.TagText} of a message whose table has it ({string.Join(", ", messages.Select(m => m.Title))}); null for the others.", e.Source.ToString());
            w.Open($"public {type} {name}");
            w.Open("get");
            w.Open("switch (this)");
            foreach (var m in messages) w.Line($"case {m.Name} m: return m.{keyword};");
            w.Line("default: return null;");
            w.Close();
            w.Close();
            w.Close();
        }
    }
}
