using System;
using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Common
{
    /// <summary>Last line of defence: a bug in a parser or emitter becomes a DSG0000 diagnostic at the file,
    /// never a generator crash (which the compiler would report as an opaque CS8785 warning).</summary>
    internal static class SafeParse
    {
        public const string InternalErrorId = "DSG0000";

        public static T Run<T>(string path, Func<T> parse, Func<EquatableArray<SpecDiagnostic>, T> failed)
        {
            try
            {
                return parse();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var d = new SpecDiagnostic(InternalErrorId, "internal error while reading the spec: " + e.GetType().Name + ": " + e.Message, path, 1, 1);
                return failed(new[] { d }.ToEquatableArray());
            }
        }

        public static void Emit(SourceProductionContext output, string path, Func<IEnumerable<(string HintName, string Source)>> emit)
        {
            List<(string, string)> files;
            try
            {
                files = emit().ToList();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                output.ReportDiagnostic(SpecDiagnostics.ToDiagnostic(new SpecDiagnostic(InternalErrorId,
                    "internal error while emitting code: " + e.GetType().Name + ": " + e.Message, path, 1, 1)));
                return;
            }
            foreach (var (hint, source) in files) output.AddSource(hint, SourceText.From(source, System.Text.Encoding.UTF8));
        }
    }
}
