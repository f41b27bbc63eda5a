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
            var uids = SpecGeneratorShell.Files(context, p => IsSpecFile(p, "part06", UidParser.FileName))
                .Select((t, _) => SpecGeneratorShell.Parse(t.Path, () => UidParser.Parse(t.Path, t.Text),
                    d => new UidRegistry("", EquatableArray<UidEntry>.Empty, d)))
                .WithTrackingName("RegistryUids");

            var vrs = SpecGeneratorShell.Files(context, p => IsSpecFile(p, "part05", VrParser.FileName))
                .Select((t, _) => SpecGeneratorShell.Parse(t.Path, () => VrParser.Parse(t.Path, t.Text),
                    d => new VrTable("", EquatableArray<VrDefinition>.Empty, d)))
                .WithTrackingName("RegistryVrs");

            var dictionary = SpecGeneratorShell.Files(context, p => IsSpecFile(p, "part06", DictionaryParser.FileName))
                .Combine(vrs.Collect())
                .Select((pair, _) => SpecGeneratorShell.Parse(pair.Left.Path, () => DictionaryParser.Parse(pair.Left.Path, pair.Left.Text, KnownVrs(pair.Right)),
                    d => new DataDictionary("", EquatableArray<DictionaryElement>.Empty, d)))
                .WithTrackingName("RegistryDictionary");

            SpecGeneratorShell.Register(context, uids, m => m.Diagnostics, _ => "spec/part06/" + UidParser.FileName,
                m => new[] { ("DicomUids.g.cs", UidEmitter.Emit(m)), ("TransferSyntax.g.cs", TransferSyntaxEmitter.Emit(m)) });
            SpecGeneratorShell.Register(context, vrs, m => m.Diagnostics, _ => "spec/part05/" + VrParser.FileName,
                m => new[] { ("DicomVr.g.cs", VrEmitter.Emit(m)) });
            SpecGeneratorShell.Register(context, dictionary, m => m.Diagnostics, _ => "spec/part06/" + DictionaryParser.FileName,
                m => new[] { ("DicomDictionary.g.cs", DictionaryEmitter.EmitDictionary(m)), ("DicomTags.g.cs", DictionaryEmitter.EmitTags(m)) });
        }

        private static HashSet<string>? KnownVrs(System.Collections.Immutable.ImmutableArray<VrTable> tables)
            => tables.Length == 0 ? null : new HashSet<string>(tables.SelectMany(t => t.Vrs).Select(v => v.Code));

        private static bool IsSpecFile(string path, string folder, string fileName)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.EndsWith("/" + folder + "/" + fileName, StringComparison.OrdinalIgnoreCase);
        }
    }
}
