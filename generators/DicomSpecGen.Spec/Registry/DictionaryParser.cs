using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using DicomSpecGen.Spec.Common;
using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Spec.Registry
{
    /// <summary>Reads spec/part06/dictionary.yaml: tables of tab-separated rows (tag, VR, VM, retired,
    /// keyword, name), one Data Element per line.</summary>
    public static class DictionaryParser
    {
        public const string FileName = "dictionary.yaml";

        private static readonly Regex VmPattern = new Regex(@"^\d+(-(\d+|n|\d+n))?( or \d+(-(\d+|n|\d+n))?)?$", RegexOptions.CultureInvariant);

        /// <param name="knownVrs">VR codes from vrs.yaml; null skips the VR check.</param>
        public static DataDictionary Parse(string path, string text, ICollection<string>? knownVrs)
        {
            var context = new SpecFileContext(path);
            var root = context.LoadRoot(text);
            var elements = new List<DictionaryElement>();
            var edition = "";
            if (root is YamlMap map)
            {
                map.CheckKeys("edition", "document", "tables");
                edition = map.RequiredString("edition");
                var seenTags = new Dictionary<string, int>();
                var seenKeywords = new Dictionary<string, int>();
                foreach (var table in map.Sequence("tables"))
                {
                    table.CheckKeys("source", "edition", "since", "rows");
                    var citation = table.Citation(edition);
                    var rowsNode = table.Get("rows");
                    if (rowsNode == null)
                    {
                        table.Report(DiagnosticIds.MissingKey, "missing required key 'rows'");
                        continue;
                    }
                    if (!(rowsNode is YamlScalarNode scalar))
                    {
                        table.Report(DiagnosticIds.InvalidValue, "'rows' must be a block of tab-separated lines", "rows");
                        continue;
                    }
                    // A literal block's content starts on the line after its "|" indicator.
                    var firstLine = (int)scalar.Start.Line + 1;
                    var column = (int)scalar.Start.Column + 2;
                    var lines = (scalar.Value ?? "").Split('\n');
                    for (var i = 0; i < lines.Length; i++)
                    {
                        if (lines[i].Trim().Length == 0) continue;
                        var element = ParseRow(context, lines[i], firstLine + i, column, citation, knownVrs);
                        if (element == null) continue;
                        var key = element.TagText.ToUpperInvariant();
                        if (seenTags.TryGetValue(key, out var at))
                            context.Report(DiagnosticIds.Registry.DuplicateTag, element.Line, column, $"tag {element.TagText} is already defined at line {at}");
                        else
                            seenTags.Add(key, element.Line);
                        if (element.Keyword.Length > 0)
                        {
                            if (seenKeywords.TryGetValue(element.Keyword, out var kwAt))
                                context.Report(DiagnosticIds.Registry.DuplicateKeyword, element.Line, column, $"keyword {element.Keyword} is already used at line {kwAt}");
                            else
                                seenKeywords.Add(element.Keyword, element.Line);
                        }
                        elements.Add(element);
                    }
                }
            }
            return new DataDictionary(edition, elements.ToEquatableArray(), context.Diagnostics.ToEquatableArray());
        }

        private static DictionaryElement? ParseRow(SpecFileContext context, string line, int lineNumber, int column, Citation table, ICollection<string>? knownVrs)
        {
            var cells = line.TrimEnd('\r').Split('\t');
            if (cells.Length != 6)
            {
                context.Report(DiagnosticIds.Registry.BadRow, lineNumber, column, $"a row needs 6 TAB-separated columns (tag, vr, vm, retired, keyword, name), found {cells.Length}");
                return null;
            }
            string Cell(int i) => cells[i] == "-" ? "" : cells[i].Trim();
            var tagText = cells[0].Trim();
            if (!TryParseTag(tagText, out var tag, out var mask))
            {
                context.Report(DiagnosticIds.Registry.BadTag, lineNumber, column, $"'{tagText}' is not a tag (gggg,eeee) of hex digits or x");
                return null;
            }
            var vrText = Cell(1);
            var vrs = new List<string>();
            if (vrText.Length > 0 && vrText != "See Note")
            {
                foreach (var vr in vrText.Split(new[] { " or " }, StringSplitOptions.None))
                {
                    var ok = vr.Length == 2 && char.IsUpper(vr[0]) && char.IsUpper(vr[1]);
                    if (ok && knownVrs != null && !knownVrs.Contains(vr)) ok = false;
                    if (!ok) context.Report(DiagnosticIds.Registry.BadVr, lineNumber, column, $"'{vr}' in '{vrText}' is not a VR of PS3.5 Table 6.2-1 (spec/part05/vrs.yaml)");
                    else vrs.Add(vr);
                }
            }
            var vm = Cell(2);
            if (vm.Length > 0 && !VmPattern.IsMatch(vm))
                context.Report(DiagnosticIds.Registry.BadVm, lineNumber, column, $"'{vm}' is not a VM (e.g. 1, 1-n, 2-2n, 1-3)");
            var note = Cell(3);
            var keyword = Cell(4);
            if (keyword.Length > 0 && !Identifiers.IsIdentifier(keyword))
                context.Report(DiagnosticIds.InvalidValue, lineNumber, column, $"keyword '{keyword}' is not a C# identifier");
            var citation = new Citation(table.Text + ", " + tagText, table.Edition, table.Since);
            return new DictionaryElement(tag, mask, tagText, vrs.ToEquatableArray(), vrText, vm,
                note.StartsWith("RET", StringComparison.Ordinal), note, keyword, Cell(5), citation, lineNumber);
        }

        /// <summary>Parses "(gggg,eeee)"; each "x" digit is 0 in <paramref name="tag"/> and 0 in <paramref name="mask"/>.</summary>
        public static bool TryParseTag(string text, out uint tag, out uint mask)
        {
            tag = 0;
            mask = 0;
            if (text.Length != 11 || text[0] != '(' || text[5] != ',' || text[10] != ')') return false;
            for (var i = 1; i < 10; i++)
            {
                if (i == 5) continue;
                var c = text[i];
                uint digit;
                uint fixedBits = 0xF;
                if (c >= '0' && c <= '9') digit = (uint)(c - '0');
                else if (c >= 'A' && c <= 'F') digit = (uint)(c - 'A' + 10);
                else if (c >= 'a' && c <= 'f') digit = (uint)(c - 'a' + 10);
                else if (c == 'x' || c == 'X') { digit = 0; fixedBits = 0; }
                else return false;
                tag = (tag << 4) | digit;
                mask = (mask << 4) | fixedBits;
            }
            return true;
        }
    }
}
