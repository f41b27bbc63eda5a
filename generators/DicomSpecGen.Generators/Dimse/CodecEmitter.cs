using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Emits the part of the command-set codec that depends on the tables: the citations of the
    /// protocol fields and the dispatch on Command Field. The fixed part (errors, element reader/writer,
    /// the DimseMessage base) is real code in runtime Dimse/CommandSet.</summary>
    internal static class CodecEmitter
    {
        public static string Emit(DimseSpec spec, Dictionary<string, CommandElementSpec> elements)
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System.Collections.Generic;");
            w.Line();
            w.Open("namespace " + DimseEmitter.Namespace);

            w.Doc("A DIMSE message: dispatch of a decoded command set to its message class, the request/response pairs and the fields messages of one kind share.", "PS3.7 Table E.1-1, (0000,0100) (2013)");
            w.Open("public abstract partial class DimseMessage");
            // The fixed decoder (runtime Dimse/CommandSet) cites these rows of the element table.
            Citation(w, elements, "CommandGroupLength");
            Citation(w, elements, "CommandField");
            Citation(w, elements, "CommandDataSetType");
            // Dispatch on Command Field: one case per message of messages.yaml.
            w.Doc("Reads the message of this command field from the elements of a command set.", "PS3.7 Table E.1-1, (0000,0100)");
            w.Open("private static DimseMessage? Dispatch(ushort commandField, List<RawCommandElement> elements, List<DimseFieldError> errors)");
            w.Open("switch (commandField)");
            foreach (var m in spec.Messages.OrderBy(m => m.CommandField))
            {
                w.Line($"case 0x{m.CommandField:X4}: return {m.Name}.Read(elements, errors);");
            }
            w.Line("default: return null;");
            w.Close();
            w.Close();
            PairEmitter.EmitMembers(w, spec, elements);
            w.Close();
            PairEmitter.EmitTypes(w, spec, elements);
            w.Close();
            return w.ToString();
        }

        private static void Citation(CodeWriter w, Dictionary<string, CommandElementSpec> elements, string keyword)
        {
            var e = elements[keyword];
            var text = $"{e.Source.Text} {e.Name} {e.TagText} ({e.Source.Edition})";
            w.Doc($"The row decoding errors about {e.Name} {e.TagText} cite.", $"{e.Source.Text} ({e.Source.Edition})");
            w.Line($"private const string {keyword}Citation = {CodeWriter.Literal(text)};");
            w.Line();
        }
    }
}
