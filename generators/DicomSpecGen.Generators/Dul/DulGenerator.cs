using System;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dul;
using DicomSpecGen.Spec.Pdu;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>Generates the DUL state machine (PS3.8 9.2) from spec/part08/dul-*.yaml: the state, event
    /// and action enums, the transition table of Table 9-10, and the <c>IDulActions</c> interface whose
    /// members the runtime must implement (a missing action is CS0535); with pdus.yaml among the additional files,
    /// also <c>DulPduKinds</c>, which joins each PDU class to the event its receipt raises.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DulGenerator : IIncrementalGenerator
    {
        public const string FilesStep = "DulFiles";
        public const string SpecStep = "DulSpec";
        public const string LinkStep = "DulPduLinks";

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

            // With pdus.yaml too (the runtime's build), the PDU classes are joined to the events their receipt raises.
            var pduFiles = SpecGeneratorShell.Files(context, static path => DulSpecFiles.FileName(path).Equals("pdus.yaml", StringComparison.OrdinalIgnoreCase)).Collect();
            var eventsPaths = files.Where(static f => DulSpecFiles.FileName(f.Path) == DulSpecFiles.Events).Select(static (f, _) => f.Path).Collect();
            var links = spec.Combine(pduFiles).Combine(eventsPaths)
                .Select(static (input, _) =>
                {
                    var ((dul, pdus), events) = input;
                    if (dul == null || dul.HasErrors || pdus.Length != 1 || events.Length != 1) return null;
                    var pduFile = pdus[0];
                    return SpecGeneratorShell.Parse(pduFile.Path, () =>
                    {
                        var pduSpec = PduParser.Parse(pduFile.Path, pduFile.Text);
                        // pdus.yaml's own problems are the PDU generator's to report.
                        return pduSpec.Diagnostics.Count > 0 ? null : DulPduLinker.Link(dul, events[0], pduSpec, pduFile.Path);
                    }, d => new DulPduLinkSpec(EquatableArray<DulPduLink>.Empty, d));
                })
                .WithTrackingName(LinkStep);
            SpecGeneratorShell.Register(context, links, l => l?.Diagnostics ?? EquatableArray<SpecDiagnostic>.Empty, _ => "pdus.yaml",
                l => l == null ? Enumerable.Empty<(string, string)>() : new[] { ("Dul.DulPduKinds.g.cs", DulEnumEmitter.PduKinds(l)) });
        }
    }
}
