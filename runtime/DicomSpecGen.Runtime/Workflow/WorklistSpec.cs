using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Workflow;

/// <summary>An attribute of the Modality Worklist Information Model (a row of PS3.4 Table K.6-1).
/// Name: The row's name in the file: the enclosing sequences' keywords and the keyword, joined by ".".
/// Module: The table's heading row above the attribute.
/// Parent: For an item attribute, the enclosing sequences' keywords (outermost first, joined by "."); else null.
/// Matching: Matching Key Type: R, O or "-" (PS3.4 K.2.2.1).
/// Return: Return Key Type: 1, 1C, 2, 2C or 3 (PS3.4 K.2.2.2).
/// Remark: The Remark / Matching Type column, or null.
/// Source: The row's citation with its edition, e.g. "PS3.4 Table K.6-1, Patient's Name (2020c)".</summary>
public sealed record WorklistKeyRow(string Name, string Module, uint Tag, string Keyword, string? Parent, string Matching, string Return, string? Remark, string Source, int Line);

/// <summary>The Modality Worklist SOP class and information model (PS3.4 K.6.1), read at run time from
/// spec/part04/worklist.yaml embedded in this assembly (the one place these facts are written).</summary>
public static class WorklistSpec
{
    public const string FilePath = "spec/part04/worklist.yaml";

    private static readonly Lazy<(IReadOnlyList<WorkflowSopClassRow> SopClasses, IReadOnlyList<WorklistKeyRow> Keys)> File
        = new(() => WorkflowSpecFile.Load("worklist.yaml", Read));

    /// <summary>The SOP class of PS3.4 Table K.6.1.4-1.</summary>
    public static IReadOnlyList<WorkflowSopClassRow> SopClasses => File.Value.SopClasses;

    /// <summary>Every attribute row of Table K.6-1, in table order.</summary>
    public static IReadOnlyList<WorklistKeyRow> Keys => File.Value.Keys;

    /// <summary>The top-level attributes, and the items of <paramref name="parent"/> when given.</summary>
    public static IEnumerable<WorklistKeyRow> In(string? parent) => Keys.Where(k => k.Parent == parent);

    /// <summary>Reads the file's text (for tests of the loader); every problem is reported at its line.</summary>
    public static (IReadOnlyList<WorkflowSopClassRow> SopClasses, IReadOnlyList<WorklistKeyRow> Keys) Parse(string path, string text)
        => WorkflowSpecFile.Parse(path, text, Read);

    private static (IReadOnlyList<WorkflowSopClassRow>, IReadOnlyList<WorklistKeyRow>) Read(SpecFileContext context, YamlMap root)
    {
        root.CheckKeys("edition", "document", "sopClasses", "keys");
        var edition = root.RequiredString("edition");
        var sopClasses = WorkflowSpecFile.SopClasses(root, edition);
        var keys = new List<WorklistKeyRow>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("keys"))
        {
            row.CheckKeys("name", "module", "tag", "keyword", "parent", "matching", "return", "remark", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            var keyword = row.RequiredString("keyword");
            var parent = row.OptionalString("parent");
            if (name != (parent == null ? keyword : parent + "." + keyword)) row.Report(DiagnosticIds.InvalidValue, "name must be the parent path and the keyword joined by '.'", "name");
            if (parent != null && !names.Contains(parent)) row.Report(DiagnosticIds.InvalidValue, $"parent {parent} is not an earlier row", "parent");
            var matching = row.RequiredString("matching");
            if (matching is not ("R" or "O" or "-")) row.Report(DiagnosticIds.InvalidValue, $"matching must be R, O or - (PS3.4 K.2.2.1), got '{matching}'", "matching");
            var ret = WorkflowSpecFile.Type(row, "return", row.RequiredString("return"));
            keys.Add(new WorklistKeyRow(name, row.RequiredString("module"), WorkflowSpecFile.Tag(row, keyword), keyword, parent, matching, ret,
                row.OptionalString("remark"), row.Citation(edition).ToString(), row.Line));
        }
        return (sopClasses, keys);
    }
}
