using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Workflow;

/// <summary>An attribute of the MPPS N-CREATE / N-SET (a row of PS3.4 Table F.7.2-1); requirement types are
/// 1, 1C, 2, 2C, 3 or "-" (Not allowed).
/// Parent: For an item attribute, the enclosing sequences' keywords (outermost first, joined by "."); else null.
/// FinalState: The Final State column (the requirement once the status is COMPLETED or DISCONTINUED), or null.</summary>
public sealed record MppsAttributeRow(string Name, string? Module, uint Tag, string Keyword, string? Parent,
    string NCreateScu, string NCreateScp, string NSetScu, string NSetScp, string? NCreateCondition, string? NSetCondition, string? FinalState, string Source, int Line);

/// <summary>A value of Performed Procedure Step Status (0040,0252) the service text names.
/// Initial: The value an N-CREATE must carry.
/// Final: No N-SET is accepted once the instance has it.</summary>
public sealed record MppsStateRow(string Name, string Value, bool Initial, bool Final, string Description, string Source, int Line);

/// <summary>A change of state the service allows: by an N-CREATE (From null) or an N-SET.</summary>
public sealed record MppsTransitionRow(string Name, string By, string? From, string To, string Description, string Source, int Line);

/// <summary>What the SCP answers when a request breaks the state rules: a General status, with an Attribute List
/// or with the Error Comment of an <see cref="MppsErrorCommentRow"/>.</summary>
public sealed record MppsRuleRow(string Name, string By, ushort Status, bool AttributeList, string? ErrorComment, string Description, string Source, int Line);

/// <summary>A specific Error Comment (0000,0902) and Error ID (0000,0903) of PS3.4 Table F.7.2-2.</summary>
public sealed record MppsErrorCommentRow(string Name, string By, ushort Status, string Meaning, string ErrorComment, ushort ErrorId, string Source, int Line);

/// <summary>The Modality Performed Procedure Step SOP class (PS3.4 F.7), read at run time from
/// spec/part04/mpps.yaml embedded in this assembly.</summary>
public static class MppsSpec
{
    public const string FilePath = "spec/part04/mpps.yaml";

    public sealed record Contents(IReadOnlyList<WorkflowSopClassRow> SopClasses, IReadOnlyList<MppsStateRow> States, IReadOnlyList<MppsTransitionRow> Transitions,
        IReadOnlyList<MppsRuleRow> Rules, IReadOnlyList<MppsErrorCommentRow> ErrorComments, IReadOnlyList<MppsAttributeRow> Attributes);

    private static readonly Lazy<Contents> File = new(() => WorkflowSpecFile.Load("mpps.yaml", Read));

    public static IReadOnlyList<WorkflowSopClassRow> SopClasses => File.Value.SopClasses;

    public static IReadOnlyList<MppsStateRow> States => File.Value.States;

    public static IReadOnlyList<MppsTransitionRow> Transitions => File.Value.Transitions;

    public static IReadOnlyList<MppsRuleRow> Rules => File.Value.Rules;

    public static IReadOnlyList<MppsErrorCommentRow> ErrorComments => File.Value.ErrorComments;

    public static IReadOnlyList<MppsAttributeRow> Attributes => File.Value.Attributes;

    /// <summary>The state whose Performed Procedure Step Status value is <paramref name="value"/>, or null.</summary>
    public static MppsStateRow? StateOf(string value) => States.FirstOrDefault(s => s.Value == value);

    /// <summary>Whether an N-SET may move an instance from one status value to another.</summary>
    public static bool CanSet(string fromValue, string toValue)
        => StateOf(fromValue) is { } from && StateOf(toValue) is { } to
           && Transitions.Any(t => t.By == "N-SET" && t.From == from.Name && t.To == to.Name);

    public static Contents Parse(string path, string text) => WorkflowSpecFile.Parse(path, text, Read);

