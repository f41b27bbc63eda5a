using System.Collections.Generic;
using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Pdu;

namespace DicomSpecGen.Generators.Pdu
{
    /// <summary>Emits C# for a validated <see cref="PduSpec"/>: value enums, one class per PDU/item/record with its
    /// codec, and the dispatch and framing code. The wire primitives live in the runtime's
    /// <c>DicomSpecGen.Protocol.Wire</c>; everything that is a fact of the standard comes from the spec.</summary>
    internal static class PduEmitter
    {
        public const string Namespace = "DicomSpecGen.Protocol";

        public static IEnumerable<(string HintName, string Source)> Emit(PduSpec spec)
        {
            yield return ("Pdu.Enums.g.cs", EmitEnums(spec));
            yield return ("Pdu.Dispatch.g.cs", EmitDispatch(spec));
            foreach (var s in spec.Structures)
            {
                yield return ($"Pdu.{s.Name}.g.cs", EmitStructure(spec, s));
            }
        }

        private static CodeWriter Start()
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System;");
            w.Line("using System.Buffers;");
            w.Line("using System.Collections.Generic;");
            w.Line("using DicomSpecGen.Protocol.Wire;");
            w.Line();
            w.Line("namespace " + Namespace + ";");
            w.Line();
            return w;
        }

        private static string Cite(Spec.Common.Citation c) => c.ToString();

        // ------------------------------------------------------------------ enums

        private static string EmitEnums(PduSpec spec)
        {
            var w = Start();
            foreach (var e in spec.Enums)
            {
                var qualified = e.QualifiedBy != null;
                w.Doc(e.Title + (qualified ? $" Values are (qualifier << 8) | value, the qualifier being the {e.QualifiedBy}." : "."), Cite(e.Source));
                w.Open($"public enum {e.Name} : {(qualified ? "ushort" : "byte")}");
                foreach (var v in e.Values)
                {
                    w.Doc(v.Meaning, Cite(v.Source));
                    var value = qualified ? $"0x{(v.Qualifier!.Value << 8) | v.Value:X4}" : $"0x{v.Value:X2}";
                    w.Line($"{v.Name} = {value},");
                }
                w.Close();
                w.Line();

                w.Doc($"Meanings and citations of {e.Name} values.", Cite(e.Source));
                w.Open($"public static class {e.Name}Info");
                w.Doc("The standard's wording for a value, or a note that the value is not defined.", Cite(e.Source));
                w.Open($"public static string Meaning(this {e.Name} value) => value switch");
                foreach (var v in e.Values) w.Line($"{e.Name}.{v.Name} => {CodeWriter.Literal(v.Meaning)},");
                w.Line($"_ => \"undefined value \" + ((int)value).ToString(),");
                w.Close(";");
                w.Doc("The spec row that defines a value.", Cite(e.Source));
                w.Open($"public static string Citation(this {e.Name} value) => value switch");
                foreach (var v in e.Values) w.Line($"{e.Name}.{v.Name} => {CodeWriter.Literal(Cite(v.Source))},");
                w.Line($"_ => {CodeWriter.Literal(Cite(e.Source))},");
                w.Close(";");
                if (qualified)
                {
                    w.Doc($"Combines the {e.QualifiedBy} and the wire value into a {e.Name}.", Cite(e.Source));
                    w.Line($"public static {e.Name} FromWire({e.QualifiedBy} qualifier, byte value) => ({e.Name})(((int)qualifier << 8) | value);");
                    w.Doc($"The {e.QualifiedBy} this value belongs to.", Cite(e.Source));
                    w.Line($"public static {e.QualifiedBy} Qualifier(this {e.Name} value) => ({e.QualifiedBy})((int)value >> 8);");
                    w.Doc("The byte sent on the wire.", Cite(e.Source));
                    w.Line($"public static byte ToWire(this {e.Name} value) => (byte)((int)value & 0xFF);");
                }
                w.Close();
                w.Line();
            }

            foreach (var s in spec.Structures)
            {
                foreach (var f in s.Fields.Where(f => f.Bits.Count > 0))
                {
                    w.Doc($"Bits of the {f.Name} field of the {s.Title}.", Cite(f.Source));
                    w.Line("[Flags]");
                    w.Open($"public enum {f.Name} : byte");
                    w.Doc("No bit set.", Cite(f.Source));
                    w.Line("None = 0,");
                    foreach (var b in f.Bits)
                    {
                        w.Doc(b.Description ?? b.Name, Cite(b.Source));
                        w.Line($"{b.Name} = 0x{1 << b.Bit:X2},");
                    }
                    w.Close();
                    w.Line();
                }
            }
            return w.ToString();
        }

