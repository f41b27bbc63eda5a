using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Tools.Import;

/// <summary>The <c>note:</c> of each YAML row, by the row's line (the spec models carry the line, not the note).</summary>
public static class YamlNotes
{
    public static IReadOnlyDictionary<int, string> Read(string text)
    {
        var notes = new Dictionary<int, string>();
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count > 0) Walk(stream.Documents[0].RootNode, notes);
        return notes;
    }

    private static void Walk(YamlNode node, Dictionary<int, string> notes)
    {
        switch (node)
        {
            case YamlMappingNode map:
                if (map.Children.TryGetValue(new YamlScalarNode("note"), out var n) && n is YamlScalarNode s && s.Value != null)
                {
                    notes[(int)map.Start.Line] = s.Value;
                }
                foreach (var child in map.Children.Values) Walk(child, notes);
                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children) Walk(child, notes);
                break;
        }
    }
}
