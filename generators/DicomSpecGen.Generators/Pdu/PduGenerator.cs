using System;
using System.IO;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Pdu;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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
            var specs = context.AdditionalTextsProvider
                .Where(static file => Path.GetFileName(file.Path).Equals("pdus.yaml", StringComparison.OrdinalIgnoreCase))
                .Select(static (file, cancellationToken) =>
                    SafeParse.Run(file.Path, () => PduParser.Parse(file.Path, file.GetText(cancellationToken)?.ToString() ?? ""),
                        d => new PduSpec("", "", EquatableArray<StructureSpec>.Empty, EquatableArray<EnumSpec>.Empty, d)))
                .WithTrackingName(ParseStep);

            context.RegisterSourceOutput(specs, static (output, spec) =>
            {
                SpecDiagnostics.ReportAll(output, spec.Diagnostics);
                if (spec.Diagnostics.Count > 0) return;
                SafeParse.Emit(output, "pdus.yaml", () => PduEmitter.Emit(spec));
            });
        }
    }
}
