using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dimse;
using DicomSpecGen.Spec.Dul;
using DicomSpecGen.Spec.Registry;

namespace DicomSpecGen.Tools.Trace;

/// <summary>Rows of the DUL, DIMSE and registry spec files, read with each area's own parser (the one its generator
/// uses), each scoped to the generated type that must implement it.</summary>
public static class AreaRowSources
{
    private static TraceRow Row(string file, string id, string kind, int line, Citation c, string[] scope, string? member = null)
        => new($"{file}#{id}", kind, file, line, c.Text, c.Edition, scope, member);

    /// <summary>part08/dul-*.yaml: states, events, actions, blank-cell rules and every cell of Table 9-10.</summary>
    public static IEnumerable<TraceRow> Dul(string specDir, List<SpecDiagnostic> diagnostics)
    {
        var dir = Path.Combine(specDir, "part08");
        var files = DulSpecFiles.All.Select(n => Path.Combine(dir, n)).Where(File.Exists)
            .Select(p => new DulSpecFile("part08/" + Path.GetFileName(p), File.ReadAllText(p))).ToList();
        if (files.Count == 0) return [];
        var spec = DulSpecParser.Parse(files);
        diagnostics.AddRange(spec.Diagnostics);
        var rows = new List<TraceRow>();
        rows.AddRange(spec.States.Select(s => Row("part08/" + DulSpecFiles.States, s.Id, "state", 0, s.Source, ["DulState"])));
        rows.AddRange(spec.Events.Select(e => Row("part08/" + DulSpecFiles.Events, e.Id, "event", 0, e.Source, ["DulEvent"])));
        rows.AddRange(spec.Actions.Select(a => Row("part08/" + DulSpecFiles.Actions, a.Id, "action", 0, a.Source, ["DulAction", "IDulActions"])));
        rows.AddRange(spec.UndefinedRules.Select(u => Row("part08/" + DulSpecFiles.Transitions, "undefined." + u.Name, "undefined-rule", 0, u.Source, ["DulUndefinedRule"])));
        rows.AddRange(spec.Cells.Select(c => Row("part08/" + DulSpecFiles.Transitions, $"{c.Event}/{c.State}", "transition", c.Line, c.Source, ["DulTransitions"])));
        return rows;
    }

    /// <summary>part07/*.yaml: command elements and their named values, messages and their fields, status classes, statuses.</summary>
    public static IEnumerable<TraceRow> Dimse(string specDir, List<SpecDiagnostic> diagnostics)
    {
        var dir = Path.Combine(specDir, "part07");
        var files = new[] { DimseSpecParser.ElementsFile, DimseSpecParser.MessagesFile, DimseSpecParser.StatusesFile }
            .Select(n => Path.Combine(dir, n)).Where(File.Exists)
            .Select(p => ("spec/part07/" + Path.GetFileName(p), File.ReadAllText(p))).ToList();
        if (files.Count == 0) return [];
        var spec = DimseSpecParser.Parse(files);
        diagnostics.AddRange(spec.Diagnostics);
        const string elements = "part07/" + DimseSpecParser.ElementsFile, messages = "part07/" + DimseSpecParser.MessagesFile,
            statuses = "part07/" + DimseSpecParser.StatusesFile;
        var rows = new List<TraceRow>();
        foreach (var e in spec.Elements)
        {
            rows.Add(Row(elements, e.Keyword, "command-element", 0, e.Source, ["CommandElement"], e.Keyword));
            rows.AddRange(e.Values.Select(v => Row(elements, $"{e.Keyword}.{v.Name}", "element-value", 0, v.Source, [e.Keyword], v.Name)));
        }
        foreach (var m in spec.Messages)
        {
            rows.Add(Row(messages, m.Name, "message", m.Line, m.Source, [m.Name]));
            rows.AddRange(m.Fields.Select(f => Row(messages, $"{m.Name}.{f.Element}", "message-field", m.Line, f.Source, [m.Name])));
            if (m.DataSet != null) rows.Add(Row(messages, $"{m.Name}.DataSet", "message-field", m.Line, m.DataSet.Source, [m.Name]));
        }
        // The Annex C fields every response may carry (statusFields): a member of each response type.
        var responses = spec.Messages.Where(m => m.IsResponse).Select(m => m.Name).ToArray();
        rows.AddRange(spec.StatusFields.Select(f => Row(messages, "statusFields." + f.Element, "message-field", 0, f.Source, responses, f.Element)));
        rows.AddRange(spec.Classes.Select(c => Row(statuses, "class." + c.Class, "status-class", 0, c.Source, [])));
        foreach (var service in spec.Services)
        {
            rows.AddRange(service.Statuses.Select(s => Row(statuses, $"{service.Name}.{s.Name ?? s.Code.Text}", "status", 0, s.Source, [])));
        }
        return rows;
    }

    /// <summary>part06/uids.yaml (each UID's generated constant is its keyword), part06/dictionary.yaml, part05/vrs.yaml.</summary>
    public static IEnumerable<TraceRow> Registry(string specDir, List<SpecDiagnostic> diagnostics)
    {
        var rows = new List<TraceRow>();
        var uids = Path.Combine(specDir, "part06", "uids.yaml");
        if (File.Exists(uids))
        {
            var registry = UidParser.Parse("part06/uids.yaml", File.ReadAllText(uids));
            diagnostics.AddRange(registry.Diagnostics);
            // A UID without a keyword has no constant: its registry table implements it (SymbolIndex.TableEntries).
            rows.AddRange(registry.Uids.Select(u => u.Keyword.Length > 0
                ? Row("part06/uids.yaml", u.Uid, "uid", u.Line, u.Source, ["DicomUids"], u.Keyword)
                : Row("part06/uids.yaml", u.Uid, SymbolIndex.UnnamedUid, u.Line, u.Source, ["DicomUids"])));
        }
        var dictionary = Path.Combine(specDir, "part06", "dictionary.yaml");
        if (File.Exists(dictionary))
        {
            var elements = DictionaryParser.Parse("part06/dictionary.yaml", File.ReadAllText(dictionary), null);
            diagnostics.AddRange(elements.Diagnostics);
            // Likewise a placeholder row (keyword "-") has no DicomTags constant: DicomDictionary implements it.
            rows.AddRange(elements.Elements.Select(e => e.Keyword.Length > 0
                ? Row("part06/dictionary.yaml", e.TagText, "data-element", e.Line, e.Source, ["DicomTags"])
                : Row("part06/dictionary.yaml", e.TagText, SymbolIndex.PlaceholderElement, e.Line, e.Source, ["DicomDictionary"])));
        }
        var vrs = Path.Combine(specDir, "part05", "vrs.yaml");
        if (File.Exists(vrs))
        {
            var table = VrParser.Parse("part05/vrs.yaml", File.ReadAllText(vrs));
            diagnostics.AddRange(table.Diagnostics);
            rows.AddRange(table.Vrs.Select(v => Row("part05/vrs.yaml", v.Code, "vr", v.Line, v.Source, ["DicomVr"])));
        }
        return rows;
    }
}
