using System.Collections.Generic;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Registry
{
    /// <summary>Reads spec/part05/vrs.yaml (PS3.5 Table 6.2-1 and Section 7.1.2).</summary>
    public static class VrParser
    {
        public const string FileName = "vrs.yaml";

        public static VrTable Parse(string path, string text)
        {
            var context = new SpecFileContext(path);
            var root = context.LoadRoot(text);
            var vrs = new List<VrDefinition>();
            var edition = "";
            if (root is YamlMap map)
            {
                map.CheckKeys("edition", "document", "vrs");
                edition = map.RequiredString("edition");
                var seen = new HashSet<string>();
                foreach (var row in map.Sequence("vrs"))
                {
                    row.CheckKeys("code", "title", "kind", "lengthField", "padding", "size", "source", "edition", "since");
                    var code = row.RequiredString("code");
                    if (code.Length != 2 || !char.IsUpper(code[0]) || !char.IsUpper(code[1]))
                        row.Report(DiagnosticIds.Registry.BadVrDefinition, $"'{code}' is not a two-letter upper-case VR code", "code");
                    else if (!seen.Add(code))
                        row.Report(DiagnosticIds.DuplicateName, $"VR {code} is defined twice", "code");
                    var kind = row.RequiredString("kind");
                    if (row.Has("kind") && kind != "text" && kind != "binary" && kind != "bytes" && kind != "sequence")
                        row.Report(DiagnosticIds.Registry.BadVrDefinition, $"kind must be text, binary, bytes or sequence, got '{kind}'", "kind");
                    var lengthField = (int)row.RequiredInteger("lengthField");
                    if (row.Has("lengthField") && lengthField != 2 && lengthField != 4)
                        row.Report(DiagnosticIds.Registry.BadVrDefinition, $"lengthField must be 2 or 4 (PS3.5 Section 7.1.2), got {lengthField}", "lengthField");
                    var padding = row.OptionalString("padding") ?? "";
                    if (padding.Length > 0 && padding != "space" && padding != "zero")
                        row.Report(DiagnosticIds.Registry.BadVrDefinition, $"padding must be space or zero, got '{padding}'", "padding");
                    if (kind == "text" && padding.Length == 0)
                        row.Report(DiagnosticIds.Registry.BadVrDefinition, "a text VR needs its padding (PS3.5 Section 6.2)", "kind");
                    var size = (int)(row.OptionalInteger("size") ?? 0);
                    if (kind == "binary" && size <= 0)
                        row.Report(DiagnosticIds.Registry.BadVrDefinition, "a binary VR needs its size in bytes", "kind");
                    vrs.Add(new VrDefinition(code, row.RequiredString("title"), kind, lengthField, padding, size, row.Citation(edition), row.Line));
                }
            }
            return new VrTable(edition, vrs.ToEquatableArray(), context.Diagnostics.ToEquatableArray());
        }
    }
}
