using DicomSpecGen.Tools;

namespace DicomSpecGen.Tools.Tests;

/// <summary>The repository this test assembly was built in, and temporary copies of its spec folder.</summary>
internal static class TestPaths
{
    public static string Root { get; } = RepoPaths.Root(AppContext.BaseDirectory);

    public static string SpecDir => Path.Combine(Root, "spec");

    /// <summary>The standard's 2013 DocBook XML: DSG_STANDARD_XML, DSG_REFERENCE_DIR/standard (as the other test
    /// projects use), else tests/reference/standard of this clone.</summary>
    public static string StandardXml(string file)
    {
        var dir = Environment.GetEnvironmentVariable("DSG_STANDARD_XML") is { Length: > 0 } xml ? xml
            : Environment.GetEnvironmentVariable("DSG_REFERENCE_DIR") is { Length: > 0 } reference ? Path.Combine(reference, "standard")
            : Path.Combine(Root, "tests", "reference", "standard");
        var path = Path.Combine(dir, file);
        Assert.True(File.Exists(path), path + " missing");
        return path;
    }

    /// <summary>tests/reference/editions: the standard's DocBook XML of later editions (partNN-EDITION.xml) and DCMTK's
    /// 2026b dictionary and UID list.</summary>
    public static string EditionsDir => Path.Combine(Root, "tests", "reference", "editions");

    /// <summary>One file of tests/reference/editions, e.g. "part08-2024c.xml".</summary>
    public static string Edition(string file)
    {
        var path = Path.Combine(EditionsDir, file);
        Assert.True(File.Exists(path), path + " missing");
        return path;
    }

    /// <summary>The editions of one part in tests/reference/editions, oldest first ("2013", "2014a", …).</summary>
    public static IReadOnlyList<string> EditionsOf(string part)
        => Directory.EnumerateFiles(EditionsDir, part + "-*.xml").Select(f => Path.GetFileNameWithoutExtension(f)[(part.Length + 1)..])
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The PDU test assemblies (built before this project by its project references).</summary>
    public static IReadOnlyList<string> PduTestAssemblies { get; } = RepoPaths.TestAssemblies(Root)
        .Where(p => Path.GetFileName(p) is "DicomSpecGen.Runtime.Tests.dll" or "DicomSpecGen.Interop.Tests.dll").ToList();

    /// <summary>A fresh copy of spec/ in a temp folder, deleted with the returned handle.</summary>
    public static TempSpec CopySpec()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dsg-spec-" + Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(SpecDir, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(SpecDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return new TempSpec(dir);
    }

    internal sealed class TempSpec(string dir) : IDisposable
    {
        public string Dir { get; } = dir;

        public string Pdus => Path.Combine(Dir, "part08", "pdus.yaml");

        /// <summary>Replaces exactly one occurrence of a line fragment in pdus.yaml.</summary>
        public void EditPdus(string oldText, string newText) => Edit(Path.Combine("part08", "pdus.yaml"), oldText, newText);

        /// <summary>Replaces exactly one occurrence of a text in a spec file (path relative to spec/).</summary>
        public void Edit(string relativePath, string oldText, string newText)
        {
            var path = Path.Combine(Dir, relativePath);
            var text = File.ReadAllText(path);
            Assert.Equal(1, text.Split(oldText).Length - 1);
            File.WriteAllText(path, text.Replace(oldText, newText));
        }

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }
}
