using DicomSpecGen.Spec.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Common
{
    /// <summary>Turns spec problems into compiler diagnostics located at the YAML file and line.</summary>
    internal static class SpecDiagnostics
    {
        public static Diagnostic ToDiagnostic(SpecDiagnostic d)
        {
            var descriptor = new DiagnosticDescriptor(
                d.Id,
                "DicomSpecGen spec problem",
                "{0}",
                "DicomSpecGen.Spec",
                DiagnosticSeverity.Error,
                isEnabledByDefault: true);
            var position = new LinePosition(System.Math.Max(0, d.Line - 1), System.Math.Max(0, d.Column - 1));
            var location = Location.Create(d.FilePath, new TextSpan(0, 0), new LinePositionSpan(position, position));
            return Diagnostic.Create(descriptor, location, d.Message);
        }

        public static void ReportAll(SourceProductionContext context, EquatableArray<SpecDiagnostic> diagnostics)
        {
            foreach (var d in diagnostics) context.ReportDiagnostic(ToDiagnostic(d));
        }
    }
}
