namespace DicomSpecGen.Transport.Capture;

/// <summary>The read side of the connection's stream with a tap: every byte read (and the end of the stream) is
/// reported to the capture before the framing code sees it. Writes are not expected through it.</summary>
internal sealed class CapturingReadStream(Stream inner, IConnectionCapture capture) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Tap(buffer, inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Tap(buffer.Span, read);
    }

    private int Tap(Span<byte> buffer, int read)
    {
        if (read > 0) capture.Data(PduDirection.Received, buffer[..read]);
        else if (buffer.Length > 0) capture.Closed(PduDirection.Received);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
