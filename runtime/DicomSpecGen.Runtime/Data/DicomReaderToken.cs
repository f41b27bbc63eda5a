namespace DicomSpecGen.Data;

/// <summary>What <see cref="DicomStreamReader"/> is positioned on.</summary>
public enum DicomReaderToken
{
    /// <summary>Before the first read, or after the end.</summary>
    None,
    /// <summary>An element with a value (possibly large: see <see cref="DicomStreamReader.IsValueLoaded"/>).</summary>
    Element,
    /// <summary>A sequence (SQ, or UN of undefined length) begins (PS3.5 Section 7.5).</summary>
    SequenceStart,
    /// <summary>An item of the current sequence begins.</summary>
    ItemStart,
    /// <summary>The current item ends (delimiter or end of its defined length).</summary>
    ItemEnd,
    /// <summary>The current sequence ends (delimiter or end of its defined length).</summary>
    SequenceEnd,
    /// <summary>Encapsulated Pixel Data (undefined length) begins (PS3.5 Section A.4).</summary>
    FragmentsStart,
    /// <summary>One item of encapsulated Pixel Data: the Basic Offset Table first, then fragments.</summary>
    Fragment,
    /// <summary>Encapsulated Pixel Data ends (Sequence Delimitation Item).</summary>
    FragmentsEnd,
}
