using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DicomSpecGen.Spec.Common
{
    /// <summary>Collects diagnostics while one spec file is read.</summary>
    public sealed class SpecFileContext
    {
        public SpecFileContext(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public List<SpecDiagnostic> Diagnostics { get; } = new List<SpecDiagnostic>();

        public bool HasErrors => Diagnostics.Count > 0;

        public void Report(string id, int line, int column, string message)
            => Diagnostics.Add(new SpecDiagnostic(id, message, FilePath, line, column));

        public void Report(string id, YamlNode? node, string message)
            => Report(id, node == null ? 1 : (int)node.Start.Line, node == null ? 1 : (int)node.Start.Column, message);

        /// <summary>Parses the text; a syntax error becomes DSG0001 at the error's position.</summary>
        public YamlMap? LoadRoot(string text)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                if (stream.Documents.Count == 0 || !(stream.Documents[0].RootNode is YamlMappingNode root))
                {
                    Report(DiagnosticIds.YamlSyntax, 1, 1, "the file must hold one YAML mapping");
                    return null;
                }
                return new YamlMap(root, this);
            }
            catch (YamlException e)
            {
                Report(DiagnosticIds.YamlSyntax, (int)e.Start.Line, (int)e.Start.Column, "YAML syntax error: " + e.Message);
                return null;
            }
            catch (InvalidOperationException e)
            {
                // YamlDotNet reports some malformed documents (e.g. duplicate keys) this way, without a position.
                Report(DiagnosticIds.YamlSyntax, 1, 1, "YAML syntax error: " + e.Message);
                return null;
            }
        }
    }

    /// <summary>A YAML mapping with typed, diagnostic-reporting accessors. A missing or malformed value is
    /// reported at its line and yields a default, so one pass finds every problem in a file.</summary>
    public readonly struct YamlMap
    {
        public YamlMap(YamlMappingNode node, SpecFileContext context)
        {
            Node = node;
            Context = context;
        }

        public YamlMappingNode Node { get; }

        public SpecFileContext Context { get; }

        public int Line => (int)Node.Start.Line;

        public YamlNode? Get(string key)
        {
            foreach (var pair in Node.Children)
            {
                if (pair.Key is YamlScalarNode k && k.Value == key) return pair.Value;
            }
            return null;
        }

        public bool Has(string key) => Get(key) != null;

        /// <summary>Reports DSG0005 for each key not in <paramref name="allowed"/> (catches typos).</summary>
        public void CheckKeys(params string[] allowed)
        {
            foreach (var pair in Node.Children)
            {
                var key = (pair.Key as YamlScalarNode)?.Value ?? "";
                if (Array.IndexOf(allowed, key) < 0)
                {
                    Context.Report(DiagnosticIds.UnknownKey, pair.Key,
                        $"unknown key '{key}'; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }

        public string? OptionalString(string key)
        {
            var node = Get(key);
            if (node == null) return null;
            if (node is YamlScalarNode s) return s.Value;
            Context.Report(DiagnosticIds.InvalidValue, node, $"'{key}' must be a scalar");
            return null;
        }

        public string RequiredString(string key)
        {
            var value = OptionalString(key);
            if (value == null && !Has(key)) Context.Report(DiagnosticIds.MissingKey, Node, $"missing required key '{key}'");
            return value ?? "";
        }

        public long? OptionalInteger(string key)
        {
            var node = Get(key);
            if (node == null) return null;
            var text = (node as YamlScalarNode)?.Value ?? "";
            if (TryParseInteger(text, out var value)) return value;
            Context.Report(DiagnosticIds.InvalidValue, node, $"'{key}' must be an integer (decimal or 0x hex), got '{text}'");
            return null;
        }

        public long RequiredInteger(string key)
        {
            var value = OptionalInteger(key);
            if (value == null && !Has(key)) Context.Report(DiagnosticIds.MissingKey, Node, $"missing required key '{key}'");
            return value ?? 0;
        }

        public bool OptionalBool(string key, bool defaultValue)
        {
            var node = Get(key);
            if (node == null) return defaultValue;
            var text = (node as YamlScalarNode)?.Value ?? "";
            if (text == "true" || text == "yes") return true;
            if (text == "false" || text == "no") return false;
            Context.Report(DiagnosticIds.InvalidValue, node, $"'{key}' must be true or false, got '{text}'");
            return defaultValue;
        }

        /// <summary>The row's citation: its 'source' key (DSG0004 when missing) and its 'edition' key,
        /// or the file's edition, and its optional 'since' key.</summary>
        public Citation Citation(string fileEdition)
        {
            var source = OptionalString("source");
            if (string.IsNullOrWhiteSpace(source))
            {
                Context.Report(DiagnosticIds.MissingSource, Node, "row has no 'source' citation (part, table, row/item)");
                source = "";
            }
            var edition = OptionalString("edition") ?? fileEdition;
            var since = OptionalString("since");
            // An edition is a year and an optional letter (2018b); ordinal order is edition order.
            if (since != null && !System.Text.RegularExpressions.Regex.IsMatch(since, "^(19|20)[0-9][0-9][a-e]?$"))
                Context.Report(DiagnosticIds.InvalidValue, Get("since")!, $"'since' must be an edition such as 2018b, got '{since}'");
            else if (since != null && string.CompareOrdinal(since, edition) > 0)
                Context.Report(DiagnosticIds.InvalidValue, Get("since")!, $"'since: {since}' is later than the row's edition {edition}");
            return new Citation(source!, edition, since);
        }

        public IEnumerable<YamlMap> Sequence(string key, bool required = true)
        {
            var node = Get(key);
            if (node == null)
            {
                if (required) Context.Report(DiagnosticIds.MissingKey, Node, $"missing required key '{key}'");
                return Enumerable.Empty<YamlMap>();
            }
            if (!(node is YamlSequenceNode seq))
            {
                Context.Report(DiagnosticIds.InvalidValue, node, $"'{key}' must be a list");
                return Enumerable.Empty<YamlMap>();
            }
            var result = new List<YamlMap>();
            foreach (var child in seq.Children)
            {
                if (child is YamlMappingNode map) result.Add(new YamlMap(map, Context));
                else Context.Report(DiagnosticIds.InvalidValue, child, $"each entry of '{key}' must be a mapping");
            }
            return result;
        }

        public IReadOnlyList<string> StringList(string key)
        {
            var node = Get(key);
            if (node == null) return Array.Empty<string>();
            if (node is YamlScalarNode single) return new[] { single.Value ?? "" };
            if (node is YamlSequenceNode seq)
            {
                return seq.Children.Select(c => (c as YamlScalarNode)?.Value ?? "").ToArray();
            }
            Context.Report(DiagnosticIds.InvalidValue, node, $"'{key}' must be a name or a list of names");
            return Array.Empty<string>();
        }

        public YamlMap? Mapping(string key)
        {
            var node = Get(key);
            if (node == null) return null;
            if (node is YamlMappingNode map) return new YamlMap(map, Context);
            Context.Report(DiagnosticIds.InvalidValue, node, $"'{key}' must be a mapping");
            return null;
        }

        public void Report(string id, string message, string? key = null)
            => Context.Report(id, key == null ? Node : (Get(key) ?? Node), message);

        public static bool TryParseInteger(string text, out long value)
        {
            text = text.Trim();
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(text.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value);
            }
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
        }
    }
}