        // ------------------------------------------------------------------ dispatch and framing

        private static string EmitDispatch(PduSpec spec)
        {
            var w = Start();
            var pdus = spec.Structures.Where(s => s.Kind == StructureKind.Pdu).ToList();
            var items = spec.Structures.Where(s => s.Kind == StructureKind.Item).ToList();
            var header = pdus.Count > 0 ? pdus[0] : null;
            var itemHeader = items.Count > 0 ? items[0] : null;

            if (header != null)
            {
                var lengthField = header.Fields[2];
                w.Doc("The header common to every PDU, read by the framing layer before the PDU is buffered.", Cite(header.Source));
                w.Open("public static partial class PduFraming");
                w.Doc("Bytes of the PDU-type, reserved and PDU-length fields.", Cite(lengthField.Source));
                w.Line($"public const int HeaderLength = {lengthField.Start! + lengthField.Size! - 1};");
                w.Doc("Reads the PDU-type and PDU-length from the first bytes of a buffer; false when fewer than HeaderLength bytes are there.", Cite(lengthField.Source));
                w.Open("public static bool TryReadHeader(in ReadOnlySequence<byte> buffer, out byte pduType, out uint pduLength)");
                w.Line("Span<byte> header = stackalloc byte[HeaderLength];");
                w.Open("if (buffer.Length < HeaderLength)");
                w.Line("pduType = 0;");
                w.Line("pduLength = 0;");
                w.Line("return false;");
                w.Close();
                w.Line("buffer.Slice(0, HeaderLength).CopyTo(header);");
                w.Line($"pduType = header[{header.Fields[0].Start! - 1}];");
                w.Line($"pduLength = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.Slice({lengthField.Start! - 1}));");
                w.Line("return true;");
                w.Close();
                w.Doc("Whether a PDU-type byte names a PDU the standard defines.", Cite(header.Source));
                w.Line("public static bool IsKnownPduType(byte pduType) => pduType is " + string.Join(" or ", pdus.Select(p => $"0x{p.Code:X2}")) + ";");
                w.Close();
                w.Line();
            }

            w.Doc("A protocol data unit of the DICOM Upper Layer.", "PS3.8 Section 9.3");
            w.Open("public abstract partial class Pdu : IPduStructure");
            w.Doc("The PDU-type byte.", "PS3.8 Section 9.3.1");
            w.Line("public abstract byte PduType { get; }");
            EmitAbstractMembers(w, "PDU", "PS3.8 Section 9.3.1");
            w.Line();
            w.Doc("Parses one whole PDU (header included). Malformed input throws PduFormatException naming the field, the rule and the A-ABORT reason.", "PS3.8 Section 9.3");
            w.Open("public static Pdu Read(in ReadOnlySequence<byte> buffer)");
            w.Line("var reader = new SequenceReader<byte>(buffer);");
            w.Line("var pdu = Read(ref reader, buffer.Length);");
            w.Line("WireRead.ExpectEnd(ref reader, buffer.Length, pdu.Title);");
            w.Line("return pdu;");
            w.Close();
            w.Line();
            w.Doc("Parses one PDU starting at the reader's position and ending at or before end.", "PS3.8 Section 9.3");
            w.Open("public static Pdu Read(ref SequenceReader<byte> reader, long end)");
            w.Open("if (!reader.TryPeek(out var type))");
            w.Line("throw new PduFormatException(WireRead.EmptyPdu, \"no bytes\", AbortReason.InvalidPduParameterValue);");
            w.Close();
            w.Open("return type switch");
            foreach (var p in pdus) w.Line($"0x{p.Code:X2} => {p.Name}.ReadFrom(ref reader, end),");
            w.Line("_ => throw new PduFormatException(WireRead.EmptyPdu, $\"PDU-type 0x{type:X2} is not defined\", AbortReason.UnrecognizedPdu),");
            w.Close(";");
            w.Close();
            w.Close();
            w.Line();

            w.Doc("An item or sub-item of a PDU's variable field.", "PS3.8 Section 9.3.2");
            w.Open("public abstract partial class PduItem : IPduStructure");
            w.Doc("The Item-type byte.", "PS3.8 Section 9.3.2");
            w.Line("public abstract byte ItemType { get; }");
            EmitAbstractMembers(w, "item", "PS3.8 Section 9.3.2");
            w.Line();
            w.Doc("Parses one item by its Item-type; an item of a type the standard does not define is kept as an UnknownItem.", "PS3.8 Section 9.3.2");
            w.Open("public static PduItem Read(ref SequenceReader<byte> reader, long end, SpecField field)");
            w.Open("if (!reader.TryPeek(out var type))");
            w.Line("throw new PduFormatException(field, \"item truncated before its Item-type\", AbortReason.InvalidPduParameterValue);");
            w.Close();
            w.Open("return type switch");
            foreach (var i in items) w.Line($"0x{i.Code:X2} => {i.Name}.ReadFrom(ref reader, end),");
            w.Line("_ => UnknownItem.ReadFrom(ref reader, end, field),");
            w.Close(";");
            w.Close();
            w.Close();
            w.Line();

            if (itemHeader != null)
            {
                var lf = itemHeader.Fields[2];
                w.Doc("An item whose Item-type the standard (as transcribed) does not define: kept whole and written back unchanged.", Cite(lf.Source));
                w.Open("public sealed partial class UnknownItem : PduItem");
                w.Doc("Bytes of the common item header: Item-type, one byte, Item-length.", Cite(lf.Source));
                w.Line($"public const int HeaderLength = {lf.Start! + lf.Size! - 1};");
                w.Doc("The Item-type byte as received.", Cite(itemHeader.Fields[0].Source));
                w.Line("public byte Type { get; init; }");
                w.Doc("The second header byte as received (reserved in most items).", Cite(itemHeader.Fields[1].Source));
                w.Line("public byte SecondByte { get; init; }");
                w.Doc("The item's bytes after the Item-length field.", Cite(lf.Source));
                w.Line("public ReadOnlyMemory<byte> Value { get; init; }");
                w.Doc("The Item-type byte.", Cite(itemHeader.Fields[0].Source));
                w.Line("public override byte ItemType => Type;");
                w.Doc("Item of unknown type.", Cite(lf.Source));
                w.Line("public override string Title => \"Unknown item 0x\" + Type.ToString(\"X2\");");
                w.Doc("Header plus value.", Cite(lf.Source));
                w.Line("public override int GetEncodedLength() => HeaderLength + Value.Length;");
                w.Line($"private static readonly SpecField s_length = new(\"Unknown item\", {CodeWriter.Literal(lf.Name)}, {CodeWriter.Literal(Cite(lf.Source))});");
                w.Doc("Writes the item back as received.", Cite(lf.Source));
                w.Open("public override void Write(IBufferWriter<byte> writer)");
                w.Line("WireWrite.U8(writer, Type);");
                w.Line("WireWrite.U8(writer, SecondByte);");
                w.Line($"WireWrite.Length(writer, {lf.Size}, Value.Length, s_length);");
                w.Line("WireWrite.Bytes(writer, Value.Span);");
                w.Close();
                w.Doc("Type and value.", Cite(lf.Source));
                w.Open("public override IEnumerable<PduFieldValue> DescribeFields()");
                w.Line($"yield return new PduFieldValue(\"ItemType\", \"0x\" + Type.ToString(\"X2\"), {CodeWriter.Literal(Cite(itemHeader.Fields[0].Source))});");
                w.Line($"yield return new PduFieldValue(\"Value\", Value.Length.ToString() + \" bytes\", {CodeWriter.Literal(Cite(lf.Source))});");
                w.Close();
                w.Doc("Reads an item of unknown type using the common item header.", Cite(lf.Source));
                w.Open("internal static UnknownItem ReadFrom(ref SequenceReader<byte> reader, long end, SpecField field)");
                w.Line("var type = WireRead.U8(ref reader, end, field);");
                w.Line("var second = WireRead.U8(ref reader, end, field);");
                w.Line($"var itemEnd = WireRead.Length(ref reader, end, {lf.Size}, s_length);");
                w.Line("var value = WireRead.Bytes(ref reader, itemEnd, field);");
                w.Line("return new UnknownItem { Type = type, SecondByte = second, Value = value };");
                w.Close();
                w.Close();
            }
            return w.ToString();
        }

