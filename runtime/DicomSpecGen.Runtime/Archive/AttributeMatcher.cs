using DicomSpecGen.Registry;

namespace DicomSpecGen.Archive;

/// <summary>Matching of one key value of a C-FIND/C-MOVE/C-GET identifier against one stored value (PS3.4 C.2.2.2).
/// The archive's SQL index calls <see cref="Wildcard"/> for text keys (or, in PostgreSQL, LIKE built to decide the same), so the index and in-memory matching agree.</summary>
public static class AttributeMatcher
{
    /// <summary>VRs for which "*" and "?" are wild cards.</summary>
    /// <remarks>PS3.4 C.2.2.2.4 (2020c)</remarks>
    public static bool IsWildcardVr(DicomVr vr) => vr is DicomVr.AE or DicomVr.CS or DicomVr.LO or DicomVr.LT or DicomVr.PN
        or DicomVr.SH or DicomVr.ST or DicomVr.UC or DicomVr.UR or DicomVr.UT;

    /// <summary>The kind of matching a non-sequence key value asks for; null for universal matching.</summary>
    /// <remarks>PS3.4 C.2.2.2.1 single value, C.2.2.2.2 list of UID, C.2.2.2.3 universal (zero length; "*" is the
    /// same, C.2.2.2.4), C.2.2.2.4 wild card, C.2.2.2.5 range (2020c)</remarks>
    public static KeyMatch? Classify(DicomVr vr, string value)
    {
        if (value.Length == 0 || (value == "*" && IsWildcardVr(vr))) return null;
        if (vr == DicomVr.UI && value.Contains('\\')) return KeyMatch.UidList;
        if (vr is DicomVr.DA or DicomVr.TM or DicomVr.DT && value.Contains('-')) return KeyMatch.Range;
        if (IsWildcardVr(vr) && (value.Contains('*') || value.Contains('?'))) return KeyMatch.Wildcard;
        return KeyMatch.Single;
    }

    /// <summary>Whether a stored value matches a key value of the VR; <paramref name="ignoreCase"/> applies to PN only.</summary>
    /// <remarks>PS3.4 C.2.2.2.1.1: PN matching may be case-insensitive; every other VR matches case-sensitively (2020c)</remarks>
    public static bool Matches(string? stored, string key, DicomVr vr, bool ignoreCase)
    {
        key = key.Trim();
        var fold = ignoreCase && vr == DicomVr.PN;
        switch (Classify(vr, key))
        {
            case null: return true;
            case KeyMatch.UidList: return key.Split('\\').Any(u => u.Trim() == (stored ?? "").Trim());
            case KeyMatch.Range:
                var dash = key.IndexOf('-');
                return Range(stored, key[..dash].Trim(), key[(dash + 1)..].Trim());
            case KeyMatch.Wildcard: return Wildcard(stored, key, fold);
            default:
                var value = (stored ?? "").Trim();
                return value.Length == key.Length && value.Zip(key).All(p => Same(p.First, p.Second, fold));
        }
    }

    /// <summary>"*" matches any run of characters (also none), "?" any one character; without either, the values
    /// must be equal. Leading and trailing spaces of both are insignificant. A missing value matches only "*".</summary>
    /// <remarks>PS3.4 C.2.2.2.4 wild card matching, C.2.2.2.1 single value matching (2020c)</remarks>
    public static bool Wildcard(string? stored, string pattern, bool ignoreCase)
    {
        var s = (stored ?? "").Trim();
        var p = pattern.Trim();
        int si = 0, pi = 0, star = -1, mark = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*')
            {
                star = pi++;
                mark = si;
            }
            else if (pi < p.Length && (p[pi] == '?' || Same(p[pi], s[si], ignoreCase)))
            {
                pi++;
                si++;
            }
            else if (star >= 0)
            {
                pi = star + 1;
                si = ++mark;
            }
            else return false;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    /// <summary>Case folds ASCII letters only: stored text is the value's bytes read as Latin-1 whatever the Specific
    /// Character Set, so folding other characters could equate different multi-byte encodings.</summary>
    private static bool Same(char a, char b, bool ignoreCase) => a == b || (ignoreCase && a < 0x80 && b < 0x80 && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    /// <summary>"from-to", "from-", "-to": inclusive, an empty end is open. DA (YYYYMMDD), TM (HHMMSS.FFFFFF) and
    /// DT values order as text when both are in the standard form; a missing value never matches a range.</summary>
    /// <remarks>PS3.4 C.2.2.2.5 (2020c)</remarks>
    public static bool Range(string? stored, string from, string to)
    {
        if (string.IsNullOrWhiteSpace(stored)) return false;
        var v = stored.Trim();
        if (from.Length > 0 && string.CompareOrdinal(v, from) < 0) return false;
        // A shorter upper bound ("20240105" for a DT, "10" for a TM) covers every value that starts with it.
        if (to.Length > 0 && string.CompareOrdinal(v.Length > to.Length ? v[..to.Length] : v, to) > 0) return false;
        return true;
    }
}
