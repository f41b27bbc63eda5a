using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Dul;

namespace DicomSpecGen.Generators.Dul
{
    /// <summary>Writes the C# for a valid <see cref="DulSpec"/>. Output order follows the YAML, so it is
    /// deterministic. Everything it emits depends only on itself and the BCL, so the generated code compiles
    /// on its own (the generator tests rely on that).</summary>
    internal static class DulEmitter
    {
        public const string Namespace = "DicomSpecGen.Dul";

        public static IEnumerable<(string HintName, string Source)> Emit(DulSpec spec)
        {
            yield return ("Dul.DulState.g.cs", DulEnumEmitter.States(spec));
            yield return ("Dul.DulEvent.g.cs", DulEnumEmitter.Events(spec));
            yield return ("Dul.DulAction.g.cs", DulEnumEmitter.Actions(spec));
            yield return ("Dul.DulUndefinedRule.g.cs", DulEnumEmitter.UndefinedRules(spec));
            yield return ("Dul.IDulActions.g.cs", DulActionsEmitter.Interface(spec));
            yield return ("Dul.DulTransitions.g.cs", DulTableEmitter.Table(spec));
            yield return ("Dul.DulGeneratedDispatch.g.cs", DulDispatchEmitter.Dispatch(spec));
        }

        public static CodeWriter Start()
        {
            var w = new CodeWriter();
            foreach (var line in CodeWriter.Header.TrimEnd('\n').Split('\n')) w.Line(line);
            w.Line();
            w.Open("namespace " + Namespace);
            return w;
        }

        /// <summary>"PS3.8 Table 9-10, Evt3/Sta5 (2013)" for a cell.</summary>
        public static string Cite(DulCellSpec cell) => cell.Source.ToString();

        public static string ConditionalEnumName(DulActionSpec action) => action.Name + "Next";

        public static DulActionSpec ActionOf(DulSpec spec, DulCellSpec cell) => spec.Actions.First(a => a.Name == cell.Action);
    }
}
