using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Registry;

namespace DicomSpecGen.Generators.Registry
{
    /// <summary>Emits the DicomVr enum and its properties (PS3.5 Table 6.2-1, Section 7.1.2).</summary>
    internal static class VrEmitter
    {
        public static string Emit(VrTable table)
        {
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("namespace " + RegistryGenerator.Namespace + ";").Line();
            w.Doc("A Value Representation; the value is the two ASCII characters as a big-endian 16-bit number.",
                "PS3.5 Table 6.2-1 (" + table.Edition + ")");
            w.Open("public enum DicomVr : ushort");
            w.Doc("No VR: Item, Item Delimitation Item, Sequence Delimitation Item, or an unknown VR.", "PS3.5 Section 7.5 (" + table.Edition + ")");
            w.Line("None = 0,");
            foreach (var vr in table.Vrs)
            {
                w.Doc(vr.Code + ": " + vr.Title + ".", vr.Source.ToString());
                w.Line($"{vr.Code} = 0x{((vr.Code[0] << 8) | vr.Code[1]):X4},");
            }
            w.Close();
            w.Line();
            w.Doc("What a VR's value holds.", "PS3.5 Section 6.2 (" + table.Edition + ")");
            w.Open("public enum DicomVrKind");
            w.Doc("No value of its own (None).").Line("None,");
            w.Doc("A character string, padded to even length.").Line("Text,");
            w.Doc("Fixed-size binary numbers in the transfer syntax's byte order.").Line("Binary,");
            w.Doc("Opaque bytes or words (OB, OD, OF, OL, OV, OW, UN).").Line("Bytes,");
            w.Doc("A sequence of items (SQ).").Line("Sequence,");
            w.Close();
            w.Line();
            w.Doc("Properties of each VR.", "PS3.5 Table 6.2-1 and Section 7.1.2 (" + table.Edition + ")");
            w.Open("public static class DicomVrs");
            w.Doc("Maps two header bytes to a VR; false for a VR not in PS3.5 Table 6.2-1.", "PS3.5 Section 7.1.2 (" + table.Edition + ")");
            w.Open("public static bool TryParse(byte first, byte second, out DicomVr vr)");
            w.Line("vr = (DicomVr)((first << 8) | second);");
            w.Open("switch (vr)");
            foreach (var vr in table.Vrs) w.Line($"case DicomVr.{vr.Code}:");
            w.Line("    return true;");
            w.Line("default:");
            w.Line("    vr = DicomVr.None;");
            w.Line("    return false;");
            w.Close();
            w.Close();
            w.Line();
            w.Doc("True when the Explicit VR header has 2 reserved bytes and a 4-byte Value Length (PS3.5 Table 7.1-1).", "PS3.5 Section 7.1.2 (" + table.Edition + ")");
            w.Open("public static bool HasLongLength(DicomVr vr) => vr switch");
            foreach (var vr in table.Vrs) if (vr.LengthField == 4) w.Line($"DicomVr.{vr.Code} => true,");
            w.Line("_ => false,");
            w.Close(";");
            w.Line();
            w.Doc("The byte that pads a value to even length: space for text VRs, zero for UI and byte VRs.", "PS3.5 Section 6.2 (" + table.Edition + ")");
            w.Open("public static byte PaddingByte(DicomVr vr) => vr switch");
            foreach (var vr in table.Vrs) if (vr.Padding == "space") w.Line($"DicomVr.{vr.Code} => (byte)' ',");
            w.Line("_ => (byte)0,");
            w.Close(";");
            w.Line();
            w.Doc("What the VR's value holds.", "PS3.5 Table 6.2-1 (" + table.Edition + ")");
            w.Open("public static DicomVrKind Kind(DicomVr vr) => vr switch");
            foreach (var vr in table.Vrs) w.Line($"DicomVr.{vr.Code} => DicomVrKind.{char.ToUpperInvariant(vr.Kind[0]) + vr.Kind.Substring(1)},");
            w.Line("_ => DicomVrKind.None,");
            w.Close(";");
            w.Line();
            w.Doc("Bytes per value of a fixed-size VR (AT, FL, FD, SL, SS, SV, UL, US, UV, OD, OF, OL, OV, OW), else 0.", "PS3.5 Table 6.2-1 (" + table.Edition + ")");
            w.Open("public static int ValueSize(DicomVr vr) => vr switch");
            foreach (var vr in table.Vrs) if (vr.Size > 0) w.Line($"DicomVr.{vr.Code} => {vr.Size},");
            w.Line("_ => 0,");
            w.Close(";");
            w.Line();
            w.Doc("The two-letter code, e.g. \"PN\"; \"\" for None.", "PS3.5 Table 6.2-1 (" + table.Edition + ")");
            w.Open("public static string Code(DicomVr vr) => vr switch");
            foreach (var vr in table.Vrs) w.Line($"DicomVr.{vr.Code} => \"{vr.Code}\",");
            w.Line("_ => \"\",");
            w.Close(";");
            w.Close();
            return w.ToString();
        }
    }
}
