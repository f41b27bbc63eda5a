using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Workflow;

/// <summary>An attribute of the Instance Availability Notification N-CREATE (a row of PS3.4 Table R.3.2-1).
/// Parent: For an item attribute, the enclosing sequences' keywords (outermost first, joined by "."); else null.
/// Scu, Scp: The requirement types of the "Req. Type N-CREATE (SCU/SCP)" column (1, 1C, 2, 3).</summary>
public sealed record IanAttributeRow(string Name, uint Tag, string Keyword, string? Parent, string Scu, string Scp, string? Condition, string Source, int Line);

/// <summary>A value of Instance Availability (0008,0056).</summary>
public sealed record IanAvailabilityRow(string Name, string Value, string Description, string Source, int Line);

/// <summary>The Instance Availability Notification SOP class (PS3.4 Annex R), read at run time from
/// spec/part04/ian.yaml embedded in this assembly.</summary>
public static class IanSpec
{
    public const string FilePath = "spec/part04/ian.yaml";

    public sealed record Contents(IReadOnlyList<WorkflowSopClassRow> SopClasses, IReadOnlyList<IanAvailabilityRow> InstanceAvailability, IReadOnlyList<IanAttributeRow> Attributes);

    private static readonly Lazy<Contents> File = new(() => WorkflowSpecFile.Load("ian.yaml", Read));

    /// <summary>The SOP class UID (PS3.4 R.3.3).</summary>
    public static IReadOnlyList<WorkflowSopClassRow> SopClasses => File.Value.SopClasses;

    public static IReadOnlyList<IanAvailabilityRow> InstanceAvailability => File.Value.InstanceAvailability;

    public static IReadOnlyList<IanAttributeRow> Attributes => File.Value.Attributes;

    /// <summary>The rows directly inside <paramref name="parent"/> (null: the top level), in table order.</summary>
    public static IEnumerable<IanAttributeRow> Children(string? parent) => Attributes.Where(a => a.Parent == parent);

    /// <summary>The dotted path of a row, as later rows name it in <c>parent</c>.</summary>
    public static string PathOf(IanAttributeRow row) => row.Parent == null ? row.Keyword : row.Parent + "." + row.Keyword;

    public static Contents Parse(string path, string text) => WorkflowSpecFile.Parse(path, text, Read);

    private static Contents Read(SpecFileContext context, YamlMap root)
    {
        root.CheckKeys("edition", "document", "sopClasses", "instanceAvailability", "attributes");
        var edition = root.RequiredString("edition");
        var values = new List<IanAvailabilityRow>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("instanceAvailability"))
        {
            row.CheckKeys("name", "value", "description", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            values.Add(new IanAvailabilityRow(name, row.RequiredString("value"), row.RequiredString("description"), row.Citation(edition).ToString(), row.Line));
        }
        var rows = new List<IanAttributeRow>();
        names.Clear();
        foreach (var row in root.Sequence("attributes"))
        {
            row.CheckKeys("name", "tag", "keyword", "parent", "usage", "condition", "source", "edition");
            WorkflowSpecFile.Unique(row, names, row.RequiredString("name"));
            var keyword = row.RequiredString("keyword");
            var parent = row.OptionalString("parent");
            if (parent != null && !rows.Any(r => PathOf(r) == parent)) row.Report(DiagnosticIds.InvalidValue, $"parent {parent} is not an earlier row", "parent");
            var (scu, scp) = WorkflowSpecFile.Usage(row, "usage");
            rows.Add(new IanAttributeRow(row.RequiredString("name"), WorkflowSpecFile.Tag(row, keyword), keyword, parent, scu, scp,
                row.OptionalString("condition"), row.Citation(edition).ToString(), row.Line));
        }
        return new Contents(WorkflowSpecFile.SopClasses(root, edition), values, rows);
    }
}
