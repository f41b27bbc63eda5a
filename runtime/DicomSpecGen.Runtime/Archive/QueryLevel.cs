namespace DicomSpecGen.Archive;

/// <summary>Query/Retrieve Level (0008,0052) values (PS3.4 C.4.1.1.3.1 / C.6).</summary>
public enum QueryLevel
{
    Patient,
    Study,
    Series,
    Image,
}

/// <summary>One matching condition on an index column (PS3.4 C.2.2.2: single value, list of UIDs, wildcard, range,
/// sequence).</summary>
/// <param name="Column">The index column (or side table, for a sequence).</param>
/// <param name="Match">The kind of matching.</param>
/// <param name="Values">The key's value(s), as the kind needs them.</param>
/// <param name="IgnoreCase">Case-insensitive single value and wild card matching (PN keys, PS3.4 C.2.2.2.1.1).</param>
/// <param name="Items">For <see cref="KeyMatch.Sequence"/>: the conditions on the item keys, all met by one item.</param>
public sealed record KeyCondition(string Column, KeyMatch Match, IReadOnlyList<string> Values, bool IgnoreCase = false, IReadOnlyList<KeyCondition>? Items = null);

public enum KeyMatch
{
    /// <summary>Single value matching (PS3.4 C.2.2.2.1).</summary>
    Single,
    /// <summary>List of UID matching (PS3.4 C.2.2.2.2).</summary>
    UidList,
    /// <summary>Wild card matching with * and ? (PS3.4 C.2.2.2.4).</summary>
    Wildcard,
    /// <summary>Range matching "a-b", "a-", "-b" (PS3.4 C.2.2.2.5); Values = [from, to], empty = open.</summary>
    Range,
    /// <summary>Sequence matching: some item of the stored sequence meets every item condition (PS3.4 C.2.2.2.6).</summary>
    Sequence,
    /// <summary>A key of several values (Modalities in Study, VM 1-n): the entity matches when one of them matches by
    /// single value or wild card matching.</summary>
    AnyOf,
}
