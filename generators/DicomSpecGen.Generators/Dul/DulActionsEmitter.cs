using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>The <c>IDulActions</c> interface: one member per action of Tables 9-6..9-9. The runtime's
    /// hand-written class implements it, so an action added to the YAML without a body fails to compile.</summary>
    internal static class DulActionsEmitter
    {
        public static string Interface(DulSpec spec)
        {
            var w = DulEmitter.Start();
            w.Doc("The actions of the DUL state machine. Each member runs one action for the event that selected it;"
                + " the payload is the event's primitive or received PDU (or null). An action whose next state depends on"
                + " a condition returns its choice.", "PS3.8 9.2.2, Tables 9-6 to 9-9");
            w.Open("public partial interface IDulActions");
            var first = true;
            foreach (var a in spec.Actions)
            {
                if (!first) w.Line();
                first = false;
                var cells = spec.Cells.Where(c => c.Action == a.Name).Select(c => $"{c.Event}/{c.State}").ToList();
                w.Doc($"{a.Id}: {a.Description}. Next state is {DulEnumEmitter.NextText(a)}.",
                    $"{a.Source}; used in Table 9-10 cells {(cells.Count == 0 ? "(none)" : string.Join(", ", cells))}");
                w.Line("/// <param name=\"trigger\">The event that selected this action.</param>");
                w.Line("/// <param name=\"payload\">The event's primitive or received PDU, or null.</param>");
                var returns = a.IsConditional ? DulEmitter.ConditionalEnumName(a) : "void";
                if (a.IsConditional) w.Line("/// <returns>The next state the condition selects.</returns>");
                w.Line($"{returns} {a.Name}(DulEvent trigger, object? payload);");
            }
            w.Close();
            return w.Close().ToString();
        }
    }
}
