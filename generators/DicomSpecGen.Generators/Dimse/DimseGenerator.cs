using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Dimse;
using Microsoft.CodeAnalysis;

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
            var spec = SpecGeneratorShell.Files(context, DimseSpecParser.IsDimseFile)
                .Collect()
                .Select((all, _) => SpecGeneratorShell.Parse("spec/part07", () => DimseSpecParser.Parse(all.Select(f => (f.Path, f.Text))),
                    d => new DimseSpec(EquatableArray<CommandElementSpec>.Empty, EquatableArray<MessageSpec>.Empty, EquatableArray<MessageFieldSpec>.Empty,
                        EquatableArray<StatusClassSpec>.Empty, EquatableArray<StatusServiceSpec>.Empty, d)))
                .WithTrackingName(TrackingName);
            // No part07 file (or no element table): this compilation does not use DIMSE.
            SpecGeneratorShell.Register(context, spec, s => s.Diagnostics, _ => "spec/part07",
                s => s.Elements.Count == 0 ? Enumerable.Empty<(string, string)>() : DimseEmitter.Emit(s));
        }
    }
}