    private static Contents Read(SpecFileContext context, YamlMap root)
    {
        root.CheckKeys("edition", "document", "sopClasses", "states", "transitions", "rules", "errorComments", "attributes");
        var edition = root.RequiredString("edition");
        var states = new List<MppsStateRow>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("states"))
        {
            row.CheckKeys("name", "value", "initial", "final", "description", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            states.Add(new MppsStateRow(name, row.RequiredString("value"), row.OptionalBool("initial", false), row.OptionalBool("final", false),
                row.RequiredString("description"), row.Citation(edition).ToString(), row.Line));
        }
        var transitions = new List<MppsTransitionRow>();
        foreach (var row in root.Sequence("transitions"))
        {
            row.CheckKeys("name", "by", "from", "to", "description", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            var from = row.OptionalString("from");
            var to = row.RequiredString("to");
            foreach (var (key, state) in new[] { ("from", from), ("to", (string?)to) })
            {
                if (state != null && !states.Any(s => s.Name == state)) row.Report(DiagnosticIds.InvalidValue, $"{key}: {state} is not a state of this file", key);
            }
            transitions.Add(new MppsTransitionRow(name, Operation(row), from, to, row.RequiredString("description"), row.Citation(edition).ToString(), row.Line));
        }
        var comments = new List<MppsErrorCommentRow>();
        foreach (var row in root.Sequence("errorComments"))
        {
            row.CheckKeys("name", "by", "status", "meaning", "errorComment", "errorId", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            comments.Add(new MppsErrorCommentRow(name, Operation(row), WorkflowSpecFile.Code(row, "status"), row.RequiredString("meaning"),
                row.RequiredString("errorComment"), WorkflowSpecFile.Code(row, "errorId"), row.Citation(edition).ToString(), row.Line));
        }
        var rules = new List<MppsRuleRow>();
        foreach (var row in root.Sequence("rules"))
        {
            row.CheckKeys("name", "by", "status", "attributeList", "errorComment", "description", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, names, name);
            var comment = row.OptionalString("errorComment");
            if (comment != null && !comments.Any(c => c.Name == comment)) row.Report(DiagnosticIds.InvalidValue, $"errorComment {comment} is not a row of errorComments", "errorComment");
            rules.Add(new MppsRuleRow(name, Operation(row), WorkflowSpecFile.Code(row, "status"), row.OptionalBool("attributeList", false), comment,
                row.RequiredString("description"), row.Citation(edition).ToString(), row.Line));
        }
        var attributes = new List<MppsAttributeRow>();
        var attributeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("attributes"))
        {
            row.CheckKeys("name", "module", "tag", "keyword", "parent", "nCreate", "nSet", "nCreateCondition", "nSetCondition", "finalState", "source", "edition");
            var name = row.RequiredString("name");
            WorkflowSpecFile.Unique(row, attributeNames, name);
            var keyword = row.RequiredString("keyword");
            var parent = row.OptionalString("parent");
            if (parent != null && !attributeNames.Contains(parent)) row.Report(DiagnosticIds.InvalidValue, $"parent {parent} is not an earlier row", "parent");
            var (createScu, createScp) = WorkflowSpecFile.Usage(row, "nCreate");
            var (setScu, setScp) = WorkflowSpecFile.Usage(row, "nSet");
            attributes.Add(new MppsAttributeRow(name, row.OptionalString("module"), WorkflowSpecFile.Tag(row, keyword), keyword, parent, createScu, createScp, setScu, setScp,
                row.OptionalString("nCreateCondition"), row.OptionalString("nSetCondition"), row.OptionalString("finalState"), row.Citation(edition).ToString(), row.Line));
        }
        return new Contents(WorkflowSpecFile.SopClasses(root, edition), states, transitions, rules, comments, attributes);
    }

    private static string Operation(YamlMap row)
    {
        var by = row.RequiredString("by");
        if (by is not ("N-CREATE" or "N-SET")) row.Report(DiagnosticIds.InvalidValue, $"by must be N-CREATE or N-SET (PS3.4 Table F.7.1-1), got '{by}'", "by");
        return by;
    }
}
