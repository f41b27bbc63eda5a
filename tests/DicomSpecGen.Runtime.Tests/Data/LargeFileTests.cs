using System.Diagnostics;
using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;
using DicomSpecGen.Registry;
using Xunit.Abstractions;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>A 300 MB Pixel Data value is written and read through files without memory growing with it.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public class LargeFileTests(ITestOutputHelper output)
{
    private const long PixelBytes = 300L * 1024 * 1024;

    /// <summary>Byte p of the pattern is (p * 7) % 251, so it repeats every 251 bytes: chunks are copied from this table.</summary>
    private static readonly byte[] Pattern = Enumerable.Range(0, 128 * 1024 + 251).Select(i => (byte)(i * 7 % 251)).ToArray();

    private static ReadOnlySpan<byte> PatternAt(long position, int count) => Pattern.AsSpan((int)(position % 251), count);

    /// <summary>Produces a deterministic byte pattern of a given length without holding it.</summary>
    private sealed class PatternStream(long length) : Stream
    {
        private long _position;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(Math.Min(buffer.Length, 128 * 1024), length - _position);
            PatternAt(_position, n).CopyTo(buffer);
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
    private sealed class CheckingStream : Stream
    {
        public long Count { get; private set; }
        public bool Matches { get; private set; } = true;
        public override void Write(ReadOnlySpan<byte> buffer)
        {
            for (var done = 0; done < buffer.Length;)
            {
                var n = Math.Min(buffer.Length - done, 128 * 1024);
                if (!buffer.Slice(done, n).SequenceEqual(PatternAt(Count + done, n))) Matches = false;
                done += n;
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
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var workingSetBefore = process.WorkingSet64;
            var peak = 0L;
            var peakWorkingSet = 0L;
            void Sample()
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false) - before);
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64 - workingSetBefore);
            }
            var watch = Stopwatch.StartNew();

            await using (var file = File.Create(path))
            {
                await using var writer = await DicomFileWriter.CreateAsync(file, SampleData.Meta(TransferSyntax.ExplicitVRLittleEndian), leaveOpen: true);
                await writer.WriteElementAsync(DicomTags.SOPInstanceUID, DicomVr.UI, "1.2.3"u8.ToArray());
                await writer.WriteElementAsync(DicomTags.PixelData, DicomVr.OW, new PatternStream(PixelBytes), PixelBytes);
                await writer.CompleteAsync();
            }
            Sample();
            Assert.True(new FileInfo(path).Length > PixelBytes);

            await using (var input = File.OpenRead(path))
            await using (var output = File.Create(bePath))
            {
                await DicomFile.TranscodeAsync(input, output, TransferSyntax.ExplicitVRBigEndian);
            }
            Sample();

            await using (var input = File.OpenRead(bePath))
            await using (var reader = await DicomFileReader.OpenAsync(input))
            {
                var checker = new CheckingStream();
                while (await reader.Dataset.ReadAsync())
                {
                    if (reader.Dataset.Tag == new DicomTag(DicomTags.PixelData))
                    {
                        Assert.False(reader.Dataset.IsValueLoaded);
                        await reader.Dataset.CopyValueToAsync(checker);
                    }
                    Sample();
                }
                Assert.Equal(PixelBytes, checker.Count);
                Assert.True(checker.Matches, "pixel bytes differ after LE -> BE -> LE");
            }
            Sample();
            // Pipe buffers and pooled chunks are a few hundred KB; 32 MB leaves room for GC timing.
            output.WriteLine($"managed growth {peak / 1024} KB, working set growth {peakWorkingSet / 1024} KB, {watch.Elapsed.TotalSeconds:F1} s");
            Assert.True(peak < 32L * 1024 * 1024, $"managed memory grew by {peak / 1024 / 1024} MB");
            // The working set also covers native buffers; far below the 300 MB that flowed through it three times.
            Assert.True(peakWorkingSet < 100L * 1024 * 1024, $"working set grew by {peakWorkingSet / 1024 / 1024} MB");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
