using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Pdu;

namespace DicomSpecGen.Spec.Dul
{
    /// <summary>One PDU of pdus.yaml joined to the event of Table 9-10 its receipt raises.</summary>
    public sealed record DulPduLink(string Pdu, int Code, Citation PduSource, string EventId, Citation EventSource);

    /// <summary>The PDUs of pdus.yaml joined to the events of dul-events.yaml that name them, with every
    /// mismatch found between the two files.</summary>
    public sealed record DulPduLinkSpec(EquatableArray<DulPduLink> Links, EquatableArray<SpecDiagnostic> Diagnostics);

    /// <summary>Joins the two files: every event of kind pdu must name a PDU of pdus.yaml (DSG0111), and every
    /// PDU of pdus.yaml must be named by an event (DSG0112), so the mapping from a decoded PDU to its event is
    /// total. Output follows the order of pdus.yaml.</summary>
    public static class DulPduLinker
    {
        public static DulPduLinkSpec Link(DulSpec dul, string eventsPath, PduSpec pdus, string pdusPath)
        {
            var diagnostics = new List<SpecDiagnostic>();
            var pduStructures = pdus.Structures.Where(s => s.Kind == StructureKind.Pdu).ToList();
            var byName = pduStructures.ToDictionary(s => s.Name, s => s);
            foreach (var e in dul.Events.Where(e => e.Pdu != null && !byName.ContainsKey(e.Pdu)))
            {
                diagnostics.Add(new SpecDiagnostic(DiagnosticIds.Dul.UnknownPdu,
                    $"{e.Id} names PDU '{e.Pdu}', which {FileName(pdusPath)} does not define as a PDU (kind: pdu)", eventsPath, e.Line, 1));
            }
            var links = new List<DulPduLink>();
            foreach (var s in pduStructures)
            {
                var evt = dul.Events.FirstOrDefault(e => e.Pdu == s.Name);
                if (evt == null)
                {
                    diagnostics.Add(new SpecDiagnostic(DiagnosticIds.Dul.PduWithoutEvent,
                        $"PDU '{s.Name}' is named by no event of {FileName(eventsPath)} (its receipt must be an event of PS3.8 Table 9-10)", pdusPath, s.Line, 1));
                    continue;
                }
                links.Add(new DulPduLink(s.Name, s.Code ?? 0, s.Source, evt.Id, evt.Source));
            }
            return new DulPduLinkSpec(links.ToEquatableArray(), diagnostics.ToEquatableArray());
        }

        private static string FileName(string path) => DulSpecFiles.FileName(path);
    }
}
