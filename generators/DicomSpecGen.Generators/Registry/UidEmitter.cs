using System.Collections.Generic;
using DicomSpecGen.Generators.Common;
using DicomSpecGen.Spec.Registry;

namespace DicomSpecGen.Generators.Registry
{
    /// <summary>Emits DicomUids (a constant per UID and a lookup), DicomUidInfo and DicomUidType (PS3.6 Annex A).</summary>
    internal static class UidEmitter
    {
        public static List<string> Types(UidRegistry model)
        {
            var types = new List<string>();
            foreach (var u in model.Uids) if (!types.Contains(u.Type)) types.Add(u.Type);
            return types;
        }

        public static string Emit(UidRegistry model)
        {
            var cite = "PS3.6 Table A-1 and Table A-2 (" + model.Edition + ")";
            var w = new CodeWriter();
            w.Line(CodeWriter.Header.TrimEnd('\n'));
            w.Line("using System.Collections.Generic;");
            w.Line("using System.Diagnostics.CodeAnalysis;").Line();
            w.Line("namespace " + RegistryGenerator.Namespace + ";").Line();

            w.Doc("The UID Type column of the UID registry.", cite);
            w.Open("public enum DicomUidType");
            foreach (var t in Types(model)) w.Doc(t + ".", cite).Line(Naming.Pascal(t) + ",");
            w.Close().Line();

            w.Doc("One row of the UID registry.", cite);
            w.Open("public sealed class DicomUidInfo");
            w.Line("internal DicomUidInfo(string uid, string name, string keyword, DicomUidType type, bool isRetired, string info)");
            w.Line("{").Line("    Uid = uid; Name = name; Keyword = keyword; Type = type; IsRetired = isRetired; Info = info;").Line("}").Line();
            w.Doc("The UID value.", cite).Line("public string Uid { get; }");
            w.Doc("The UID Name, without \"(Retired)\" and without the text after \":\".", cite).Line("public string Name { get; }");
            w.Doc("The UID Keyword (\"\" for unnamed retired placeholders).", cite).Line("public string Keyword { get; }");
            w.Doc("The UID Type.", cite).Line("public DicomUidType Type { get; }");
            w.Doc("True when the standard marks the UID \"(Retired)\".", cite).Line("public bool IsRetired { get; }");
            w.Doc("The text after \":\" in the UID Name, e.g. \"Default Transfer Syntax for DICOM\"; else \"\".", cite).Line("public string Info { get; }");
            w.Doc("The name and UID.").Line("public override string ToString() => Name.Length > 0 ? Name + \" (\" + Uid + \")\" : Uid;");
            w.Close().Line();

            w.Doc("Every UID of the DICOM UID registry as a constant named by its keyword, and a lookup by UID value.", cite);
            w.Open("public static partial class DicomUids");
            foreach (var u in model.Uids)
            {
                if (u.Keyword.Length == 0) continue;
                var summary = u.Title + (u.Info.Length > 0 ? ": " + u.Info : "") + ".";
                var remarks = u.Type + (u.Retired ? ", retired" : "") + ". " + u.Source;
                w.Doc(summary, remarks);
                w.Line($"public const string {u.Keyword} = {CodeWriter.Literal(u.Uid)};");
            }
            w.Line();
            w.Doc("The number of registry rows.", cite).Line($"public const int Count = {model.Uids.Count};").Line();
            w.Doc("Every registry row in the standard's order.", cite).Line("public static IReadOnlyList<DicomUidInfo> All => s_all;").Line();
            w.Open("private static readonly DicomUidInfo[] s_all =");
            foreach (var u in model.Uids)
            {
                w.Line($"new({CodeWriter.Literal(u.Uid)}, {CodeWriter.Literal(u.Title)}, {CodeWriter.Literal(u.Keyword)}, DicomUidType.{Naming.Pascal(u.Type)}, {(u.Retired ? "true" : "false")}, {CodeWriter.Literal(u.Info)}),");
            }
            w.Close(";").Line();
            w.Doc("Looks a UID up in the registry (O(1): a compiled string switch).", cite);
            w.Open("public static bool TryGetInfo(string uid, [NotNullWhen(true)] out DicomUidInfo? info)");
            w.Line("var index = IndexOf(uid);");
            w.Line("info = index < 0 ? null : s_all[index];");
            w.Line("return info != null;");
            w.Close().Line();
            w.Doc("The registry name of a UID, or the UID itself when it is not registered (for logs).", cite);
            w.Line("public static string Describe(string uid) => TryGetInfo(uid, out var info) && info.Name.Length > 0 ? info.Name : uid;").Line();
            w.Open("private static int IndexOf(string uid) => uid switch");
            for (var i = 0; i < model.Uids.Count; i++) w.Line($"{CodeWriter.Literal(model.Uids[i].Uid)} => {i},");
            w.Line("_ => -1,");
            w.Close(";");
            w.Close();
            return w.ToString();
        }
    }
}
