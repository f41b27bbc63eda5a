using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Emits the command element tags, their value enums and the CommandField enum.</summary>
    internal static class ElementEmitter
    {
        public static string Emit(DimseSpec spec)
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System.Collections.Generic;");
            w.Line();
            w.Open("namespace " + DimseEmitter.Namespace);
            w.Doc("Tags of the command elements (group 0000) as 32-bit values (group << 16 | element).",
                "PS3.7 Annex E, Tables E.1-1 and E.2-1");
            w.Open("public static partial class CommandElement");
            foreach (var e in spec.Elements)
            {
                w.Doc($"{e.Name} {e.TagText}, VR {e.Vr}, VM {e.Vm}{(e.Retired ? " (retired)" : "")}.", e.Source.ToString());
                w.Line($"public const uint {e.Keyword} = 0x{e.Tag:X8};");
                w.Line();
            }
            w.Doc("The number of command elements the standard defines (in use and retired).", "PS3.7 Annex E, Tables E.1-1 and E.2-1");
            w.Line($"public const int Count = {spec.Elements.Count};");
            w.Line();
            w.Doc("Every command element, in ascending tag order.", "PS3.7 Annex E, Tables E.1-1 and E.2-1");
            w.Open("public static IReadOnlyList<CommandElementInfo> All { get; } = new CommandElementInfo[]");
            foreach (var e in spec.Elements)
            {
                w.Line($"new CommandElementInfo(0x{e.Tag:X8}, {CodeWriter.Literal(e.Keyword)}, {CodeWriter.Literal(e.Name)}, {CodeWriter.Literal(e.Vr)}, {CodeWriter.Literal(e.Vm)}, {(e.Retired ? "true" : "false")}, {CodeWriter.Literal(e.Source.ToString())}),");
            }
            w.Close(";");
            w.Line();
            w.Doc("The element with this tag, or null when group 0000 has no such element.", "PS3.7 Annex E");
            w.Open("public static CommandElementInfo? Find(uint tag)");
            w.Open("switch (tag)");
            var index = 0;
            foreach (var e in spec.Elements)
            {
                w.Line($"case 0x{e.Tag:X8}: return All[{index++}];");
            }
            w.Line("default: return null;");
            w.Close();
            w.Close();
            w.Close();
            w.Line();
            w.Doc("A row of PS3.7 Annex E: tag, keyword, name, VR, VM, whether retired, and its citation.", "PS3.7 Annex E");
            w.Line("public sealed record CommandElementInfo(uint Tag, string Keyword, string Name, string Vr, string Vm, bool Retired, string Source);");

            foreach (var e in spec.Elements.Where(e => e.Values.Count > 0))
            {
                w.Line();
                w.Doc($"The values the standard names for {e.Name} {e.TagText}.", e.Source.ToString());
                w.Open($"public enum {e.Keyword} : ushort");
                foreach (var v in e.Values)
                {
                    w.Doc(v.Description, v.Source.ToString());
                    w.Line($"{v.Name} = 0x{v.Value:X4},");
                }
                w.Close();
            }
            w.Close();
            return w.ToString();
        }

        public static string EmitCommandField(DimseSpec spec)
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Open("namespace " + DimseEmitter.Namespace);
            w.Doc("The value of Command Field (0000,0100): which DIMSE message a command set carries.", "PS3.7 Table E.1-1, (0000,0100)");
            w.Open("public enum CommandField : ushort");
            foreach (var m in spec.Messages.OrderBy(m => m.CommandField))
            {
                var row = m.Fields.FirstOrDefault(f => f.Element == "CommandField");
                w.Doc($"{m.Title}.", row?.Source.ToString() ?? $"{m.Source.Text}, Command Field (0000,0100) ({m.Source.Edition})");
                w.Line($"{m.Name} = 0x{m.CommandField:X4},");
            }
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
