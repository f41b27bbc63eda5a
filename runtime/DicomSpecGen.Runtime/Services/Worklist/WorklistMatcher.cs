using System.Globalization;
using DicomSpecGen.Archive;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Workflow;

namespace DicomSpecGen.Services.Worklist;

/// <summary>A worklist query the SCP cannot process as asked: the offending attribute and why (the Error Comment).</summary>
public sealed class WorklistQueryException(uint tag, string comment)
    : Exception((DicomDictionary.TryLookup(tag, out var entry) ? entry.Keyword + " " : "") + new DicomTag(tag) + ": " + comment)
{
    /// <summary>The short reason sent as the response's Error Comment (LO, at most 64 characters).</summary>
    public string Comment { get; } = comment;

    /// <summary>The attribute of the identifier at fault (the response's Offending Element).</summary>
    public uint Tag { get; } = tag;
}

/// <summary>Checks a Modality Worklist identifier, matches it against worklist items and builds the response
/// identifiers. Which attribute is matched and which is only returned comes from Table K.6-1 as transcribed in
/// spec/part04/worklist.yaml (<see cref="WorklistSpec"/>): a row with Matching Key Type "-" is returned only;
/// attributes outside the table are "All other Attributes" (matching O, return 3) and are matched like optional keys.</summary>
/// <remarks>PS3.4 K.2.2.1 (matching and return keys), K.4.1.3.1 ("Worklist" search method), C.2.2.2 (attribute
/// matching: single value, list of UID, universal, wild card, range, sequence), 2020c.</remarks>
public sealed class WorklistMatcher(bool caseInsensitivePersonNames = true)
{
    /// <summary>Rows of Table K.6-1 by their parent path ("" at the top level) and tag.</summary>
    private static readonly Dictionary<(string Parent, uint Tag), WorklistKeyRow> Rows =
        WorklistSpec.Keys.ToDictionary(k => (k.Parent ?? "", k.Tag));

    /// <summary>The Table K.6-1 row of an attribute at <paramref name="parent"/> ("" top level, else sequence keywords joined by "."), or null.</summary>
    public static WorklistKeyRow? RowOf(string parent, uint tag) => Rows.GetValueOrDefault((parent, tag));

    /// <summary>Not keys: the character set of the identifier, group lengths and Query/Retrieve Level (which a
    /// worklist SCU such as findscu -W may still send).</summary>
    private static bool IsKey(DicomItem item) => item.Tag.Value != DicomTags.SpecificCharacterSet && item.Tag.Value != DicomTags.QueryRetrieveLevel
        && item.Tag.Element != 0 && item.Tag.Group > 0x0002;

    /// <summary>Throws <see cref="WorklistQueryException"/> for a key value no matching can be defined for: a DA,
    /// TM or DT value outside its PS3.5 form, a range whose start is after its end, or a sequence key with more than one item.</summary>
    /// <remarks>PS3.5 Table 6.2-1 (DA, TM, DT forms); PS3.4 C.2.2.2.5 (range matching) and C.2.2.2.6 (a sequence
    /// key has a single item), 2020c.</remarks>
    public void Validate(DicomDataset identifier)
    {
        foreach (var item in identifier)
        {
            if (!IsKey(item)) continue;
            if (item is DicomSequence sequence)
            {
                if (sequence.Items.Count > 1)
                    throw new WorklistQueryException(item.Tag.Value, $"{sequence.Items.Count} items; a sequence key has one (C.2.2.2.6)");
                foreach (var sub in sequence.Items) Validate(sub);
                continue;
            }
            if (item.Vr is not (DicomVr.DA or DicomVr.TM or DicomVr.DT)) continue;
            var value = (identifier.GetString(item.Tag) ?? "").Trim();
            if (value.Length == 0 || value == "*") continue;
            var dash = item.Vr == DicomVr.DT ? DtRangeDash(value) : value.IndexOf('-');
            if (dash < 0)
            {
                Check(item, value, value);
                continue;
            }
            var from = value[..dash];
            var to = value[(dash + 1)..];
            if (from.Length == 0 && to.Length == 0 || to.Contains('-') && item.Vr != DicomVr.DT)
                throw new WorklistQueryException(item.Tag.Value, $"range '{value}' is not from-to (PS3.4 C.2.2.2.5)");
            if (from.Length > 0) Check(item, from, value);
            if (to.Length > 0) Check(item, to, value);
            if (from.Length > 0 && to.Length > 0 && string.CompareOrdinal(from, to[..Math.Min(to.Length, from.Length)]) > 0)
                throw new WorklistQueryException(item.Tag.Value, $"range {value} ends before it starts (PS3.4 C.2.2.2.5)");
        }
    }

