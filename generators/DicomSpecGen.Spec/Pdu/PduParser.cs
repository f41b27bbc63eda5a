using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Pdu
{
    /// <summary>Reads pdus.yaml into a <see cref="PduSpec"/>, then validates it. Never throws on bad input:
    /// every problem is a diagnostic at its line.</summary>
    public static class PduParser
    {
        private static readonly Regex FixedRange = new Regex(@"^\s*(\d+)\s*(?:-\s*(\d+))?\s*$");

        // "(x+1)-(x+2)" or "n+1-n+2": a range relative to a variable position; its size is still known.
        private static readonly Regex RelativeRange = new Regex(@"^\(?([a-z])\+(\d+)\)?-\(?([a-z])\+(\d+)\)?$");

        public static PduSpec Parse(string filePath, string text)
        {
            var context = new SpecFileContext(filePath);
            var root = context.LoadRoot(text);
            if (root == null)
            {
                return new PduSpec("", "", EquatableArray<StructureSpec>.Empty, EquatableArray<EnumSpec>.Empty,
                    context.Diagnostics.ToEquatableArray());
            }

            var map = root.Value;
            map.CheckKeys("edition", "document", "structures", "enums");
            var edition = map.RequiredString("edition");
            var document = map.RequiredString("document");
            var structures = map.Sequence("structures").Select(s => ParseStructure(s, edition)).ToList();
            var enums = map.Sequence("enums", required: false).Select(e => ParseEnum(e, edition)).ToList();

            var spec = new PduSpec(edition, document, structures.ToEquatableArray(), enums.ToEquatableArray(),
                EquatableArray<SpecDiagnostic>.Empty);
            PduValidator.Validate(spec, context);
            return spec with { Diagnostics = context.Diagnostics.ToEquatableArray() };
        }

        private static StructureSpec ParseStructure(YamlMap s, string edition)
        {
            s.CheckKeys("name", "kind", "code", "title", "description", "source", "edition", "since", "note", "fields");
            var kindText = s.RequiredString("kind");
            StructureKind kind;
            switch (kindText)
            {
                case "pdu": kind = StructureKind.Pdu; break;
                case "item": kind = StructureKind.Item; break;
                case "record": kind = StructureKind.Record; break;
                default:
                    s.Report(DiagnosticIds.InvalidValue, $"kind must be pdu, item or record, got '{kindText}'", "kind");
                    kind = StructureKind.Record;
                    break;
            }
            var code = s.OptionalInteger("code");
            var fields = s.Sequence("fields").Select(f => ParseField(f, edition)).ToEquatableArray();
            return new StructureSpec(s.RequiredString("name"), kind, (int?)code, s.RequiredString("title"),
                s.OptionalString("description"), s.Citation(edition), fields, s.Line);
        }

        private static FieldSpec ParseField(YamlMap f, string edition)
        {
            f.CheckKeys("name", "bytes", "type", "value", "default", "enum", "of", "tested", "minLength", "maxLength",
                "minCount", "bits", "description", "source", "edition", "since", "note");
            var bytes = f.RequiredString("bytes");
            int? start = null, rangeSize = null;
            var match = FixedRange.Match(bytes);
            if (match.Success)
            {
                start = int.Parse(match.Groups[1].Value);
                var end = match.Groups[2].Success ? int.Parse(match.Groups[2].Value) : start.Value;
                rangeSize = end - start.Value + 1;
            }
            else
            {
                var relative = RelativeRange.Match(bytes.Replace(" ", ""));
                if (relative.Success && relative.Groups[1].Value == relative.Groups[3].Value)
                {
                    rangeSize = int.Parse(relative.Groups[4].Value) - int.Parse(relative.Groups[2].Value) + 1;
                }
            }

            var typeText = f.RequiredString("type");
            var type = FieldType.Bytes;
            int? size = null;
            switch (typeText)
            {
                case "code": type = FieldType.Code; size = 1; break;
                case "reserved": type = FieldType.Reserved; size = rangeSize; break;
                case "length": type = FieldType.Length; size = rangeSize; break;
                case "uint8": type = FieldType.UInt8; size = 1; break;
                case "uint16": type = FieldType.UInt16; size = 2; break;
                case "uint32": type = FieldType.UInt32; size = 4; break;
                case "ae": type = FieldType.AeTitle; size = 16; break;
                case "uid": type = FieldType.Uid; break;
                case "ascii": type = FieldType.Ascii; break;
                case "bytes": type = FieldType.Bytes; break;
                case "fragment": type = FieldType.Fragment; break;
                case "items": type = FieldType.Items; break;
                case "list": type = FieldType.List; break;
                default:
                    f.Report(DiagnosticIds.UnknownFieldType,
                        $"unknown field type '{typeText}'; expected code, reserved, length, uint8, uint16, uint32, ae, uid, ascii, bytes, fragment, items or list",
                        "type");
                    break;
            }
            if ((type == FieldType.Reserved || type == FieldType.Length) && rangeSize == null)
            {
                f.Report(DiagnosticIds.SizeMismatch, $"a {typeText} field needs a numeric byte range to give its size, got '{bytes}'", "bytes");
            }
            if (type == FieldType.Length && rangeSize != null && rangeSize != 2 && rangeSize != 4)
            {
                f.Report(DiagnosticIds.SizeMismatch, $"a length field is 2 or 4 bytes, but '{bytes}' spans {rangeSize}", "bytes");
            }
            if (size != null && rangeSize != null && size != rangeSize)
            {
                f.Report(DiagnosticIds.SizeMismatch, $"type {typeText} is {size} byte(s) but bytes '{bytes}' spans {rangeSize}", "bytes");
            }

            var of = f.StringList("of");
            string? lengthOf = null;
            if (type == FieldType.Length && of.Count > 0) lengthOf = of[0];

            var bits = f.Sequence("bits", required: false).Select(b =>
            {
                b.CheckKeys("name", "bit", "description", "source", "edition", "since");
                return new BitSpec(b.RequiredString("name"), (int)b.RequiredInteger("bit"), b.OptionalString("description"),
                    b.Citation(edition));
            }).ToEquatableArray();

            return new FieldSpec(
                f.RequiredString("name"), bytes, start, type, size,
                f.OptionalInteger("value") ?? 0, f.OptionalInteger("default"), f.OptionalString("enum"), lengthOf,
                (type == FieldType.Length ? new string[0] : (IEnumerable<string>)of).ToEquatableArray(),
                f.OptionalBool("tested", true),
                (int?)f.OptionalInteger("minLength"), (int?)f.OptionalInteger("maxLength"), (int?)f.OptionalInteger("minCount"),
                bits, f.OptionalString("description"), f.Citation(edition), f.Line);
        }

        private static EnumSpec ParseEnum(YamlMap e, string edition)
        {
            e.CheckKeys("name", "title", "qualifiedBy", "source", "edition", "since", "note", "values");
            var values = e.Sequence("values").Select(v =>
            {
                v.CheckKeys("name", "value", "qualifier", "meaning", "source", "edition", "since", "note");
                return new EnumValueSpec(v.RequiredString("name"), v.RequiredInteger("value"), v.OptionalInteger("qualifier"),
                    v.RequiredString("meaning"), v.Citation(edition), v.Line);
            }).ToEquatableArray();
            return new EnumSpec(e.RequiredString("name"), e.RequiredString("title"), e.OptionalString("qualifiedBy"),
                e.Citation(edition), values, e.Line);
        }
    }
}
