using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>The enums: states (Tables 9-1..9-5), events (rows of Table 9-10), actions (Tables 9-6..9-9),
    /// the next-state choices of conditional actions, and the rules for blank cells.</summary>
    internal static class DulEnumEmitter
    {
        public static string States(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("The states of the DICOM Upper Layer protocol state machine.", "PS3.8 Tables 9-1 to 9-5, 9.2.1");
            w.Open("public enum DulState");
            var i = 1;
            foreach (var s in spec.States)
            {
                w.Doc($"{s.Id} ({s.Name}): {s.Description}. {s.Group}; transport connection {(s.TransportOpen ? "open" : "not open")}.", s.Source.ToString());
                w.Line($"{s.Id} = {i++},");
            }
            w.Close();
            w.Line();
            WriteNames(w, "DulStateNames", "DulState", "the descriptive name of a state (e.g. Sta1 is Idle)", "PS3.8 Tables 9-1 to 9-5",
                spec.States.Select(s => (s.Id, s.Name)));
            return w.Close().ToString();
        }

        public static string Events(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("The events of the DICOM Upper Layer protocol state machine, the rows of its state transition table.", "PS3.8 Table 9-10");
            w.Open("public enum DulEvent");
            var i = 1;
            foreach (var e in spec.Events)
            {
                w.Doc($"{e.Id} ({e.Name}, {e.Kind}): {e.Description}.", e.Source.ToString());
                w.Line($"{e.Id} = {i++},");
            }
            w.Close();
            w.Line();
            w.Doc("Who raises an event: the local service-user, the local transport service, the peer (a PDU) or the ARTIM timer.", "PS3.8 Table 9-10 (row labels)");
            w.Open("public enum DulEventKind");
            w.Doc("A primitive issued by the local service-user.", "PS3.8 Table 9-10").Line("Primitive,");
            w.Doc("An indication or confirmation of the local transport service.", "PS3.8 Table 9-10").Line("Transport,");
            w.Doc("A PDU received on the transport connection.", "PS3.8 Table 9-10").Line("Pdu,");
            w.Doc("The ARTIM timer expired.", "PS3.8 Table 9-10").Line("Timer,");
            w.Close();
            w.Line();
            WriteNames(w, "DulEventNames", "DulEvent", "the descriptive name of an event (e.g. Evt1 is AssociateRequestPrimitive)", "PS3.8 Table 9-10",
                spec.Events.Select(e => (e.Id, e.Name)));
            w.Line();
            var pduEvents = spec.Events.Where(e => e.Pdu != null).ToList();
            w.Doc("The PDUs whose receipt is an event of Table 9-10 (the names of their types in DicomSpecGen.Protocol).", "PS3.8 Table 9-10; PS3.8 9.3.1");
            w.Open("public enum DulPduKind");
            foreach (var e in pduEvents)
            {
                w.Doc($"The PDU of {e.Id}: {e.Description}.", e.Source.ToString());
                w.Line(e.Pdu + ",");
            }
            w.Close();
            w.Line();
            w.Doc("Who raises each event.", "PS3.8 Table 9-10");
            w.Open("public static class DulEventKinds");
            w.Doc("The kind of an event.", "PS3.8 Table 9-10");
            w.Open("public static DulEventKind KindOf(DulEvent value) => value switch");
            foreach (var e in spec.Events)
            {
                w.Line($"DulEvent.{e.Id} => DulEventKind.{Pascal(e.Kind)},");
            }
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value)),");
            w.Close(";");
            w.Line();
            w.Doc("The event raised when a PDU is received on the transport connection.", "PS3.8 Table 9-10");
            w.Open("public static DulEvent ForReceivedPdu(DulPduKind pdu) => pdu switch");
            foreach (var e in pduEvents) w.Line($"DulPduKind.{e.Pdu} => DulEvent.{e.Id},");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(pdu)),");
            w.Close(";");
            w.Close();
            return w.Close().ToString();
        }

        /// <summary>The kind of a decoded PDU object, from pdus.yaml joined to dul-events.yaml; this file names
        /// the PDU classes of DicomSpecGen.Protocol, so it is emitted only when pdus.yaml is there too.</summary>
        public static string PduKinds(DulPduLinkSpec links)
        {
            var w = DulEmitter.Start();
            var protocol = "global::" + DicomSpecGen.Generators.Pdu.PduEmitter.Namespace + ".";
            w.Doc("Joins the PDU classes of DicomSpecGen.Protocol (pdus.yaml) to the PDUs of Table 9-10's events (dul-events.yaml).",
                "PS3.8 Table 9-10; PS3.8 9.3.1");
            w.Open("public static class DulPduKinds");
            w.Doc("Which of the PDUs of Table 9-10 a decoded PDU is.",
                string.Join("; ", links.Links.Select(l => $"{l.EventSource}: {l.PduSource}")));
            w.Open($"public static DulPduKind KindOf({protocol}Pdu pdu) => pdu switch");
            foreach (var l in links.Links) w.Line($"{protocol}{l.Pdu} => DulPduKind.{l.Pdu}, // {l.EventId}; PDU-type 0x{l.Code:X2}, {l.PduSource}");
            w.Line("null => throw new global::System.ArgumentNullException(nameof(pdu)),");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(pdu), pdu.GetType().Name + \" is not a PDU of PS3.8 Table 9-10\"),");
            w.Close(";");
            w.Line();
            w.Doc("The PDU-type byte of each PDU of Table 9-10.", string.Join("; ", links.Links.Select(l => l.PduSource.ToString())));
            w.Open("public static byte PduTypeOf(DulPduKind kind) => kind switch");
            foreach (var l in links.Links) w.Line($"DulPduKind.{l.Pdu} => 0x{l.Code:X2},");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(kind)),");
            w.Close(";");
            w.Close();
            return w.Close().ToString();
        }

        public static string Actions(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("The actions of the DICOM Upper Layer protocol state machine; None marks a blank cell of Table 9-10.", "PS3.8 Tables 9-6 to 9-9");
            w.Open("public enum DulAction");
            w.Doc("No action: the cell of Table 9-10 is blank.", "PS3.8 Table 9-10");
            w.Line("None = 0,");
            var i = 1;
            foreach (var a in spec.Actions)
            {
                w.Doc($"{a.Id}: {a.Description}. Next state is {NextText(a)}.", a.Source.ToString());
                w.Line($"{a.Name} = {i++},");
            }
            w.Close();
            foreach (var a in spec.Actions.Where(a => a.IsConditional))
            {
                w.Line();
                w.Doc($"The next state chosen by {a.Id}, whose next state depends on a condition.", a.Source.ToString());
                w.Open("public enum " + DulEmitter.ConditionalEnumName(a));
                foreach (var n in a.Next)
                {
                    w.Doc($"{n.State}, if {n.When}.", a.Source.ToString());
                    w.Line($"{n.State} = (int)DulState.{n.State},");
                }
                w.Close();
            }
            w.Line();
            w.Doc("The standard's labels of the actions (e.g. AE1 is \"AE-1\").", "PS3.8 Tables 9-6 to 9-9");
            w.Open("public static class DulActionIds");
            w.Doc("The standard's label of an action, or \"\" for None.", "PS3.8 Tables 9-6 to 9-9");
            w.Open("public static string IdOf(DulAction value) => value switch");
            w.Line("DulAction.None => \"\",");
            foreach (var a in spec.Actions) w.Line($"DulAction.{a.Name} => {CodeWriter.Literal(a.Id)},");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value)),");
            w.Close(";");
            w.Close();
            return w.Close().ToString();
        }

        public static string UndefinedRules(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("Why a cell of Table 9-10 is blank and what the DUL does instead; None for a defined cell.",
                "PS3.8 Table 9-10 (blank cells); spec/part08/dul-transitions.yaml undefinedRules");
            w.Open("public enum DulUndefinedRule");
            w.Doc("The cell is defined: an action runs.", "PS3.8 Table 9-10");
            w.Line("None = 0,");
            var i = 1;
            foreach (var r in spec.UndefinedRules)
            {
                w.Doc($"{r.Description} Behaviour: {r.Behaviour}.", r.Source.ToString());
                w.Line($"{r.Name} = {i++},");
            }
            w.Close();
            w.Line();
            w.Doc("The behaviour of each rule for blank cells.", "spec/part08/dul-transitions.yaml undefinedRules");
            w.Open("public static class DulUndefinedRules");
            w.Doc("True when the event is refused to the local service-user who issued it (behaviour reject); false when it is ignored.", "spec/part08/dul-transitions.yaml undefinedRules");
            w.Open("public static bool Rejects(DulUndefinedRule rule) => rule switch");
            foreach (var r in spec.UndefinedRules) w.Line($"DulUndefinedRule.{r.Name} => {(r.Behaviour == "reject" ? "true" : "false")},");
            w.Line("_ => false,");
            w.Close(";");
            w.Close();
            return w.Close().ToString();
        }

        private static void WriteNames(CodeWriter w, string className, string enumName, string what, string remarks, System.Collections.Generic.IEnumerable<(string Id, string Name)> rows)
        {
            w.Doc("Maps " + what + ".", remarks);
            w.Open("public static class " + className);
            w.Doc("Returns " + what + ".", remarks);
            w.Open($"public static string NameOf({enumName} value) => value switch");
            foreach (var (id, name) in rows) w.Line($"{enumName}.{id} => {CodeWriter.Literal(name)},");
            w.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value)),");
            w.Close(";");
            w.Close();
        }

        public static string NextText(DulActionSpec a)
            => a.IsConditional ? string.Join("; ", a.Next.Select(n => $"{n.State} if {n.When}")) : a.Next[0].State;

        private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
    }
}
