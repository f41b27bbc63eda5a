using DicomSpecGen.Services.Scu;

namespace DicomSpecGen.Runtime.Tests.Services;

/// <summary>The SCU's file reads (dsg store's proposal scan, the streamed read of a file above 256 KiB): asynchronous
/// reads complete before they return, on the caller's thread, with the file's bytes in order.</summary>
public sealed class SynchronousReadStreamTests
{
    [Fact]
    public async Task Async_reads_complete_synchronously_and_return_the_file_in_order()
    {
        var path = Path.Combine(TestFiles.TempDir(), "data.bin");
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(path, bytes);
        await using var stream = SynchronousReadStream.OpenFile(path);
        Assert.Equal(bytes.Length, stream.Length);
        var read = new MemoryStream();
        var buffer = new byte[65536];
        while (true)
        {
            var pending = stream.ReadAsync(buffer.AsMemory(), CancellationToken.None);
            // A FileStream without FileOptions.Asynchronous returns an incomplete read here (the thread pool reads).
            Assert.True(pending.IsCompleted);
            var n = await pending;
            if (n == 0) break;
            read.Write(buffer, 0, n);
        }
        Assert.Equal(bytes, read.ToArray());
        // Seeking (the sender positions the stream at the data set after reading the meta header) reaches the file.
        stream.Position = 1000;
        Assert.Equal(bytes[1000], (byte)stream.ReadByte());
        Assert.ThrowsAny<OperationCanceledException>(() => stream.ReadAsync(buffer.AsMemory(), new CancellationToken(true)).AsTask().GetAwaiter().GetResult());
    }
}
