using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Tools.Import;

/// <summary>The line and <c>note:</c> of YAML rows found by their identifying keys (e.g. <c>id: AE-1</c>, or
/// <c>event: Evt1, state: Sta1</c>), for spec models that do not carry lines.</summary>
public sealed class YamlRowNotes
{
    private readonly Dictionary<string, (int Line, string? Note)> _rows = new(StringComparer.Ordinal);

    public YamlRowNotes(string text, params string[] keys)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count > 0) Walk(stream.Documents[0].RootNode, keys);
    }

    /// <summary>The row whose keys have these values, joined with "/" (e.g. "Evt1/Sta1").</summary>
    public (int Line, string? Note)? Find(string id) => _rows.TryGetValue(id, out var r) ? r : null;

    private void Walk(YamlNode node, string[] keys)
    {
        if (node is YamlSequenceNode seq)
        {
            foreach (var child in seq.Children) Walk(child, keys);
        }
        else if (node is YamlMappingNode map)
        {
            var values = keys.Select(k => map.Children.TryGetValue(new YamlScalarNode(k), out var v) ? (v as YamlScalarNode)?.Value : null).ToList();
            if (values.All(v => v != null))
            {
                var note = map.Children.TryGetValue(new YamlScalarNode("note"), out var n) ? (n as YamlScalarNode)?.Value : null;
                _rows[string.Join('/', values)] = ((int)map.Start.Line, note);
            }
            foreach (var child in map.Children.Values) Walk(child, keys);
        }
    }
}
