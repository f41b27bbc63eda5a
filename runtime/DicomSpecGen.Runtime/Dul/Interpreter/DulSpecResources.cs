using System.Reflection;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Dul.Interpreter;

/// <summary>The dul-*.yaml files embedded in the runtime assembly (the same files the generator reads).</summary>
public static class DulSpecResources
{
    private const string Prefix = "DicomSpecGen.Spec.part08.";

    /// <summary>The four files, with paths of the form spec/part08/dul-states.yaml.</summary>
    public static IReadOnlyList<DulSpecFile> Load()
    {
        var assembly = typeof(DulSpecResources).Assembly;
        var files = new List<DulSpecFile>();
        foreach (var name in DulSpecFiles.All)
        {
            using var stream = assembly.GetManifestResourceStream(Prefix + name);
            if (stream == null) continue; // the parser reports the missing file
            using var reader = new StreamReader(stream);
            files.Add(new DulSpecFile("spec/part08/" + name, reader.ReadToEnd()));
        }
        return files;
    }
}
