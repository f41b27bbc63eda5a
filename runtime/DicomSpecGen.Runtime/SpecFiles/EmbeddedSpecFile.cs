using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.SpecFiles;

/// <summary>The spec files the runtime reads at run time (spec/part04, spec/part15), embedded in this assembly as
/// <c>DicomSpecGen.Spec.partNN.NAME.yaml</c>: one reader, every problem reported at its file and line by the spec
/// loader's diagnostics. Each caller keeps its own exception type.</summary>
internal static class EmbeddedSpecFile
{
    /// <summary>Reads and parses the embedded copy of <paramref name="path"/> ("spec/part04/mpps.yaml").</summary>
    public static T Load<T>(string path, Func<SpecFileContext, YamlMap, T> parse, Func<string, Exception> error)
    {
        var resource = "DicomSpecGen." + char.ToUpperInvariant(path[0]) + path[1..].Replace('/', '.');
        using var stream = typeof(EmbeddedSpecFile).Assembly.GetManifestResourceStream(resource)
            ?? throw error($"{path} is not embedded in the runtime assembly");
        using var reader = new StreamReader(stream);
        return Parse(path, reader.ReadToEnd(), parse, error);
    }

    /// <summary>Parses the text of a spec file; any diagnostic, or no result, throws <paramref name="error"/> listing them all.</summary>
    public static T Parse<T>(string path, string text, Func<SpecFileContext, YamlMap, T> parse, Func<string, Exception> error)
    {
        var context = new SpecFileContext(path);
        var result = context.LoadRoot(text) is { } root ? parse(context, root) : default;
        if (context.HasErrors || result is null)
            throw error(string.Join(Environment.NewLine, context.Diagnostics.Select(d => d.ToString())));
        return result;
    }

    /// <summary>A "(gggg,eeee)" tag cell.</summary>
    public static bool TryParseTag(string text, out uint tag)
    {
        tag = 0;
        return text.Length == 11 && text[0] == '(' && text[5] == ',' && text[10] == ')'
            && uint.TryParse(text[1..5] + text[6..10], System.Globalization.NumberStyles.HexNumber, null, out tag);
    }
}
