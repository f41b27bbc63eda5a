using System.Text.RegularExpressions;
using DicomSpecGen.Tools.Import;

namespace DicomSpecGen.Tools.Editions;

/// <summary>spec/part06 (dictionary.yaml, uids.yaml) against DCMTK's lists of the same facts, generated from a later
/// edition than any PS3.6 DocBook at hand: its <c>dicom.dic</c> (tag, VR, keyword, VM, origin) and <c>dcuid.h</c>
/// (<c>#define UID_Name "uid"</c>). Compared: which standard elements exist, their VR, VM, keyword and retirement;
/// which UIDs of the standard (1.2.840.10008.*) exist. DCMTK's own notation (RETIRED_ keyword prefix, VRs such as
/// <c>ox</c> for "OB or OW", tag ranges for repeating groups) is read as what it stands for.</summary>
public static partial class DcmtkCrossCheck
{
    public sealed record DicElement(string Tag, string Vr, string Keyword, string Vm, bool Retired, int Line);

    [GeneratedRegex(@"^\(([0-9A-F]{4})(?:-([0-9A-F]{4}))?,([0-9A-F]{4})(?:-([0-9A-F]{4}))?\)$")]
    private static partial Regex DicTag();

    [GeneratedRegex("^#define UID_(\\w+)\\s+\"(1\\.2\\.840\\.10008(?:\\.[0-9]+)+)\"")]
    private static partial Regex UidDefine();

    /// <summary>DCMTK's internal VR names → the VRs they may stand for in the VR column of PS3.6 (ox/xs/lt/px are
    /// one name for several VR combinations, e.g. lt is both "US or OW" and "US or SS or OW").</summary>
    private static readonly Dictionary<string, string> DcmtkVrs = new(StringComparer.Ordinal)
    {
        ["ox"] = "OB or OW", ["xs"] = "US or SS", ["lt"] = "US or SS or OW", ["px"] = "OB or OW", ["up"] = "UL", ["na"] = "See Note",
    };

    private static readonly HashSet<string> CombinedVrs = ["ox", "xs", "lt", "px"];

