using DicomSpecGen.Spec.Common;
using DicomSpecGen.SpecFiles;

namespace DicomSpecGen.Archive;

/// <summary>One key of a Query/Retrieve information model (a row of PS3.4 Table C.6-1..C.6-5).</summary>
/// <param name="Name">The row's name in the file: model, level, parent and keyword.</param>
/// <param name="Model">PatientRoot, StudyRoot or Both (series and instance levels are shared, PS3.4 C.6.2.1.3-4).</param>
/// <param name="Level">The Query/Retrieve level.</param>
/// <param name="Tag">Null for an "All other Attributes at ... Level" row.</param>
/// <param name="Keyword">The PS3.6 keyword.</param>
/// <param name="Type">U unique, R required, O optional key (PS3.4 C.2.2.1).</param>
/// <param name="Parent">For an item key of a sequence (a "&gt;" row), the sequence's keyword.</param>
/// <param name="Source">The row's citation with its edition, e.g. "PS3.4 Table C.6-1, Patient's Name (2020c)".</param>
/// <param name="Line">The row's line in the file.</param>
public sealed record QueryKeyRow(string Name, string Model, QueryLevel Level, uint? Tag, string Keyword, string Type, string? Parent, string Source, int Line);

/// <summary>A problem in spec/part04/query-keys.yaml, with its file, line and diagnostic id.</summary>
public sealed class QueryKeySpecException(string message) : Exception(message);

/// <summary>The keys of PS3.4 C.6, read at run time from spec/part04/query-keys.yaml embedded in this assembly
/// (the one place these facts are written).</summary>
public static class QueryKeys
{
    private const string Resource = "DicomSpecGen.Spec.part04.query-keys.yaml";

    public const string FilePath = "spec/part04/query-keys.yaml";

    /// <summary>Every row, in file order.</summary>
    public static IReadOnlyList<QueryKeyRow> Rows { get; } = Load();

    /// <summary>The rows of a level of a model ("PatientRoot" or "StudyRoot"), shared rows included.</summary>
    public static IEnumerable<QueryKeyRow> At(string model, QueryLevel level)
        => Rows.Where(r => r.Level == level && (r.Model == model || r.Model == "Both"));

    private static IReadOnlyList<QueryKeyRow> Load() => EmbeddedSpecFile.Load(FilePath, Read, message => new QueryKeySpecException(message));

    /// <summary>Reads the file; every problem is reported at its line (the spec loader's diagnostics).</summary>
    public static IReadOnlyList<QueryKeyRow> Parse(string path, string text) => EmbeddedSpecFile.Parse(path, text, Read, message => new QueryKeySpecException(message));

    private static IReadOnlyList<QueryKeyRow> Read(SpecFileContext context, YamlMap root)
    {
        var rows = new List<QueryKeyRow>();
        root.CheckKeys("edition", "document", "keys");
        var edition = root.RequiredString("edition");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("keys"))
        {
            row.CheckKeys("name", "model", "level", "tag", "keyword", "type", "parent", "source", "edition");
            var name = row.RequiredString("name");
            if (!names.Add(name)) row.Report(DiagnosticIds.DuplicateName, $"row {name} is defined twice", "name");
            var model = row.RequiredString("model");
            if (model is not ("PatientRoot" or "StudyRoot" or "Both")) row.Report(DiagnosticIds.InvalidValue, $"model must be PatientRoot, StudyRoot or Both, got '{model}'", "model");
            var levelText = row.RequiredString("level");
            QueryLevel level = levelText switch
            {
                "PATIENT" => QueryLevel.Patient,
                "STUDY" => QueryLevel.Study,
                "SERIES" => QueryLevel.Series,
                "IMAGE" => QueryLevel.Image,
                _ => Bad(row, "level", $"level must be PATIENT, STUDY, SERIES or IMAGE, got '{levelText}'"),
            };
            uint? tag = null;
            if (row.OptionalString("tag") is { } tagText)
            {
                if (EmbeddedSpecFile.TryParseTag(tagText, out var t)) tag = t;
                else row.Report(DiagnosticIds.InvalidValue, $"tag must be (gggg,eeee), got '{tagText}'", "tag");
            }
            var type = row.RequiredString("type");
            if (type is not ("U" or "R" or "O")) row.Report(DiagnosticIds.InvalidValue, $"type must be U, R or O (PS3.4 C.2.2.1), got '{type}'", "type");
            var citation = row.Citation(edition);
            rows.Add(new QueryKeyRow(name, model, level, tag, row.RequiredString("keyword"), type, row.OptionalString("parent"), citation.ToString(), row.Line));
        }
        return rows;
    }

    private static QueryLevel Bad(YamlMap row, string key, string message)
    {
        row.Report(DiagnosticIds.InvalidValue, message, key);
        return QueryLevel.Patient;
    }
}
