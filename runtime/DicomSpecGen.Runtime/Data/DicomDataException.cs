namespace DicomSpecGen.Data;

/// <summary>Malformed or unsupported encoded data: which element, where, and which rule of the standard.</summary>
public sealed class DicomDataException : Exception
{
    public DicomDataException(string message, DicomTag? tag, long offset, string rule)
        : base($"{message} (tag {tag?.ToString() ?? "-"}, offset {offset}; {rule})")
    {
        Tag = tag;
        Offset = offset;
        Rule = rule;
    }

    /// <summary>The element being read, when known.</summary>
    public DicomTag? Tag { get; }

    /// <summary>Byte offset in the Data Set (after any deflate) where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The rule that was broken, e.g. "PS3.5 Section 7.5.2".</summary>
    public string Rule { get; }
}