        /// <summary>The IPduStructure members every PDU and item implements.</summary>
        private static void EmitAbstractMembers(CodeWriter w, string noun, string cite)
        {
            w.Doc($"The number of bytes the {noun} takes on the wire, header included.", cite);
            w.Line("public abstract int GetEncodedLength();");
            w.Doc($"Writes the {noun}, header included.", cite);
            w.Line("public abstract void Write(IBufferWriter<byte> writer);");
            w.Doc($"The {noun}'s fields with their values and citations, for traces.", cite);
            w.Line("public abstract IEnumerable<PduFieldValue> DescribeFields();");
            w.Doc($"The {noun}'s title in the standard.", cite);
            w.Line("public abstract string Title { get; }");
        }

        // ------------------------------------------------------------------ one structure

        private static string ReservedType(FieldSpec f) =>
            f.Size == 1 ? "byte" : f.Size == 2 ? "ushort" : f.Size == 4 ? "uint" : "ReadOnlyMemory<byte>";

        private static bool HasMember(FieldSpec f) => f.IsMember || f.Type == FieldType.Reserved;

        private static string ReservedDefault(FieldSpec f)
        {
            if (f.Size > 4) return "";
            var value = 0L;
            for (var i = 0; i < f.Size; i++) value = (value << 8) | f.Value;
            return $" = 0x{value:X};";
        }

