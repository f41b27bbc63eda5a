using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Dimse;

namespace DicomSpecGen.Generators.Dimse
{
    /// <summary>Produces the generated files of namespace DicomSpecGen.Dimse, in a fixed order.</summary>
    internal static class DimseEmitter
    {
        public const string Namespace = "DicomSpecGen.Dimse";

        public static IEnumerable<(string HintName, string Text)> Emit(DimseSpec spec)
        {
            var elements = spec.Elements.ToDictionary(e => e.Keyword);
            yield return ("Dimse.CommandElement.g.cs", ElementEmitter.Emit(spec));
            yield return ("Dimse.CommandField.g.cs", ElementEmitter.EmitCommandField(spec));
            yield return ("Dimse.Codec.g.cs", CodecEmitter.Emit(spec, elements));
            foreach (var message in spec.Messages)
            {
                yield return ($"Dimse.Messages.{message.Name}.g.cs", MessageEmitter.Emit(spec, message, elements));
            }
            yield return ("Dimse.Status.g.cs", StatusEmitter.Emit(spec));
        }
    }
}
