using Microsoft.Win32.SafeHandles;

namespace DicomSpecGen.Data.Part10;

/// <summary>Positional reads that fill their buffer: one read(2) of a regular file may return fewer bytes than asked
/// before the end (a signal, another file system), so each reader loops until the buffer is full or the file ends.</summary>
internal static class FileBytes
{
    /// <summary>Reads into <paramref name="bytes"/> from <paramref name="offset"/> until it is full or the file ends;
    /// the count read (less than its length only at the end of the file).</summary>
    public static int ReadAt(SafeFileHandle handle, Span<byte> bytes, long offset)
    {
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes[read..], offset + read);
            if (n == 0) break;
            read += n;
        }
        return read;
    }

    /// <summary><see cref="ReadAt"/>, with the end of the file before the buffer is full an I/O error naming
    /// <paramref name="what"/>.</summary>
    public static void ReadExactlyAt(SafeFileHandle handle, Span<byte> bytes, long offset, string what)
    {
        var read = ReadAt(handle, bytes, offset);
        if (read < bytes.Length) throw new EndOfStreamException($"{what} ended after {read} of its {bytes.Length} bytes (from offset {offset})");
    }
}
