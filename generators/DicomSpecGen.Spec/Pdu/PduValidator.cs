using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Pdu
{
    /// <summary>Checks a parsed pdus.yaml for the mistakes a transcriber makes: duplicate codes, byte ranges that
    /// do not add up, references to undefined structures or enums, impossible field orders.</summary>
    internal static class PduValidator
    {
        public static void Validate(PduSpec spec, SpecFileContext context)
        {
            var structures = new Dictionary<string, StructureSpec>();
            foreach (var s in spec.Structures)
            {
                if (structures.ContainsKey(s.Name))
                    context.Report(DiagnosticIds.DuplicateName, s.Line, 1, $"structure '{s.Name}' is defined twice");
                else structures[s.Name] = s;
            }
            var enums = new Dictionary<string, EnumSpec>();
            foreach (var e in spec.Enums)
            {
                if (enums.ContainsKey(e.Name) || structures.ContainsKey(e.Name))
                    context.Report(DiagnosticIds.DuplicateName, e.Line, 1, $"name '{e.Name}' is defined twice");
                else enums[e.Name] = e;
            }

            CheckCodes(spec.Structures.Where(s => s.Kind == StructureKind.Pdu), "PDU-type", context);
            CheckCodes(spec.Structures.Where(s => s.Kind == StructureKind.Item), "Item-type", context);

            foreach (var s in spec.Structures) CheckStructure(s, structures, enums, context);
            foreach (var e in spec.Enums) CheckEnum(e, enums, context);
            CheckPduHeaders(spec, context);
            CheckItemHeaders(spec, context);
        }

        private static void CheckCodes(IEnumerable<StructureSpec> structures, string what, SpecFileContext context)
        {
            var seen = new Dictionary<int, string>();
            foreach (var s in structures)
            {
                if (s.Code == null) continue;
                if (seen.TryGetValue(s.Code.Value, out var other))
                {
                    context.Report(DiagnosticIds.DuplicateCode, s.Line, 1,
                        $"{what} 0x{s.Code.Value:X2} of '{s.Name}' is already used by '{other}'");
                }
                else seen[s.Code.Value] = s.Name;
            }
        }

        private static void CheckStructure(StructureSpec s, Dictionary<string, StructureSpec> structures,
            Dictionary<string, EnumSpec> enums, SpecFileContext context)
        {
            var hasCode = s.Kind != StructureKind.Record;
            if (hasCode && s.Code == null)
                context.Report(DiagnosticIds.MissingKey, s.Line, 1, $"'{s.Name}' is a {s.Kind.ToString().ToLowerInvariant()} and needs a 'code'");
            if (!hasCode && s.Code != null)
                context.Report(DiagnosticIds.InvalidValue, s.Line, 1, $"'{s.Name}' is a record and has no type code");
            if (s.Code != null && (s.Code < 0 || s.Code > 0xFF))
                context.Report(DiagnosticIds.InvalidValue, s.Line, 1, $"type code 0x{s.Code:X} of '{s.Name}' does not fit in one byte");

            var fields = s.Fields;
            if (hasCode && (fields.Count == 0 || fields[0].Type != FieldType.Code))
                context.Report(DiagnosticIds.MisplacedField, s.Line, 1, $"the first field of '{s.Name}' must be its type code (type: code)");

            var names = new HashSet<string>();
            var boundedByLength = new HashSet<string>();
            var structureLengths = 0;
            int? offset = 1;
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                if (!names.Add(f.Name))
                    context.Report(DiagnosticIds.DuplicateName, f.Line, 1, $"field '{f.Name}' appears twice in '{s.Name}'");
                if (f.Type == FieldType.Code && i != 0)
                    context.Report(DiagnosticIds.MisplacedField, f.Line, 1, $"type code field '{f.Name}' must be the first field");

                // Byte ranges: known offsets until the first variable-size field.
                if (offset != null && f.Start != null && f.Start != offset)
                {
                    context.Report(DiagnosticIds.SizeMismatch, f.Line, 1,
                        $"field '{f.Name}' is declared at byte {f.Start} ('{f.Bytes}') but the fields before it end at byte {offset - 1}");
                }
                offset = f.Size != null && offset != null ? offset + f.Size : null;

                if (f.Type == FieldType.Length)
                {
                    if (f.LengthOf == null)
                    {
                        structureLengths++;
                        if (offset == null)
                            context.Report(DiagnosticIds.MisplacedField, f.Line, 1,
                                $"structure length field '{f.Name}' must follow fixed-size fields only, so its own position is known");
                        if (structureLengths > 1)
                            context.Report(DiagnosticIds.MisplacedField, f.Line, 1, $"'{s.Name}' has more than one structure length field");
                    }
                    else
                    {
                        var target = fields.Skip(i + 1).FirstOrDefault(x => x.Name == f.LengthOf);
                        if (target == null)
                            context.Report(DiagnosticIds.UnknownReference, f.Line, 1,
                                $"length field '{f.Name}' gives the length of '{f.LengthOf}', which is not a later field of '{s.Name}'");
                        else if (!target.IsVariable)
                            context.Report(DiagnosticIds.InvalidValue, f.Line, 1,
                                $"length field '{f.Name}' points at fixed-size field '{f.LengthOf}'");
                        else boundedByLength.Add(target.Name);
                    }
                }

                if (f.IsVariable && !boundedByLength.Contains(f.Name) && i != fields.Count - 1)
                {
                    context.Report(DiagnosticIds.MisplacedField, f.Line, 1,
                        $"variable field '{f.Name}' runs to the end of '{s.Name}' but is not its last field; give it a length field (length of: {f.Name})");
                }

                if (f.Type == FieldType.Items)
                {
                    if (f.Of.Count == 0)
                        context.Report(DiagnosticIds.MissingKey, f.Line, 1, $"items field '{f.Name}' needs 'of' (the allowed items)");
                    foreach (var name in f.Of)
                    {
                        if (!structures.TryGetValue(name, out var target) || target.Kind != StructureKind.Item)
                            context.Report(DiagnosticIds.UnknownReference, f.Line, 1, $"items field '{f.Name}' allows '{name}', which is not a defined item");
                    }
                }
                if (f.Type == FieldType.List)
                {
                    if (f.Of.Count != 1 || !structures.TryGetValue(f.Of[0], out var target) || target.Kind != StructureKind.Record)
                        context.Report(DiagnosticIds.UnknownReference, f.Line, 1, $"list field '{f.Name}' needs 'of' naming one defined record");
                }
                if (f.Enum != null && !enums.ContainsKey(f.Enum))
                    context.Report(DiagnosticIds.UnknownReference, f.Line, 1, $"field '{f.Name}' uses enum '{f.Enum}', which is not defined");
                if (f.Type == FieldType.Reserved && (f.Value < 0 || f.Value > 0xFF))
                    context.Report(DiagnosticIds.InvalidValue, f.Line, 1, $"reserved field '{f.Name}' value must be one byte, sent in each of its bytes");
                if (f.Bits.Count > 0 && f.Type != FieldType.UInt8)
                    context.Report(DiagnosticIds.InvalidValue, f.Line, 1, $"bits are defined only on uint8 fields");
                foreach (var b in f.Bits)
                {
                    if (b.Bit < 0 || b.Bit > 7)
                        context.Report(DiagnosticIds.InvalidValue, f.Line, 1, $"bit {b.Bit} of '{f.Name}' is outside 0-7");
                }
                if (f.Enum != null && f.Bits.Count > 0)
                    context.Report(DiagnosticIds.InvalidValue, f.Line, 1, $"field '{f.Name}' cannot have both enum and bits");
            }
        }

        private static void CheckEnum(EnumSpec e, Dictionary<string, EnumSpec> enums, SpecFileContext context)
        {
            if (e.QualifiedBy != null && !enums.ContainsKey(e.QualifiedBy))
                context.Report(DiagnosticIds.UnknownReference, e.Line, 1, $"enum '{e.Name}' is qualified by '{e.QualifiedBy}', which is not defined");
            var names = new HashSet<string>();
            var values = new HashSet<(long?, long)>();
            foreach (var v in e.Values)
            {
                if (!names.Add(v.Name))
                    context.Report(DiagnosticIds.DuplicateName, v.Line, 1, $"value name '{v.Name}' appears twice in enum '{e.Name}'");
                if (!values.Add((v.Qualifier, v.Value)))
                    context.Report(DiagnosticIds.DuplicateCode, v.Line, 1, $"value {v.Value} appears twice in enum '{e.Name}'");
                if (e.QualifiedBy != null && v.Qualifier == null)
                    context.Report(DiagnosticIds.MissingKey, v.Line, 1, $"enum '{e.Name}' is qualified by '{e.QualifiedBy}': value '{v.Name}' needs 'qualifier'");
                if (v.Value < 0 || v.Value > 0xFF || (v.Qualifier != null && (v.Qualifier < 0 || v.Qualifier > 0xFF)))
                    context.Report(DiagnosticIds.InvalidValue, v.Line, 1, $"value '{v.Name}' does not fit in one byte");
            }
        }

        /// <summary>The framing layer reads one header for every PDU, so all PDUs must agree on it.</summary>
        private static void CheckPduHeaders(PduSpec spec, SpecFileContext context)
        {
            foreach (var pdu in spec.Structures.Where(s => s.Kind == StructureKind.Pdu))
            {
                var f = pdu.Fields;
                var ok = f.Count >= 3
                    && f[0].Type == FieldType.Code
                    && f[1].Type == FieldType.Reserved && f[1].Size == 1
                    && f[2].Type == FieldType.Length && f[2].Size == 4 && f[2].LengthOf == null;
                if (!ok)
                    context.Report(DiagnosticIds.InconsistentHeader, pdu.Line, 1,
                        $"PDU '{pdu.Name}' must start with the common PDU header: PDU-type (1 byte), reserved (1 byte), PDU-length (4 bytes)");
            }
        }
    

        /// <summary>Items of unknown type are skipped and kept using the common item header, so all items must share it.</summary>
        private static void CheckItemHeaders(PduSpec spec, SpecFileContext context)
        {
            foreach (var item in spec.Structures.Where(s => s.Kind == StructureKind.Item))
            {
                var f = item.Fields;
                var ok = f.Count >= 3
                    && f[0].Type == FieldType.Code
                    && f[1].Size == 1
                    && f[2].Type == FieldType.Length && f[2].Size == 2 && f[2].LengthOf == null;
                if (!ok)
                    context.Report(DiagnosticIds.InconsistentHeader, item.Line, 1,
                        $"item '{item.Name}' must start with the common item header: Item-type (1 byte), one byte, Item-length (2 bytes)");
            }
        }
    }
}
