using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Workflow;

/// <summary>An Action Type (PS3.4 Table J.3-1) or Event Type (Table J.3-2) of Storage Commitment.</summary>
public sealed record StorageCommitmentTypeRow(string Name, ushort Id, string Title, string Source, int Line);

/// <summary>An attribute of the Action or Event Information (a row of PS3.4 Table J.3-1 or J.3-2).
/// TypeId: The Action Type ID or Event Type ID the row belongs to.
/// Parent: For an item attribute, the enclosing sequence's keyword; else null.
/// Scu: Requirement type on the SCU side (1, 1C, 2, 2C, 3; "-" when the SCU sends nothing).
/// Scp: Requirement type on the SCP side.</summary>
public sealed record StorageCommitmentAttributeRow(string Name, ushort TypeId, uint Tag, string Keyword, string? Parent, string Scu, string Scp, string? Condition, string Source, int Line);

/// <summary>A value of Failure Reason (0008,1197) in an item of the Failed SOP Sequence.</summary>
public sealed record StorageCommitmentFailureReasonRow(string Name, ushort Code, string Meaning, string Description, string Source, int Line);

/// <summary>The Storage Commitment Push Model SOP class (PS3.4 J.3), read at run time from
/// spec/part04/storage-commitment.yaml embedded in this assembly.</summary>
public static class StorageCommitmentSpec
{
    public const string FilePath = "spec/part04/storage-commitment.yaml";

    public sealed record Contents(IReadOnlyList<WorkflowSopClassRow> SopClasses, IReadOnlyList<StorageCommitmentTypeRow> Actions, IReadOnlyList<StorageCommitmentTypeRow> Events,
        IReadOnlyList<StorageCommitmentFailureReasonRow> FailureReasons, IReadOnlyList<StorageCommitmentAttributeRow> ActionAttributes, IReadOnlyList<StorageCommitmentAttributeRow> EventAttributes);

    private static readonly Lazy<Contents> File = new(() => WorkflowSpecFile.Load("storage-commitment.yaml", Read));

    /// <summary>The SOP class UID (J.3.4) and the well-known SOP instance UID (J.3.5).</summary>
    public static IReadOnlyList<WorkflowSopClassRow> SopClasses => File.Value.SopClasses;

    public static IReadOnlyList<StorageCommitmentTypeRow> Actions => File.Value.Actions;

    public static IReadOnlyList<StorageCommitmentTypeRow> Events => File.Value.Events;

    public static IReadOnlyList<StorageCommitmentFailureReasonRow> FailureReasons => File.Value.FailureReasons;

    public static IReadOnlyList<StorageCommitmentAttributeRow> ActionAttributes => File.Value.ActionAttributes;

    public static IReadOnlyList<StorageCommitmentAttributeRow> EventAttributes => File.Value.EventAttributes;

    public static Contents Parse(string path, string text) => WorkflowSpecFile.Parse(path, text, Read);

    private static Contents Read(SpecFileContext context, YamlMap root)
    {
        root.CheckKeys("edition", "document", "sopClasses", "actions", "events", "failureReasons", "actionAttributes", "eventAttributes");
        var edition = root.RequiredString("edition");
        var actions = Types(root, "actions", edition);
        var events = Types(root, "events", edition);
        var reasons = new List<StorageCommitmentFailureReasonRow>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("failureReasons"))
        {
            row.CheckKeys("name", "code", "meaning", "description", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            reasons.Add(new StorageCommitmentFailureReasonRow(name, WorkflowSpecFile.Code(row, "code"), row.RequiredString("meaning"), row.RequiredString("description"), row.Citation(edition).ToString(), row.Line));
        }
        return new Contents(WorkflowSpecFile.SopClasses(root, edition), actions, events, reasons,
            Attributes(root, "actionAttributes", "action", actions, edition), Attributes(root, "eventAttributes", "event", events, edition));
    }

    private static List<StorageCommitmentTypeRow> Types(YamlMap root, string key, string edition)
    {
        var rows = new List<StorageCommitmentTypeRow>();
        foreach (var row in root.Sequence(key))
        {
            row.CheckKeys("name", "id", "title", "source", "edition");
            var id = row.RequiredInteger("id");
            if (id is < 1 or > ushort.MaxValue || rows.Any(r => r.Id == id)) row.Report(DiagnosticIds.InvalidValue, $"id must be a new type ID in 1..65535, got {id}", "id");
            rows.Add(new StorageCommitmentTypeRow(row.RequiredString("name"), (ushort)id, row.RequiredString("title"), row.Citation(edition).ToString(), row.Line));
        }
        return rows;
    }

    private static List<StorageCommitmentAttributeRow> Attributes(YamlMap root, string key, string typeKey, List<StorageCommitmentTypeRow> types, string edition)
    {
        var rows = new List<StorageCommitmentAttributeRow>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence(key))
        {
            row.CheckKeys("name", typeKey, "tag", "keyword", "parent", "usage", "condition", "source", "edition");
            WorkflowSpecFile.Unique(row, names, row.RequiredString("name"));
            var id = row.RequiredInteger(typeKey);
            if (!types.Any(t => t.Id == id)) row.Report(DiagnosticIds.InvalidValue, $"{typeKey} {id} is not a type ID of this file", typeKey);
            var keyword = row.RequiredString("keyword");
            var parent = row.OptionalString("parent");
            if (parent != null && !rows.Any(r => r.TypeId == id && r.Keyword == parent && r.Parent == null)) row.Report(DiagnosticIds.InvalidValue, $"parent {parent} is not an earlier top-level row of the same type", "parent");
            var (scu, scp) = WorkflowSpecFile.Usage(row, "usage");
            rows.Add(new StorageCommitmentAttributeRow(row.RequiredString("name"), (ushort)id, WorkflowSpecFile.Tag(row, keyword), keyword, parent, scu, scp,
                row.OptionalString("condition"), row.Citation(edition).ToString(), row.Line));
        }
        return rows;
    }
}