        private static string MemberType(FieldSpec f, PduSpec spec)
        {
            if (f.Type == FieldType.Reserved) return ReservedType(f);
            if (f.Bits.Count > 0) return f.Name;
            if (f.Enum != null) return f.Enum;
            switch (f.Type)
            {
                case FieldType.UInt8: return "byte";
                case FieldType.UInt16: return "ushort";
                case FieldType.UInt32: return "uint";
                case FieldType.AeTitle:
                case FieldType.Uid:
                case FieldType.Ascii: return "string";
                case FieldType.Bytes: return "ReadOnlyMemory<byte>";
                case FieldType.Fragment: return "ReadOnlySequence<byte>";
                case FieldType.Items: return "IReadOnlyList<PduItem>";
                case FieldType.List: return $"IReadOnlyList<{f.Of[0]}>";
                default: return "object";
            }
        }

        private static string MemberInitializer(FieldSpec f)
        {
            switch (f.Type)
            {
                case FieldType.AeTitle:
                case FieldType.Uid:
                case FieldType.Ascii: return " = \"\";";
                case FieldType.Items: return " = Array.Empty<PduItem>();";
                case FieldType.List: return $" = Array.Empty<{f.Of[0]}>();";
                case FieldType.UInt8:
                case FieldType.UInt16:
                case FieldType.UInt32:
                    if (f.Default == null) return "";
                    return f.Enum != null || f.Bits.Count > 0 ? $" = ({(f.Bits.Count > 0 ? f.Name : f.Enum)}){f.Default};" : $" = 0x{f.Default:X};";
                default: return "";
            }
        }

        private static string FieldRef(FieldSpec f) => "s_" + char.ToLowerInvariant(f.Name[0]) + f.Name.Substring(1);

        private static string Local(FieldSpec f) => "_" + char.ToLowerInvariant(f.Name[0]) + f.Name.Substring(1);

