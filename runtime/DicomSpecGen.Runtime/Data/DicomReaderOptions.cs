namespace DicomSpecGen.Data;

/// <summary>Options of <see cref="DicomStreamReader"/>.</summary>
/// <param name="MaxInlineValueLength">Values up to this many bytes are read into memory
/// (<see cref="DicomStreamReader.Value"/>); longer ones are streamed with
/// <see cref="DicomStreamReader.CopyValueToAsync"/> or skipped, so memory does not grow with the value.</param>
/// <param name="MaxDepth">Deepest sequence nesting accepted (guards against hostile input).</param>
public sealed record DicomReaderOptions(int MaxInlineValueLength = 64 * 1024, int MaxDepth = 64)
{
    public static DicomReaderOptions Default { get; } = new();
}
