using System.Collections.Generic;
using DicomSpecGen.Spec.Common;

namespace DicomSpecGen.Spec.Registry
{
    /// <summary>Reads spec/part06/uids.yaml (PS3.6 Annex A) into a <see cref="UidRegistry"/>.</summary>
    public static class UidParser
    {
        public const string FileName = "uids.yaml";

        public static UidRegistry Parse(string path, string text)
        {
            var context = new SpecFileContext(path);
            var root = context.LoadRoot(text);
            var entries = new List<UidEntry>();
            var edition = "";
            if (root is YamlMap map)
            {
                map.CheckKeys("edition", "document", "uids");
                edition = map.RequiredString("edition");
                var seenUids = new Dictionary<string, int>();
                var seenKeywords = new Dictionary<string, int>();
                foreach (var row in map.Sequence("uids"))
                {
                    var entry = ParseRow(row, edition);
                    if (seenUids.TryGetValue(entry.Uid, out var firstLine))
                    {
                        row.Report(DiagnosticIds.Registry.DuplicateUid, $"UID {entry.Uid} is already defined at line {firstLine}", "uid");
                    }
                    else
                    {
                        seenUids.Add(entry.Uid, row.Line);
                    }
                    if (entry.Keyword.Length > 0)
                    {
                        if (seenKeywords.TryGetValue(entry.Keyword, out var kwLine))
                            row.Report(DiagnosticIds.Registry.DuplicateKeyword, $"keyword {entry.Keyword} is already used at line {kwLine}", "keyword");
                        else
                            seenKeywords.Add(entry.Keyword, row.Line);
                    }
                    entries.Add(entry);
                }
            }
            return new UidRegistry(edition, entries.ToEquatableArray(), context.Diagnostics.ToEquatableArray());
        }

        private static UidEntry ParseRow(YamlMap row, string edition)
        {
            row.CheckKeys("uid", "title", "keyword", "type", "retired", "info", "transferSyntax", "source", "edition", "since");
            var uid = row.RequiredString("uid");
            if (!IsValidUid(uid)) row.Report(DiagnosticIds.Registry.BadUid, $"'{uid}' is not a valid UID (digits and dots, no leading zeros, at most 64 characters; PS3.5 Section 9.1)", "uid");
            var title = row.RequiredString("title");
            var keyword = row.RequiredString("keyword");
            var type = row.RequiredString("type");
            var retired = row.OptionalBool("retired", false);
            if (keyword.Length == 0 && !retired)
                row.Report(DiagnosticIds.InvalidValue, "only retired placeholder UIDs may have an empty keyword", "keyword");
            else if (keyword.Length > 0 && !Identifiers.IsIdentifier(keyword))
                row.Report(DiagnosticIds.InvalidValue, $"keyword '{keyword}' is not a C# identifier", "keyword");
            var citation = row.Citation(edition);
            TransferSyntaxEncoding? ts = null;
            var tsMap = row.Mapping("transferSyntax");
            var isTs = type == "Transfer Syntax";
            if (tsMap is YamlMap t)
            {
                if (!isTs) row.Report(DiagnosticIds.Registry.BadTransferSyntax, $"'transferSyntax' is only for rows of type Transfer Syntax, not '{type}'", "transferSyntax");
                ts = ParseEncoding(t, citation.Edition);
            }
            else if (isTs && row.Has("uid"))
            {
                row.Report(DiagnosticIds.Registry.BadTransferSyntax, $"transfer syntax {uid} needs 'transferSyntax' (its encoding per PS3.5 Annex A)");
            }
            return new UidEntry(uid, title, keyword, type, retired, row.OptionalString("info") ?? "", ts, citation, row.Line);
        }

        private static TransferSyntaxEncoding ParseEncoding(YamlMap t, string edition)
        {
            t.CheckKeys("vr", "byteOrder", "deflated", "pixelData", "source", "edition", "since");
            var vr = OneOf(t, "vr", "implicit", "explicit", "none");
            var order = OneOf(t, "byteOrder", "little", "big", "none");
            var pixel = OneOf(t, "pixelData", "native", "encapsulated", "referenced", "none");
            var deflated = t.OptionalBool("deflated", false);
            if ((vr == "none") != (order == "none"))
                t.Report(DiagnosticIds.Registry.BadTransferSyntax, "vr and byteOrder must both be 'none' or both be set", "byteOrder");
            if (vr == "implicit" && order == "big")
                t.Report(DiagnosticIds.Registry.BadTransferSyntax, "PS3.5 Annex A defines no Implicit VR Big Endian encoding", "byteOrder");
            return new TransferSyntaxEncoding(vr, order, deflated, pixel, t.Citation(edition));
        }

        private static string OneOf(YamlMap map, string key, params string[] allowed)
        {
            var value = map.RequiredString(key);
            if (map.Has(key) && System.Array.IndexOf(allowed, value) < 0)
                map.Report(DiagnosticIds.Registry.BadTransferSyntax, $"'{key}' must be one of {string.Join(", ", allowed)}, got '{value}'", key);
            return value;
        }

        /// <summary>PS3.5 Section 9.1: components of digits separated by dots, no leading zero in a
        /// multi-digit component, at most 64 characters.</summary>
        public static bool IsValidUid(string uid)
        {
            if (uid.Length == 0 || uid.Length > 64) return false;
            var start = 0;
            for (var i = 0; i <= uid.Length; i++)
            {
                if (i == uid.Length || uid[i] == '.')
                {
                    var len = i - start;
                    if (len == 0 || (len > 1 && uid[start] == '0')) return false;
                    start = i + 1;
                }
                else if (uid[i] < '0' || uid[i] > '9')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
