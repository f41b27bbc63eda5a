using System;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dimse;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Generates namespace DicomSpecGen.Dimse from spec/part07: command element tags, the
    /// CommandField enum, one class per DIMSE message with validation and Implicit VR Little Endian
    /// command-set encode/decode, and the status lookup.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DimseGenerator : IIncrementalGenerator
    {
        public const string TrackingName = "DimseSpec";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(t => DimseSpecParser.IsDimseFile(t.Path))
                .Select((t, ct) => new SpecFile(t.Path, t.GetText(ct)?.ToString() ?? ""))
                .Collect();
            var spec = files
                .Select((all, _) => DimseSpecParser.Parse(all.Select(f => (f.Path, f.Text))))
                .WithTrackingName(TrackingName);
            context.RegisterSourceOutput(spec, Emit);
        }

        private static void Emit(SourceProductionContext context, DimseSpec spec)
        {
            SpecDiagnostics.ReportAll(context, spec.Diagnostics);
            if (spec.Diagnostics.Count > 0 || spec.Elements.Count == 0) return;
            try
            {
                foreach (var (name, text) in DimseEmitter.Emit(spec))
                {
                    context.AddSource(name, SourceText.From(text, System.Text.Encoding.UTF8));
                }
            }
            catch (Exception e)
            {
                // Last resort: a bug in the emitter must not crash the compiler.
                context.ReportDiagnostic(SpecDiagnostics.ToDiagnostic(new SpecDiagnostic(
                    DiagnosticIds.InvalidValue, "DIMSE generator failed: " + e.Message, "spec/part07", 1, 1)));
            }
        }

        /// <summary>One additional file, equatable so the collect step caches.</summary>
        private sealed record SpecFile(string Path, string Text);
    }
}
