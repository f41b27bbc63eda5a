using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Tools.Editions;

/// <summary>The rows of spec/part06/uids.yaml (keys uid, title, type, retired, info, source), read as plain YAML:
/// the edition diff needs only these facts, not the registry generator's model.</summary>
public static class UidRegistryYaml
{
    public static (string Edition, IReadOnlyList<UidRow> Rows) Read(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var edition = Scalar(root, "edition") ?? "";
        var rows = new List<UidRow>();
        if (root.Children.TryGetValue(new YamlScalarNode("uids"), out var list) && list is YamlSequenceNode seq)
        {
            foreach (var row in seq.Children.OfType<YamlMappingNode>())
            {
                rows.Add(new UidRow(Scalar(row, "uid") ?? "", Scalar(row, "title") ?? "", Scalar(row, "type"),
                    Scalar(row, "retired") is "true" or "yes", Scalar(row, "info"), Scalar(row, "source") ?? ""));
            }
        }
        return (edition, rows);
    }

    public static bool IsUidFile(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("uids"));
    }

    private static string? Scalar(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;
}
