using System.Collections.Generic;
using System.Linq;
using System.Text;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Registry;

namespace DicomSpecGen.Generators.Registry
{
    /// <summary>Emits the data dictionary as sorted tag tables (binary search) plus one compact text row per
    /// element that is parsed into entries on first use, and DicomTags (a constant per keyword).</summary>
    internal static class DictionaryEmitter
    {
        /// <summary>Plain tags sorted, then the masked ones grouped by mask (more fixed bits first), each group sorted.</summary>
        public static (List<DictionaryElement> Exact, List<IGrouping<uint, DictionaryElement>> Masked) Order(DataDictionary model)
        {
            var exact = model.Elements.Where(e => e.Mask == 0xFFFFFFFFu).OrderBy(e => e.Tag).ToList();
            var masked = model.Elements.Where(e => e.Mask != 0xFFFFFFFFu)
                .GroupBy(e => e.Mask)
                .OrderByDescending(g => BitCount(g.Key)).ThenByDescending(g => g.Key)
                .Select(g => (IGrouping<uint, DictionaryElement>)new Group(g.Key, g.OrderBy(e => e.Tag).ToList()))
                .ToList();
            return (exact, masked);
        }

        public static string EmitDictionary(DataDictionary model)
        {
            var (exact, masked) = Order(model);
            var cite = "PS3.6 Table 6-1, Table 7-1, Table 8-1; PS3.7 Table E.1-1, E.2-1 (" + model.Edition + ", rows added later carry their edition)";
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System;");
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Diagnostics.CodeAnalysis;").Line();
            w.Line("namespace " + RegistryGenerator.Namespace + ";").Line();

            w.Doc("One Data Element of the registry.", cite);
            w.Open("public sealed class DictionaryEntry");
            w.Line("internal DictionaryEntry(uint tag, uint mask, string keyword, string name, DicomVr[] vrs, string vm, bool isRetired)");
            w.Line("{").Line("    Tag = tag; Mask = mask; Keyword = keyword; Name = name; Vrs = vrs; Vm = vm; IsRetired = isRetired;").Line("}").Line();
            w.Doc("The tag (group in the high 16 bits); for a repeating element the tag with every x digit 0.", cite).Line("public uint Tag { get; }");
            w.Doc("1-bits where the tag's digits are fixed: 0xFFFFFFFF for a plain tag, e.g. 0xFF00FFFF for (60xx,3000).", cite).Line("public uint Mask { get; }");
            w.Doc("The keyword (\"\" for unassigned placeholders).", cite).Line("public string Keyword { get; }");
            w.Doc("The name.", cite).Line("public string Name { get; }");
            w.Doc("The VRs: one, or several for \"US or SS\"-style elements; empty for Item and delimiters.", cite).Line("public IReadOnlyList<DicomVr> Vrs { get; }");
            w.Doc("The first VR, or DicomVr.None.", cite).Line("public DicomVr Vr => Vrs.Count > 0 ? Vrs[0] : DicomVr.None;");
            w.Doc("The VM, e.g. \"1\", \"1-n\", \"2-2n\" (\"\" for Item and placeholders).", cite).Line("public string Vm { get; }");
            w.Doc("The standard marks the element retired.", cite).Line("public bool IsRetired { get; }");
            w.Doc("The tag as the standard prints it, e.g. (0010,0010) or (60xx,3000).", cite);
            w.Open("public string TagText");
            w.Open("get");
            w.Line("var text = new char[11];");
            w.Line("text[0] = '('; text[5] = ','; text[10] = ')';");
            w.Open("for (int i = 0, pos = 1; i < 8; i++, pos++)");
            w.Line("if (pos == 5) pos++;");
            w.Line("var shift = 28 - 4 * i;");
            w.Line("text[pos] = ((Mask >> shift) & 0xF) == 0 ? 'x' : \"0123456789ABCDEF\"[(int)((Tag >> shift) & 0xF)];");
            w.Close();
            w.Line("return new string(text);");
            w.Close();
            w.Close();
            w.Doc("Tag, keyword and VR.").Line("public override string ToString() => TagText + \" \" + Keyword + \" \" + string.Join(\"/\", Vrs);");
            w.Close().Line();

            w.Doc("The data dictionary: lookup by tag (exact tags by binary search, then repeating groups and elements such as (60xx,3000), (0020,31xx), (1000,xxx0)) and by keyword.", cite);
            w.Open("public static partial class DicomDictionary");
            w.Doc("The number of elements.", cite).Line($"public const int Count = {model.Elements.Count};").Line();
            w.Line($"private const int ExactCount = {exact.Count};").Line();
            w.Line("// Plain tags, sorted; entry i is row i of Rows.");
            WriteUInts(w, "private static ReadOnlySpan<uint> ExactTags => new uint[]", exact.Select(e => e.Tag));
            w.Line("// Repeating tags with x digits as 0, grouped by mask; entry ExactCount + i is row ExactCount + i.");
            WriteUInts(w, "private static ReadOnlySpan<uint> MaskedTags => new uint[]", masked.SelectMany(g => g).Select(e => e.Tag));
            WriteUInts(w, "private static ReadOnlySpan<uint> Masks => new uint[]", masked.Select(g => g.Key));
            var starts = new List<uint>();
            var at = 0;
            foreach (var g in masked) { starts.Add((uint)at); at += g.Count(); }
            starts.Add((uint)at);
            WriteUInts(w, "private static ReadOnlySpan<uint> MaskStarts => new uint[]", starts);
            w.Line();
            w.Line("// One row per element in the order above: VRs (slash-separated), VM, R if retired, keyword, name.");
            w.Line("private const string Rows = \"\"\"");
            foreach (var e in exact.Concat(masked.SelectMany(g => g)))
            {
                w.Line(string.Join("/", e.Vrs) + "\t" + e.Vm + "\t" + (e.Retired ? "R" : "") + "\t" + e.Keyword + "\t" + e.Name);
            }
            w.Line("\"\"\";").Line();
            w.Line("private static DictionaryEntry[]? s_entries;");
            w.Line("private static Dictionary<string, DictionaryEntry>? s_byKeyword;").Line();
            w.Doc("Every element: plain tags in tag order, then the repeating ones.", cite);
            w.Line("public static IReadOnlyList<DictionaryEntry> All => Entries;").Line();
            w.Line("// Built on first use; threads racing to build publish one array, so an entry is the same object whoever looks it up.");
            w.Line("private static DictionaryEntry[] Entries => s_entries ?? System.Threading.Interlocked.CompareExchange(ref s_entries, Build(), null) ?? s_entries!;").Line();
            w.Open("private static DictionaryEntry[] Build()");
            w.Line("var entries = new DictionaryEntry[Count];");
            w.Line("var rows = Rows.AsSpan();");
            w.Line("var group = 0;");
            w.Open("for (var i = 0; i < Count; i++)");
            w.Line("var end = rows.IndexOf('\\n');");
            w.Line("var row = end < 0 ? rows : rows.Slice(0, end);");
            w.Line("rows = end < 0 ? ReadOnlySpan<char>.Empty : rows.Slice(end + 1);");
            w.Line("uint tag, mask;");
            w.Line("if (i < ExactCount) { tag = ExactTags[i]; mask = 0xFFFFFFFFu; }");
            w.Open("else");
            w.Line("while (i - ExactCount >= MaskStarts[group + 1]) group++;");
            w.Line("tag = MaskedTags[i - ExactCount]; mask = Masks[group];");
            w.Close();
            w.Line("var vrs = Next(ref row); var vm = Next(ref row); var retired = Next(ref row); var keyword = Next(ref row);");
            w.Line("entries[i] = new DictionaryEntry(tag, mask, keyword.ToString(), row.ToString(), ParseVrs(vrs), vm.ToString(), retired.Length > 0);");
            w.Close();
            w.Line("return entries;");
            w.Close().Line();
            w.Open("private static ReadOnlySpan<char> Next(ref ReadOnlySpan<char> row)");
            w.Line("var tab = row.IndexOf('\\t');");
            w.Line("var cell = row.Slice(0, tab);");
            w.Line("row = row.Slice(tab + 1);");
            w.Line("return cell;");
            w.Close().Line();
            w.Open("private static DicomVr[] ParseVrs(ReadOnlySpan<char> text)");
            w.Line("if (text.IsEmpty) return Array.Empty<DicomVr>();");
            w.Line("var vrs = new DicomVr[(text.Length + 1) / 3];");
            w.Line("for (var i = 0; i < vrs.Length; i++) DicomVrs.TryParse((byte)text[i * 3], (byte)text[i * 3 + 1], out vrs[i]);");
            w.Line("return vrs;");
            w.Close().Line();
            w.Doc("Finds a tag's registry entry: an exact tag, else a repeating group or element; O(log n). Private (odd) groups are never found.", "PS3.5 Section 7.6 and 7.8 (2013); " + cite);
            w.Open("public static bool TryLookup(uint tag, [NotNullWhen(true)] out DictionaryEntry? entry)");
            w.Line("var index = ExactTags.BinarySearch(tag);");
            w.Line("if (index >= 0) { entry = Entries[index]; return true; }");
            w.Line("entry = null;");
            w.Line("if ((tag & 0x00010000u) != 0) return false;");
            w.Line("var masks = Masks;");
            w.Line("var starts = MaskStarts;");
            w.Open("for (var g = 0; g < masks.Length; g++)");
            w.Line("var start = (int)starts[g];");
            w.Line("var found = MaskedTags.Slice(start, (int)starts[g + 1] - start).BinarySearch(tag & masks[g]);");
            w.Line("if (found >= 0) { entry = Entries[ExactCount + start + found]; return true; }");
            w.Close();
            w.Line("return false;");
            w.Close().Line();
            w.Doc("Finds an element by keyword, e.g. \"PatientName\".", cite);
            w.Open("public static bool TryLookupKeyword(string keyword, [NotNullWhen(true)] out DictionaryEntry? entry)");
            w.Open("if (s_byKeyword == null)");
            w.Line("var map = new Dictionary<string, DictionaryEntry>(Count, StringComparer.Ordinal);");
            w.Line("foreach (var e in Entries) if (e.Keyword.Length > 0) map[e.Keyword] = e;");
            w.Line("System.Threading.Interlocked.CompareExchange(ref s_byKeyword, map, null);");
            w.Close();
            w.Line("return s_byKeyword!.TryGetValue(keyword, out entry);");
            w.Close();
            w.Close();
            return w.ToString();
        }