    /// <summary>The standard's elements of dicom.dic (origin DICOM, DICOM/retired, DICOM/DICONDE, DICOM/DICOS).
    /// A range such as (6000-60FF,0010) or (0020,3100-31FF) becomes the standard's (60xx,0010), (0020,31xx).</summary>
    public static IReadOnlyList<DicElement> ReadDic(string path)
    {
        var result = new List<DicElement>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.StartsWith('#') || line.Trim().Length == 0) continue;
            var c = line.Split('\t', StringSplitOptions.RemoveEmptyEntries);
            if (c.Length < 5 || !c[4].StartsWith("DICOM", StringComparison.Ordinal)) continue;
            var m = DicTag().Match(c[0]);
            if (!m.Success) continue; // odd/even-qualified ranges (-o-, -u-) are DCMTK's private/illegal/generic rows
            var tag = $"({Mask(m.Groups[1].Value, m.Groups[2].Value)},{Mask(m.Groups[3].Value, m.Groups[4].Value)})";
            var retired = c[4].Contains("retired", StringComparison.Ordinal);
            var keyword = c[2].StartsWith("RETIRED_", StringComparison.Ordinal) ? c[2]["RETIRED_".Length..] : c[2];
            result.Add(new DicElement(tag, c[1], keyword, c[3], retired, lineNumber));
        }
        return result;
    }

    private static string Mask(string low, string high)
        => high.Length == 0 ? low : new string(low.Zip(high, (a, b) => a == b ? a : 'x').ToArray());

    /// <summary>The standard's UIDs defined in dcuid.h, with DCMTK's macro name.</summary>
    public static IReadOnlyList<(string Name, string Uid)> ReadUids(string path)
        => File.ReadLines(path).Select(l => UidDefine().Match(l)).Where(m => m.Success).Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .DistinctBy(x => x.Item2).ToList();

    public static IReadOnlyList<ImportDifference> CompareDictionary(IReadOnlyList<DicElement> dic, IReadOnlyList<ElementTableDiff.Element> yaml)
    {
        var diffs = new List<ImportDifference>();
        var byTag = yaml.GroupBy(e => e.Tag).ToDictionary(g => g.Key, g => g.First());
        var masked = yaml.Where(e => e.Tag.Contains('x')).ToList();
        var matchedMasks = new HashSet<string>();
        foreach (var d in dic)
        {
            var where = $"dicom.dic line {d.Line}, {d.Tag}";
            // DCMTK lists one instance, e.g. (1000,0010), of a repeating row the standard writes (1000,xxx0).
            if (!byTag.TryGetValue(d.Tag, out var y) && masked.FirstOrDefault(m => Matches(m.Tag, d.Tag)) is { } mask)
            {
                y = mask;
                matchedMasks.Add(mask.Tag);
            }
            if (y == null)
            {
                diffs.Add(new(where, "element-missing", $"{d.Keyword} ({d.Vr}, VM {d.Vm}{(d.Retired ? ", retired" : "")}) is not in dictionary.yaml", null, null, null));
                continue;
            }
            if (!SameVr(d.Vr, y.Vr)) diffs.Add(new(where, "vr", $"DCMTK {d.Vr}, YAML {y.Vr}", y.Keyword, y.Line, null));
            // The standard's "1-n or 1" (LUT Data) is one of DCMTK's VMs.
            if (!y.Vm.Split(" or ").Contains(d.Vm)) diffs.Add(new(where, "vm", $"DCMTK {d.Vm}, YAML {y.Vm}", y.Keyword, y.Line, null));
            if (d.Keyword != y.Keyword && y.Keyword != "-") diffs.Add(new(where, "keyword", $"DCMTK {d.Keyword}, YAML {y.Keyword}", y.Keyword, y.Line, null));
            if (d.Retired != y.Retired) diffs.Add(new(where, "retired", $"DCMTK {(d.Retired ? "retired" : "not retired")}, YAML {(y.Retired ? "retired" : "not retired")}", y.Keyword, y.Line, null));
        }
        var inDic = dic.Select(d => d.Tag).ToHashSet();
        foreach (var y in yaml.Where(y => !inDic.Contains(y.Tag) && !matchedMasks.Contains(y.Tag)))
        {
            var note = y.Keyword is "-" or "" ? "a retired placeholder without keyword; DCMTK lists none of these" : null;
            diffs.Add(new(y.Where, "element-not-in-dcmtk", $"{y.Tag} {y.Keyword} is not in DCMTK's dictionary", y.Keyword, y.Line, note));
        }
        return diffs;
    }

    private static bool Matches(string mask, string tag) => mask.Length == tag.Length && mask.Zip(tag).All(p => p.First == 'x' || p.First == p.Second);

    /// <summary>"OB or OW" = "OW or OB"; a combined DCMTK VR matches the standard's combinations it stands for.</summary>
    private static bool SameVr(string dcmtk, string yaml)
    {
        static string[] Set(string s) => s.Split(" or ").Select(x => x.Trim()).Order(StringComparer.Ordinal).ToArray();
        var d = Set(DcmtkVrs.TryGetValue(dcmtk, out var vr) ? vr : dcmtk);
        var y = Set(yaml);
        return CombinedVrs.Contains(dcmtk) ? y.Length > 1 && y.All(d.Contains) : d.SequenceEqual(y);
    }

    public static IReadOnlyList<ImportDifference> CompareUids(IReadOnlyList<(string Name, string Uid)> dcmtk, IReadOnlyList<UidRow> yaml)
    {
        var diffs = new List<ImportDifference>();
        var known = yaml.Select(r => r.Uid).ToHashSet();
        foreach (var (name, uid) in dcmtk.Where(x => !known.Contains(x.Uid)))
            diffs.Add(new($"dcuid.h UID_{name}", "uid-missing", $"{uid} is not in uids.yaml", null, null, null));
        return diffs;
    }
}