        /// <summary>C# expression for the encoded size of a member field's value.</summary>
        private static string SizeExpression(FieldSpec f)
        {
            switch (f.Type)
            {
                case FieldType.Uid:
                case FieldType.Ascii: return $"{f.Name}.Length";
                case FieldType.Bytes: return $"{f.Name}.Length";
                case FieldType.Fragment: return $"checked((int){f.Name}.Length)";
                case FieldType.Items: return $"WireSize.Items({f.Name})";
                case FieldType.List: return $"WireSize.List({f.Name})";
                default: return f.Size!.Value.ToString();
            }
        }

        private static string EmitStructure(PduSpec spec, StructureSpec s)
        {
            var w = Start();
            var baseClass = s.Kind == StructureKind.Pdu ? " : Pdu" : s.Kind == StructureKind.Item ? " : PduItem" : " : IPduStructure";
            var over = s.Kind == StructureKind.Record ? "" : "override ";
            w.Doc(s.Title + "." + (s.Description != null ? " " + s.Description : ""), Cite(s.Source));
            if (s.Kind == StructureKind.Record)
            {
                // Records are value types so a list of them can be walked without allocating.
                w.Open($"public readonly partial struct {s.Name} : IPduStructure, IPduRecord<{s.Name}>");
                w.Doc($"A {s.Title} with the table's default values.", Cite(s.Source));
                w.Line($"public {s.Name}() {{ }}");
                w.Line();
            }
            else
            {
                w.Open($"public sealed partial class {s.Name}{baseClass}");
            }

            // Citations of every field, used in errors and traces.
            foreach (var f in s.Fields)
            {
                w.Line($"private static readonly SpecField {FieldRef(f)} = new({CodeWriter.Literal(s.Title)}, {CodeWriter.Literal(f.Name)}, {CodeWriter.Literal(Cite(f.Source))});");
            }
            w.Line();

            if (s.Code != null)
            {
                var codeField = s.Fields[0];
                var codeName = s.Kind == StructureKind.Pdu ? "PDU-type" : "Item-type";
                w.Doc($"The {codeName} of the {s.Title}.", Cite(codeField.Source));
                w.Line($"public const byte TypeCode = 0x{s.Code:X2};");
                w.Doc($"The {codeName}.", Cite(codeField.Source));
                w.Line($"public override byte {(s.Kind == StructureKind.Pdu ? "PduType" : "ItemType")} => TypeCode;");
            }
            w.Doc("The structure's title in the standard.", Cite(s.Source));
            w.Line($"public {over}string Title => {CodeWriter.Literal(s.Title)};");
            w.Line();

            foreach (var f in s.Fields.Where(HasMember))
            {
                if (f.Type == FieldType.Reserved)
                {
                    var fill = f.Size > 4 ? $"; empty sends 0x{f.Value:X2} in each byte" : "";
                    w.Doc($"Reserved, sent as 0x{f.Value:X2} in each byte and not tested when received. Holds the received value so a re-encoded PDU is byte-exact{fill}.",
                        $"{Cite(f.Source)}; bytes {f.Bytes}");
                    w.Line($"public {ReservedType(f)} {f.Name} {{ get; init; }}{ReservedDefault(f)}");
                }
                else
                {
                    w.Doc(f.Description ?? Humanize(f.Name) + ".", $"{Cite(f.Source)}; bytes {f.Bytes}");
                    w.Line($"public {MemberType(f, spec)} {f.Name} {{ get; init; }}{MemberInitializer(f)}");
                    if (f.Type == FieldType.AeTitle)
                    {
                        // The one source of the AE title length: callers validating a configured title use it.
                        w.Doc($"Bytes of the {f.Name} field: the most significant characters an AE title can have here, space padded.",
                            $"{Cite(f.Source)}; bytes {f.Bytes}");
                        w.Line($"public const int {f.Name}Size = {f.Size};");
                    }
                }
                w.Line();
            }

            EmitEncodedLength(w, s, over);
            EmitWrite(w, s, over);
            EmitDescribe(w, s, over);
            EmitRead(w, s);
            w.Close();
            return w.ToString();
        }

