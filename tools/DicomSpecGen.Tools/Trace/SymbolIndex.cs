using System.Reflection;
using System.Xml.Linq;
using DicomSpecGen.Protocol.Wire;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Tools.Trace;

/// <summary>A generated symbol and the citation it carries.</summary>
/// <param name="Id">XML-doc member id (e.g. <c>P:DicomSpecGen.Protocol.AAssociateRq.CalledAeTitle</c>) or, for a
/// codec field descriptor found by reflection, <c>SpecField:Type.s_field</c>.</param>
/// <param name="TypeName">Simple name of the declaring type (the type itself for a T: id).</param>
public sealed record TraceSymbol(string Id, string TypeName, string Display, string Remark);

/// <summary>The generated symbols of the runtime: every documented member's remarks (the citation the generator
/// writes) from the XML documentation file, and every codec field descriptor (<see cref="SpecField"/>) by reflection.</summary>
public sealed class SymbolIndex
{
    public SymbolIndex(IReadOnlyList<TraceSymbol> symbols) => Symbols = symbols;

    public IReadOnlyList<TraceSymbol> Symbols { get; }

    /// <summary>Reads the runtime this tool is built against: its assembly and the XML doc file next to it.</summary>
    public static SymbolIndex FromRuntime()
    {
        var assembly = typeof(SpecField).Assembly;
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(xml))
        {
            throw new FileNotFoundException($"XML documentation of the runtime not found at {xml}; build it with GenerateDocumentationFile");
        }
        return new SymbolIndex([.. FromXmlDoc(XDocument.Load(xml)), .. FromSpecFields(assembly), .. FromLookupTables(assembly), .. FromRowTables(assembly)]);
    }

    /// <summary>Row kind of a UID without a keyword (an unnamed retired UID): it has no constant.</summary>
    public const string UnnamedUid = "uid (unnamed)";

    /// <summary>Row kind of a dictionary placeholder (keyword "-", e.g. (0008,0202)): it has no DicomTags constant.</summary>
    public const string PlaceholderElement = "data-element (placeholder)";

    /// <summary>Whether only its registry table can implement the row: its citation is shared by every row of its
    /// table ("PS3.6 Table A-1"), so a symbol citing it is some other row's constant.</summary>
    public static bool IsTableOnly(TraceRow row) => row.Kind is UnnamedUid or PlaceholderElement;

    /// <summary>Symbols of rows that have no name, so no constant of their own: such a row is implemented by its
    /// registry's lookup table when looking its key up there returns that row (an unnamed UID in
    /// <see cref="DicomUids"/>, a placeholder element in <see cref="DicomDictionary"/>). Other rows: none.</summary>
    public static IEnumerable<string> TableEntries(TraceRow row)
    {
        var key = row.Id[(row.Id.IndexOf('#') + 1)..];
        if (row.Kind == UnnamedUid && DicomUids.TryGetInfo(key, out var uid) && uid.Keyword.Length == 0)
        {
            yield return $"Table:DicomUids.TryGetInfo(\"{key}\")";
        }
        if (row.Kind == PlaceholderElement && TryParseTag(key, out var tag)
            && DicomDictionary.TryLookup(tag, out var entry) && entry.TagText == key && entry.Keyword.Length == 0)
        {
            yield return $"Table:DicomDictionary.TryLookup({key})";
        }
    }

    private static bool TryParseTag(string text, out uint tag)
    {
        tag = 0;
        return text.Length == 11 && text[0] == '(' && text[5] == ',' && text[10] == ')'
            && uint.TryParse(text[1..5] + text[6..10], System.Globalization.NumberStyles.HexNumber, null, out tag);
    }

    /// <summary>Rows of generated row tables: a public static <c>IReadOnlyList&lt;T&gt;</c> property whose element
    /// type has a string <c>Source</c> (e.g. <c>DimseStatus.Rows</c>: a status has no member of its own). Each
    /// element is a symbol citing its row, shown as <c>Type.Property[i]</c>.</summary>
    public static IEnumerable<TraceSymbol> FromRowTables(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes().Where(t => t.IsAbstract && t.IsSealed && !t.IsGenericType))
        {
            foreach (var property in type.GetProperties(BindingFlags.Static | BindingFlags.Public))
            {
                var list = property.PropertyType;
                if (!list.IsGenericType || list.GetGenericTypeDefinition() != typeof(IReadOnlyList<>)) continue;
                var source = list.GetGenericArguments()[0].GetProperty("Source");
                if (source?.PropertyType != typeof(string) || property.GetValue(null) is not System.Collections.IEnumerable rows) continue;
                var i = 0;
                foreach (var row in rows)
                {
                    var display = $"{type.Name}.{property.Name}[{i++}]";
                    if (source.GetValue(row) is string citation) yield return new TraceSymbol("Row:" + display, type.Name, display, citation);
                }
            }
        }
    }

    public static IEnumerable<TraceSymbol> FromXmlDoc(XDocument doc)
    {
        foreach (var member in doc.Descendants("member"))
        {
            var id = (string?)member.Attribute("name");
            var remarks = member.Element("remarks");
            if (id == null || remarks == null) continue;
            var remark = string.Join(' ', remarks.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var (type, display) = Parse(id);
            yield return new TraceSymbol(id, type, display, remark);
        }
    }

    public static IEnumerable<TraceSymbol> FromSpecFields(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType != typeof(SpecField) || field.GetValue(null) is not SpecField spec) continue;
                yield return new TraceSymbol($"SpecField:{type.FullName}.{field.Name}", type.Name,
                    $"{type.Name}.{field.Name} (codec field)", spec.Citation);
            }
        }
    }

    /// <summary>Cells of generated lookup tables (e.g. <c>DulTransitions.Lookup(state, event)</c>): a static
    /// <c>Lookup</c> over enum arguments whose result carries its row's citation in a <c>Source</c> property.
    /// Every combination of the enums is looked up; each cell is a symbol citing its row.</summary>
    public static IEnumerable<TraceSymbol> FromLookupTables(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t.IsAbstract && t.IsSealed))
        {
            foreach (var method in type.GetMethods(BindingFlags.Static | BindingFlags.Public).Where(m => m.Name == "Lookup"))
            {
                var parameters = method.GetParameters();
                var source = method.ReturnType.GetProperty("Source");
                if (parameters.Length == 0 || !parameters.All(p => p.ParameterType.IsEnum) || source?.PropertyType != typeof(string)) continue;
                IEnumerable<object[]> combinations = [[]];
                foreach (var p in parameters)
                {
                    var values = Enum.GetValues(p.ParameterType).Cast<object>().ToList();
                    combinations = combinations.SelectMany(c => values.Select(v => (object[])[.. c, v])).ToList();
                }
                foreach (var args in combinations)
                {
                    object? cell;
                    try { cell = method.Invoke(null, args); }
                    catch (TargetInvocationException) { continue; } // not a cell (e.g. a None value)
                    if (cell == null || source.GetValue(cell) is not string citation) continue;
                    var display = $"{type.Name}.Lookup({string.Join(", ", args)})";
                    yield return new TraceSymbol("Cell:" + display, type.Name, display, citation);
                }
            }
        }
    }

    /// <summary>"P:Ns.Type.Member(args)" → ("Type", "Type.Member"); "T:Ns.Type" → ("Type", "Type").</summary>
    internal static (string Type, string Display) Parse(string id)
    {
        var kind = id[0];
        var name = id[2..];
        var paren = name.IndexOf('(');
        if (paren >= 0) name = name[..paren];
        var parts = name.Split('.');
        if (kind == 'T') return (parts[^1], parts[^1]);
        var type = parts.Length >= 2 ? parts[^2] : "";
        return (type, $"{type}.{parts[^1]}");
    }
}
