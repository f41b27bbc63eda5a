namespace DicomSpecGen.Archive;

/// <summary>Query/Retrieve Level (0008,0052) values (PS3.4 C.4.1.1.3.1 / C.6).</summary>
public enum QueryLevel
{
    Patient,
    Study,
    Series,
    Image,
}

/// <summary>One matching condition on an index column (PS3.4 C.2.2.2: single value, list of UIDs, wildcard, range).</summary>
public sealed record KeyCondition(string Column, KeyMatch Match, IReadOnlyList<string> Values);

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
}
