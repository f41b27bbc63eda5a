using DicomSpecGen.Data.Part10;
using DicomSpecGen.Runtime.Tests.Services;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>The positional reads behind the SCU's read-ahead, the File Meta Information head read and the journal
/// restore: a file that ends before the buffer is full gives what it has, or (exactly) an error naming it. A read(2)
/// of a regular file that returns part of the buffer before the end cannot be made on demand here (RandomAccess
/// refuses a FIFO), so the loop's continuation is not tested.</summary>
public class FileBytesTests
{
    [Fact]
    public void A_file_shorter_than_the_buffer_gives_what_it_has_or_an_error_naming_it()
    {
        var path = Path.Combine(TestFiles.TempDir(), "short.bin");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
        using var handle = File.OpenHandle(path);
        var bytes = new byte[8];
        Assert.Equal(3, FileBytes.ReadAt(handle, bytes, 2));
        Assert.Equal(new byte[] { 3, 4, 5 }, bytes[..3]);
        var error = Assert.Throws<EndOfStreamException>(() => FileBytes.ReadExactlyAt(handle, bytes, 1, "the journal record"));
        Assert.Equal("the journal record ended after 4 of its 8 bytes (from offset 1)", error.Message);
    }
}
