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
            var files = SpecGeneratorShell.Files(context, DulSpecFiles.IsDulFile)
                .Select((f, _) => new DulSpecFile(f.Path, f.Text))
                .WithTrackingName(FilesStep);

            var spec = files.Collect()
                .Select((all, _) => all.IsEmpty ? null : SpecGeneratorShell.Parse(DulSpecFiles.Transitions, () => DulSpecParser.Parse(all),
                    d => new DulSpec(EquatableArray<DulStateSpec>.Empty, EquatableArray<DulEventSpec>.Empty, EquatableArray<DulActionSpec>.Empty,
                        EquatableArray<DulUndefinedRuleSpec>.Empty, EquatableArray<DulCellSpec>.Empty, d)))
                .WithTrackingName(SpecStep);

            // No DUL file at all: this compilation does not use the state machine.
            SpecGeneratorShell.Register(context, spec, s => s?.Diagnostics ?? EquatableArray<SpecDiagnostic>.Empty, _ => DulSpecFiles.Transitions,
                s => s == null ? Enumerable.Empty<(string, string)>() : DulEmitter.Emit(s));
        }
    }
}
