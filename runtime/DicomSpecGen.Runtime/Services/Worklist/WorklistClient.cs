using System.Globalization;
using System.Runtime.CompilerServices;
using DicomSpecGen.Data;
using DicomSpecGen.Registry;
using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Services.Worklist;

/// <summary>Modality Worklist queries as an SCU: identifiers from DCMTK-style key paths and C-FIND on the Modality
/// Worklist Information Model - FIND SOP class.</summary>
/// <remarks>PS3.4 K.4.1.2 (C-FIND SCU behaviour), 2020c.</remarks>
public static class WorklistClient
{
    /// <summary>C-FIND on the worklist model (the association must have a context for <see cref="WorklistService.SopClassUid"/>);
    /// yields each item; the final response goes to <paramref name="final"/>.</summary>
    public static async IAsyncEnumerable<DicomDataset> FindWorklistAsync(this DicomClient client, DicomDataset identifier, Action<DimseResponse>? final = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in client.FindAsync(WorklistService.SopClassUid, identifier, final, cancellationToken).ConfigureAwait(false))
            yield return item;
    }

    /// <summary>Queries and collects every item with the final response.</summary>
    public static async Task<(IReadOnlyList<DicomDataset> Items, DimseResponse? Final)> QueryWorklistAsync(this DicomClient client, DicomDataset identifier, CancellationToken cancellationToken = default)
    {
        DimseResponse? final = null;
        var items = new List<DicomDataset>();
        await foreach (var item in client.FindWorklistAsync(identifier, r => final = r, cancellationToken).ConfigureAwait(false)) items.Add(item);
        return (items, final);
    }

    /// <summary>An identifier from keys such as <c>PatientName=DOE*</c>, <c>ScheduledProcedureStepSequence[0].Modality=CT</c>,
    /// <c>(0040,0100)[0].(0040,0002)=20240101-20240131</c>; a key without "=" is a return key (empty value, or an
    /// empty sequence for a sequence keyword).</summary>
    public static DicomDataset BuildIdentifier(IEnumerable<string> keys)
    {
        var ds = new DicomDataset();
        foreach (var key in keys) SetKey(ds, key);
        return ds;
    }

    /// <summary>Adds one key path (see <see cref="BuildIdentifier"/>) to <paramref name="identifier"/>.</summary>
    public static void SetKey(DicomDataset identifier, string key)
    {
        var eq = key.IndexOf('=');
        var path = eq < 0 ? key : key[..eq];
        var value = eq < 0 ? null : key[(eq + 1)..];
        var parts = path.Split('.');
        var ds = identifier;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var part = parts[i];
            var open = part.IndexOf('[');
            if (open < 0 || !part.EndsWith(']') || !int.TryParse(part[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                throw new ArgumentException($"'{part}' in '{key}' is not Sequence[n] (e.g. ScheduledProcedureStepSequence[0].Modality)");
            var tag = new DicomTag(Tag(part[..open], key));
            var sequence = ds.GetSequence(tag) ?? ds.AddSequence(tag);
            while (sequence.Items.Count <= index) sequence.Items.Add(new DicomDataset());
            ds = sequence.Items[index];
        }
        var last = new DicomTag(Tag(parts[^1], key));
        var vr = DicomDictionary.TryLookup(last.Value, out var entry) ? entry.Vr : DicomVr.None;
        if (vr == DicomVr.SQ)
        {
            if (!string.IsNullOrEmpty(value)) throw new ArgumentException($"'{key}': a sequence takes no value; give its item keys as {parts[^1]}[0].Keyword=value");
            if (ds.GetSequence(last) == null) ds.AddSequence(last);
            return;
        }
        if (vr == DicomVr.None) throw new ArgumentException($"'{parts[^1]}' in '{key}' has no VR in the data dictionary");
        ds.SetString(last, vr, value ?? "");
    }

    private static uint Tag(string name, string key)
    {
        if (DicomDictionary.TryLookupKeyword(name, out var entry)) return entry.Tag;
        var parts = name.Trim('(', ')').Split(',');
        if (parts.Length == 2 && ushort.TryParse(parts[0], NumberStyles.HexNumber, null, out var g) && ushort.TryParse(parts[1], NumberStyles.HexNumber, null, out var e))
            return ((uint)g << 16) | e;
        throw new ArgumentException($"'{name}' in '{key}' is neither a data dictionary keyword nor a gggg,eeee tag");
    }
}
