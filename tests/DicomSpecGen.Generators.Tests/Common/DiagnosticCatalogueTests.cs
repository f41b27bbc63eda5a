using System.Reflection;
using DicomSpecGen.Generators.Dimse;
using DicomSpecGen.Generators.Dul;
using DicomSpecGen.Generators.Pdu;
using DicomSpecGen.Generators.Registry;
using DicomSpecGen.Generators.Tests.Infrastructure;
using DicomSpecGen.Spec.Common;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Tests.Common;

/// <summary>The DSGnnnn ids are defined once (DiagnosticIds), each with one catalogue entry, and every
/// generator reports through the shared shell with the catalogue's descriptor.</summary>
public class DiagnosticCatalogueTests
{
    private static List<string> DeclaredIds()
        => new[] { typeof(DiagnosticIds) }.Concat(typeof(DiagnosticIds).GetNestedTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    [Fact]
    public void Every_declared_id_is_unique_and_has_exactly_one_catalogue_entry()
    {
        var declared = DeclaredIds();
        Assert.Equal(declared.Count, declared.Distinct().Count());
        var catalogue = DiagnosticIds.All.Select(i => i.Id).ToList();
        Assert.Equal(catalogue.Count, catalogue.Distinct().Count());
        Assert.Equal(declared.OrderBy(i => i, StringComparer.Ordinal), catalogue.OrderBy(i => i, StringComparer.Ordinal));
        Assert.All(DiagnosticIds.All, i => Assert.Matches("^DSG[0-9]{4}$", i.Id));
        Assert.All(DiagnosticIds.All, i => Assert.False(string.IsNullOrWhiteSpace(i.Title), i.Id));
    }

    public static TheoryData<string> Generators() => new() { "pdu", "dul", "dimse", "registry" };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Each_generator_reports_a_yaml_error_at_its_line_with_the_catalogue_title(string generator)
    {
        const string broken = "edition: \"2013\"\nkey: [unclosed\n";
        var (instance, path) = generator switch
        {
            "pdu" => ((IIncrementalGenerator)new PduGenerator(), "/repo/spec/part08/pdus.yaml"),
            "dul" => (new DulGenerator(), "/repo/spec/part08/dul-states.yaml"),
            "dimse" => (new DimseGenerator(), "/repo/spec/part07/command-elements.yaml"),
            _ => (new RegistryGenerator(), "/repo/spec/part06/uids.yaml"),
        };

        var result = GeneratorHarness.Run(instance, path, broken);

        Assert.Null(result.Exception);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.YamlSyntax);
        Assert.Equal(path, d.Location.GetLineSpan().Path);
        Assert.InRange(d.Location.GetLineSpan().StartLinePosition.Line + 1, 2, 3);
        Assert.Equal(DiagnosticIds.All.Single(i => i.Id == DiagnosticIds.YamlSyntax).Title, d.Descriptor.Title.ToString());
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }
}
