using System;
using System.IO;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Pdu;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Pdu
{
    /// <summary>pdus.yaml → PDU/item models and codecs. Parse and validate in one cached step (the model is an
    /// equatable record), emit in the next, so an unchanged YAML file costs nothing on rebuild.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class PduGenerator : IIncrementalGenerator
    {
        public const string ParseStep = "PduParse";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var specs = SpecGeneratorShell.Files(context, static path => Path.GetFileName(path).Equals("pdus.yaml", StringComparison.OrdinalIgnoreCase))
                .Select(static (file, _) => SpecGeneratorShell.Parse(file.Path, () => PduParser.Parse(file.Path, file.Text),
                    d => new PduSpec("", "", EquatableArray<StructureSpec>.Empty, EquatableArray<EnumSpec>.Empty, d)))
                .WithTrackingName(ParseStep);

            SpecGeneratorShell.Register(context, specs, static s => s.Diagnostics, static _ => "pdus.yaml", static s => PduEmitter.Emit(s));
        }
    }
}
