using System.Globalization;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Cli;

/// <summary>Query keys from the command line, DCMTK style: <c>-k PatientName=DOE*</c> or <c>-k 0010,0010=DOE*</c>;
/// a key without "=" is a return key (empty value).</summary>
public static class QueryKeys
{
    public static DicomDataset Build(string level, IEnumerable<string> keys)
    {
        var ds = new DicomDataset().SetString(new DicomTag(DicomTags.QueryRetrieveLevel), DicomVr.CS, level.ToUpperInvariant());
        foreach (var key in keys)
        {
            var eq = key.IndexOf('=');
            var name = eq < 0 ? key : key[..eq];
            var value = eq < 0 ? "" : key[(eq + 1)..];
            ds.SetString(new DicomTag(Tag(name)), value);
        }
        return ds;
    }

    private static uint Tag(string name)
    {
        if (DicomDictionary.TryLookupKeyword(name, out var entry)) return entry.Tag;
        var parts = name.Trim('(', ')').Split(',');
        if (parts.Length == 2 && ushort.TryParse(parts[0], NumberStyles.HexNumber, null, out var g) && ushort.TryParse(parts[1], NumberStyles.HexNumber, null, out var e))
            return ((uint)g << 16) | e;
        throw new ArgumentException($"'{name}' is neither a data dictionary keyword nor a gggg,eeee tag");
    }

    /// <summary>One line per returned identifier: keyword=value pairs.</summary>
    public static string Format(DicomDataset ds) => string.Join("  ", ds.OfType<DicomElement>().OrderBy(e => e.Tag.Value).Select(e =>
        (DicomDictionary.TryLookup(e.Tag.Value, out var entry) ? entry.Keyword : e.Tag.ToString()) + "=" + ds.GetString(e.Tag)));
}
