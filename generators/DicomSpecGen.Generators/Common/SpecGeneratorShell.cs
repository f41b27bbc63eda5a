using System;
using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DicomSpecGen.Generators.Common
{
    /// <summary>The shell every spec generator runs in: load the YAML (additional files) → parse into an
    /// equatable model (cached by Roslyn) → report the model's diagnostics at file and line → emit when there
    /// are none. A bug in a parser or emitter becomes DSG0000 at the file, never a generator crash (which
    /// the compiler would report as an opaque CS8785 warning).</summary>
    internal static class SpecGeneratorShell
    {
        /// <summary>The additional files whose path <paramref name="isSpecFile"/> accepts, as equatable values.</summary>
        public static IncrementalValuesProvider<SpecText> Files(IncrementalGeneratorInitializationContext context, Func<string, bool> isSpecFile)
            => context.AdditionalTextsProvider
                .Where(t => isSpecFile(t.Path))
                .Select((t, ct) => new SpecText(t.Path, t.GetText(ct)?.ToString() ?? ""));

        /// <summary>Runs a parser; an exception becomes a model holding only DSG0000 at <paramref name="path"/>.</summary>
        public static T Parse<T>(string path, Func<T> parse, Func<EquatableArray<SpecDiagnostic>, T> failed)
        {
            try
            {
                return parse();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                var d = new SpecDiagnostic(DiagnosticIds.InternalError, "internal error while reading the spec: " + e.GetType().Name + ": " + e.Message, path, 1, 1);
                return failed(new[] { d }.ToEquatableArray());
            }
        }

        /// <summary>Registers the emit step of a model per file (or per group of files).</summary>
        public static void Register<T>(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<T> models,
            Func<T, EquatableArray<SpecDiagnostic>> diagnostics, Func<T, string> path, Func<T, IEnumerable<(string HintName, string Source)>> emit)
            => context.RegisterSourceOutput(models, (output, model) => Emit(output, diagnostics(model), path(model), () => emit(model)));

        /// <summary>Registers the emit step of a model built from all files of an area.</summary>
        public static void Register<T>(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<T> model,
            Func<T, EquatableArray<SpecDiagnostic>> diagnostics, Func<T, string> path, Func<T, IEnumerable<(string HintName, string Source)>> emit)
            => context.RegisterSourceOutput(model, (output, m) => Emit(output, diagnostics(m), path(m), () => emit(m)));

        /// <summary>Reports the diagnostics; when there are none, adds the emitted files (all or, on an
        /// emitter bug, none and DSG0000 at <paramref name="path"/>).</summary>
        public static void Emit(SourceProductionContext output, EquatableArray<SpecDiagnostic> diagnostics, string path,
            Func<IEnumerable<(string HintName, string Source)>> emit)
        {
            foreach (var d in diagnostics) output.ReportDiagnostic(ToDiagnostic(d));
            if (diagnostics.Count > 0) return;
            List<(string HintName, string Source)> files;
            try
            {
                files = emit().ToList();
            }
            catch (Exception e) when (!(e is OperationCanceledException))
            {
                output.ReportDiagnostic(ToDiagnostic(new SpecDiagnostic(DiagnosticIds.InternalError,
                    "internal error while emitting code: " + e.GetType().Name + ": " + e.Message, path, 1, 1)));
                return;
            }
            foreach (var (hint, source) in files) output.AddSource(hint, SourceText.From(source, System.Text.Encoding.UTF8));
        }

        /// <summary>One descriptor per id of the catalogue (<see cref="DiagnosticIds.All"/>).</summary>
        private static readonly Dictionary<string, DiagnosticDescriptor> Descriptors = DiagnosticIds.All.ToDictionary(
            i => i.Id,
            i => new DiagnosticDescriptor(i.Id, i.Title, "{0}", "DicomSpecGen.Spec", DiagnosticSeverity.Error, isEnabledByDefault: true));

        /// <summary>The compiler diagnostic of a spec problem, located at its YAML file and line.</summary>
        public static Diagnostic ToDiagnostic(SpecDiagnostic d)
        {
            if (!Descriptors.TryGetValue(d.Id, out var descriptor))
            {
                // An id missing from the catalogue is a bug here; report it rather than lose the problem.
                descriptor = Descriptors[DiagnosticIds.InternalError];
                d = d with { Message = d.Id + " is not in DiagnosticIds.All: " + d.Message };
            }
            var position = new LinePosition(Math.Max(0, d.Line - 1), Math.Max(0, d.Column - 1));
            var location = Location.Create(d.FilePath, new TextSpan(0, 0), new LinePositionSpan(position, position));
            return Diagnostic.Create(descriptor, location, d.Message);
        }
    }

    /// <summary>One additional file, equatable so the steps after it cache.</summary>
    internal sealed record SpecText(string Path, string Text);
}