    /// <summary>A DT range's dash: the first "-" with a valid DT (or nothing) on each side; a "-" may also start a UTC offset.</summary>
    private static int DtRangeDash(string value)
    {
        for (var i = value.IndexOf('-'); i >= 0; i = value.IndexOf('-', i + 1))
        {
            var (from, to) = (value[..i], value[(i + 1)..]);
            if ((from.Length == 0 || IsDateTime(from)) && (to.Length == 0 || IsDateTime(to))) return i;
        }
        return IsDateTime(value) ? -1 : value.IndexOf('-');
    }

    private static void Check(DicomItem item, string part, string value)
    {
        var ok = item.Vr switch
        {
            DicomVr.DA => part.Length == 8 && DateTime.TryParseExact(part, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            DicomVr.TM => IsTime(part),
            _ => IsDateTime(part),
        };
        if (!ok) throw new WorklistQueryException(item.Tag.Value, $"'{value}' is not a valid {DicomVrs.Code(item.Vr)} (PS3.5 Table 6.2-1)");
    }

    /// <summary>HH[MM[SS[.F{1,6}]]] with hours 00-23, minutes 00-59, seconds 00-60 (PS3.5 Table 6.2-1, TM).</summary>
    private static bool IsTime(string t)
    {
        var dot = t.IndexOf('.');
        var whole = dot < 0 ? t : t[..dot];
        if (whole.Length is not (2 or 4 or 6) || !whole.All(char.IsAsciiDigit)) return false;
        if (dot >= 0 && (whole.Length != 6 || t.Length - dot - 1 is < 1 or > 6 || !t[(dot + 1)..].All(char.IsAsciiDigit))) return false;
        int Part(int i) => (whole[i] - '0') * 10 + whole[i + 1] - '0';
        return Part(0) < 24 && (whole.Length < 4 || Part(2) < 60) && (whole.Length < 6 || Part(4) <= 60);
    }

    /// <summary>YYYY[MM[DD[HH[MM[SS[.F]]]]]][&amp;ZZXX] (PS3.5 Table 6.2-1, DT), checked for digits and calendar.</summary>
    private static bool IsDateTime(string dt)
    {
        var zone = dt.IndexOfAny(['+', '-'], 4);
        var body = zone < 0 ? dt : dt[..zone];
        if (zone >= 0 && (dt.Length - zone != 5 || !dt[(zone + 1)..].All(char.IsAsciiDigit))) return false;
        var dot = body.IndexOf('.');
        var whole = dot < 0 ? body : body[..dot];
        if (whole.Length is not (4 or 6 or 8 or 10 or 12 or 14) || !whole.All(char.IsAsciiDigit)) return false;
        if (whole.Length >= 8 && !DateTime.TryParseExact(whole[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return false;
        return whole.Length <= 8 || IsTime(whole[8..] + (dot < 0 ? "" : body[dot..]));
    }

    /// <summary>Whether <paramref name="item"/> matches every key of <paramref name="identifier"/>.</summary>
    /// <remarks>PS3.4 K.4.1.3.1: an entity matches when its attributes match all the match strings (2020c).</remarks>
    public bool Matches(DicomDataset identifier, DicomDataset item) => Matches(identifier, item, "");

    private bool Matches(DicomDataset query, DicomDataset stored, string parent)
    {
        foreach (var key in query)
        {
            if (!IsKey(key)) continue;
            var row = RowOf(parent, key.Tag.Value);
            // Matching Key Type "-": the attribute is never used for matching (e.g. Protocol Context Sequence).
            if (row?.Matching == "-") continue;
            if (key is DicomSequence sequence)
            {
                if (sequence.Items.Count == 0 || IsUniversal(sequence.Items[0])) continue;
                var path = Path(parent, key.Tag);
                var items = stored.GetSequence(key.Tag)?.Items ?? [];
                if (!items.Any(i => Matches(sequence.Items[0], i, path))) return false;
                continue;
            }
            var value = (query.GetString(key.Tag) ?? "").Trim();
            if (value.Length == 0) continue;
            if (key.Vr == DicomVr.TM && CombinedDateTime(query, key, value) is { } combined)
            {
                if (!AttributeMatcher.Range(stored.GetString(combined.DateTag) + stored.GetString(key.Tag), combined.From, combined.To)) return false;
                continue;
            }
            if (key.Vr == DicomVr.DA && PairedTime(query, key) is { } time && CombinedDateTime(query, time, (query.GetString(time.Tag) ?? "").Trim()) != null)
                continue; // matched with its time (above)
            if (!MatchesValue(stored, key, value)) return false;
        }
        return true;
    }

    private bool MatchesValue(DicomDataset stored, DicomItem key, string value)
    {
        var have = stored.GetString(key.Tag);
        // A multi-valued attribute matches when one of its values does; a PN value's "\" is not a separator of names.
        var values = have == null ? [""] : key.Vr == DicomVr.PN ? [have] : have.Split('\\');
        return values.Any(v => AttributeMatcher.Matches(v.Length == 0 ? null : v, value, key.Vr, caseInsensitivePersonNames));
    }

    /// <summary>The DA key paired with a TM key by name (Scheduled Procedure Step Start Date / Time).</summary>
    private static DicomItem? PairedDate(DicomDataset query, DicomItem time) => Paired(query, time, "Time", "Date", DicomVr.DA);

    private static DicomItem? PairedTime(DicomDataset query, DicomItem date) => Paired(query, date, "Date", "Time", DicomVr.TM);

    private static DicomItem? Paired(DicomDataset query, DicomItem item, string suffix, string other, DicomVr vr)
    {
        if (!DicomDictionary.TryLookup(item.Tag.Value, out var entry) || !entry.Keyword.EndsWith(suffix, StringComparison.Ordinal)) return null;
        if (!DicomDictionary.TryLookupKeyword(entry.Keyword[..^suffix.Length] + other, out var pair) || pair.Vr != vr) return null;
        return query[new DicomTag(pair.Tag)];
    }

    /// <summary>When both the date and the time key are ranges, they form one range from the start date and time to the
    /// end date and time, as Table K.6-1 says of Scheduled Procedure Step Start Date and Time.</summary>
    /// <remarks>PS3.4 Table K.6-1, Scheduled Procedure Step Sequence >Scheduled Procedure Step Start Time (2020c): its remark.</remarks>
    private static (uint DateTag, string From, string To)? CombinedDateTime(DicomDataset query, DicomItem timeKey, string time)
    {
        if (PairedDate(query, timeKey) is not { } dateKey) return null;
        var date = (query.GetString(dateKey.Tag) ?? "").Trim();
        var td = time.IndexOf('-');
        var dd = date.IndexOf('-');
        if (td < 0 || dd < 0) return null;
        var (dFrom, dTo, tFrom, tTo) = (date[..dd], date[(dd + 1)..], time[..td], time[(td + 1)..]);
        return (dateKey.Tag.Value, dFrom.Length == 0 ? "" : dFrom + tFrom, dTo.Length == 0 ? "" : dTo + tTo);
    }

    private static bool IsUniversal(DicomDataset item) => item.All(k => !IsKey(k)
        || (k is DicomSequence s ? s.Items.Count == 0 || IsUniversal(s.Items[0]) : (item.GetString(k.Tag) ?? "").Trim().Length == 0));

    /// <summary>The response identifier for a matching item: every key of the request with the item's value (empty
    /// when the item has none, so a requested type 1 or 2 attribute is always there), the items of a sequence key
    /// that matched its item's keys, reduced to those keys, and the item's Specific Character Set.</summary>
    /// <remarks>PS3.4 K.4.1.3.1 (the identifier contains the values of the attributes that match those in the request),
    /// C.2.2.2.6 (sequence matching returns the matching items), C.4.1.1.3.2 / K.4.1.1.3.2 (Specific Character Set), 2020c.</remarks>
    public DicomDataset Response(DicomDataset identifier, DicomDataset item)
    {
        var response = Response(identifier, item, "");
        if (item[new DicomTag(DicomTags.SpecificCharacterSet)] is { } charset) response.Set(charset);
        return response;
    }

    private DicomDataset Response(DicomDataset query, DicomDataset stored, string parent)
    {
        var response = new DicomDataset();
        foreach (var key in query)
        {
            if (!IsKey(key)) continue;
            if (key is DicomSequence sequence)
            {
                var have = stored.GetSequence(key.Tag);
                var answer = new DicomSequence(key.Tag);
                if (sequence.Items.Count == 0)
                {
                    // An empty sequence key asks for the whole sequence.
                    if (have != null) answer.Items.AddRange(have.Items);
                }
                else
                {
                    var path = Path(parent, key.Tag);
                    var q = sequence.Items[0];
                    var matched = (have?.Items ?? []).Where(i => RowOf(parent, key.Tag.Value)?.Matching == "-" || IsUniversal(q) || Matches(q, i, path)).ToList();
                    answer.Items.AddRange(matched.Select(i => Response(q, i, path)));
                    if (answer.Items.Count == 0 && RowOf(parent, key.Tag.Value)?.Return is "1" or "2") answer.Items.Add(Response(q, new DicomDataset(), path));
                }
                response.Set(answer);
            }
            else
            {
                response.Set(stored[key.Tag] is DicomElement value ? value : new DicomElement(key.Tag, key.Vr, ReadOnlyMemory<byte>.Empty));
            }
        }
        return response;
    }

    private static string Path(string parent, DicomTag tag)
    {
        var keyword = DicomDictionary.TryLookup(tag.Value, out var entry) ? entry.Keyword : tag.ToString();
        return parent.Length == 0 ? keyword : parent + "." + keyword;
    }
}