        private static string Humanize(string name)
        {
            var sb = new System.Text.StringBuilder();
            foreach (var c in name)
            {
                if (char.IsUpper(c) && sb.Length > 0) sb.Append(' ');
                sb.Append(sb.Length == 0 ? c : char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        private static void EmitEncodedLength(CodeWriter w, StructureSpec s, string over)
        {
            w.Doc("The number of bytes this structure takes on the wire, its own header included.", Cite(s.Source));
            w.Open($"public {over}int GetEncodedLength()");
            var fixedPart = s.Fields.Where(f => !f.IsVariable).Sum(f => f.Size ?? 0);
            var variable = s.Fields.Where(f => f.IsVariable).Select(SizeExpression).ToList();
            w.Line($"return {string.Join(" + ", new[] { fixedPart.ToString() }.Concat(variable))};");
            w.Close();
            w.Line();
        }

        private static void EmitWrite(CodeWriter w, StructureSpec s, string over)
        {
            w.Doc("Writes the structure in the byte order and layout of its table; length fields are computed.", Cite(s.Source));
            w.Open($"public {over}void Write(IBufferWriter<byte> writer)");
            var consumed = 0;
            foreach (var f in s.Fields)
            {
                var r = FieldRef(f);
                switch (f.Type)
                {
                    case FieldType.Code: w.Line("WireWrite.U8(writer, TypeCode);"); break;
                    case FieldType.Reserved:
                        if (f.Size == 1) w.Line($"WireWrite.U8(writer, {f.Name});");
                        else if (f.Size == 2) w.Line($"WireWrite.U16(writer, {f.Name});");
                        else if (f.Size == 4) w.Line($"WireWrite.U32(writer, {f.Name});");
                        else w.Line($"WireWrite.Reserved(writer, {f.Name}.Span, {f.Size}, 0x{f.Value:X2});");
                        break;
                    case FieldType.Length:
                        if (f.LengthOf == null)
                            w.Line($"WireWrite.Length(writer, {f.Size}, GetEncodedLength() - {consumed + f.Size}, {r});");
                        else
                            w.Line($"WireWrite.Length(writer, {f.Size}, {SizeExpression(s.Fields.First(x => x.Name == f.LengthOf))}, {r});");
                        break;
                    case FieldType.UInt8: w.Line($"WireWrite.U8(writer, (byte){f.Name});"); break;
                    case FieldType.UInt16: w.Line($"WireWrite.U16(writer, (ushort){f.Name});"); break;
                    case FieldType.UInt32: w.Line($"WireWrite.U32(writer, (uint){f.Name});"); break;
                    case FieldType.AeTitle: w.Line($"WireWrite.AeTitle(writer, {f.Name}, {f.Size}, {r});"); break;
                    case FieldType.Uid: w.Line($"WireWrite.Uid(writer, {f.Name}, {r});"); break;
                    case FieldType.Ascii: w.Line($"WireWrite.Ascii(writer, {f.Name}, {f.MinLength ?? 0}, {f.MaxLength ?? ushort.MaxValue}, {r});"); break;
                    case FieldType.Bytes: w.Line($"WireWrite.Bytes(writer, {f.Name}.Span);"); break;
                    case FieldType.Fragment: w.Line($"WireWrite.Sequence(writer, {f.Name});"); break;
                    case FieldType.Items:
                        w.Line($"for (var i = 0; i < {f.Name}.Count; i++) {f.Name}[i].Write(writer);");
                        break;
                    case FieldType.List:
                        w.Line($"for (var i = 0; i < {f.Name}.Count; i++) {f.Name}[i].Write(writer);");
                        break;
                }
                consumed += f.Size ?? 0;
            }
            w.Close();
            w.Line();
        }

        private static void EmitDescribe(CodeWriter w, StructureSpec s, string over)
        {
            w.Doc("Every field of the structure with its decoded value and the spec row it comes from.", Cite(s.Source));
            w.Open($"public {over}IEnumerable<PduFieldValue> DescribeFields()");
            var consumed = 0;
            foreach (var f in s.Fields)
            {
                var cite = CodeWriter.Literal(Cite(f.Source));
                var name = CodeWriter.Literal(f.Name);
                string value;
                switch (f.Type)
                {
                    case FieldType.Code: value = "\"0x\" + TypeCode.ToString(\"X2\")"; break;
                    case FieldType.Reserved:
                        value = f.Size > 4 ? $"{f.Name}.IsEmpty ? \"0x{f.Value:X2} x {f.Size}\" : Convert.ToHexString({f.Name}.Span)" : $"\"0x\" + {f.Name}.ToString(\"X{f.Size * 2}\")";
                        break;
                    case FieldType.Length:
                        value = f.LengthOf == null
                            ? $"(GetEncodedLength() - {consumed + f.Size}).ToString()"
                            : $"({SizeExpression(s.Fields.First(x => x.Name == f.LengthOf))}).ToString()";
                        break;
                    case FieldType.UInt8:
                    case FieldType.UInt16:
                    case FieldType.UInt32:
                        value = f.Enum != null
                            ? $"{f.Name}.ToString() + \" (\" + {f.Name}.Meaning() + \")\""
                            : f.Bits.Count > 0 ? $"{f.Name}.ToString()" : $"{f.Name}.ToString()";
                        break;
                    case FieldType.AeTitle:
                    case FieldType.Uid:
                    case FieldType.Ascii: value = $"\"\\\"\" + {f.Name} + \"\\\"\""; break;
                    case FieldType.Bytes:
                    case FieldType.Fragment: value = $"{f.Name}.Length.ToString() + \" bytes\""; break;
                    case FieldType.Items:
                    case FieldType.List: value = $"{f.Name}.Count.ToString() + \" item(s)\""; break;
                    default: value = "\"\""; break;
                }
                w.Line($"yield return new PduFieldValue({name}, {value}, {cite});");
                if (f.Type == FieldType.Items)
                {
                    w.Line($"foreach (var item in {f.Name}) yield return new PduFieldValue({name}, item, {cite});");
                }
                if (f.Type == FieldType.List)
                {
                    w.Line($"foreach (var element in {f.Name}) yield return new PduFieldValue({name}, element.DescribeFields(), {CodeWriter.Literal(Cite(f.Source))});");
                }
                consumed += f.Size ?? 0;
            }
            w.Close();
            w.Line();
        }

        private static void EmitRead(CodeWriter w, StructureSpec s)
        {
            w.Doc("Parses the structure from the reader's position; end bounds the enclosing extent. "
                + "Lengths are checked against the extent before anything is read; reserved fields are not tested.", Cite(s.Source));
            w.Open($"public static {s.Name} ReadFrom(ref SequenceReader<byte> reader, long end)");
            EmitFieldReads(w, s.Fields);
            var last = s.Fields.LastOrDefault();
            if (last != null && !last.IsVariable)
            {
                w.Line($"WireRead.ExpectEnd(ref reader, end, {CodeWriter.Literal(s.Title)});");
            }
            w.Open($"return new {s.Name}");
            foreach (var f in s.Fields.Where(HasMember)) w.Line($"{f.Name} = {Local(f)},");
            w.Close(";");
            w.Close();

            // A PDU ending in a list of records can be walked without materialising it (no allocation per element).
            var list = s.Kind == StructureKind.Pdu && last != null && last.Type == FieldType.List ? last : null;
            if (list != null)
            {
                w.Line();
                w.Doc($"Walks the {list.Name} of a whole {s.Title} (header included) without allocating: each element's bytes are slices of the input. "
                    + (list.MinCount != null ? $"The caller checks the count (at least {list.MinCount})." : ""), Cite(list.Source));
                w.Open($"public static PduRecordEnumerator<{list.Of[0]}> Enumerate{list.Name}(in ReadOnlySequence<byte> pdu)");
                w.Line("var reader = new SequenceReader<byte>(pdu);");
                w.Line("long end = pdu.Length;");
                EmitFieldReads(w, new Spec.Common.EquatableArray<FieldSpec>(s.Fields.Take(s.Fields.Count - 1)));
                w.Line($"return new PduRecordEnumerator<{list.Of[0]}>(reader, end);");
                w.Close();
            }
        }

        private static void EmitFieldReads(CodeWriter w, Spec.Common.EquatableArray<FieldSpec> fields)
        {
            var bounded = new Dictionary<string, string>();
            foreach (var f in fields)
            {
                var r = FieldRef(f);
                var local = Local(f);
                var fieldEnd = bounded.TryGetValue(f.Name, out var lengthLocal) ? $"reader.Consumed + {lengthLocal}" : "end";
                switch (f.Type)
                {
                    case FieldType.Code: w.Line($"WireRead.Skip(ref reader, end, 1, {r});"); break;
                    case FieldType.Reserved:
                        if (f.Size == 1) w.Line($"var {local} = WireRead.U8(ref reader, end, {r});");
                        else if (f.Size == 2) w.Line($"var {local} = WireRead.U16(ref reader, end, {r});");
                        else if (f.Size == 4) w.Line($"var {local} = WireRead.U32(ref reader, end, {r});");
                        else w.Line($"var {local} = WireRead.Reserved(ref reader, end, {f.Size}, 0x{f.Value:X2}, {r});");
                        break;
                    case FieldType.Length:
                        if (f.LengthOf == null) w.Line($"end = WireRead.Length(ref reader, end, {f.Size}, {r});");
                        else
                        {
                            w.Line($"var {local} = WireRead.LengthOf(ref reader, end, {f.Size}, {r});");
                            bounded[f.LengthOf] = local;
                        }
                        break;
                    case FieldType.UInt8:
                    case FieldType.UInt16:
                    case FieldType.UInt32:
                        var prim = f.Type == FieldType.UInt8 ? "U8" : f.Type == FieldType.UInt16 ? "U16" : "U32";
                        var cast = f.Enum != null ? $"({f.Enum})" : f.Bits.Count > 0 ? $"({f.Name})" : "";
                        w.Line($"var {local} = {cast}WireRead.{prim}(ref reader, end, {r});");
                        break;
                    case FieldType.AeTitle:
                        w.Line($"var {local} = WireRead.AeTitle(ref reader, end, {f.Size}, {(f.Tested ? "true" : "false")}, {r});");
                        break;
                    case FieldType.Uid: w.Line($"var {local} = WireRead.Uid(ref reader, {fieldEnd}, {r});"); break;
                    case FieldType.Ascii:
                        w.Line($"var {local} = WireRead.Ascii(ref reader, {fieldEnd}, {f.MinLength ?? 0}, {f.MaxLength ?? ushort.MaxValue}, {r});");
                        break;
                    case FieldType.Bytes: w.Line($"var {local} = WireRead.Bytes(ref reader, {fieldEnd}, {r});"); break;
                    case FieldType.Fragment: w.Line($"var {local} = WireRead.Fragment(ref reader, {fieldEnd}, {r});"); break;
                    case FieldType.Items:
                        w.Line($"var {local}End = {fieldEnd};");
                        w.Line($"var {local} = new List<PduItem>();");
                        w.Open($"while (reader.Consumed < {local}End)");
                        w.Line($"var item = PduItem.Read(ref reader, {local}End, {r});");
                        w.Open($"if (item is not UnknownItem && item is not ({string.Join(" or ", f.Of)}))");
                        w.Line($"throw new PduFormatException({r}, $\"{{item.Title}} (0x{{item.ItemType:X2}}) is not allowed here; allowed: {string.Join(", ", f.Of)}\", AbortReason.UnexpectedPduParameter);");
                        w.Close();
                        w.Line($"{local}.Add(item);");
                        w.Close();
                        break;
                    case FieldType.List:
                        w.Line($"var {local}End = {fieldEnd};");
                        w.Line($"var {local} = new List<{f.Of[0]}>();");
                        w.Line($"while (reader.Consumed < {local}End) {local}.Add({f.Of[0]}.ReadFrom(ref reader, {local}End));");
                        if (f.MinCount != null)
                        {
                            w.Open($"if ({local}.Count < {f.MinCount})");
                            w.Line($"throw new PduFormatException({r}, \"at least {f.MinCount} required, found \" + {local}.Count.ToString(), AbortReason.InvalidPduParameterValue);");
                            w.Close();
                        }
                        break;
                }
            }
        }
    }
}
