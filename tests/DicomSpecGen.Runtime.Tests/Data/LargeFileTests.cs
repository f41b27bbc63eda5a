using System.Diagnostics;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>A 300 MB Pixel Data value is written and read through files without memory growing with it.</summary>
public class LargeFileTests
{
    private const long PixelBytes = 300L * 1024 * 1024;

    /// <summary>Produces a deterministic byte pattern of a given length without holding it.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - _position);
            for (var i = 0; i < n; i++) buffer[i] = (byte)((_position + i) * 7 % 251);
            _position += n;
            return n;
        }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Checks the pattern as it is written to it and counts the bytes.</summary>
    private sealed class CheckingStream(bool swapped) : Stream
    {
        public long Count { get; private set; }
        public bool Matches { get; private set; } = true;
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            for (var i = 0; i < buffer.Length; i++)
            {
                var p = Count + i;
                var source = swapped ? p ^ 1 : p; // OW values swapped twice come back unchanged; kept for clarity
                if (buffer[i] != (byte)(source * 7 % 251)) { Matches = false; break; }
            }
            Count += buffer.Length;
        }
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) { Write(buffer.Span); return ValueTask.CompletedTask; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Count;
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Writing_reading_and_transcoding_300MB_keeps_memory_bounded()
    {
        var dir = Directory.CreateTempSubdirectory("dsg-large-");
        try
        {
            var path = Path.Combine(dir.FullName, "large.dcm");
            var bePath = Path.Combine(dir.FullName, "large-be.dcm");
            GC.Collect();
            var before = GC.GetTotalMemory(true);
            var peak = 0L;
            var watch = Stopwatch.StartNew();

            await using (var file = File.Create(path))
            {
                await using var writer = await DicomFileWriter.CreateAsync(file, SampleData.Meta(TransferSyntax.ExplicitVRLittleEndian), leaveOpen: true);
                await writer.WriteElementAsync(DicomTags.SOPInstanceUID, DicomVr.UI, "1.2.3"u8.ToArray());
                await writer.WriteElementAsync(DicomTags.PixelData, DicomVr.OW, new PatternStream(PixelBytes), PixelBytes);
                await writer.CompleteAsync();
            }
            peak = Math.Max(peak, GC.GetTotalMemory(false) - before);
            Assert.True(new FileInfo(path).Length > PixelBytes);

            await using (var input = File.OpenRead(path))
            await using (var output = File.Create(bePath))
            {
                await DicomFile.TranscodeAsync(input, output, TransferSyntax.ExplicitVRBigEndian);
            }
            peak = Math.Max(peak, GC.GetTotalMemory(false) - before);

            await using (var input = File.OpenRead(bePath))
            await using (var reader = await DicomFileReader.OpenAsync(input))
            {
                var checker = new CheckingStream(swapped: false);
                while (await reader.Dataset.ReadAsync())
                {
                    if (reader.Dataset.Tag == new DicomTag(DicomTags.PixelData))
                    {
                        Assert.False(reader.Dataset.IsValueLoaded);
                        await reader.Dataset.CopyValueToAsync(checker);
                    }
                    peak = Math.Max(peak, GC.GetTotalMemory(false) - before);
                }
                Assert.Equal(PixelBytes, checker.Count);
                Assert.True(checker.Matches, "pixel bytes differ after LE -> BE -> LE");
            }
            peak = Math.Max(peak, GC.GetTotalMemory(false) - before);
            // Pipe buffers and pooled chunks are a few hundred KB; 32 MB leaves room for GC timing.
            Assert.True(peak < 32L * 1024 * 1024, $"managed memory grew by {peak / 1024 / 1024} MB");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