        public static string EmitTags(DataDictionary model)
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("namespace " + RegistryGenerator.Namespace + ";").Line();
            w.Doc("Every Data Element tag of the registry as a constant named by its keyword (group in the high 16 bits). A repeating element's constant has its x digits 0, e.g. OverlayData = 0x60003000.",
                "PS3.6 Table 6-1 (" + model.Edition + "); also PS3.6 Tables 7-1 and 8-1 and PS3.7 Tables E.1-1 and E.2-1");
            w.Open("public static class DicomTags");
            var sb = new StringBuilder();
            foreach (var e in model.Elements.OrderBy(e => e.Tag))
            {
                if (e.Keyword.Length == 0) continue;
                w.Doc($"{e.TagText} {e.Name}, VR {(e.VrText.Length > 0 ? e.VrText : "none")}, VM {(e.Vm.Length > 0 ? e.Vm : "none")}{(e.Retired ? ", retired" : "")}.", e.Source.ToString());
                w.Line($"public const uint {e.Keyword} = 0x{e.Tag:X8};");
            }
            w.Close();
            return w.ToString();
        }

        private static void WriteUInts(CodeWriter w, string declaration, IEnumerable<uint> values)
        {
            w.Open(declaration);
            var line = new StringBuilder();
            var n = 0;
            foreach (var v in values)
            {
                line.Append("0x").Append(v.ToString("X8")).Append(", ");
                if (++n % 8 == 0) { w.Line(line.ToString().TrimEnd()); line.Clear(); }
            }
            if (line.Length > 0) w.Line(line.ToString().TrimEnd());
            w.Close(";");
        }

        private static int BitCount(uint v)
        {
            var n = 0;
            for (; v != 0; v &= v - 1) n++;
            return n;
        }

        private sealed class Group : IGrouping<uint, DictionaryElement>
        {
            private readonly List<DictionaryElement> _items;
            public Group(uint key, List<DictionaryElement> items) { Key = key; _items = items; }
            public uint Key { get; }
            public IEnumerator<DictionaryElement> GetEnumerator() => _items.GetEnumerator();
            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _items.GetEnumerator();
        }
    }
}
