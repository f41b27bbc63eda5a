using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Tools.Trace;

/// <summary>Rows of a spec file that has no area loader here: every mapping with a <c>source:</c> key is a row
/// (the spec convention), named by its identifying keys. Used for files of areas merged after this tool.</summary>
public static class GenericRowSource
{
    private static readonly string[] IdentityKeys = ["name", "keyword", "id", "event", "state", "action", "tag", "uid", "code", "value"];

    public static IEnumerable<TraceRow> Read(string path, string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root) return [];
        var rows = new List<TraceRow>();
        Walk(root, relativePath, Scalar(root, "edition") ?? "", [], rows);
        return rows;
    }

    private static void Walk(YamlNode node, string file, string edition, List<string> path, List<TraceRow> rows)
    {
        if (node is YamlSequenceNode seq)
        {
            var i = 0;
            foreach (var child in seq.Children) Walk(child, file, edition, [.. path, $"[{i++}]"], rows);
            return;
        }
        if (node is not YamlMappingNode map) return;
        edition = Scalar(map, "edition") ?? edition;
        var name = Name(map);
        if (name != null && path.Count > 0 && path[^1].StartsWith('[')) path = [.. path[..^1], name];
        var source = Scalar(map, "source");
        if (source != null && path.Count > 0)
        {
            rows.Add(new TraceRow($"{file}#{string.Join('.', path)}", "row", file, (int)map.Start.Line, source, edition, []));
        }
        foreach (var pair in map.Children)
        {
            if (pair.Value is YamlScalarNode) continue;
            var key = (pair.Key as YamlScalarNode)?.Value ?? "";
            // Lists directly under the root (structures:, states:) add no level to the name.
            Walk(pair.Value, file, edition, path.Count == 0 ? [] : [.. path, key], rows);
        }
    }

    private static string? Name(YamlMappingNode map)
    {
        var parts = IdentityKeys.Select(k => Scalar(map, k)).Where(v => v != null).ToList();
        if (parts.Count == 0) return null;
        return Scalar(map, "name") ?? string.Join('/', parts);
    }

    private static string? Scalar(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
}
