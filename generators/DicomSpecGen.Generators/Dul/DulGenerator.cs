using System;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dul;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>Generates the DUL state machine (PS3.8 9.2) from spec/part08/dul-*.yaml: the state, event
    /// and action enums, the transition table of Table 9-10, and the <c>IDulActions</c> interface whose
    /// members the runtime must implement (a missing action is CS0535).</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DulGenerator : IIncrementalGenerator
    {
        public const string FilesStep = "DulFiles";
        public const string SpecStep = "DulSpec";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var files = context.AdditionalTextsProvider
                .Where(text => DulSpecFiles.IsDulFile(text.Path))
                .Select((text, ct) => new DulSpecFile(text.Path, text.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName(FilesStep);

            var spec = files.Collect()
                .Select((all, _) => all.IsEmpty ? null : DulSpecParser.Parse(all))
                .WithTrackingName(SpecStep);

            context.RegisterSourceOutput(spec, Emit);
        }

        private static void Emit(SourceProductionContext context, DulSpec? spec)
        {
            // No DUL file at all: this compilation does not use the state machine.
            if (spec == null) return;
            SpecDiagnostics.ReportAll(context, spec.Diagnostics);
            if (spec.HasErrors) return;
            try
            {
                foreach (var (hintName, source) in DulEmitter.Emit(spec))
                {
                    context.AddSource(hintName, source);
                }
            }
            catch (Exception e)
            {
                context.ReportDiagnostic(SpecDiagnostics.ToDiagnostic(new SpecDiagnostic(DiagnosticIds.InvalidValue,
                    "the DUL generator failed: " + e.Message, DulSpecFiles.Transitions, 1, 1)));
            }
        }
    }
}
