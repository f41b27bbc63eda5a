using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Emits the status classes, services and the lookup of a status code (exact codes and
    /// ranges per service, General fallback, then the Annex C class convention).</summary>
    internal static class StatusEmitter
    {
        public static string Emit(DimseSpec spec)
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Open("namespace " + DimseEmitter.Namespace);

            w.Doc("The Status Class of a status code; Unknown when the code fits no class of the convention.", "PS3.7 Annex C (2013): the Status Class convention");
            w.Open("public enum StatusClass");
            w.Doc("A code outside the Annex C convention, or an Annex C assigned code (01xx, 02xx) with no General status.", "PS3.7 Annex C (2013)");
            w.Line("Unknown = 0,");
            foreach (var c in new[] { "Success", "Warning", "Failure", "Cancel", "Pending" })
            {
                var row = spec.Classes.FirstOrDefault(r => r.Class == c);
                w.Doc($"{c}" + (row != null ? ": " + string.Join(", ", row.Codes.Select(r => r.Text)) : "") + ".", row?.Source.ToString() ?? "PS3.7 Annex C (2013)");
                w.Line(c + ",");
            }
            w.Close();
            w.Line();

            w.Doc("A table of statuses: General (PS3.7 Annex C) or a service class of PS3.4.", "PS3.7 Annex C; PS3.4");
            w.Open("public enum DimseService");
            foreach (var s in spec.Services)
            {
                w.Doc(s.Title + ".", s.Source);
                w.Line(s.Name + ",");
            }
            w.Close();
            w.Line();

            w.Doc("What a status code means: its class, the meaning of the row it matched (null when only the class convention applied), the table it came from and that row's citation.", "PS3.7 Annex C (2013)");
            w.Line("public readonly record struct DimseStatusInfo(ushort Code, StatusClass Class, string? Meaning, DimseService Service, string Source);");
            w.Line();

            w.Doc("A row of a status table: its service, its code or code range (Low = High for one code), class, meaning and citation.", "PS3.7 Annex C (2013); PS3.4 service class status tables");
            w.Line("public sealed record DimseStatusRow(DimseService Service, ushort Low, ushort High, StatusClass Class, string Meaning, string Source);");
            w.Line();

            w.Doc("Status codes: the General constants, the class convention and the lookup per service.", "PS3.7 Annex C (2013)");
            w.Open("public static partial class DimseStatus");
            var general = spec.Services.FirstOrDefault(s => s.Name == "General");
            if (general != null)
            {
                foreach (var s in general.Statuses.Where(s => s.Name != null && s.Code.Low == s.Code.High))
                {
                    w.Doc($"{s.Meaning} ({s.Class}).", s.Source.ToString());
                    w.Line($"public const ushort {s.Name} = 0x{s.Code.Low:X4};");
                    w.Line();
                }
            }

            foreach (var service in spec.Services.Where(s => s.Name != "General" && s.Statuses.Count > 0))
            {
                w.Doc($"The statuses of {service.Title}, one constant per row of its table (for a code range, its first code).", service.Source);
                w.Open($"public static class {service.Name}");
                foreach (var st in service.Statuses)
                {
                    var range = st.Code.Low == st.Code.High ? "" : $"; the first code of {st.Code.Text}";
                    w.Doc($"{st.Meaning} ({st.Class}{range}).", st.Source.ToString());
                    w.Line($"public const ushort {st.Constant} = 0x{st.Code.Low:X4};");
                }
                w.Close();
                w.Line();
            }

            var assignedRow = spec.Classes.FirstOrDefault(c => c.Class == "Assigned");
            if (assignedRow != null)
            {
                w.Doc("True for the codes Annex C assigns to particular Warning and Failure types (" + string.Join(", ", assignedRow.Codes.Select(r => r.Text)) + "): their class is their General status's.", assignedRow.Source.ToString());
                w.Line($"public static bool IsAssigned(ushort code) => {string.Join(" || ", assignedRow.Codes.Select(Test))};");
                w.Line();
            }

            w.Doc("The class of a code by the Annex C convention; an assigned code (01xx, 02xx) takes its General status's class.", "PS3.7 Annex C (2013): the Status Class convention");
            w.Open("public static StatusClass ClassOf(ushort code)");
            foreach (var c in spec.Classes)
            {
                if (c.Class == "Assigned")
                {
                    w.Line($"if (IsAssigned(code)) return TryLookup(DimseService.General, code, out var assigned) ? assigned.Class : StatusClass.Unknown; // {c.Source}");
                }
                else
                {
                    w.Line($"if ({string.Join(" || ", c.Codes.Select(Test))}) return StatusClass.{c.Class}; // {c.Source}");
                }
            }
            w.Line("return StatusClass.Unknown;");
            w.Close();
            w.Line();

            w.Doc("Every row of every status table, in the YAML's order (services, then their rows).", "PS3.7 Annex C (2013); PS3.4 service class status tables");
            w.Open("public static System.Collections.Generic.IReadOnlyList<DimseStatusRow> Rows { get; } = new DimseStatusRow[]");
            foreach (var s in spec.Services)
            {
                foreach (var st in s.Statuses)
                {
                    w.Line($"new DimseStatusRow(DimseService.{s.Name}, 0x{st.Code.Low:X4}, 0x{st.Code.High:X4}, StatusClass.{st.Class}, {CodeWriter.Literal(st.Meaning)}, {CodeWriter.Literal(st.Source.ToString())}),");
                }
            }
            w.Close(";");
            w.Line();

            w.Doc("Looks a code up in the service's table, then in General; otherwise only the class convention applies (Meaning is null).", "PS3.7 Annex C (2013); PS3.4 service class status tables");
            w.Open("public static DimseStatusInfo Lookup(DimseService service, ushort code)");
            w.Line("if (TryLookup(service, code, out var info)) return info;");
            w.Line("if (service != DimseService.General && TryLookup(DimseService.General, code, out info)) return info;");
            w.Line($"return new DimseStatusInfo(code, ClassOf(code), null, service, {CodeWriter.Literal("PS3.7 Annex C, Status Class convention (2013)")});");
            w.Close();
            w.Line();

            w.Doc("Looks a code up in one table only.", "PS3.7 Annex C (2013); PS3.4 service class status tables");
            w.Open("public static bool TryLookup(DimseService service, ushort code, out DimseStatusInfo info)");
            w.Open("switch (service)");
            foreach (var s in spec.Services)
            {
                w.Line($"case DimseService.{s.Name}:");
                w.Line("{");
                foreach (var st in s.Statuses)
                {
                    w.Line($"    if ({Test(st.Code)}) {{ info = new DimseStatusInfo(code, StatusClass.{st.Class}, {CodeWriter.Literal(st.Meaning)}, DimseService.{s.Name}, {CodeWriter.Literal(st.Source.ToString())}); return true; }}");
                }
                w.Line("    break;");
                w.Line("}");
            }
            w.Close();
            w.Line("info = default;");
            w.Line("return false;");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string Test(CodeRange r)
            => r.Low == r.High ? $"code == 0x{r.Low:X4}" : $"(code >= 0x{r.Low:X4} && code <= 0x{r.High:X4})";
    }
}
