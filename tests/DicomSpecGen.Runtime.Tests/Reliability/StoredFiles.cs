using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DicomSpecGen.Runtime.Tests.Reliability;

/// <summary>Compares Part 10 files by their data set: the SCP writes its own File Meta Information (source AE,
/// implementation UID), so the SHA-256 is taken over the bytes after the meta group.</summary>
internal static class StoredFiles
{
    public static string DataSetSha256(string path)
    {
        var bytes = File.ReadAllBytes(path);
        // Preamble (128) + "DICM" + (0002,0000) UL explicit VR: its 4-byte value is at offset 140.
        Assert.True(bytes.Length >= 144 && bytes.AsSpan(128, 4).SequenceEqual("DICM"u8), path + " is not a Part 10 file");
        var groupLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        return Convert.ToHexString(SHA256.HashData(bytes.AsSpan(144 + (int)groupLength)));
    }
}
