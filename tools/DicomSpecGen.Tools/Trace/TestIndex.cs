using System.Reflection;
using System.Runtime.Loader;

namespace DicomSpecGen.Tools.Trace;

/// <summary>A test method and the spec rows it declares with [SpecRow] (on the method or its class).</summary>
public sealed record TraceTest(string Id, IReadOnlyList<string> Declared);

/// <summary>Reads the [SpecRow] declarations of xunit test assemblies (by attribute name, in an isolated load
/// context, so the test assemblies' own dependencies resolve from their folder).</summary>
public static class TestIndex
{
    public const string SpecRowAttributeName = "DicomSpecGen.Traceability.SpecRowAttribute";

    public static IReadOnlyList<TraceTest> Read(IEnumerable<string> assemblyPaths)
    {
        var tests = new List<TraceTest>();
        foreach (var path in assemblyPaths)
        {
            var full = Path.GetFullPath(path);
            var context = new FolderLoadContext(Path.GetDirectoryName(full)!);
            try
            {
                var assembly = context.LoadFromAssemblyPath(full);
                foreach (var type in assembly.GetTypes())
                {
                    var classRows = Declared(type.GetCustomAttributesData());
                    foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    {
                        var data = method.GetCustomAttributesData();
                        if (!data.Any(a => IsTestAttribute(a.AttributeType))) continue;
                        var rows = classRows.Concat(Declared(data)).Distinct().ToList();
                        tests.Add(new TraceTest($"{assembly.GetName().Name}: {type.FullName}.{method.Name}", rows));
                    }
                }
            }
            finally
            {
                context.Unload();
            }
        }
        return tests;
    }

    private static List<string> Declared(IList<CustomAttributeData> data)
        => data.Where(a => a.AttributeType.FullName == SpecRowAttributeName)
            .Select(a => (string)a.ConstructorArguments[0].Value!).ToList();

    private static bool IsTestAttribute(Type type)
    {
        for (var t = type; t != null; t = t.BaseType)
        {
            if (t.FullName is "Xunit.FactAttribute") return true;
        }
        return false;
    }

    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext(isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            // The runtime and its dependencies come from the tool's own context so SpecField etc. stay one type.
            if (Default.Assemblies.Any(a => a.GetName().Name == name.Name)) return null;
            var candidate = Path.Combine(folder, name.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
