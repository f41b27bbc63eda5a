using DicomSpecGen.Data;
using DicomSpecGen.Data.Part10;

namespace DicomSpecGen.Runtime.Tests.Data;

/// <summary>Input that arrives a few bytes at a time (as from a socket) splits headers, values and big endian
/// words at every position; the result must not depend on it.</summary>
public class SegmentedInputTests
{
    /// <summary>Returns at most <c>chunk</c> bytes per read, cycling 1, 2, 3 ... chunk.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;
        private int _next = 1;
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, _next), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            _next = _next % chunk + 1;
            return n;
        }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(Read(buffer.Span));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public async Task Files_read_the_same_when_they_trickle_in(string uid)
    {
        var ts = SampleData.Ts(uid);
        using var file = new MemoryStream();
        await DicomFile.WriteAsync(file, SampleData.Meta(ts), SampleData.Build());
        foreach (var chunk in new[] { 1, 3, 7 })
        {
            var (meta, dataset) = await DicomFile.ReadAsync(new TrickleStream(file.ToArray(), chunk));
            Assert.Equal(uid, meta.TransferSyntaxUid);
            SampleData.AssertMatches(dataset);
        }
    }

    [Theory]
    [MemberData(nameof(SampleData.TransferSyntaxes), MemberType = typeof(SampleData))]
    public async Task Streamed_values_read_the_same_when_they_trickle_in(string uid)
    {
        var ts = SampleData.Ts(uid);
        var encoded = SampleData.Build().Encode(ts);
        // Every value above 4 bytes is streamed through the copy loop rather than loaded.
        await using var reader = new DicomStreamReader(new TrickleStream(encoded, 5), ts, new DicomReaderOptions(MaxInlineValueLength: 4));
        using var sink = new MemoryStream();
        await using (var writer = new DicomStreamWriter(sink, ts, leaveOpen: true))
            await DicomTranscoder.CopyAsync(reader, writer);
        var explicitLe = DicomSpecGen.Registry.TransferSyntax.ExplicitVRLittleEndian;
        Assert.Equal(SampleData.Build().Encode(explicitLe), DicomDataset.Decode(sink.ToArray(), ts).Encode(explicitLe));
    }
}
