using System;
using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Common;
using DicomSpecGen.Spec.Registry;
using Microsoft.CodeAnalysis;

namespace DicomSpecGen.Generators.Registry
{
    /// <summary>PS3.6 registry: UIDs and transfer syntaxes (spec/part06/uids.yaml), VRs (spec/part05/vrs.yaml)
    /// and the data dictionary (spec/part06/dictionary.yaml), emitted into namespace DicomSpecGen.Registry.</summary>
    [Generator]
    public sealed class RegistryGenerator : IIncrementalGenerator
    {
        public const string Namespace = "DicomSpecGen.Registry";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var uids = context.AdditionalTextsProvider
                .Where(t => IsSpecFile(t.Path, "part06", UidParser.FileName))
                .Select((t, ct) => UidParser.Parse(t.Path, t.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName("RegistryUids");

            var vrs = context.AdditionalTextsProvider
                .Where(t => IsSpecFile(t.Path, "part05", VrParser.FileName))
                .Select((t, ct) => VrParser.Parse(t.Path, t.GetText(ct)?.ToString() ?? ""))
                .WithTrackingName("RegistryVrs");

            var dictionary = context.AdditionalTextsProvider
                .Where(t => IsSpecFile(t.Path, "part06", DictionaryParser.FileName))
                .Select((t, ct) => new SpecText(t.Path, t.GetText(ct)?.ToString() ?? ""))
                .Combine(vrs.Collect())
                .Select((pair, _) => DictionaryParser.Parse(pair.Left.Path, pair.Left.Text, KnownVrs(pair.Right)))
                .WithTrackingName("RegistryDictionary");

            context.RegisterSourceOutput(uids, (spc, model) => Emit(spc, model.Diagnostics, "DicomUids.g.cs",
                () => UidEmitter.Emit(model), "TransferSyntax.g.cs", () => TransferSyntaxEmitter.Emit(model)));
            context.RegisterSourceOutput(vrs, (spc, model) => Emit(spc, model.Diagnostics, "DicomVr.g.cs",
                () => VrEmitter.Emit(model), null, null));
            context.RegisterSourceOutput(dictionary, (spc, model) => Emit(spc, model.Diagnostics, "DicomDictionary.g.cs",
                () => DictionaryEmitter.EmitDictionary(model), "DicomTags.g.cs", () => DictionaryEmitter.EmitTags(model)));
        }

        private static HashSet<string>? KnownVrs(System.Collections.Immutable.ImmutableArray<VrTable> tables)
            => tables.Length == 0 ? null : new HashSet<string>(tables.SelectMany(t => t.Vrs).Select(v => v.Code));

        private static bool IsSpecFile(string path, string folder, string fileName)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.EndsWith("/" + folder + "/" + fileName, StringComparison.OrdinalIgnoreCase);
        }

        private static void Emit(SourceProductionContext spc, EquatableArray<SpecDiagnostic> diagnostics,
            string hint1, Func<string> emit1, string? hint2, Func<string>? emit2)
        {
            SpecDiagnostics.ReportAll(spc, diagnostics);
            if (diagnostics.Count > 0) return;
            try
            {
                spc.AddSource(hint1, emit1());
                if (hint2 != null && emit2 != null) spc.AddSource(hint2, emit2());
            }
            catch (Exception e)
            {
                spc.ReportDiagnostic(SpecDiagnostics.ToDiagnostic(new SpecDiagnostic(DiagnosticIds.InvalidValue,
                    "registry generator failed: " + e.GetType().Name + ": " + e.Message, hint1, 1, 1)));
            }
        }

        private sealed record SpecText(string Path, string Text);
    }
}
