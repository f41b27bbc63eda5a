using System.Linq;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Registry;

namespace DicomSpecGen.Generators.Registry
{
    /// <summary>Emits TransferSyntax: one descriptor per Transfer Syntax row of uids.yaml with its
    /// PS3.5 Annex A encoding, and a lookup by UID.</summary>
    internal static class TransferSyntaxEmitter
    {
        public static string Emit(UidRegistry model)
        {
            var cite = "PS3.5 Section 10 and Annex A; PS3.6 Table A-1 (" + model.Edition + ")";
            var rows = model.Uids.Where(u => u.TransferSyntax != null).ToList();
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Diagnostics.CodeAnalysis;").Line();
            w.Line("namespace " + RegistryGenerator.Namespace + ";").Line();
            w.Doc("How a transfer syntax carries Pixel Data.", cite);
            w.Open("public enum TransferSyntaxPixelData");
            w.Doc("Native (uncompressed) Pixel Data with a defined length.", "PS3.5 Section A.1-A.3 (2013)").Line("Native,");
            w.Doc("Encapsulated: undefined length, a Basic Offset Table item then one item per fragment.", "PS3.5 Section A.4 (2013)").Line("Encapsulated,");
            w.Doc("Pixel Data is referenced (JPIP), not present.", "PS3.5 Section A.6 (2013)").Line("Referenced,");
            w.Doc("No Pixel Data, or not a binary Data Set encoding.", cite).Line("None,");
            w.Close().Line();

            w.Doc("A transfer syntax and how it encodes a Data Set.", cite);
            w.Open("public sealed partial class TransferSyntax");
            w.Line("private TransferSyntax(string uid, string name, string keyword, bool isExplicitVr, bool isBigEndian, bool isDeflated, TransferSyntaxPixelData pixelData, bool isRetired, bool isDataSetEncoding)");
            w.Line("{");
            w.Line("    Uid = uid; Name = name; Keyword = keyword; IsExplicitVr = isExplicitVr; IsBigEndian = isBigEndian;");
            w.Line("    IsDeflated = isDeflated; PixelData = pixelData; IsRetired = isRetired; IsDataSetEncoding = isDataSetEncoding;");
            w.Line("}").Line();
            w.Doc("The transfer syntax UID.", cite).Line("public string Uid { get; }");
            w.Doc("The registry name.", cite).Line("public string Name { get; }");
            w.Doc("The registry keyword.", cite).Line("public string Keyword { get; }");
            w.Doc("Explicit VR (PS3.5 Section 7.1.2) rather than Implicit VR (Section 7.1.3).", cite).Line("public bool IsExplicitVr { get; }");
            w.Doc("Big endian byte order (PS3.5 Section 7.3).", cite).Line("public bool IsBigEndian { get; }");
            w.Doc("The Data Set is deflated (RFC 1951, no zlib header) after the File Meta Information.", "PS3.5 Section A.5 (2013)").Line("public bool IsDeflated { get; }");
            w.Doc("How Pixel Data is carried.", cite).Line("public TransferSyntaxPixelData PixelData { get; }");
            w.Doc("Pixel Data is encapsulated (compressed fragments).", "PS3.5 Section A.4 (2013)").Line("public bool IsEncapsulated => PixelData == TransferSyntaxPixelData.Encapsulated;");
            w.Doc("The standard marks the transfer syntax retired.", cite).Line("public bool IsRetired { get; }");
            w.Doc("False for the retired MIME and XML transfer syntaxes, which are not binary Data Set encodings.", cite).Line("public bool IsDataSetEncoding { get; }");
            w.Doc("The name.").Line("public override string ToString() => Name;").Line();
            foreach (var u in rows)
            {
                var e = u.TransferSyntax!;
                var pixel = Naming.Pascal(e.PixelData);
                w.Doc(u.Title + (u.Info.Length > 0 ? ": " + u.Info : "") + ".",
                    $"{(e.Vr == "none" ? "Not a binary Data Set encoding" : (e.Vr == "explicit" ? "Explicit VR " : "Implicit VR ") + (e.ByteOrder == "big" ? "Big Endian" : "Little Endian"))}{(e.Deflated ? ", deflated" : "")}, pixel data {e.PixelData}{(u.Retired ? ", retired" : "")}. {e.Source}; {u.Source}");
                w.Line($"public static readonly TransferSyntax {u.Keyword} = new({CodeWriter.Literal(u.Uid)}, {CodeWriter.Literal(u.Title)}, {CodeWriter.Literal(u.Keyword)}, {B(e.Vr == "explicit")}, {B(e.ByteOrder == "big")}, {B(e.Deflated)}, TransferSyntaxPixelData.{pixel}, {B(u.Retired)}, {B(e.Vr != "none")});");
            }
            w.Line();
            w.Doc("Every transfer syntax of the registry.", cite);
            w.Open("public static IReadOnlyList<TransferSyntax> All { get; } = new[]");
            foreach (var u in rows) w.Line(u.Keyword + ",");
            w.Close(";").Line();
            w.Doc("Looks a transfer syntax up by UID (O(1): a compiled string switch).", cite);
            w.Open("public static bool TryGet(string uid, [NotNullWhen(true)] out TransferSyntax? transferSyntax)");
            w.Open("transferSyntax = uid switch");
            foreach (var u in rows) w.Line($"{CodeWriter.Literal(u.Uid)} => {u.Keyword},");
            w.Line("_ => null,");
            w.Close(";");
            w.Line("return transferSyntax != null;");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string B(bool value) => value ? "true" : "false";
    }
}
