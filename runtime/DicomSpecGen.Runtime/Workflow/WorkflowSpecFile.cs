using DicomSpecGen.Registry;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.SpecFiles;

namespace DicomSpecGen.Workflow;

/// <summary>A problem in one of the spec/part04 workflow files, with its file, line and diagnostic id.</summary>
public sealed class WorkflowSpecException(string message) : Exception(message);

/// <summary>A SOP class (or well-known SOP instance) UID a workflow service names, with its PS3.4 citation.</summary>
public sealed record WorkflowSopClassRow(string Name, string Uid, string Title, string Source, int Line);

/// <summary>The part shared by the three workflow files: reading an embedded spec/part04 file (<see cref="EmbeddedSpecFile"/>)
/// with their exception type, and the cell forms they share (tags, "SCU/SCP" requirement types, status codes).</summary>
internal static class WorkflowSpecFile
{
    /// <summary>Return/requirement types of PS3.4 (K.2.2.2, F.7.2-1, J.3-1/J.3-2); "-" where the side sends nothing.</summary>
    public static readonly string[] RequirementTypes = ["1", "1C", "2", "2C", "3", "-"];

    public static T Load<T>(string file, Func<SpecFileContext, YamlMap, T> parse)
        => EmbeddedSpecFile.Load("spec/part04/" + file, parse, message => new WorkflowSpecException(message));

    public static T Parse<T>(string path, string text, Func<SpecFileContext, YamlMap, T> parse)
        => EmbeddedSpecFile.Parse(path, text, parse, message => new WorkflowSpecException(message));

    public static IReadOnlyList<WorkflowSopClassRow> SopClasses(YamlMap root, string edition)
    {
        var rows = new List<WorkflowSopClassRow>();
        foreach (var row in root.Sequence("sopClasses"))
        {
            row.CheckKeys("name", "uid", "title", "source", "edition");
            var uid = row.RequiredString("uid");
            if (!DicomUids.TryGetInfo(uid, out _)) row.Report(DiagnosticIds.InvalidValue, $"{uid} is not in the UID registry (spec/part06/uids.yaml)", "uid");
            rows.Add(new WorkflowSopClassRow(row.RequiredString("name"), uid, row.RequiredString("title"), row.Citation(edition).ToString(), row.Line));
        }
        return rows;
    }

    /// <summary>Names must be unique within a list (they name the row in traces and errors).</summary>
    public static void Unique(YamlMap row, HashSet<string> names, string name)
    {
        if (!names.Add(name)) row.Report(DiagnosticIds.DuplicateName, $"row {name} is defined twice", "name");
    }

    /// <summary>A "(gggg,eeee)" tag whose keyword is the one PS3.6 gives it (spec/part06/dictionary.yaml).</summary>
    public static uint Tag(YamlMap row, string keyword)
    {
        var text = row.RequiredString("tag");
        if (!EmbeddedSpecFile.TryParseTag(text, out var tag))
        {
            row.Report(DiagnosticIds.InvalidValue, $"tag must be (gggg,eeee), got '{text}'", "tag");
            return 0;
        }
        if (!DicomDictionary.TryLookup(tag, out var entry) || entry.Keyword != keyword)
            row.Report(DiagnosticIds.InvalidValue, $"keyword {keyword} is not the PS3.6 keyword of {text}", "keyword");
        return tag;
    }

    /// <summary>One requirement type (1, 1C, 2, 2C, 3 or "-").</summary>
    public static string Type(YamlMap row, string key, string text)
    {
        if (!RequirementTypes.Contains(text)) row.Report(DiagnosticIds.InvalidValue, $"{key} must be one of {string.Join(", ", RequirementTypes)}, got '{text}'", key);
        return text;
    }

    /// <summary>An "SCU/SCP" pair of requirement types, e.g. "1C/1C" or "-/1".</summary>
    public static (string Scu, string Scp) Usage(YamlMap row, string key)
    {
        var text = row.RequiredString(key);
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            row.Report(DiagnosticIds.InvalidValue, $"{key} must be SCU/SCP requirement types such as \"1/1\", got '{text}'", key);
            return ("-", "-");
        }
        return (Type(row, key, parts[0]), Type(row, key, parts[1]));
    }

    /// <summary>A 4-digit hexadecimal status or error code ("0110", "A710").</summary>
    public static ushort Code(YamlMap row, string key)
    {
        var text = row.RequiredString(key);
        if (text.Length != 4 || !ushort.TryParse(text, System.Globalization.NumberStyles.HexNumber, null, out var code))
        {
            row.Report(DiagnosticIds.InvalidValue, $"{key} must be 4 hexadecimal digits, got '{text}'", key);
            return 0;
        }
        return code;
    }
}
