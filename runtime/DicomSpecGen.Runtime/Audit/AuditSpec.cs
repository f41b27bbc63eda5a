using DicomSpecGen.Spec.Common;
using DicomSpecGen.SpecFiles;

namespace DicomSpecGen.Audit;

/// <summary>A coded value of an audit message: csd-code, codeSystemName, originalText (PS3.15 A.5.1.1 CodedValueType).</summary>
public sealed record AuditCode(string Name, string Code, string Scheme, string Meaning, string Source);

/// <summary>One audit message kind: its EventID and the EventActionCode and EventTypeCode values its A.5.3 table allows.</summary>
public sealed record AuditEventKind(string Name, AuditCode Id, IReadOnlyList<string> Actions, IReadOnlyList<AuditCode> TypeCodes, string Source);

/// <summary>A problem in spec/part15/audit.yaml.</summary>
/// <summary>A row of spec/part15/audit.yaml: its name and its citation.</summary>
public sealed record AuditSpecRow(string Name, string Source);

/// <summary>The rows of spec/part15/audit.yaml the audit messages are built from, for the trace report.</summary>
/// <remarks>PS3.15 A.5</remarks>
public static class AuditSpecRows
{
    /// <summary>Codes, message kinds, schema enumerations and detail types, each citing its row.</summary>
    public static IReadOnlyList<AuditSpecRow> Rows => AuditSpec.Current.CitedRows;
}

public sealed class AuditSpecException(string message) : Exception(message);

/// <summary>The facts of PS3.15 A.5 the audit messages use, read from spec/part15/audit.yaml (embedded).</summary>
public sealed class AuditSpec
{
    private const string Path = "spec/part15/audit.yaml";
    private static readonly Lazy<AuditSpec> Embedded = new(() => EmbeddedSpecFile.Load<AuditSpec>(Path, (c, r) => Parse(c, r)!, m => new AuditSpecException(m)));

    public static AuditSpec Current => Embedded.Value;

    public required string Edition { get; init; }
    public required IReadOnlyDictionary<string, AuditCode> Codes { get; init; }
    public required IReadOnlyDictionary<string, AuditEventKind> Events { get; init; }
    /// <summary>Schema attribute → our value name → the value (A.5.1.1 enumerations).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Enumerations { get; init; }
    /// <summary>Detail name → the ParticipantObjectDetail type attribute.</summary>
    public required IReadOnlyDictionary<string, string> DetailTypes { get; init; }
    public required int SyslogFacility { get; init; }
    public required int SyslogSeverity { get; init; }
    public required string SyslogMsgId { get; init; }
    /// <summary>Every row of the file with its citation "source (edition)", in file order.</summary>
    public required IReadOnlyList<AuditSpecRow> CitedRows { get; init; }

    public AuditCode Code(string name) => Codes.TryGetValue(name, out var c) ? c : throw new AuditSpecException($"{Path}: no code named '{name}'");

    public AuditEventKind Event(string name) => Events.TryGetValue(name, out var e) ? e : throw new AuditSpecException($"{Path}: no event named '{name}'");

    public string Value(string attribute, string name)
        => Enumerations.TryGetValue(attribute, out var values) && values.TryGetValue(name, out var v) ? v
            : throw new AuditSpecException($"{Path}: no value '{name}' of {attribute}");

    /// <summary>Parses the text of the file (tests feed broken copies).</summary>
    public static AuditSpec Parse(string text) => EmbeddedSpecFile.Parse<AuditSpec>(Path, text, (c, r) => Parse(c, r)!, m => new AuditSpecException(m));

    private static AuditSpec? Parse(SpecFileContext context, YamlMap root)
    {
        root.CheckKeys("edition", "document", "codes", "events", "enumerations", "details", "syslog");
        var edition = root.RequiredString("edition");
        var cited = new List<AuditSpecRow>();
        void Cite(YamlMap row, string name) => cited.Add(new AuditSpecRow(name, $"{row.RequiredString("source")} ({edition})"));
        var codes = new Dictionary<string, AuditCode>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("codes"))
        {
            row.CheckKeys("name", "code", "scheme", "meaning", "source");
            var code = new AuditCode(row.RequiredString("name"), row.RequiredString("code"), row.RequiredString("scheme"), row.RequiredString("meaning"), row.RequiredString("source"));
            Cite(row, code.Name);
            if (!codes.TryAdd(code.Name, code)) row.Report(DiagnosticIds.InvalidValue, $"code '{code.Name}' is listed twice", "name");
        }
        var events = new Dictionary<string, AuditEventKind>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("events"))
        {
            row.CheckKeys("name", "id", "actions", "typeCodes", "source");
            AuditCode? Lookup(string name)
            {
                if (codes.TryGetValue(name, out var c)) return c;
                row.Report(DiagnosticIds.InvalidValue, $"'{name}' is not a code listed under codes");
                return null;
            }
            var id = Lookup(row.RequiredString("id"));
            var actions = row.StringList("actions");
            foreach (var a in actions)
                if (a is not ("C" or "R" or "U" or "D" or "E")) row.Report(DiagnosticIds.InvalidValue, $"EventActionCode '{a}' is not one of the schema's C, R, U, D, E (PS3.15 A.5.1.1)", "actions");
            var types = row.StringList("typeCodes").Select(Lookup).OfType<AuditCode>().ToList();
            Cite(row, row.RequiredString("name"));
            // Keyed by the EventID's name: callers ask for the kind of message by the event it reports.
            if (id != null) events[id.Name] = new AuditEventKind(row.RequiredString("name"), id, actions, types, row.RequiredString("source"));
        }
        var enumerations = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("enumerations"))
        {
            row.CheckKeys("attribute", "values", "source");
            Cite(row, row.RequiredString("attribute"));
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (row.Mapping("values") is { } map)
                foreach (var entry in map.Node.Children)
                    values[entry.Key.ToString()] = entry.Value.ToString();
            enumerations[row.RequiredString("attribute")] = values;
        }
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in root.Sequence("details"))
        {
            row.CheckKeys("name", "type", "source");
            Cite(row, row.RequiredString("name"));
            details[row.RequiredString("name")] = row.RequiredString("type");
        }
        var syslog = root.Mapping("syslog");
        if (syslog is not { } s) return null;
        s.CheckKeys("facility", "severity", "msgId", "version", "source");
        s.RequiredString("source");
        var spec = new AuditSpec
        {
            Edition = edition,
            CitedRows = cited,
            Codes = codes,
            Events = events,
            Enumerations = enumerations,
            DetailTypes = details,
            SyslogFacility = (int)s.RequiredInteger("facility"),
            SyslogSeverity = (int)s.RequiredInteger("severity"),
            SyslogMsgId = s.RequiredString("msgId"),
        };
        return context.HasErrors ? null : spec;
    }
}
